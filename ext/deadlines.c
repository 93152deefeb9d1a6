/*
** deadlines.c — when reports are due: report_due(), deadline_ok(),
** report_status() and the report_calendar() table-valued function (DOMAIN
** JG6, JG7, D1, D2).
**
** CONTRACT
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
**     report_due('2015-03','strict') → '2015-04-05'.
**     An unknown setting or a malformed one is an error that quotes it:
**       "report_due(): unknown rule setting 'weekly'"
**       "report_due(): invalid rule setting 'day=32'"
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
**     memoised per connection for the last two rules used, and rebuilt when
**     the working days change. deadline_ok(period, submitted) with the
**     default rule, on every row of a statement after the first, takes a
**     fast path for submissions of 2000–2050 written YYYY-MM-DD HH:MM,
**     YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (the forms the report table
**     allows): a period and a submission's month are each found by one
**     hash-table lookup that also validates them, and the day and time are
**     checked eight bytes at a time. Everything else takes the general path,
**     which gives the same answers and the errors; the tests and
**     fuzz_dates compare the two. bench/README.md has the measurements.
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
*/
#include "learnclub.h"
SQLITE_EXTENSION_INIT3

#include <stdint.h>
#include <string.h>

typedef struct lc_rule {
  int day;    /* monthly due day, 1..31 */
  int strict; /* do not move to a working day */
} lc_rule;

static const lc_rule default_rule = {5, 0};

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
    } else if (e - s > 4 && memcmp(z + s, "day=", 4) == 0) {
      int k, v = 0;
      if (e - s > 6) return 2;
      for (k = s + 4; k < e; k++) {
        if (z[k] < '0' || z[k] > '9') return 2;
        v = v * 10 + (z[k] - '0');
      }
      if (v < 1 || v > 31) return 2;
      r->day = v;
    } else if (e - s >= 3 && memcmp(z + s, "day", 3) == 0) {
      return 2;
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

/* The rule argument argv[iArg], parsed once per statement when constant:
** the two settings fit in the auxdata pointer itself, so nothing is
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
    r->day = (int)(packed >> 2);
    r->strict = (int)((packed >> 1) & 1);
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
    char *zMsg = rule_error(zFunc, bad, zBad, nBad);
    if (zMsg)
      sqlite3_result_error(ctx, zMsg, -1);
    else
      sqlite3_result_error_nomem(ctx);
    sqlite3_free(zMsg);
    return -1;
  }
  packed = ((uintptr_t)r->day << 2) | ((uintptr_t)r->strict << 1) | 1u;
  sqlite3_set_auxdata(ctx, iArg, (void *)packed, 0);
  return 0;
}

/* The calendar date a period is due before any move (R1, R3). */
static int due_base(const lc_period *p, const lc_rule *r) {
  if (p->month == 0) {
    return p->half == 1 ? lc_days_from_civil(p->year, 7, 31)
                        : lc_days_from_civil(p->year, 12, 31);
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
static int due_date(sqlite3_context *ctx, const char *zFunc,
                    const lc_period *p, const lc_rule *r, int *pDn) {
  int dn = due_base(p, r), bad = 0;
  lc_cal *pCal;
  if (due_beyond(dn)) {
    char *zErr = due_beyond_error(zFunc, p);
    if (zErr)
      sqlite3_result_error(ctx, zErr, -1);
    else
      sqlite3_result_error_nomem(ctx);
    sqlite3_free(zErr);
    return -1;
  }
  if (r->strict) {
    *pDn = dn;
    return 0;
  }
  if (!(pCal = lc_calendar(ctx, zFunc))) return -1;
  dn = lc_cal_next_working(pCal, dn, &bad);
  if (dn < 0) {
    lc_result_range_error(ctx, zFunc, bad);
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

/* Periods of the calendar's years as memo slots: 14 a year, the months
** then H1 and H2. */
#define MEMO_YEARS (LC_CAL_LAST_YEAR - LC_CAL_FIRST_YEAR + 1)
#define MEMO_SLOTS (MEMO_YEARS * 14)

static int memo_slot(const lc_period *p) {
  return (p->year - LC_CAL_FIRST_YEAR) * 14 +
         (p->month ? p->month - 1 : 11 + p->half);
}

/* The due day of every period of the calendar's years under one rule,
** built from the calendar of one generation, packed (LC_YMD); 0 where the
** due day falls outside the calendar (the slow path reports the error). */
struct lc_due_memo {
  lc_rule rule;
  unsigned gen;
  int aYmd[MEMO_SLOTS];
};

static void memo_fill(lc_due_memo *m, const lc_cal *pCal, const lc_rule *r) {
  int i, bad;
  lc_period p;
  m->rule = *r;
  m->gen = pCal ? lc_cal_generation(pCal) : 0;
  for (i = 0; i < MEMO_SLOTS; i++) {
    int dn, k = i % 14;
    p.year = LC_CAL_FIRST_YEAR + i / 14;
    p.month = k < 12 ? k + 1 : 0;
    p.half = k < 12 ? (k < 6 ? 1 : 2) : k - 11;
    dn = due_base(&p, r);
    if (!r->strict) dn = lc_cal_next_working(pCal, dn, &bad);
    m->aYmd[i] = dn < 0 ? 0 : ymd_of(dn);
  }
}

/* ---- deadline_ok()'s tables (R8) ----------------------------------------
** The fast path reads a period's text (7 bytes and the terminator) and the
** first 8 bytes of a submission ('YYYY-MM-') each as one 64-bit word, and
** looks the word up in a hash table: periods in one, months in the other.
** The hash is the word times HASH_MUL, top HASH_BITS bits; the multiplier
** was searched for so that the 714 periods of 2000–2050 take distinct
** slots, and so do the 612 months (tests/core/hash_slots.sh; were two to
** meet, fast_fill() would leave the second to the slow path). A slot holds
** the word itself: a text that is not equal to it byte for byte takes the
** slow path, which decides and reports errors, so the lookup is the
** validation. The tables are the default rule's, one per connection. */
#define HASH_BITS 11
#define HASH_SIZE (1 << HASH_BITS)
#define HASH_MUL 0xAE9C8563107D72D5ull
#define HASH_SLOT(w) ((unsigned)(((w) * HASH_MUL) >> (64 - HASH_BITS)))

/* A date as an ordinal that compares as the date does, for 2000–2050:
** the month's number from January 2000 times 32, plus the day. */
#define DAY_ORD(y, m, d) \
  ((uint32_t)((((y) - LC_CAL_FIRST_YEAR) * 12 + (m) - 1) << 5) + (uint32_t)(d))

/* A slot is 16 bytes, so that a lookup reads one cache line: the tables
** are read at random and, with SQLite's own pages streaming through the
** cache, a lookup that needed two lines would miss twice as often. */
typedef struct fast_period {
  uint64_t key; /* the period's 8 bytes as loaded; 0: free */
  uint32_t due; /* its due day, DAY_ORD */
  uint32_t unused;
} fast_period;

typedef struct fast_month {
  uint64_t key;   /* 'YYYY-MM-' as loaded; 0: free */
  uint16_t first; /* DAY_ORD(y, m, 0) */
  uint8_t nDays;  /* the month's number of days */
  uint8_t unused[5];
} fast_month;

struct lc_fast {
  fast_period aPeriod[HASH_SIZE];
  fast_month aMonth[HASH_SIZE];
};

/* Eight bytes of text as one word, byte 0 lowest: how the fast path reads
** a period or a submission's month, and how fast_fill() makes the keys. */
static uint64_t load_le64(const char *z) {
  uint64_t x;
  memcpy(&x, z, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = (x & 0x00000000FFFFFFFFull) << 32 | x >> 32;
  x = (x & 0x0000FFFF0000FFFFull) << 16 | (x >> 16 & 0x0000FFFF0000FFFFull);
  x = (x & 0x00FF00FF00FF00FFull) << 8 | (x >> 8 & 0x00FF00FF00FF00FFull);
#endif
  return x;
}

/* The default rule's tables from its memo m. */
static void fast_fill(lc_fast *f, const lc_due_memo *m) {
  int i;
  memset(f, 0, sizeof(*f));
  for (i = 0; i < MEMO_SLOTS; i++) {
    int y = LC_CAL_FIRST_YEAR + i / 14, k = i % 14, ymd = m->aYmd[i];
    char z[9] = {0};
    uint64_t key;
    unsigned slot;
    if (k < 12)
      sqlite3_snprintf(sizeof z, z, "%04d-%02d", y, k + 1);
    else
      sqlite3_snprintf(sizeof z, z, "%04d-H%d", y, k - 11);
    key = load_le64(z);
    slot = HASH_SLOT(key);
    /* A due day after 2050 has no ordinal: such a period is not entered. */
    if (ymd && (ymd >> 9) <= LC_CAL_LAST_YEAR && !f->aPeriod[slot].key) {
      f->aPeriod[slot].key = key;
      f->aPeriod[slot].due = DAY_ORD(ymd >> 9, (ymd >> 5) & 15, ymd & 31);
    }
    if (k < 12) {
      z[7] = '-';
      key = load_le64(z);
      slot = HASH_SLOT(key);
      if (!f->aMonth[slot].key) {
        f->aMonth[slot].key = key;
        f->aMonth[slot].first = (uint16_t)DAY_ORD(y, k + 1, 0);
        f->aMonth[slot].nDays = (uint8_t)lc_days_in_month(y, k + 1);
      }
    }
  }
}

/* The memo for rule r, most recent first; NULL when out of memory (the
** caller then takes the slow path). With the default rule, also makes
** pConn->pFast ready if it is not: calendar.c clears it when the working
** days change, so that the fast path's test of its tables is a test for
** NULL. */
static const lc_due_memo *memo_get(lc_conn *pConn, const lc_cal *pCal,
                                   const lc_rule *r) {
  unsigned gen = pCal ? lc_cal_generation(pCal) : 0;
  lc_due_memo *m = 0;
  int k;
  for (k = 0; k < 2 && !m; k++) {
    m = pConn->apMemo[k];
    if (m && !(m->rule.day == r->day && m->rule.strict == r->strict && m->gen == gen))
      m = 0;
    else if (m && k == 1) { /* most recent first */
      pConn->apMemo[1] = pConn->apMemo[0];
      pConn->apMemo[0] = m;
    }
  }
  if (!m) {
    m = pConn->apMemo[1];
    if (!m && !(m = sqlite3_malloc(sizeof(*m)))) return 0;
    memo_fill(m, pCal, r);
    pConn->apMemo[1] = pConn->apMemo[0];
    pConn->apMemo[0] = m;
  }
  if (!pConn->pFast && pCal && r->day == default_rule.day && !r->strict &&
      (pConn->pFastTables || (pConn->pFastTables = sqlite3_malloc(sizeof(lc_fast))))) {
    fast_fill(pConn->pFastTables, m);
    pConn->pFast = pConn->pFastTables;
  }
  return m;
}

/* The due day of p under r, packed, in *pYmd: 0, or -1 after setting the
** error. */
static int due_ymd(sqlite3_context *ctx, const char *zFunc, const lc_period *p,
                   const lc_rule *r, int *pYmd) {
  lc_cal *pCal = 0;
  int dn;
  if (!r->strict && !(pCal = lc_calendar(ctx, zFunc))) return -1;
  if (p->year >= LC_CAL_FIRST_YEAR && p->year <= LC_CAL_LAST_YEAR) {
    const lc_due_memo *m = memo_get(sqlite3_user_data(ctx), pCal, r);
    int ymd = m ? m->aYmd[memo_slot(p)] : 0;
    if (ymd) {
      *pYmd = ymd;
      return 0;
    }
  }
  if (due_date(ctx, zFunc, p, r, &dn)) return -1;
  *pYmd = ymd_of(dn);
  return 0;
}

/* report_due(period [, rule]) — R1–R3, R5 */
void lc_report_due_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  lc_period p;
  lc_rule r;
  int ymd;
  char z[12];
  if (lc_arg_period(ctx, argv[0], "report_due", &p)) return;
  if (rule_arg(ctx, argc, argv, 1, "report_due", &r)) return;
  if (due_ymd(ctx, "report_due", &p, &r, &ymd)) return;
  lc_format_ymd(ymd, z);
  sqlite3_result_text(ctx, z, -1, SQLITE_TRANSIENT);
}

/* ---- deadline_ok()'s hot path (R8) ------------------------------------ */

#define LC_D(c) ((unsigned)((c) - '0')) /* a digit's value; > 9 if not one */

/* The bytes 'DD HH:MM' after a submission's 'YYYY-MM-': x is them XOR
** DHM_ZERO, so a digit is its value and a fixed character 0; adding
** DHM_ROOM (15 minus each digit's largest first figure, 0x0F at a fixed
** character) carries into a high nibble exactly when a byte is out of range.
** A carry out of a byte needs a high nibble in x, caught by the OR. */
#define DHM_ZERO 0x30303A3030203030ull
#define DHM_ROOM 0x060A0F060D0F060Cull /* D≤3 D≤9 ' ' H≤2 H≤9 ':' M≤5 M≤9 */
#define HIGH_NIBBLES 0xF0F0F0F0F0F0F0F0ull

/* deadline_ok() the general way: every form, every rule, every error. Kept
** out of line so that the fast path below needs few registers. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void deadline_slow(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  lc_period p;
  lc_rule r;
  int due, sub;
  if (lc_arg_period(ctx, argv[0], "deadline_ok", &p)) return;
  if (lc_arg_ymd(ctx, argv[1], "deadline_ok", &sub)) return;
  if (rule_arg(ctx, argc, argv, 2, "deadline_ok", &r)) return;
  if (due_ymd(ctx, "deadline_ok", &p, &r, &due)) return;
  sqlite3_result_int(ctx, sub <= due);
}

/* The fast path calls SQLite through a local copy of the extension's API
** table: the global may change in any call, so the compiler would reload
** it before each one. Built into SQLite (SQLITE_CORE), it calls directly. */
#ifdef SQLITE_CORE
#define API_LOCAL
#define API(f) sqlite3_##f
#else
#define API_LOCAL const sqlite3_api_routines *const api = sqlite3_api
#define API(f) api->f
#endif

/* deadline_ok(period, submitted) on the fast path: the default rule, once
** this run of the statement has checked the calendar (the marker is the
** connection itself, calendar.c C9) and made pFast ready, and the common forms:
** the submission YYYY-MM-DD HH:MM, YYYY-MM-DD or YYYY-MM-DD HH:MM:SS
** (space, no zone) of 2000–2050. Anything else, errors included, is left to
** deadline_slow(). Inlined into its caller; argc is known to be 2 here so
** that it need not be kept across the calls. */
static void deadline_fast(sqlite3_context *ctx, sqlite3_value **argv) {
  const lc_conn *pConn;
  const lc_fast *f;
  const fast_period *pp;
  const fast_month *pm;
  const char *z;
  uint64_t x;
  uint32_t due;
  unsigned d;
  int n;
  API_LOCAL;
  if (!(pConn = API(get_auxdata)(ctx, LC_AUX_FRESH)) || !(f = pConn->pFast) ||
      API(value_type)(argv[0]) != SQLITE_TEXT ||
      API(value_type)(argv[1]) != SQLITE_TEXT ||
      !(z = (const char *)API(value_text)(argv[0])) ||
      API(value_bytes)(argv[0]) != 7)
    goto slow;
  /* The period: 7 bytes and the terminator. */
  x = load_le64(z);
  pp = &f->aPeriod[HASH_SLOT(x)];
  if (pp->key != x) goto slow;
  due = pp->due;
  /* The submission: its length first, so that every load stays inside it
  ** and its terminator; its day and time of day; its month. */
  if (!(z = (const char *)API(value_text)(argv[1]))) goto slow;
  n = API(value_bytes)(argv[1]);
  if (n == 16 || (n == 19 && z[16] == ':' && LC_D(z[17]) <= 5 && LC_D(z[18]) <= 9)) {
    uint64_t t;
    x = load_le64(z + 8) ^ DHM_ZERO;
    if (((x + DHM_ROOM) | x) & HIGH_NIBBLES) goto slow;
    t = x * 10 + (x >> 8); /* byte 0 the day, byte 3 the hour */
    if (((uint32_t)t + 0x68000000u) & 0x80000000u) goto slow; /* hour > 23 */
    d = (unsigned)(t & 0xFF);
  } else if (n == 10 && LC_D(z[8]) <= 3 && LC_D(z[9]) <= 9) {
    d = LC_D(z[8]) * 10 + LC_D(z[9]);
  } else {
    goto slow;
  }
  x = load_le64(z);
  pm = &f->aMonth[HASH_SLOT(x)];
  if (pm->key != x || d - 1 >= pm->nDays) goto slow;
  API(result_int)(ctx, pm->first + d <= due);
  return;
slow:
  deadline_slow(ctx, 2, argv);
}

/* deadline_ok(period, submitted [, rule]) — R4 */
void lc_deadline_ok_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  if (argc == 2)
    deadline_fast(ctx, argv);
  else
    deadline_slow(ctx, argc, argv);
}

/* ---- report_status(period, submitted, as_of [, rule]) — R9 ------------- */

void lc_report_status_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  static const char *const zFunc = "report_status";
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
  if (due_ymd(ctx, zFunc, &p, &r, &due)) return;
  if (rcS == 0 && sub <= asOf) /* seen on as_of */
    zStatus = sub <= due ? "on_time" : "late";
  else
    zStatus = asOf > due ? "missing" : "pending";
  sqlite3_result_text(ctx, zStatus, -1, SQLITE_STATIC);
}

/* ---- report_calendar(from_period, to_period [, rule]) — R6 ------------- */

typedef struct cal_cursor {
  sqlite3_vtab_cursor base;
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
  int rc = lc_cursor_open(sizeof(cal_cursor), ppCur);
  (void)pVtab;
  if (rc == SQLITE_OK) ((cal_cursor *)*ppCur)->eof = 1;
  return rc;
}

static int rc_close(sqlite3_vtab_cursor *cur) {
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* The due day of a period in a cursor: SQLITE_OK or an error on the vtab. */
static int rc_due(cal_cursor *c, const lc_period *p, int *pDn) {
  lc_vtab *pVtab = (lc_vtab *)c->base.pVtab;
  int dn = due_base(p, &c->rule), bad = 0, rc;
  char *zErr = 0;
  if (due_beyond(dn))
    return lc_vtab_error(&pVtab->base, due_beyond_error("report_calendar", p));
  if (!c->rule.strict) {
    rc = lc_cal_ready(pVtab->db, pVtab->pConn, &zErr);
    if (rc != SQLITE_OK) {
      if (!zErr) return rc;
      lc_vtab_error(&pVtab->base,
                     sqlite3_mprintf("report_calendar(): %s", zErr));
      sqlite3_free(zErr);
      return rc;
    }
    dn = lc_cal_next_working(pVtab->pConn->pCal, dn, &bad);
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
  lc_period from, to, p;
  int rc, first, last;
  (void)idxNum;
  (void)idxStr;
  c->eof = 1;
  c->rowid = 0;
  c->rule = default_rule;
  if (argc < 2 || sqlite3_value_type(argv[0]) == SQLITE_NULL ||
      sqlite3_value_type(argv[1]) == SQLITE_NULL)
    return SQLITE_OK;
  if ((rc = rc_period_arg(pVtab, argv[0], "from_period", &from))) return rc;
  if ((rc = rc_period_arg(pVtab, argv[1], "to_period", &to))) return rc;
  if (argc > 2 && sqlite3_value_type(argv[2]) != SQLITE_NULL) {
    /* Issue 6 (fuzz_rules): the type before the text, as above: a blob rule
    ** was read as text ("unknown rule setting") where report_due() says
    ** "invalid rule x'…'". */
    const char *z = sqlite3_value_type(argv[2]) == SQLITE_TEXT
                        ? (const char *)sqlite3_value_text(argv[2])
                        : 0,
               *zBad = 0;
    int nBad = 0, bad;
    if (!z) {
      char *zLit = lc_literal(argv[2]);
      rc = lc_vtab_error(pVtab, zLit ? sqlite3_mprintf(
                                            "report_calendar(): invalid rule %s", zLit)
                                      : 0);
      sqlite3_free(zLit);
      return rc;
    }
    bad = rule_parse(z, sqlite3_value_bytes(argv[2]), &c->rule, &zBad, &nBad);
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
  default:
    break;
  }
  return SQLITE_OK;
}

static int rc_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid) {
  *pRowid = ((cal_cursor *)cur)->rowid;
  return SQLITE_OK;
}

static int rc_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo) {
  int i, aIdx[3] = {-1, -1, -1}, unusable = 0;
  for (i = 0; i < pInfo->nConstraint; i++) {
    const struct sqlite3_index_constraint *k = &pInfo->aConstraint[i];
    int col = k->iColumn - RC_FROM;
    if (col < 0 || col > 2 || k->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!k->usable) {
      unusable |= 1 << col;
      continue;
    }
    aIdx[col] = i;
  }
  if (aIdx[0] < 0 || aIdx[1] < 0) {
    if ((aIdx[0] < 0 && (unusable & 1)) || (aIdx[1] < 0 && (unusable & 2)))
      return SQLITE_CONSTRAINT;
    return lc_vtab_error(pVtab, sqlite3_mprintf("report_calendar(): "
                                                 "from_period and to_period "
                                                 "are required"));
  }
  for (i = 0; i < 3; i++) {
    if (aIdx[i] < 0) break;
    pInfo->aConstraintUsage[aIdx[i]].argvIndex = i + 1;
    pInfo->aConstraintUsage[aIdx[i]].omit = 1;
  }
  pInfo->estimatedCost = 14;
  pInfo->estimatedRows = 14; /* a year: 12 months and 2 half-years */
  return SQLITE_OK;
}

/* Designated initializers: the fields after xRowid (xUpdate …) differ
** between SQLite versions and stay NULL, the table being read-only. */
sqlite3_module lc_report_calendar_module = {
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
