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
      *pSlow;
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
  }
  for (round = 0; round < 4 && fz_more(&in); round++) {
    sqlite3_value *v = fz_value(&in), *w;
    int rcHalf, rcWork, rcSub, rcDue, rcPer, isNull;
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
