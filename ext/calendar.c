/*
** calendar.c — the Korean government-office calendar: is_working_day() and
** the holidays() table-valued function; the working-day test every deadline
** uses (DOMAIN D1).
**
** CONTRACT (rule ids C1–C10; DOMAIN KR1–KR5, D9; sources in
** docs/calendar-sources.md)
**
** C1. Covered range: 2000-01-01 to 2050-12-31. A date outside it is an error
**     that says the range, never a silent "working day":
**       is_working_day('1999-12-31') → error
**       "is_working_day(): date '1999-12-31' is outside the calendar
**        (2000-01-01 to 2050-12-31)"
** C2. Fixed-date holidays as in force each year: 신정 (1 Jan), 3·1절, 식목일
**     (5 Apr, until 2005), 노동절 (1 May, from 2026), 어린이날 (5 May),
**     현충일 (6 Jun), 제헌절 (17 Jul, until 2007 and again from 2026),
**     광복절, 개천절, 한글날 (9 Oct, from 2013), 기독탄신일. The two 2026
**     changes (KR5) were confirmed after DOMAIN.md was written: the Public
**     Holidays Act amendments of 2026 (docs/calendar-sources.md).
** C3. Lunar holidays from the Korean (KASI) calendar, kept as a table of
**     Gregorian dates (calendar_facts.h): 설날 전날, 설날, 설날 다음날 (lunar
**     12/last, 1/1, 1/2), 부처님오신날 (4/8), 추석 전날, 추석, 추석 다음날
**     (8/14–16). KR4: not from a Chinese-calendar library.
** C4. Substitute holidays (대체공휴일) by the rule in force on the day of the
**     holiday (KR3):
**       from 2014-01-01  설날 and 추석 days on a Sunday or on another holiday;
**                        어린이날 on a Saturday, Sunday or another holiday;
**       from 2021-08-04  also 3·1절, 광복절, 개천절, 한글날 (Sat, Sun, holiday);
**       from 2023-05-04  also 부처님오신날 and 기독탄신일 (Sat, Sun, holiday);
**       from 2026-05-01  노동절, and from 2026-05-11 제헌절 (Sat, Sun, holiday).
**     A day on which k holidays fall has room for one of them on a weekday
**     and none on a weekend; it gives min(T, k − room) substitutes, T being
**     the number of its holidays whose rule is triggered. So 2025-05-05
**     (어린이날 and 부처님오신날, a Monday) gives one. Each substitute is the
**     first following day that is neither a Saturday, a Sunday, a holiday
**     nor an earlier substitute, and is named after the holiday that caused
**     it (fixed-date holidays first): 대체공휴일(추석), 대체공휴일(어린이날).
** C5. Election days and temporary holidays are dated facts
**     (calendar_facts.h), kinds 'election' and 'temporary', through 2026;
**     the elections after are scheduled by rule (C10).
** C6. is_working_day(date) → 0 on Saturdays, Sundays and holidays, else 1;
**     NULL for NULL; a malformed date is an error (dates.c T3).
**       is_working_day('2017-10-02') → 0   (temporary holiday)
**       is_working_day('2021-12-27') → 1   (no Christmas substitute before 2023)
**       is_working_day('2023-05-29') → 0   (substitute for 부처님오신날)
** C7. Local overrides (KR5): when the database has a table
**       holiday_override(day TEXT PRIMARY KEY, name TEXT, is_holiday INTEGER NOT NULL)
**     each row decides its day for every function of the extension on that
**     connection: is_holiday = 1 makes the day a holiday (kind 'local'),
**     is_holiday = 0 makes it a working day, whatever the built-in calendar
**     and the day of the week say (an office can open on a Saturday).
**     Overrides do not move built-in substitutes. A change is seen by the
**     next statement of any connection. A malformed row is an error naming
**     the table and the value:
**       "is_working_day(): holiday_override: invalid day '2025-13-01'"
**       "is_working_day(): holiday_override: invalid is_holiday 2 for day '2026-07-17'"
**       "is_working_day(): holiday_override: day '2026.7.17.' appears twice"
** C8. holidays(from_date, to_date) — one row per holiday in the range,
**     columns date, name, kind ('fixed', 'lunar', 'substitute', 'election',
**     'temporary', 'local'); holidays(2025) gives a whole year. Two holidays
**     on one day are two rows. Rows are ordered by date, then name.
**     Sundays and Saturdays are not rows. Both ends must lie in the covered
**     range (C1); from_date after to_date gives no rows; from_date is
**     required, and to_date too unless from_date is a year.
** C9. Cost: the built-in calendar is computed once per connection, on first
**     use, its holidays counted before they are stored so that their array
**     is sized from the data and never written past its end
**     (tests/calendar/cal_build.sh; from 2026 a year has 17). Whether
**     holiday_override changed is asked once per run of a statement (a
**     per-statement marker, sqlite3_set_auxdata() with a negative argument
**     number, which SQLite does not document: why, and what it relies on,
**     in docs/calendar.md and tests/calendar/marker.sh), and the table is
**     read again only when it may have changed: after a commit by any
**     connection (SQLITE_FCNTL_DATA_VERSION; when the statement has no
**     transaction open on main, a one-row probe of sqlite_master first lets
**     the pager see other connections' commits), after rows changed on this
**     one (sqlite3_total_changes()), or at every statement while a
**     transaction that read it is open (it may roll back). Per call that
**     leaves a range check, a bit test and, with overrides, a binary search.
** C10. Scheduled elections, 2028–2050 (issue 15, DOMAIN D9): an election
**     held when a term ends is a holiday (관공서의 공휴일에 관한 규정 제2조),
**     on the day 공직선거법 제34조 fixes, kind 'election':
**       (1) the first Wednesday on or after the day 70 (president), 50
**           (National Assembly) or 30 (local councils and heads) days
**           before the term's last day;
**       (2) a week later when that Wednesday, the day before or the day
**           after is a holiday (C2–C4; the law's 민속절 that are holidays
**           are 설날 and 추석), moved once, as the law says.
**     The terms (calendar_facts.h lc_terms): the National Assembly's end on
**     05-29 every 4 years from 2028, the president's on 06-03 every 5 years
**     from 2030 (the 21st president took office on 2025-06-04 after a
**     vacancy), local ones on 06-30 every 4 years from 2030. Named
**     '제23대 국회의원 선거', '제22대 대통령 선거', '제10회 전국동시지방선거' and
**     on. An election gives no substitute holiday. Early elections,
**     by-elections and a change of the law are not foreseen: holiday_override
**     corrects them (C7: is_holiday 0 on the scheduled day, 1 on the real
**     one). The elections through 2027 stay the dated facts of C5.
**       is_working_day('2028-04-12') → 0   (제23대 국회의원 선거)
**       holidays(2030) has 2030-03-27 제22대 대통령 선거 and, moved by (2)
**       past the day before 현충일, 2030-06-12 제10회 전국동시지방선거.
*/
#include "calendar.h"

#include <stdlib.h>
#include <string.h>

#include "calendar_facts.h"

/* The kinds of holiday (the `kind` column). */
enum { K_FIXED, K_LUNAR, K_SUBSTITUTE, K_ELECTION, K_TEMPORARY, K_LOCAL };
static const char *const azKind[] = {"fixed",    "lunar",     "substitute",
                                     "election", "temporary", "local"};

/* A substitute rule: from which day (inclusive) it applies, and whether a
** Saturday triggers it (KR3). */
typedef struct subst_rule {
  int y, m, d;  /* in force from this day */
  int saturday; /* a Saturday triggers it too */
  const char *zName;
} subst_rule;

static const subst_rule aRule[] = {
    {0, 0, 0, 0, 0},                                 /* R_NONE */
    {2014, 1, 1, 0, "대체공휴일(설날)"},             /* R_SEOL */
    {2014, 1, 1, 0, "대체공휴일(추석)"},             /* R_CHUSEOK */
    {2014, 1, 1, 1, "대체공휴일(어린이날)"},         /* R_CHILDREN */
    {2021, 8, 4, 1, "대체공휴일(3·1절)"},            /* R_MARCH1 */
    {2021, 8, 4, 1, "대체공휴일(광복절)"},           /* R_LIBERATION */
    {2021, 8, 4, 1, "대체공휴일(개천절)"},           /* R_FOUNDATION */
    {2021, 8, 4, 1, "대체공휴일(한글날)"},           /* R_HANGUL */
    {2023, 5, 4, 1, "대체공휴일(부처님오신날)"},     /* R_BUDDHA */
    {2023, 5, 4, 1, "대체공휴일(기독탄신일)"},       /* R_CHRISTMAS */
    {2026, 5, 11, 1, "대체공휴일(제헌절)"},          /* R_CONSTITUTION */
    {2026, 5, 1, 1, "대체공휴일(노동절)"},           /* R_LABOR */
};
enum {
  R_NONE,
  R_SEOL,
  R_CHUSEOK,
  R_CHILDREN,
  R_MARCH1,
  R_LIBERATION,
  R_FOUNDATION,
  R_HANGUL,
  R_BUDDHA,
  R_CHRISTMAS,
  R_CONSTITUTION,
  R_LABOR
};

typedef struct lc_hol {
  int dn;
  unsigned char kind;
  unsigned char rule; /* R_* for substitute purposes */
  const char *zName;  /* static */
} lc_hol;

typedef struct lc_ov {
  int dn;
  int isHoliday;
  char *zName; /* owned; may be NULL */
} lc_ov;

/* The connection's calendar, calendar.c's per-connection state. */
struct lc_cal {
  lc_cal_head head; /* the state, and the generation of the working days */
  int built; /* the built-in calendar below is there (first use) */
  int firstDn, lastDn;
  int nHol;
  lc_hol *aHol;        /* built-in holidays, by date then name */
  char *zElection;     /* the names of the scheduled elections (C10) */
  unsigned char *aBit; /* built-in holiday bitmap over firstDn..lastDn */
  /* holiday_override, as last read (C7, C9) */
  int ovLoaded;
  unsigned int ovVersion;
  int ovChanges;
  int ovInTxn; /* read inside an open transaction, which may roll back */
  int nOv;
  lc_ov *aOv; /* by day */
  /* The first working day on or after each day of the range (-1: past the
  ** end), under the overrides listed in aKey (day * 2 + is_holiday): one
  ** load answers both is_working_day() and a deadline's move (C9). */
  int *aNext;
  int *aKey;
  int nKey; /* -1: aNext must be rebuilt */
};

static int next_refresh(lc_cal *p);
static void cal_free(lc_state *pState);

#define BIT_TEST(a, i) ((a)[(i) >> 3] & (1u << ((i)&7)))
#define BIT_SET(a, i) ((a)[(i) >> 3] |= (unsigned char)(1u << ((i)&7)))

/* ---- The built-in calendar (C2–C5) -------------------------------------- */

static int hol_cmp(const void *a, const void *b) {
  const lc_hol *x = a, *y = b;
  if (x->dn != y->dn) return x->dn < y->dn ? -1 : 1;
  return strcmp(x->zName, y->zName);
}

/* Order in which holidays sharing a day are considered for naming a
** substitute: fixed-date holidays first (C4). */
static int hol_cmp_naming(const void *a, const void *b) {
  const lc_hol *x = a, *y = b;
  if (x->dn != y->dn) return x->dn < y->dn ? -1 : 1;
  if (x->kind != y->kind) return x->kind < y->kind ? -1 : 1;
  return strcmp(x->zName, y->zName);
}

/* A list of holidays being built: n counts every holiday added, and at
** most nMax are written, so that a pass with nMax = 0 counts them and no
** pass writes past the end. */
typedef struct hol_list {
  lc_hol *a;
  int n, nMax;
} hol_list;

static void add(hol_list *l, int dn, int kind, int rule, const char *zName) {
  if (l->n < l->nMax) {
    l->a[l->n].dn = dn;
    l->a[l->n].kind = (unsigned char)kind;
    l->a[l->n].rule = (unsigned char)rule;
    l->a[l->n].zName = zName;
  }
  l->n++;
}

static int date_dn(const char *z) {
  int dn = 0;
  lc_parse_date(z, (int)strlen(z), &dn);
  return dn;
}

/* The built-in holidays of the year y, by the law in force that year (C2,
** C3) and the dated facts (C5) when dated is set. */
static void base_holidays(hol_list *l, int y) {
  const struct lc_lunar_year *L = &lc_lunar_years[y - LC_CAL_FIRST_YEAR];
  int seol = lc_days_from_civil(y, L->seol_m, L->seol_d);
  int chuseok = lc_days_from_civil(y, L->chuseok_m, L->chuseok_d);
  add(l, lc_days_from_civil(y, 1, 1), K_FIXED, R_NONE, "신정");
  add(l, seol - 1, K_LUNAR, R_SEOL, "설날 전날");
  add(l, seol, K_LUNAR, R_SEOL, "설날");
  add(l, seol + 1, K_LUNAR, R_SEOL, "설날 다음날");
  add(l, lc_days_from_civil(y, 3, 1), K_FIXED, R_MARCH1, "3·1절");
  if (y <= 2005) add(l, lc_days_from_civil(y, 4, 5), K_FIXED, R_NONE, "식목일");
  if (y >= 2026) /* KR5: 노동절, a public holiday from 2026-05-01 */
    add(l, lc_days_from_civil(y, 5, 1), K_FIXED, R_LABOR, "노동절");
  add(l, lc_days_from_civil(y, 5, 5), K_FIXED, R_CHILDREN, "어린이날");
  add(l, lc_days_from_civil(y, L->buddha_m, L->buddha_d), K_LUNAR, R_BUDDHA,
      "부처님오신날");
  add(l, lc_days_from_civil(y, 6, 6), K_FIXED, R_NONE, "현충일");
  if (y >= 2026) /* KR5: a holiday again from 2026, with substitutes */
    add(l, lc_days_from_civil(y, 7, 17), K_FIXED, R_CONSTITUTION, "제헌절");
  else if (y <= 2007)
    add(l, lc_days_from_civil(y, 7, 17), K_FIXED, R_NONE, "제헌절");
  add(l, lc_days_from_civil(y, 8, 15), K_FIXED, R_LIBERATION, "광복절");
  add(l, chuseok - 1, K_LUNAR, R_CHUSEOK, "추석 전날");
  add(l, chuseok, K_LUNAR, R_CHUSEOK, "추석");
  add(l, chuseok + 1, K_LUNAR, R_CHUSEOK, "추석 다음날");
  add(l, lc_days_from_civil(y, 10, 3), K_FIXED, R_FOUNDATION, "개천절");
  if (y >= 2013) add(l, lc_days_from_civil(y, 10, 9), K_FIXED, R_HANGUL, "한글날");
  add(l, lc_days_from_civil(y, 12, 25), K_FIXED, R_CHRISTMAS, "기독탄신일");
}

/* Every holiday that is not a substitute: each year's (C2, C3), then the
** dated facts (C5). */
static void all_base_holidays(hol_list *l) {
  const int nDated = (int)(sizeof(lc_dated_holidays) / sizeof(lc_dated_holidays[0]));
  int y, i;
  for (y = LC_CAL_FIRST_YEAR; y <= LC_CAL_LAST_YEAR; y++) base_holidays(l, y);
  for (i = 0; i < nDated; i++) {
    add(l, date_dn(lc_dated_holidays[i].date),
        strcmp(lc_dated_holidays[i].kind, "election") == 0 ? K_ELECTION : K_TEMPORARY,
        R_NONE, lc_dated_holidays[i].name);
  }
}

/* Whether day dn is marked in aTaken, the bits of firstDn..lastDn; a day
** outside them is not (the array holds nothing for it). */
static int taken(const unsigned char *aTaken, int dn, int firstDn, int lastDn) {
  return dn >= firstDn && dn <= lastDn && BIT_TEST(aTaken, dn - firstDn);
}

/* Room for the name of one scheduled election ("제%d대 국회의원 선거"). */
#define ELECTION_NAME 64

/* The elections of 공직선거법 제34조 from the terms of lc_terms, in the
** calendar's years (C10), added to l with their names written into zNames
** (ELECTION_NAME bytes each; NULL when l only counts). aTaken has a bit for
** every day of a holiday or a substitute from firstDn on (NULL when
** counting): art. 34 (2) moves an election a week when its day, the day
** before or the day after is a holiday. Returns the number of elections. */
static int scheduled_elections(hol_list *l, const unsigned char *aTaken,
                               int firstDn, int lastDn, char *zNames) {
  const int nTerm = (int)(sizeof(lc_terms) / sizeof(lc_terms[0]));
  int t, n = 0;
  for (t = 0; t < nTerm; t++) {
    const struct lc_term *T = &lc_terms[t];
    int y = T->end_y, no = T->first;
    for (;; y += T->every, no++) {
      /* art. 34 (1): the first Wednesday (weekday 2) on or after the day
      ** `before` days before the term's last day */
      int dn = lc_days_from_civil(y, T->end_m, T->end_d) - T->before;
      char *zName = 0;
      dn += (2 - lc_weekday(dn) + 7) % 7;
      if (dn > lastDn) break; /* before aTaken is read: it ends at lastDn */
      if (aTaken && (taken(aTaken, dn - 1, firstDn, lastDn) ||
                     taken(aTaken, dn, firstDn, lastDn) ||
                     taken(aTaken, dn + 1, firstDn, lastDn)))
        dn += 7; /* art. 34 (2): the Wednesday of the next week */
      if (dn > lastDn) break;
      if (zNames) {
        zName = zNames + n * ELECTION_NAME;
        sqlite3_snprintf(ELECTION_NAME, zName, T->fmt, no);
      }
      add(l, dn, K_ELECTION, R_NONE, zName ? zName : "");
      n++;
    }
  }
  return n;
}

/* Undoes a cal_build() that failed, so that the next use tries again;
** returns rc. */
static int cal_unbuild(lc_cal *p, lc_hol *aHol, int rc) {
  sqlite3_free(aHol);
  sqlite3_free(p->zElection);
  p->zElection = 0;
  sqlite3_free(p->aBit);
  sqlite3_free(p->aNext);
  p->aBit = 0;
  p->aNext = 0;
  return rc;
}

/* Builds the built-in calendar into p (C1–C5, C10): SQLITE_OK, or
** SQLITE_NOMEM. The holiday array is sized from the data: a first pass
** counts the base holidays, and every substitute comes from a distinct base
** holiday (a day of k holidays gives at most k), so twice that is room for
** all, and then the scheduled elections, counted the same way. */
static int cal_build(lc_cal *p) {
  int nBase, nAll, nElection, i, j, nDay;
  hol_list l = {0, 0, 0};
  unsigned char *aTaken; /* base holidays and substitutes given so far */
  p->firstDn = lc_days_from_civil(LC_CAL_FIRST_YEAR, 1, 1);
  p->lastDn = lc_days_from_civil(LC_CAL_LAST_YEAR, 12, 31);
  nDay = p->lastDn - p->firstDn + 1;
  all_base_holidays(&l); /* counts */
  nElection = scheduled_elections(&l, 0, p->firstDn, p->lastDn, 0);
  l.nMax = 2 * l.n;
  l.n = 0;
  l.a = sqlite3_malloc64(sizeof(lc_hol) * (sqlite3_uint64)l.nMax);
  p->aBit = sqlite3_malloc((nDay + 7) / 8);
  aTaken = sqlite3_malloc((nDay + 7) / 8);
  p->aNext = sqlite3_malloc64(sizeof(int) * (sqlite3_uint64)nDay);
  p->zElection = sqlite3_malloc64((sqlite3_uint64)ELECTION_NAME * (nElection + 1));
  if (!l.a || !p->aBit || !aTaken || !p->aNext || !p->zElection) {
    sqlite3_free(aTaken);
    return cal_unbuild(p, l.a, SQLITE_NOMEM);
  }
  memset(p->aBit, 0, (nDay + 7) / 8);
  all_base_holidays(&l);
  nBase = l.n;
  qsort(l.a, nBase, sizeof(lc_hol), hol_cmp_naming);
  memset(aTaken, 0, (nDay + 7) / 8);
  for (i = 0; i < nBase; i++) {
    if (l.a[i].dn >= p->firstDn && l.a[i].dn <= p->lastDn)
      BIT_SET(aTaken, l.a[i].dn - p->firstDn);
  }

  /* C4: substitutes, day by day in date order */
  for (i = 0; i < nBase; i = j) {
    int dn = l.a[i].dn, wd = lc_weekday(dn), k, room, trig = 0, lost, e;
    int aTrig[8];
    for (j = i; j < nBase && l.a[j].dn == dn; j++) {
    }
    k = j - i;
    room = wd < 5 ? 1 : 0;
    for (e = i; e < j; e++) {
      const subst_rule *r = &aRule[l.a[e].rule];
      if (l.a[e].rule == R_NONE || dn < lc_days_from_civil(r->y, r->m, r->d))
        continue;
      if (wd == 6 || (wd == 5 && r->saturday) || k >= 2) {
        if (trig < 8) aTrig[trig++] = e;
      }
    }
    lost = trig < k - room ? trig : k - room;
    for (e = 0; e < lost; e++) {
      int s = dn + 1;
      while (s <= p->lastDn &&
             (lc_weekday(s) >= 5 || BIT_TEST(aTaken, s - p->firstDn)))
        s++;
      if (s > p->lastDn) break;
      BIT_SET(aTaken, s - p->firstDn);
      add(&l, s, K_SUBSTITUTE, R_NONE, aRule[l.a[aTrig[e]].rule].zName);
    }
  }
  /* C10: the scheduled elections, clear of every holiday and substitute;
  ** an election is no holiday that gives a substitute */
  scheduled_elections(&l, aTaken, p->firstDn, p->lastDn, p->zElection);
  sqlite3_free(aTaken);
  if (l.n > l.nMax) /* cannot happen (see above); add() wrote within room */
    return cal_unbuild(p, l.a, SQLITE_INTERNAL);
  nAll = l.n;

  /* Keep the rows in the range, by date then name (C8). */
  qsort(l.a, nAll, sizeof(lc_hol), hol_cmp);
  for (i = j = 0; i < nAll; i++) {
    if (l.a[i].dn < p->firstDn || l.a[i].dn > p->lastDn) continue;
    l.a[j++] = l.a[i];
    BIT_SET(p->aBit, l.a[i].dn - p->firstDn);
  }
  p->aHol = l.a;
  p->nHol = j;
  p->nKey = -1;
  p->built = 1;
  return SQLITE_OK;
}

static void cal_free(lc_state *pState) {
  lc_cal *p = (lc_cal *)pState;
  int i;
  for (i = 0; i < p->nOv; i++) sqlite3_free(p->aOv[i].zName);
  sqlite3_free(p->aOv);
  sqlite3_free(p->aHol);
  sqlite3_free(p->zElection);
  sqlite3_free(p->aBit);
  sqlite3_free(p->aNext);
  sqlite3_free(p->aKey);
  sqlite3_free(p);
}

/* ---- Local overrides (C7) ----------------------------------------------- */

static int ov_cmp(const void *a, const void *b) {
  const lc_ov *x = a, *y = b;
  return x->dn < y->dn ? -1 : x->dn > y->dn;
}

static void ov_clear(lc_cal *p) {
  int i;
  for (i = 0; i < p->nOv; i++) sqlite3_free(p->aOv[i].zName);
  sqlite3_free(p->aOv);
  p->aOv = 0;
  p->nOv = 0;
}

/* Reads holiday_override into p; returns SQLITE_OK, or an error code with
** *pzErr set (without the function name). */
static int ov_load(sqlite3 *db, lc_cal *p, char **pzErr) {
  sqlite3_stmt *pStmt = 0;
  int rc, nAlloc = 0, exists = 0, i;
  ov_clear(p);
  rc = sqlite3_prepare_v2(db,
                          "SELECT 1 FROM main.sqlite_master WHERE type='table'"
                          " AND name='holiday_override'",
                          -1, &pStmt, 0);
  if (rc == SQLITE_OK) {
    exists = sqlite3_step(pStmt) == SQLITE_ROW;
    rc = sqlite3_finalize(pStmt);
  }
  if (rc != SQLITE_OK || !exists) goto done;
  rc = sqlite3_prepare_v2(
      db, "SELECT day, name, is_holiday FROM main.holiday_override", -1,
      &pStmt, 0);
  if (rc != SQLITE_OK) {
    *pzErr = sqlite3_mprintf("holiday_override: %s", sqlite3_errmsg(db));
    return rc;
  }
  while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
    sqlite3_value *vDay = sqlite3_column_value(pStmt, 0);
    sqlite3_value *vHol = sqlite3_column_value(pStmt, 2);
    const char *zName, *zDay = 0;
    int dn, isHol;
    /* The type first: reading a blob as text would convert it. */
    if (sqlite3_value_type(vDay) == SQLITE_TEXT)
      zDay = (const char *)sqlite3_value_text(vDay);
    if (!zDay || lc_parse_date(zDay, sqlite3_value_bytes(vDay), &dn)) {
      char *zLit = lc_literal(vDay);
      /* Issue 6 (OOM driver): out of memory while quoting the value is
      ** SQLITE_NOMEM, not "invalid day " with the value missing. */
      *pzErr = zLit ? sqlite3_mprintf("holiday_override: invalid day %s", zLit) : 0;
      sqlite3_free(zLit);
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
      break;
    }
    if (sqlite3_value_type(vHol) != SQLITE_INTEGER ||
        (sqlite3_value_int64(vHol) != 0 && sqlite3_value_int64(vHol) != 1)) {
      char *zLit = lc_literal(vHol), *zD = lc_literal(vDay);
      *pzErr = zLit && zD ? sqlite3_mprintf(
          "holiday_override: invalid is_holiday %s for day %s", zLit, zD) : 0;
      sqlite3_free(zLit);
      sqlite3_free(zD);
      rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM; /* issue 6, as above */
      break;
    }
    isHol = sqlite3_value_int(vHol);
    zName = (const char *)sqlite3_column_text(pStmt, 1);
    if (p->nOv == nAlloc) {
      int nNew = nAlloc ? nAlloc * 2 : 16;
      lc_ov *aNew = sqlite3_realloc64(p->aOv, sizeof(lc_ov) * (sqlite3_uint64)nNew);
      if (!aNew) {
        rc = SQLITE_NOMEM;
        break;
      }
      p->aOv = aNew;
      nAlloc = nNew;
    }
    p->aOv[p->nOv].dn = dn;
    p->aOv[p->nOv].isHoliday = isHol;
    p->aOv[p->nOv].zName = zName ? sqlite3_mprintf("%s", zName) : 0;
    if (zName && !p->aOv[p->nOv].zName) {
      rc = SQLITE_NOMEM;
      break;
    }
    p->nOv++;
  }
  sqlite3_finalize(pStmt);
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  if (rc == SQLITE_OK) {
    if (p->nOv > 1) qsort(p->aOv, p->nOv, sizeof(lc_ov), ov_cmp);
    for (i = 1; i < p->nOv; i++) {
      if (p->aOv[i].dn == p->aOv[i - 1].dn) {
        char z[12];
        lc_format_date(p->aOv[i].dn, z);
        *pzErr = sqlite3_mprintf("holiday_override: day '%s' appears twice", z);
        rc = *pzErr ? SQLITE_ERROR : SQLITE_NOMEM; /* issue 6, as above */
        break;
      }
    }
  } else if (rc != SQLITE_NOMEM && !*pzErr) {
    *pzErr = sqlite3_mprintf("holiday_override: %s", sqlite3_errmsg(db));
  }
done:
  if (rc != SQLITE_OK) ov_clear(p);
  return rc;
}

/* ---- Freshness (C7, C9) --------------------------------------------------- */

/* Makes the pager of main catch up with commits of other connections, when
** no transaction is open on it (a statement that reads no table opens
** none). Running any statement on main does that; this one is cheap. */
static int catch_up(sqlite3 *db) {
  sqlite3_stmt *pStmt = 0;
  int rc;
  /* sqlite3_txn_state() is there from 3.34; older libraries always probe. */
  if (sqlite3_libversion_number() >= 3034000 &&
      sqlite3_txn_state(db, "main") != SQLITE_TXN_NONE)
    return SQLITE_OK;
  rc = sqlite3_prepare_v2(db, "SELECT 1 FROM main.sqlite_master LIMIT 1", -1,
                          &pStmt, 0);
  if (rc == SQLITE_OK) {
    sqlite3_step(pStmt);
    rc = sqlite3_finalize(pStmt);
  }
  return rc;
}

/* Builds the calendar on first use, and reads holiday_override again when it
** may have changed since it was last read (C9). */
int lc_cal_ready(sqlite3 *db, lc_cal *p, char **pzErr) {
  unsigned int v = 0;
  int changes, autocommit, rc;
  if (!p->built && (rc = cal_build(p)) != SQLITE_OK) return rc;
  if ((rc = catch_up(db)) != SQLITE_OK) return rc;
  sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION, &v);
  changes = sqlite3_total_changes(db);
  autocommit = sqlite3_get_autocommit(db);
  /* Read inside a transaction: it may have rolled back (to a savepoint,
  ** even), so read again; otherwise only after a change. */
  if (p->ovLoaded && !p->ovInTxn && v == p->ovVersion &&
      changes == p->ovChanges)
    return SQLITE_OK;
  rc = ov_load(db, p, pzErr);
  if (rc == SQLITE_OK)
    rc = next_refresh(p);
  else
    p->nKey = -1;
  p->ovLoaded = rc == SQLITE_OK;
  p->ovVersion = v;
  p->ovChanges = changes;
  p->ovInTxn = !autocommit;
  return rc;
}

/* The per-statement marker (C9, calendar.h LC_CAL_MARKER): "lc_cal_ready()
** succeeded for this calendar in this run of the statement". SQLite keeps
** auxiliary data under a negative number for the whole run of the prepared
** statement, across the calls of every function in it, and drops it when
** the statement is reset or finalized; docs/calendar.md says what that
** costs, and why it is this. */
/* If the marker cannot be allocated, the next call checks again. */
static void cal_mark(sqlite3_context *ctx, lc_cal *p) {
  sqlite3_set_auxdata(ctx, LC_CAL_MARKER, p, 0);
}

lc_cal *lc_calendar(sqlite3_context *ctx, lc_cal *p, const char *zFunc) {
  char *zErr = 0;
  int rc;
  /* Checked already in this run of the statement (C9): nothing to do. */
  if (lc_cal_checked(ctx, p)) return p;
  rc = lc_cal_ready(sqlite3_context_db_handle(ctx), p, &zErr);
  if (rc == SQLITE_OK) {
    cal_mark(ctx, p);
    return p;
  }
  if (rc == SQLITE_NOMEM && !zErr)
    sqlite3_result_error_nomem(ctx);
  else
    lc_result_error(ctx, sqlite3_mprintf("%s(): %s", zFunc, zErr ? zErr : "error"));
  sqlite3_free(zErr);
  return 0;
}

static const lc_ov *ov_find(const lc_cal *p, int dn) {
  int lo = 0, hi = p->nOv - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    if (p->aOv[mid].dn == dn) return &p->aOv[mid];
    if (p->aOv[mid].dn < dn)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return 0;
}

char *lc_cal_range_error(const char *zFunc, int dn) {
  char z[12];
  lc_format_date(dn, z);
  return sqlite3_mprintf("%s(): date '%s' is outside the calendar "
                         "(%d-01-01 to %d-12-31)",
                         zFunc, z, LC_CAL_FIRST_YEAR, LC_CAL_LAST_YEAR);
}

/* Whether dn (in the range) is a working day, from the rules themselves. */
static int working_raw(const lc_cal *p, int dn) {
  if (p->nOv) {
    const lc_ov *o = ov_find(p, dn);
    if (o) return !o->isHoliday;
  }
  if (lc_weekday(dn) >= 5) return 0;
  return !BIT_TEST(p->aBit, dn - p->firstDn);
}

/* Rebuilds aNext when the overrides differ from those it was built with. */
static int next_refresh(lc_cal *p) {
  int i, same = p->nKey == p->nOv, *aKey;
  for (i = 0; same && i < p->nOv; i++)
    same = p->aKey[i] == p->aOv[i].dn * 2 + p->aOv[i].isHoliday;
  if (same) return SQLITE_OK;
  aKey = sqlite3_realloc64(p->aKey, sizeof(int) * (sqlite3_uint64)(p->nOv + 1));
  if (!aKey) return SQLITE_NOMEM;
  p->aKey = aKey;
  for (i = 0; i < p->nOv; i++) aKey[i] = p->aOv[i].dn * 2 + p->aOv[i].isHoliday;
  p->nKey = p->nOv;
  p->head.gen++;
  {
    int n = p->lastDn - p->firstDn + 1, next = -1;
    for (i = n - 1; i >= 0; i--) {
      if (working_raw(p, p->firstDn + i)) next = p->firstDn + i;
      p->aNext[i] = next;
    }
  }
  return SQLITE_OK;
}

int lc_cal_working(const lc_cal *p, int dn) {
  if (dn < p->firstDn || dn > p->lastDn) return -1;
  return p->aNext[dn - p->firstDn] == dn;
}

int lc_cal_next_working(const lc_cal *p, int dn, int *pBad) {
  int next;
  if (dn < p->firstDn || dn > p->lastDn) {
    *pBad = dn;
    return -1;
  }
  next = p->aNext[dn - p->firstDn];
  if (next < 0) *pBad = p->lastDn + 1;
  return next;
}

/* is_working_day(date) — C6 */
static void is_working_day_func(sqlite3_context *ctx, int argc,
                               sqlite3_value **argv) {
  int dn, w;
  lc_cal *pCal;
  (void)argc;
  if (lc_arg_date(ctx, argv[0], "is_working_day", &dn)) return;
  if (!(pCal = lc_calendar(ctx, sqlite3_user_data(ctx), "is_working_day"))) return;
  w = lc_cal_working(pCal, dn);
  if (w < 0)
    lc_result_error(ctx, lc_cal_range_error("is_working_day", dn));
  else
    sqlite3_result_int(ctx, w);
}

/* ---- holidays(from_date, to_date) — C8 ---------------------------------- */

typedef struct hol_row {
  int dn;
  int kind;
  const char *zName; /* static, or owned by the cursor for local rows */
} hol_row;

typedef struct hol_cursor {
  lc_tvf_cursor base; /* the arguments (common.c V4) */
  int iRow, nRow;
  hol_row *aRow;
  char *zNames; /* copies of the local names: a later statement may reload
                ** the overrides while this cursor is open */
} hol_cursor;

enum { HOL_DATE, HOL_NAME, HOL_KIND, HOL_FROM, HOL_TO };

static const char *const azHolArg[] = {"from_date", "to_date"};
/* from_date is required; to_date too unless from_date is a year, which
** hol_filter() checks (C8). About a year's holidays a call. */
static const lc_tvf holTvf = {"holidays", HOL_FROM, 2, azHolArg, 1u, 20};

static int hol_connect(sqlite3 *db, void *pAux, int argc,
                       const char *const *argv, sqlite3_vtab **ppVtab,
                       char **pzErr) {
  (void)argc;
  (void)argv;
  (void)pzErr;
  return lc_vtab_connect(db, pAux, "CREATE TABLE x(date TEXT, name TEXT, kind TEXT,"
          " from_date HIDDEN, to_date HIDDEN)", ppVtab);
}

static int hol_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur) {
  (void)pVtab;
  return lc_tvf_open(sizeof(hol_cursor), ppCur);
}

static int hol_close(sqlite3_vtab_cursor *cur) {
  hol_cursor *c = (hol_cursor *)cur;
  sqlite3_free(c->aRow);
  sqlite3_free(c->zNames);
  lc_tvf_close(&c->base);
  return SQLITE_OK;
}

static int row_cmp(const void *a, const void *b) {
  const hol_row *x = a, *y = b;
  if (x->dn != y->dn) return x->dn < y->dn ? -1 : 1;
  return strcmp(x->zName ? x->zName : "", y->zName ? y->zName : "");
}

/* A bound of holidays(): a date, or (from_date alone) a year. */
static int hol_bound(sqlite3_vtab *pVtab, sqlite3_value *v, const char *zCol,
                     int *pDn, int *pIsYear) {
  int t = sqlite3_value_type(v), isYear = t == SQLITE_INTEGER;
  sqlite3_int64 y = 0;
  *pIsYear = 0;
  if (isYear) {
    y = sqlite3_value_int64(v);
  } else if (t == SQLITE_TEXT && sqlite3_value_bytes(v) == 4) {
    /* Text that reads as a whole number of 4 bytes is a year: asked of a
    ** copy, as the question converts the value, and v is read back as given
    ** (common.c V4). */
    sqlite3_value *pNum = sqlite3_value_dup(v);
    if (!pNum) return SQLITE_NOMEM;
    if ((isYear = sqlite3_value_numeric_type(pNum) == SQLITE_INTEGER))
      y = sqlite3_value_int64(pNum);
    sqlite3_value_free(pNum);
  }
  if (isYear) {
    if (y < LC_CAL_FIRST_YEAR || y > LC_CAL_LAST_YEAR) {
      char *zLit = lc_literal(v);
      int rc = lc_vtab_error(pVtab,
                          zLit ? sqlite3_mprintf("holidays(): year %s is outside "
                                                 "the calendar (%d to %d)",
                                                 zLit, LC_CAL_FIRST_YEAR,
                                                 LC_CAL_LAST_YEAR)
                               : 0);
      sqlite3_free(zLit);
      return rc;
    }
    *pDn = (int)y;
    *pIsYear = 1;
    return SQLITE_OK;
  }
  if (t == SQLITE_TEXT) {
    const char *z = (const char *)sqlite3_value_text(v);
    if (z && lc_parse_date(z, sqlite3_value_bytes(v), pDn) == 0) {
      if (*pDn < lc_days_from_civil(LC_CAL_FIRST_YEAR, 1, 1) ||
          *pDn > lc_days_from_civil(LC_CAL_LAST_YEAR, 12, 31))
        return lc_vtab_error(pVtab, lc_cal_range_error("holidays", *pDn));
      return SQLITE_OK;
    }
  }
  {
    char *zLit = lc_literal(v);
    int rc = lc_vtab_error(pVtab, zLit ? sqlite3_mprintf("holidays(): invalid %s %s",
                                                      zCol, zLit)
                                    : 0);
    sqlite3_free(zLit);
    return rc;
  }
}

static int hol_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                      int argc, sqlite3_value **argv) {
  hol_cursor *c = (hol_cursor *)cur;
  lc_vtab *pVtab = (lc_vtab *)cur->pVtab;
  sqlite3_value *vFrom, *vTo;
  lc_cal *p;
  char *zErr = 0;
  int from, to, isYear = 0, isYear2 = 0, rc, i, n = 0, lo;
  (void)idxStr;
  sqlite3_free(c->aRow);
  sqlite3_free(c->zNames);
  c->aRow = 0;
  c->zNames = 0;
  c->nRow = c->iRow = 0;
  if ((rc = lc_tvf_filter_args(&c->base, &holTvf, idxNum, argc, argv))) return rc;
  vFrom = c->base.apArg[0];
  vTo = c->base.apArg[1];
  if (!vFrom) return SQLITE_OK;
  if (sqlite3_value_type(vFrom) == SQLITE_NULL ||
      (vTo && sqlite3_value_type(vTo) == SQLITE_NULL))
    return SQLITE_OK; /* NULL in, nothing out */
  rc = hol_bound(&pVtab->base, vFrom, "from_date", &from, &isYear);
  if (rc) return rc;
  if (vTo) {
    rc = hol_bound(&pVtab->base, vTo, "to_date", &to, &isYear2);
    if (rc) return rc;
    if (isYear) from = lc_days_from_civil(from, 1, 1);
    if (isYear2) to = lc_days_from_civil(to, 12, 31);
  } else if (isYear) {
    to = lc_days_from_civil(from, 12, 31);
    from = lc_days_from_civil(from, 1, 1);
  } else {
    return lc_vtab_error(&pVtab->base,
                      sqlite3_mprintf("holidays(): to_date is required "
                                      "unless from_date is a year"));
  }
  p = (lc_cal *)pVtab->pState;
  rc = lc_cal_ready(pVtab->db, p, &zErr);
  if (rc != SQLITE_OK) {
    if (!zErr) return rc;
    lc_vtab_error(&pVtab->base, sqlite3_mprintf("holidays(): %s", zErr));
    sqlite3_free(zErr);
    return rc;
  }
  if (from > to) return SQLITE_OK;
  /* first built-in row on or after from */
  for (lo = 0; lo < p->nHol && p->aHol[lo].dn < from; lo++) {
  }
  c->aRow = sqlite3_malloc64(sizeof(hol_row) * (sqlite3_uint64)(p->nHol - lo + p->nOv + 1));
  if (!c->aRow) return SQLITE_NOMEM;
  for (i = lo; i < p->nHol && p->aHol[i].dn <= to; i++) {
    const lc_ov *o = p->nOv ? ov_find(p, p->aHol[i].dn) : 0;
    if (o && !o->isHoliday) continue; /* removed by the office (C7) */
    c->aRow[n].dn = p->aHol[i].dn;
    c->aRow[n].kind = p->aHol[i].kind;
    c->aRow[n].zName = p->aHol[i].zName;
    n++;
  }
  {
    size_t nByte = 0, off = 0;
    for (i = 0; i < p->nOv; i++)
      if (p->aOv[i].zName) nByte += strlen(p->aOv[i].zName) + 1;
    if (nByte && !(c->zNames = sqlite3_malloc64(nByte))) return SQLITE_NOMEM;
    for (i = 0; i < p->nOv; i++) {
      const lc_ov *o = &p->aOv[i];
      if (!o->isHoliday || o->dn < from || o->dn > to) continue;
      c->aRow[n].dn = o->dn;
      c->aRow[n].kind = K_LOCAL;
      c->aRow[n].zName = 0;
      if (o->zName) {
        size_t len = strlen(o->zName) + 1;
        memcpy(c->zNames + off, o->zName, len);
        c->aRow[n].zName = c->zNames + off;
        off += len;
      }
      n++;
    }
  }
  if (n > 1) qsort(c->aRow, n, sizeof(hol_row), row_cmp);
  c->nRow = n;
  return SQLITE_OK;
}

static int hol_next(sqlite3_vtab_cursor *cur) {
  ((hol_cursor *)cur)->iRow++;
  return SQLITE_OK;
}

static int hol_eof(sqlite3_vtab_cursor *cur) {
  hol_cursor *c = (hol_cursor *)cur;
  return c->iRow >= c->nRow;
}

static int hol_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  hol_cursor *c = (hol_cursor *)cur;
  const hol_row *r = &c->aRow[c->iRow];
  char z[12];
  switch (i) {
  case HOL_DATE:
    lc_format_date(r->dn, z);
    sqlite3_result_text(ctx, z, 10, SQLITE_TRANSIENT);
    break;
  case HOL_NAME:
    /* Names live in the calendar, which a later statement may reload:
    ** copy them. */
    if (r->zName) sqlite3_result_text(ctx, r->zName, -1, SQLITE_TRANSIENT);
    break;
  case HOL_KIND:
    sqlite3_result_text(ctx, azKind[r->kind], -1, SQLITE_STATIC);
    break;
  default: /* the arguments as given (common.c V4) */
    lc_tvf_column_arg(&c->base, &holTvf, ctx, i);
    break;
  }
  return SQLITE_OK;
}

static int hol_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid) {
  *pRowid = ((hol_cursor *)cur)->iRow + 1;
  return SQLITE_OK;
}

/* The arguments as every table-valued function takes them (common.c
** V1–V3); rows come by date, so an ORDER BY date needs no sort. */
static int hol_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo) {
  int rc = lc_tvf_best_index(pVtab, pInfo, &holTvf);
  if (rc == SQLITE_OK && pInfo->nOrderBy == 1 &&
      pInfo->aOrderBy[0].iColumn == HOL_DATE && !pInfo->aOrderBy[0].desc)
    pInfo->orderByConsumed = 1;
  return rc;
}

/* Designated initializers: the fields after xRowid (xUpdate …) differ
** between SQLite versions and stay NULL, the table being read-only. */
static const sqlite3_module holidays_module = {
    .iVersion = 0,
    .xCreate = 0, /* eponymous only: no CREATE VIRTUAL TABLE */
    .xConnect = hol_connect,
    .xBestIndex = hol_best_index,
    .xDisconnect = lc_vtab_disconnect,
    .xOpen = hol_open,
    .xClose = hol_close,
    .xFilter = hol_filter,
    .xNext = hol_next,
    .xEof = hol_eof,
    .xColumn = hol_column,
    .xRowid = hol_rowid,
};

/* ---- Registration -------------------------------------------------------- */

int lc_calendar_register(sqlite3 *db, lc_cal **ppCal, char **pzErr) {
  static const lc_function aFunc[] = {
      /* C6, learnclub.c E4: reads holiday_override, not deterministic */
      {"is_working_day", 1, LC_READS_DB, is_working_day_func, 0, 0, 0, 0},
  };
  lc_cal *p = lc_state_new(sizeof(lc_cal), cal_free);
  int rc;
  *ppCal = 0;
  if (!p) {
    *pzErr = sqlite3_mprintf("learnclub: out of memory");
    return SQLITE_NOMEM;
  }
  rc = lc_register_functions(db, aFunc, sizeof(aFunc) / sizeof(aFunc[0]),
                             &p->head.base, pzErr);
  if (rc == SQLITE_OK)
    rc = lc_register_module(db, "holidays", &holidays_module, &p->head.base, pzErr);
  if (rc != SQLITE_OK) {
    lc_state_unref(p);
    return rc;
  }
  *ppCal = p;
  return SQLITE_OK;
}
