/*
** fuzz_dates.c — dates and periods: half_year, is_working_day, report_due,
** deadline_ok on random values (text, blobs, numbers, NULL). See fuzz.h.
** Invariants: errors name the function; half_year gives YYYY-Hn;
** is_working_day and deadline_ok give 0 or 1; report_due gives a date. One
** parser serves all: a non-NULL value half_year rejects, is_working_day
** rejects too, and deadline_ok(period, V, 'strict') accepts V exactly when
** half_year does; a period report_due(P, 'strict') accepts, deadline_ok
** accepts. deadline_ok(P, S) on a statement's second row, where the fast
** path (deadline_fast.c F1) may take it, gives what deadline_ok(P, S, '') gives
** (the general path): the same value or the same error message.
** The functions of issue 12 (dates.c T8–T12, deadlines.c R9): is_date never
** fails and is 1 exactly when half_year accepts the value; kr_date and
** kr_datetime accept what half_year accepts, give a date and a time of day,
** agree with each other and with half_year, and are their own fixed
** points; period_start and period_end accept every period report_due
** (strict) does, and give its first and last day; report_status gives one
** of its four words, and is deadline_ok and report_due composed (W2).
*/
#include "fuzz.h"

static void check_half(sqlite3_stmt *p, void *ctx) {
  const unsigned char *z = sqlite3_column_text(p, 0);
  (void)ctx;
  if (sqlite3_column_type(p, 0) == SQLITE_NULL) return;
  if (!z || strlen((const char *)z) != 7 || z[4] != '-' || z[5] != 'H' ||
      (z[6] != '1' && z[6] != '2'))
    fz_fail("half_year() gave no YYYY-Hn", (const char *)z);
}

static void check_bool(sqlite3_stmt *p, void *ctx) {
  int i;
  (void)ctx;
  for (i = 0; i < sqlite3_column_count(p); i++) {
    if (sqlite3_column_type(p, i) == SQLITE_NULL) continue;
    if (sqlite3_column_type(p, i) != SQLITE_INTEGER ||
        (sqlite3_column_int(p, i) != 0 && sqlite3_column_int(p, i) != 1))
      fz_fail("a 0/1 function gave something else", sqlite3_sql(p));
  }
}

/* Columns iFirst.. are checks written in SQL: each must be 1. */
static void check_from(sqlite3_stmt *p, int iFirst) {
  int i;
  for (i = iFirst; i < sqlite3_column_count(p); i++)
    if (sqlite3_column_type(p, i) != SQLITE_INTEGER || sqlite3_column_int(p, i) != 1) {
      char d[300];
      snprintf(d, sizeof d, "column %d of %s", i, sqlite3_sql(p));
      fz_fail("a check written in SQL failed", d);
    }
}

static void check_true(sqlite3_stmt *p, void *ctx) {
  (void)ctx;
  check_from(p, 0);
}

/* kr_date, kr_datetime: a date, and a date with a time of day; then checks. */
static void check_kr(sqlite3_stmt *p, void *ctx) {
  const unsigned char *zDt = sqlite3_column_text(p, 1);
  int h, m, sec;
  char c;
  (void)ctx;
  check_from(p, 2);
  if (sqlite3_column_type(p, 0) == SQLITE_NULL) return;
  if (!fz_is_date(sqlite3_column_text(p, 0)))
    fz_fail("kr_date() gave no date", (const char *)sqlite3_column_text(p, 0));
  if (!zDt || strlen((const char *)zDt) != 19 || zDt[10] != ' ' ||
      sscanf((const char *)zDt + 11, "%2d:%2d:%2d%c", &h, &m, &sec, &c) != 3 ||
      h > 23 || m > 59 || sec > 59)
    fz_fail("kr_datetime() gave no date and time", (const char *)zDt);
}

/* period_start, period_end: two dates; then checks. */
static void check_bounds(sqlite3_stmt *p, void *ctx) {
  (void)ctx;
  check_from(p, 2);
  if (sqlite3_column_type(p, 0) == SQLITE_NULL) return;
  if (!fz_is_date(sqlite3_column_text(p, 0)) || !fz_is_date(sqlite3_column_text(p, 1)))
    fz_fail("period_start() or period_end() gave no date", 0);
}

/* report_status: one of its four words, or NULL; then checks. */
static void check_status(sqlite3_stmt *p, void *ctx) {
  const char *z = (const char *)sqlite3_column_text(p, 0);
  (void)ctx;
  check_from(p, 1);
  if (z && strcmp(z, "on_time") && strcmp(z, "late") && strcmp(z, "missing") &&
      strcmp(z, "pending"))
    fz_fail("report_status() gave another word", z);
}

static void check_date(sqlite3_stmt *p, void *ctx) {
  (void)ctx;
  if (sqlite3_column_type(p, 0) == SQLITE_NULL) return;
  if (!fz_is_date(sqlite3_column_text(p, 0)))
    fz_fail("report_due() gave no date", (const char *)sqlite3_column_text(p, 0));
}

/* Steps p to the end: the last row's deadline_ok() value (-1 for NULL) in
** *pv, or -2 and the error message in zErr; the statement is reset. */
static int last_row(sqlite3_stmt *p, int *pv, char *zErr, size_t nErr) {
  int rc;
  *pv = -2;
  zErr[0] = 0;
  while ((rc = sqlite3_step(p)) == SQLITE_ROW)
    *pv = sqlite3_column_type(p, 0) == SQLITE_NULL ? -1 : sqlite3_column_int(p, 0);
  if (rc != SQLITE_DONE) { /* no value then */
    *pv = -2;
    snprintf(zErr, nErr, "%s", sqlite3_errmsg(sqlite3_db_handle(p)));
  }
  sqlite3_reset(p);
  return rc;
}

static void check_fast(sqlite3_stmt *pFast, sqlite3_stmt *pSlow) {
  char zFast[300], zSlow[300], detail[700];
  int vFast, vSlow, rcFast = last_row(pFast, &vFast, zFast, sizeof zFast);
  int rcSlow = last_row(pSlow, &vSlow, zSlow, sizeof zSlow);
  if (rcFast != rcSlow || vFast != vSlow || strcmp(zFast, zSlow) != 0) {
    snprintf(detail, sizeof detail, "fast %d %d '%s', general %d %d '%s'", rcFast,
             vFast, zFast, rcSlow, vSlow, zSlow);
    fz_fail("deadline_ok's fast path and general path disagree", detail);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static sqlite3_stmt *pHalf, *pWork, *pSub, *pDue, *pDueS, *pPer, *pOk3, *pFast,
      *pSlow, *pIs, *pKr, *pBounds, *pStatus;
  sqlite3 *db = fz_db();
  fz_input in = {data, size};
  int round;
  if (!pHalf) {
    pHalf = fz_prepare(db, "SELECT half_year(?1)");
    pWork = fz_prepare(db, "SELECT is_working_day(?1)");
    pSub = fz_prepare(db, "SELECT deadline_ok('2015-03', ?1, 'strict')");
    pDue = fz_prepare(db, "SELECT report_due(?1, ?2)");
    pDueS = fz_prepare(db, "SELECT report_due(?1, 'strict')");
    pPer = fz_prepare(db, "SELECT deadline_ok(?1, '2015-01-01', 'strict')");
    pOk3 = fz_prepare(db, "SELECT deadline_ok(?1, ?2, ?3)");
    /* the first row warms the fast path up; the second may take it */
    pFast = fz_prepare(db, "SELECT deadline_ok(p, s) FROM (SELECT '2015-03' AS p, "
                           "'2015-04-01' AS s UNION ALL SELECT ?1, ?2)");
    pSlow = fz_prepare(db, "SELECT deadline_ok(?1, ?2, '')");
    pIs = fz_prepare(db, "SELECT is_date(?1)");
    pKr = fz_prepare(db,
        "SELECT kr_date(?1), kr_datetime(?1),"
        " kr_date(kr_date(?1)) IS kr_date(?1),"
        " kr_datetime(kr_datetime(?1)) IS kr_datetime(?1),"
        " kr_date(kr_datetime(?1)) IS kr_date(?1),"
        " substr(kr_datetime(?1), 1, 10) IS kr_date(?1),"
        " half_year(kr_date(?1)) IS half_year(?1),"
        " coalesce(is_date(?1), ?1 IS NULL)");
    pBounds = fz_prepare(db,
        "SELECT period_start(?1), period_end(?1),"
        " period_start(?1) <= period_end(?1) OR ?1 IS NULL,"
        " CASE WHEN substr(?1, 6, 1) = 'H' THEN half_year(period_start(?1)) = ?1"
        " AND half_year(period_end(?1)) = ?1 AND period_end(?1) LIKE '%-%-3_'"
        " ELSE substr(period_start(?1), 1, 7) IS ?1 AND substr(period_end(?1), 1, 7) IS ?1"
        " AND period_start(?1) LIKE '%-01' END IS NOT 0,"
        " (date(period_end(?1), '+1 day') LIKE '%-01') IS NOT 0"); /* NULL past 9999 */
    pStatus = fz_prepare(db,
        "SELECT r, r IS NULL OR r IS CASE"
        " WHEN ?2 IS NOT NULL AND kr_date(?2) <= kr_date(?3) THEN"
        " CASE WHEN deadline_ok(?1, ?2) THEN 'on_time' ELSE 'late' END"
        " WHEN kr_date(?3) > report_due(?1) THEN 'missing' ELSE 'pending' END"
        " FROM (SELECT report_status(?1, ?2, ?3) AS r)");
  }
  for (round = 0; round < 4 && fz_more(&in); round++) {
    sqlite3_value *v = fz_value(&in), *w;
    int rcHalf, rcWork, rcSub, rcDue, rcPer, rcKr, rcBounds, isNull;
    isNull = sqlite3_value_type(v) == SQLITE_NULL;
    /* a value as a date */
    sqlite3_bind_value(pHalf, 1, v);
    sqlite3_bind_value(pWork, 1, v);
    sqlite3_bind_value(pSub, 1, v);
    rcHalf = fz_run(pHalf, "half_year()", check_half, 0);
    rcWork = fz_run(pWork, "is_working_day()", check_bool, 0);
    rcSub = fz_run(pSub, "deadline_ok()", check_bool, 0);
    if (!isNull && rcHalf != SQLITE_DONE && rcWork == SQLITE_DONE)
      fz_fail("is_working_day accepts a date half_year rejects", 0);
    if ((rcHalf == SQLITE_DONE) != (rcSub == SQLITE_DONE))
      fz_fail("deadline_ok and half_year disagree on a date", 0);
    /* is_date, kr_date, kr_datetime: the same parser (dates.c T9–T12) */
    sqlite3_bind_value(pIs, 1, v);
    sqlite3_bind_value(pKr, 1, v);
    if (sqlite3_step(pIs) != SQLITE_ROW) fz_fail("is_date() failed", sqlite3_errmsg(db));
    if (isNull != (sqlite3_column_type(pIs, 0) == SQLITE_NULL) ||
        (!isNull && sqlite3_column_int(pIs, 0) != (rcHalf == SQLITE_DONE)))
      fz_fail("is_date and half_year disagree on a date", 0);
    sqlite3_reset(pIs);
    rcKr = fz_run(pKr, "kr_date(),kr_datetime()", check_kr, 0);
    if ((rcKr == SQLITE_DONE) != (rcHalf == SQLITE_DONE))
      fz_fail("kr_date and half_year disagree on a date", 0);
    /* the same value as a period */
    w = fz_value(&in);
    sqlite3_bind_value(pDue, 1, v);
    sqlite3_bind_value(pDue, 2, w);
    sqlite3_bind_value(pDueS, 1, v);
    sqlite3_bind_value(pPer, 1, v);
    fz_run(pDue, "report_due()", check_date, 0);
    rcDue = fz_run(pDueS, "report_due()", check_date, 0);
    rcPer = fz_run(pPer, "deadline_ok()", check_bool, 0);
    if ((rcDue == SQLITE_DONE) != (rcPer == SQLITE_DONE))
      fz_fail("deadline_ok and report_due disagree on a period", 0);
    /* period_start, period_end (dates.c T8) */
    sqlite3_bind_value(pBounds, 1, v);
    rcBounds = fz_run(pBounds, "period_start(),period_end()", check_bounds, 0);
    if (rcDue == SQLITE_DONE && rcBounds != SQLITE_DONE)
      fz_fail("period_start rejects a period report_due accepts", 0);
    /* report_status (deadlines.c R9), both ways round, as_of a new value */
    {
      sqlite3_value *x = fz_value(&in);
      sqlite3_bind_value(pStatus, 1, w);
      sqlite3_bind_value(pStatus, 2, v);
      sqlite3_bind_value(pStatus, 3, x);
      fz_run(pStatus, "report_status(),kr_date(),deadline_ok(),report_due()",
             check_status, 0);
      sqlite3_bind_value(pStatus, 1, v);
      sqlite3_bind_value(pStatus, 2, x);
      sqlite3_bind_value(pStatus, 3, w);
      fz_run(pStatus, "report_status(),kr_date(),deadline_ok(),report_due()",
             check_status, 0);
      sqlite3_value_free(x);
    }
    /* the fast path against the general one, both ways round */
    sqlite3_bind_value(pFast, 1, w);
    sqlite3_bind_value(pFast, 2, v);
    sqlite3_bind_value(pSlow, 1, w);
    sqlite3_bind_value(pSlow, 2, v);
    check_fast(pFast, pSlow);
    sqlite3_bind_value(pFast, 1, v);
    sqlite3_bind_value(pFast, 2, w);
    sqlite3_bind_value(pSlow, 1, v);
    sqlite3_bind_value(pSlow, 2, w);
    check_fast(pFast, pSlow);
    /* three random values */
    sqlite3_bind_value(pOk3, 1, v);
    sqlite3_bind_value(pOk3, 2, w);
    fz_bind(&in, pOk3, 3);
    fz_run(pOk3, "deadline_ok()", check_bool, 0);
    sqlite3_value_free(v);
    sqlite3_value_free(w);
  }
  return 0;
}
