/*
** deadlines.c — when reports are due: report_due(), deadline_ok(),
** report_status() and the report_calendar() table-valued function (DOMAIN
** JG6, JG7, D1, D2).
**
** CONTRACT (rule ids R1–R10)
**
** R1. report_due(period [, rule]) → the due date, TEXT 'YYYY-MM-DD'.
**     A month YYYY-MM is due on the 5th of the following month (JG6); a
**     half-year YYYY-H1 on 31 July and YYYY-H2 on 31 December of its year
**     (JG7).
** R2. A due date that is not a working day (calendar.c) moves to the next
**     working day (DOMAIN D1, KR1):
**       report_due('2015-03') → '2015-04-06'   (the 5th is a Sunday)
**       report_due('2015-04') → '2015-05-06'   (어린이날)
**       report_due('2015-08') → '2015-09-07'
**       report_due('2015-12') → '2016-01-05'
**       report_due('2015-H1') → '2015-07-31'
** R3. rule is TEXT: comma-separated settings, spaces around them ignored;
**     NULL or '' means the defaults.
**       day=N    monthly reports are due on day N (1–31) of the next month,
**                clamped to that month's last day ('day=31' → 28 Feb)
**       strict   no move past weekends and holidays (the calendar date)
**       h1=MM-DD, h2=MM-DD   the research report of a half-year (R10)
**     report_due('2015-03','strict') → '2015-04-05'.
**     A setting this version does not know is an error that quotes it, and
**     so is a known setting with a bad value:
**       "report_due(): unknown rule setting 'weekly'"
**       "report_due(): unknown rule setting 'day=10일'"  (not day=digits)
**       "report_due(): invalid rule setting 'day=32'"   (digits, not 1–31,
**                                                       or 'day=')
**     and a rule that is not TEXT is "report_due(): invalid rule 5".
**     A constant rule is parsed once per statement (sqlite3_set_auxdata).
** R4. deadline_ok(period, submitted [, rule]) → 1 when the submission's
**     Korean calendar day (dates.c T2) is on or before report_due(period,
**     rule), else 0; NULL when period or submitted is NULL. Anything on the
**     due day is on time (DOMAIN D2):
**       deadline_ok('2015-03','2015-04-06 23:59') → 1
**       deadline_ok('2015-03','2015-04-07 00:00') → 0
** R5. A period whose due date needs a working day outside the calendar
**     (2000–2050, calendar.c C1) is an error that says the range; with
**     'strict' no calendar is needed. A period due after 9999-12-31, the
**     last day a date can have (dates.c T12), is an error in every function
**     that needs its due date, strict or not:
**       "report_due(): the due date of period '9999-12' is after 9999-12-31"
** R6. report_calendar(from_period, to_period [, rule]) — one row per report
**     due in the range: period, kind ('monthly' or 'research'), due. Every
**     month from the first month of from_period to the last month of
**     to_period, and each half-year whose last month lies in that range;
**     ordered by due date, then period. Both periods are required;
**     from after to gives no rows.
**       SELECT * FROM report_calendar('2015-03','2015-12') → 12 rows, the
**       reports of Jung-gu's 2015 year (10 monthly, 2 research).
** R7. These functions (report_status too, R9) consult holiday_override
**     (calendar.c C7): INNOCUOUS, not DETERMINISTIC.
** R8. Cost: the due days of every period of the calendar's years are
**     memoised per connection, one memo for each rule used (62 at most: day
**     1–31, strict or not), so that any number of rules in one statement
**     costs no more than one; a memo is rebuilt when the working days
**     change. A constant rule is parsed once per statement (R3).
**     deadline_ok(period, submitted) with the default rule has a fast path
**     of its own, with its own contract: deadline_fast.c F1–F9. Everything it
**     leaves comes here (lc_deadline_ok_general), which gives every answer
**     and every error; the tests and fuzz_dates compare the two.
**     bench/README.md has the measurements.
** R9. report_status(period, submitted, as_of [, rule]) → the state of one
**     report on the day as_of (workflows.md W2), the rule that monthly-check,
**     summary and the HTML report share:
**       - a submission whose Korean calendar day (dates.c T2) is after
**         as_of's is not seen: the day is shown as it was;
**       - a seen submission is 'on_time' when deadline_ok(period, submitted,
**         rule) (R4), else 'late';
**       - with none seen (submitted NULL, or not seen): 'missing' when
**         as_of's day is after report_due(period, rule), else 'pending'.
**     NULL when period or as_of is NULL; a NULL submitted is nothing filed.
**     Every argument is checked before that, so a bad value is an error
**     even beside a NULL. submitted and as_of take every date form (dates.c
**     T1); errors name report_status: "report_status(): invalid date
**     '2015-02-30'", "report_status(): invalid period '2015-13'",
**     "report_status(): unknown rule setting 'weekly'".
**       report_status('2015-03', '2015-04-06 23:59', '2015-12-31') → 'on_time'
**       report_status('2015-03', '2015-04-08', '2015-12-31')       → 'late'
**       report_status('2015-03', NULL, '2015-04-07')               → 'missing'
**       report_status('2015-03', NULL, '2015-04-06')               → 'pending'
**       report_status('2015-03', '2015-04-09', '2015-04-08')       → 'missing'
**     It finds the due date as report_due() does (R8's memo).
** R10. h1=MM-DD and h2=MM-DD (issue 15, DOMAIN O6): the research report
**     of YYYY-H1 (h1) or YYYY-H2 (h2) is due on the first MM-DD on or after
**     the half-year's first day, in place of JG7's 31 July or 31 December,
**     and moves past holidays as R2 says unless strict. So h1= is a day of
**     the half-year's year; h2= is one of its year for a month 07–12, of
**     the next year for 01–06 (a report after the year ends). 02-29 is the
**     last day of February in a year without it. O6 asks for the plans by
**     1-20 and 7-20: 'h1=01-20, h2=07-20'.
**       report_due('2026-H1', 'h1=07-20') → '2026-07-20'
**       report_due('2026-H2', 'h2=01-20') → '2027-01-20'
**       report_due('2015-H1', 'h1=07-19') → '2015-07-20' (a Sunday)
**     The value is MM-DD of a month and a day it can have: else an error
**     in R3's form, "report_due(): invalid rule setting 'h1=02-30'";
**     h1= followed by anything but digits and '-' is an unknown setting,
**     as day= is (R3). A month is not affected by them. Such a half-year's
**     due day is not memoised (R8's memo holds JG7's), it is computed:
**     one lookup in the calendar. deadline_ok()'s fast path takes no rule
**     (deadline_fast.c F2): a rule of three arguments takes the general
**     path.
*/
#include "deadlines.h"

#include <stdint.h>
#include <string.h>

typedef struct lc_rule {
  int day;    /* monthly due day, 1..31 */
  int strict; /* do not move to a working day */
  int h[2];   /* R10: H1's and H2's due day as month * 32 + day; 0: JG7's */
} lc_rule;

static const lc_rule default_rule = {5, 0, {0, 0}};

/* The due days of every rule used, one memo a rule (R8): a rule is one of
** 62 (day 1–31, strict or not), its index (day - 1) * 2 + strict. */
#define N_RULES 62
typedef struct lc_due_memo lc_due_memo;

struct lc_deadlines {
  lc_state base;
  lc_cal *pCal; /* a reference */
  lc_due_memo *apMemo[N_RULES];
};

static int rule_index(const lc_rule *r) { return (r->day - 1) * 2 + r->strict; }

/* Parses a rule (R3). On a bad setting returns 1 (unknown) or 2
** (malformed) and points *pzBad, *pnBad at it. */
static int rule_parse(const char *z, int n, lc_rule *r, const char **pzBad,
                      int *pnBad) {
  int i = 0;
  *r = default_rule;
  while (i < n) {
    int s, e;
    while (i < n && z[i] == ' ') i++;
    s = i;
    while (i < n && z[i] != ',') i++;
    e = i;
    while (e > s && z[e - 1] == ' ') e--;
    if (i < n) i++; /* the comma */
    if (e == s) continue;
    *pzBad = z + s;
    *pnBad = e - s;
    if (e - s == 6 && memcmp(z + s, "strict", 6) == 0) {
      r->strict = 1;
    } else if (e - s >= 4 && memcmp(z + s, "day=", 4) == 0) {
      /* R3: day= with anything but digits is no setting we know
      ** ('day=10일', 'day=five'); digits out of 1–31, a leading zero or
      ** no digits at all are a bad value of the day setting. */
      int k, v = 0;
      for (k = s + 4; k < e; k++)
        if (z[k] < '0' || z[k] > '9') return 1;
      if (e - s > 6 || e - s == 4) return 2;
      for (k = s + 4; k < e; k++) v = v * 10 + (z[k] - '0');
      if (v < 1 || v > 31) return 2;
      r->day = v;
    } else if (e - s >= 3 && z[s] == 'h' && (z[s + 1] == '1' || z[s + 1] == '2') &&
               z[s + 2] == '=') {
      /* R10: hN= with anything but digits and '-' is no setting we know,
      ** as day= is (R3); digits that are not MM-DD of a month and a day it
      ** can have (02-29 included) are a bad value. */
      int k, mo, d;
      for (k = s + 3; k < e; k++)
        if ((z[k] < '0' || z[k] > '9') && z[k] != '-') return 1;
      if (e - s != 8 || z[s + 5] != '-' || z[s + 3] == '-' || z[s + 4] == '-' ||
          z[s + 6] == '-' || z[s + 7] == '-')
        return 2;
      mo = (z[s + 3] - '0') * 10 + (z[s + 4] - '0');
      d = (z[s + 6] - '0') * 10 + (z[s + 7] - '0');
      if (mo < 1 || mo > 12 || d < 1 || d > lc_days_in_month(2000, mo)) return 2;
      r->h[z[s + 1] - '1'] = mo * 32 + d;
    } else {
      return 1;
    }
  }
  return 0;
}

/* "FUNC(): unknown rule setting 'x'" or "FUNC(): invalid rule setting 'x'" */
static char *rule_error(const char *zFunc, int bad, const char *zBad,
                        int nBad) {
  char *zLit = lc_literal_text(zBad, nBad), *zMsg = 0;
  if (zLit)
    zMsg = sqlite3_mprintf("%s(): %s rule setting %s", zFunc,
                           bad == 1 ? "unknown" : "invalid", zLit);
  sqlite3_free(zLit);
  return zMsg;
}

/* A rule packed into a pointer's bits, 25 of them, so that it fits even a
** 32-bit pointer: bit 0 set (never NULL), bit 1 strict, bits 2-6 the day,
** bits 7-15 and 16-24 the two half-years' due days (R10). */
static uintptr_t rule_pack(const lc_rule *r) {
  return ((uintptr_t)r->h[1] << 16) | ((uintptr_t)r->h[0] << 7) |
         ((uintptr_t)r->day << 2) | ((uintptr_t)r->strict << 1) | 1u;
}

static void rule_unpack(uintptr_t packed, lc_rule *r) {
  r->strict = (int)((packed >> 1) & 1);
  r->day = (int)((packed >> 2) & 31);
  r->h[0] = (int)((packed >> 7) & 511);
  r->h[1] = (int)((packed >> 16) & 511);
}

/* The rule argument argv[iArg], parsed once per statement when constant:
** the settings fit in the auxdata pointer itself (rule_pack), so nothing is
** allocated. Returns 0, or -1 after setting the error. */
static int rule_arg(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                    int iArg, const char *zFunc, lc_rule *r) {
  uintptr_t packed;
  const char *z, *zBad = 0;
  int n, nBad = 0, bad;
  if (argc <= iArg || sqlite3_value_type(argv[iArg]) == SQLITE_NULL) {
    *r = default_rule;
    return 0;
  }
  packed = (uintptr_t)sqlite3_get_auxdata(ctx, iArg);
  if (packed) {
    rule_unpack(packed, r);
    return 0;
  }
  if (sqlite3_value_type(argv[iArg]) != SQLITE_TEXT) {
    lc_error_value(ctx, zFunc, "rule", argv[iArg]);
    return -1;
  }
  z = (const char *)sqlite3_value_text(argv[iArg]);
  n = sqlite3_value_bytes(argv[iArg]);
  if (!z) {
    sqlite3_result_error_nomem(ctx);
    return -1;
  }
  bad = rule_parse(z, n, r, &zBad, &nBad);
  if (bad) {
    lc_result_error(ctx, rule_error(zFunc, bad, zBad, nBad));
    return -1;
  }
  sqlite3_set_auxdata(ctx, iArg, (void *)rule_pack(r), 0);
  return 0;
}

/* The calendar date a period is due before any move (R1, R3, R10). */
static int due_base(const lc_period *p, const lc_rule *r) {
  if (p->month == 0) {
    int h = r->h[p->half - 1], mo, d, y;
    if (!h) /* JG7 */
      return p->half == 1 ? lc_days_from_civil(p->year, 7, 31)
                          : lc_days_from_civil(p->year, 12, 31);
    /* R10: the first MM-DD on or after the half-year's first day, 02-29
    ** clamped to a year's last day of February */
    mo = h / 32;
    y = p->year + (p->half == 2 && mo < 7);
    d = h % 32 < lc_days_in_month(y, mo) ? h % 32 : lc_days_in_month(y, mo);
    return lc_days_from_civil(y, mo, d);
  } else {
    int y = p->year + (p->month == 12), m = p->month == 12 ? 1 : p->month + 1;
    int dim = lc_days_in_month(y, m);
    return lc_days_from_civil(y, m, r->day < dim ? r->day : dim);
  }
}

/* Whether a due day lies after the last day a date can have (R5). */
static int due_beyond(int dn) {
  return dn > lc_days_from_civil(LC_MAX_YEAR, 12, 31);
}

/* "FUNC(): the due date of period 'P' is after 9999-12-31" (R5) */
static char *due_beyond_error(const char *zFunc, const lc_period *p) {
  char z[12];
  lc_format_period(p, z);
  return sqlite3_mprintf("%s(): the due date of period '%s' is after %d-12-31",
                         zFunc, z, LC_MAX_YEAR);
}

/* The due date of p under r, in *pDn: 0, or -1 after setting the error. */
static int due_date(sqlite3_context *ctx, lc_deadlines *pDl, const char *zFunc,
                    const lc_period *p, const lc_rule *r, int *pDn) {
  int dn = due_base(p, r), bad = 0;
  lc_cal *pCal;
  if (due_beyond(dn)) {
    lc_result_error(ctx, due_beyond_error(zFunc, p));
    return -1;
  }
  if (r->strict) {
    *pDn = dn;
    return 0;
  }
  if (!(pCal = lc_calendar(ctx, pDl->pCal, zFunc))) return -1;
  dn = lc_cal_next_working(pCal, dn, &bad);
  if (dn < 0) {
    lc_result_error(ctx, lc_cal_range_error(zFunc, bad));
    return -1;
  }
  *pDn = dn;
  return 0;
}

/* ---- The hot path: due dates memoised per rule (R8) -------------------- */

static int ymd_of(int dn) {
  int y, m, d;
  lc_civil_from_days(dn, &y, &m, &d);
  return LC_YMD(y, m, d);
}

/* The slot of a period of the calendar's years (deadlines.h). */
static int memo_slot(const lc_period *p) {
  return (p->year - LC_CAL_FIRST_YEAR) * 14 +
         (p->month ? p->month - 1 : 11 + p->half);
}

/* The due day of every period of the calendar's years under one rule,
** built from the calendar of one generation, packed (LC_YMD); 0 where the
** due day falls outside the calendar (due_date() reports the error). */
struct lc_due_memo {
  unsigned gen;
  int aYmd[LC_DUE_SLOTS];
};

static void memo_fill(lc_due_memo *m, const lc_cal *pCal, const lc_rule *r) {
  int i, bad;
  lc_period p;
  m->gen = pCal ? lc_cal_generation(pCal) : 0;
  for (i = 0; i < LC_DUE_SLOTS; i++) {
    int dn, k = i % 14;
    p.year = LC_CAL_FIRST_YEAR + i / 14;
    p.month = k < 12 ? k + 1 : 0;
    p.half = k < 12 ? (k < 6 ? 1 : 2) : k - 11;
    dn = due_base(&p, r);
    if (!r->strict) dn = lc_cal_next_working(pCal, dn, &bad);
    m->aYmd[i] = dn < 0 ? 0 : ymd_of(dn);
  }
}

/* The memo of rule r's day and strict settings for the working days of
** pCal (NULL for a strict rule, which needs none), filled when missing or
** built on other working days; NULL when out of memory (the caller then
** computes the due day itself). Its half-years are JG7's: a rule with
** h1= or h2= (R10) computes those of its half-years itself (due_ymd). */
static const lc_due_memo *memo_get(lc_deadlines *pDl, const lc_cal *pCal,
                                   const lc_rule *r) {
  lc_due_memo **pp = &pDl->apMemo[rule_index(r)], *m = *pp;
  unsigned gen = pCal ? lc_cal_generation(pCal) : 0;
  lc_rule base = *r;
  if (m && m->gen == gen) return m;
  if (!m && !(m = *pp = sqlite3_malloc(sizeof(*m)))) return 0;
  base.h[0] = base.h[1] = 0;
  memo_fill(m, pCal, &base);
  return m;
}

const int *lc_due_days_default(lc_deadlines *pDl, const lc_cal *pCal) {
  const lc_due_memo *m = memo_get(pDl, pCal, &default_rule);
  return m ? m->aYmd : 0;
}

/* The due day of p under r, packed, in *pYmd: 0, or -1 after setting the
** error. */
static int due_ymd(sqlite3_context *ctx, lc_deadlines *pDl, const char *zFunc,
                   const lc_period *p, const lc_rule *r, int *pYmd) {
  lc_cal *pCal = 0;
  int dn;
  if (!r->strict && !(pCal = lc_calendar(ctx, pDl->pCal, zFunc))) return -1;
  if (p->year >= LC_CAL_FIRST_YEAR && p->year <= LC_CAL_LAST_YEAR &&
      !(p->month == 0 && r->h[p->half - 1])) {
    const lc_due_memo *m = memo_get(pDl, pCal, r);
    int ymd = m ? m->aYmd[memo_slot(p)] : 0;
    if (ymd) {
      *pYmd = ymd;
      return 0;
    }
  }
  if (due_date(ctx, pDl, zFunc, p, r, &dn)) return -1;
  *pYmd = ymd_of(dn);
  return 0;
}

/* report_due(period [, rule]) — R1–R3, R5 */
static void report_due_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  lc_deadlines *pDl = sqlite3_user_data(ctx);
  lc_period p;
  lc_rule r;
  int ymd;
  char z[12];
  if (lc_arg_period(ctx, argv[0], "report_due", &p)) return;
  if (rule_arg(ctx, argc, argv, 1, "report_due", &r)) return;
  if (due_ymd(ctx, pDl, "report_due", &p, &r, &ymd)) return;
  lc_format_ymd(ymd, z);
  sqlite3_result_text(ctx, z, -1, SQLITE_TRANSIENT);
}

/* deadline_ok(period, submitted [, rule]) — R4; deadline_fast.c registers
** the function and calls this for everything its fast path leaves. */
void lc_deadline_ok_general(sqlite3_context *ctx, lc_deadlines *pDl, int argc,
                            sqlite3_value **argv) {
  lc_period p;
  lc_rule r;
  int due, sub;
  if (lc_arg_period(ctx, argv[0], "deadline_ok", &p)) return;
  if (lc_arg_ymd(ctx, argv[1], "deadline_ok", &sub)) return;
  if (rule_arg(ctx, argc, argv, 2, "deadline_ok", &r)) return;
  if (due_ymd(ctx, pDl, "deadline_ok", &p, &r, &due)) return;
  sqlite3_result_int(ctx, sub <= due);
}

/* ---- report_status(period, submitted, as_of [, rule]) — R9 ------------- */

static void report_status_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  static const char *const zFunc = "report_status";
  lc_deadlines *pDl = sqlite3_user_data(ctx);
  lc_period p;
  lc_rule r;
  int rcP, rcS, rcA, sub = 0, asOf = 0, due;
  const char *zStatus;
  /* Every argument is checked first: a bad one is an error beside a NULL. */
  if ((rcP = lc_arg_period(ctx, argv[0], zFunc, &p)) < 0) return;
  if ((rcS = lc_arg_ymd(ctx, argv[1], zFunc, &sub)) < 0) return;
  if ((rcA = lc_arg_ymd(ctx, argv[2], zFunc, &asOf)) < 0) return;
  if (rule_arg(ctx, argc, argv, 3, zFunc, &r)) return;
  if (rcP || rcA) return; /* NULL */
  if (due_ymd(ctx, pDl, zFunc, &p, &r, &due)) return;
  if (rcS == 0 && sub <= asOf) /* seen on as_of */
    zStatus = sub <= due ? "on_time" : "late";
  else
    zStatus = asOf > due ? "missing" : "pending";
  sqlite3_result_text(ctx, zStatus, -1, SQLITE_STATIC);
}

/* ---- report_calendar(from_period, to_period [, rule]) — R6 ------------- */

typedef struct cal_cursor {
  lc_tvf_cursor base; /* the arguments (common.c V4) */
  lc_rule rule;
  int mNext, mEnd; /* next month to report, last month (year*12 + m-1) */
  int hNext, hEnd; /* next half-year, last one (year*2 + half-1) */
  int mDue, hDue;  /* their due days, when mNext <= mEnd / hNext <= hEnd */
  int rowid;
  int eof;
  lc_period cur; /* the current row */
  int curDue;
} cal_cursor;

enum { RC_PERIOD, RC_KIND, RC_DUE, RC_FROM, RC_TO, RC_RULE };

static const char *const azRcArg[] = {"from_period", "to_period", "rule"};
/* from_period and to_period are required (R6); about a year's reports. */
static const lc_tvf rcTvf = {"report_calendar", RC_FROM, 3, azRcArg, 3u, 14};

static int rc_connect(sqlite3 *db, void *pAux, int argc,
                       const char *const *argv, sqlite3_vtab **ppVtab,
                       char **pzErr) {
  (void)argc;
  (void)argv;
  (void)pzErr;
  return lc_vtab_connect(db, pAux, "CREATE TABLE x(period TEXT, kind TEXT, due TEXT,"
          " from_period HIDDEN, to_period HIDDEN, rule HIDDEN)", ppVtab);
}

static int rc_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur) {
  int rc = lc_tvf_open(sizeof(cal_cursor), ppCur);
  (void)pVtab;
  if (rc == SQLITE_OK) ((cal_cursor *)*ppCur)->eof = 1;
  return rc;
}

static int rc_close(sqlite3_vtab_cursor *cur) {
  lc_tvf_close((lc_tvf_cursor *)cur);
  return SQLITE_OK;
}

/* The due day of a period in a cursor: SQLITE_OK or an error on the vtab. */
static int rc_due(cal_cursor *c, const lc_period *p, int *pDn) {
  lc_vtab *pVtab = (lc_vtab *)c->base.base.pVtab;
  lc_cal *pCal = ((lc_deadlines *)pVtab->pState)->pCal;
  int dn = due_base(p, &c->rule), bad = 0, rc;
  char *zErr = 0;
  if (due_beyond(dn))
    return lc_vtab_error(&pVtab->base, due_beyond_error("report_calendar", p));
  if (!c->rule.strict) {
    rc = lc_cal_ready(pVtab->db, pCal, &zErr);
    if (rc != SQLITE_OK) {
      if (!zErr) return rc;
      lc_vtab_error(&pVtab->base,
                     sqlite3_mprintf("report_calendar(): %s", zErr));
      sqlite3_free(zErr);
      return rc;
    }
    dn = lc_cal_next_working(pCal, dn, &bad);
    if (dn < 0)
      return lc_vtab_error(&pVtab->base,
                            lc_cal_range_error("report_calendar", bad));
  }
  *pDn = dn;
  return SQLITE_OK;
}

static void month_period(int m, lc_period *p) {
  p->year = m / 12;
  p->month = m % 12 + 1;
  p->half = p->month <= 6 ? 1 : 2;
}

static void half_period(int h, lc_period *p) {
  p->year = h / 2;
  p->month = 0;
  p->half = h % 2 + 1;
}

/* Takes the earlier of the next month and the next half-year as the
** current row; ties go to the smaller period text ('YYYY-MM' < 'YYYY-Hn'). */
static int rc_advance(cal_cursor *c) {
  int useMonth, rc;
  int haveM = c->mNext <= c->mEnd, haveH = c->hNext <= c->hEnd;
  if (!haveM && !haveH) {
    c->eof = 1;
    return SQLITE_OK;
  }
  if (haveM && haveH) {
    lc_period pm, ph;
    char zm[12], zh[12];
    if (c->mDue != c->hDue) {
      useMonth = c->mDue < c->hDue;
    } else {
      month_period(c->mNext, &pm);
      half_period(c->hNext, &ph);
      lc_format_period(&pm, zm);
      lc_format_period(&ph, zh);
      useMonth = strcmp(zm, zh) < 0;
    }
  } else {
    useMonth = haveM;
  }
  c->eof = 0;
  if (useMonth) {
    month_period(c->mNext, &c->cur);
    c->curDue = c->mDue;
    if (++c->mNext <= c->mEnd) {
      lc_period p;
      month_period(c->mNext, &p);
      if ((rc = rc_due(c, &p, &c->mDue)) != SQLITE_OK) return rc;
    }
  } else {
    half_period(c->hNext, &c->cur);
    c->curDue = c->hDue;
    if (++c->hNext <= c->hEnd) {
      lc_period p;
      half_period(c->hNext, &p);
      if ((rc = rc_due(c, &p, &c->hDue)) != SQLITE_OK) return rc;
    }
  }
  c->rowid++;
  return SQLITE_OK;
}

static int rc_period_arg(sqlite3_vtab *pVtab, sqlite3_value *v,
                         const char *zCol, lc_period *p) {
  /* Issue 6 (fuzz_rules): the type before the text, as reading a blob as
  ** text turns it into TEXT and a blob period was then accepted. */
  const char *z = sqlite3_value_type(v) == SQLITE_TEXT
                      ? (const char *)sqlite3_value_text(v)
                      : 0;
  if (z && lc_parse_period(z, sqlite3_value_bytes(v), p) == 0)
    return SQLITE_OK;
  {
    char *zLit = lc_literal(v);
    int rc = lc_vtab_error(
        pVtab, zLit ? sqlite3_mprintf("report_calendar(): invalid %s %s",
                                      zCol, zLit)
                    : 0);
    sqlite3_free(zLit);
    return rc;
  }
}

static int rc_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv) {
  cal_cursor *c = (cal_cursor *)cur;
  sqlite3_vtab *pVtab = cur->pVtab;
  sqlite3_value *vFrom, *vTo, *vRule;
  lc_period from, to, p;
  int rc, first, last;
  (void)idxStr;
  c->eof = 1;
  c->rowid = 0;
  c->rule = default_rule;
  if ((rc = lc_tvf_filter_args(&c->base, &rcTvf, idxNum, argc, argv))) return rc;
  vFrom = c->base.apArg[0];
  vTo = c->base.apArg[1];
  vRule = c->base.apArg[2];
  if (!vFrom || !vTo || sqlite3_value_type(vFrom) == SQLITE_NULL ||
      sqlite3_value_type(vTo) == SQLITE_NULL)
    return SQLITE_OK;
  if ((rc = rc_period_arg(pVtab, vFrom, "from_period", &from))) return rc;
  if ((rc = rc_period_arg(pVtab, vTo, "to_period", &to))) return rc;
  if (vRule && sqlite3_value_type(vRule) != SQLITE_NULL) {
    /* Issue 6 (fuzz_rules): the type before the text, as above: a blob rule
    ** was read as text ("unknown rule setting") where report_due() says
    ** "invalid rule x'…'". */
    const char *z = sqlite3_value_type(vRule) == SQLITE_TEXT
                        ? (const char *)sqlite3_value_text(vRule)
                        : 0,
               *zBad = 0;
    int nBad = 0, bad;
    if (!z) {
      char *zLit = lc_literal(vRule);
      rc = lc_vtab_error(pVtab, zLit ? sqlite3_mprintf(
                                            "report_calendar(): invalid rule %s", zLit)
                                      : 0);
      sqlite3_free(zLit);
      return rc;
    }
    bad = rule_parse(z, sqlite3_value_bytes(vRule), &c->rule, &zBad, &nBad);
    if (bad) return lc_vtab_error(pVtab, rule_error("report_calendar", bad, zBad, nBad));
  }
  first = from.year * 12 + (from.month ? from.month - 1 : (from.half - 1) * 6);
  last = to.year * 12 + (to.month ? to.month - 1 : to.half * 6 - 1);
  c->mNext = first;
  c->mEnd = last;
  /* half-years whose last month (h*6 + 5) lies in [first, last] */
  c->hNext = first / 6;                      /* smallest h: 6h + 5 >= first */
  c->hEnd = last >= 5 ? (last - 5) / 6 : -1; /* largest h: 6h + 5 <= last */
  if (c->mNext <= c->mEnd) {
    month_period(c->mNext, &p);
    if ((rc = rc_due(c, &p, &c->mDue))) return rc;
  }
  if (c->hNext <= c->hEnd) {
    half_period(c->hNext, &p);
    if ((rc = rc_due(c, &p, &c->hDue))) return rc;
  }
  return rc_advance(c);
}

static int rc_next(sqlite3_vtab_cursor *cur) {
  return rc_advance((cal_cursor *)cur);
}

static int rc_eof(sqlite3_vtab_cursor *cur) { return ((cal_cursor *)cur)->eof; }

static int rc_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  cal_cursor *c = (cal_cursor *)cur;
  char z[12];
  switch (i) {
  case RC_PERIOD:
    lc_format_period(&c->cur, z);
    sqlite3_result_text(ctx, z, 7, SQLITE_TRANSIENT);
    break;
  case RC_KIND:
    sqlite3_result_text(ctx, c->cur.month ? "monthly" : "research", -1,
                        SQLITE_STATIC);
    break;
  case RC_DUE:
    lc_format_date(c->curDue, z);
    /* Issue 6 (fuzz_tvf) found the strict due date of 9999-12 cut to
    ** '10000-01-0'; such a due date is an error now (R5, rc_due). */
    sqlite3_result_text(ctx, z, 10, SQLITE_TRANSIENT);
    break;
  default: /* the arguments as given (common.c V4) */
    lc_tvf_column_arg(&c->base, &rcTvf, ctx, i);
    break;
  }
  return SQLITE_OK;
}

static int rc_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid) {
  *pRowid = ((cal_cursor *)cur)->rowid;
  return SQLITE_OK;
}

/* The arguments as every table-valued function takes them (common.c
** V1–V3). */
static int rc_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo) {
  return lc_tvf_best_index(pVtab, pInfo, &rcTvf);
}

/* Designated initializers: the fields after xRowid (xUpdate …) differ
** between SQLite versions and stay NULL, the table being read-only. */
static const sqlite3_module report_calendar_module = {
    .iVersion = 0,
    .xCreate = 0, /* eponymous only: no CREATE VIRTUAL TABLE */
    .xConnect = rc_connect,
    .xBestIndex = rc_best_index,
    .xDisconnect = lc_vtab_disconnect,
    .xOpen = rc_open,
    .xClose = rc_close,
    .xFilter = rc_filter,
    .xNext = rc_next,
    .xEof = rc_eof,
    .xColumn = rc_column,
    .xRowid = rc_rowid,
};

/* ---- Registration -------------------------------------------------------- */

static void deadlines_free(lc_state *pState) {
  lc_deadlines *p = (lc_deadlines *)pState;
  int i;
  for (i = 0; i < N_RULES; i++) sqlite3_free(p->apMemo[i]);
  lc_state_unref(p->pCal);
  sqlite3_free(p);
}

lc_cal *lc_deadlines_calendar(const lc_deadlines *pDl) { return pDl->pCal; }

int lc_deadlines_register(sqlite3 *db, lc_cal *pCal, lc_deadlines **ppDl,
                          char **pzErr) {
  static const lc_function aFunc[] = {
      /* R7, learnclub.c E4: they read holiday_override, not deterministic */
      {"report_due", 1, LC_READS_DB, report_due_func, 0, 0, 0, 0},
      {"report_due", 2, LC_READS_DB, report_due_func, 0, 0, 0, 0},
      {"report_status", 3, LC_READS_DB, report_status_func, 0, 0, 0, 0},
      {"report_status", 4, LC_READS_DB, report_status_func, 0, 0, 0, 0},
  };
  lc_deadlines *p = lc_state_new(sizeof(lc_deadlines), deadlines_free);
  int rc;
  *ppDl = 0;
  if (!p) {
    *pzErr = sqlite3_mprintf("learnclub: out of memory");
    return SQLITE_NOMEM;
  }
  p->pCal = (lc_cal *)lc_state_ref((lc_state *)pCal);
  rc = lc_register_functions(db, aFunc, sizeof(aFunc) / sizeof(aFunc[0]),
                             &p->base, pzErr);
  if (rc == SQLITE_OK)
    rc = lc_register_module(db, "report_calendar", &report_calendar_module,
                            &p->base, pzErr);
  if (rc != SQLITE_OK) {
    lc_state_unref(p);
    return rc;
  }
  *ppDl = p;
  return SQLITE_OK;
}
