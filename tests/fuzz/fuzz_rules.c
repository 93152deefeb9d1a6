/*
** fuzz_rules.c — report rules: report_due and report_calendar with random
** rule values (text from rule words and raw bytes, or any other type). See
** fuzz.h. Invariants: errors name the function; the rule is parsed alike
** by all three: report_due(P, R) over rows (the auxdata path of a constant
** rule), report_due(P, R) alone and report_calendar(P, P, R) accept and
** reject the same rules with the same message, and agree on the due date
** of every month and half-year they both give. report_status(P, NULL,
** '9999-12-31', R) (deadlines.c R9) accepts and rejects as report_due(P, R)
** does, with the same message, and says 'missing' exactly when the due
** date is before 9999-12-31, else 'pending'.
*/
#include "fuzz.h"

static const char *const azPeriod[] = {"2015-03", "2015-12", "2015-H1",
                                       "2015-H2", "2024-02", "2050-11",
                                       "2050-12", "2000-01", "9999-12"};

typedef struct due_list {
  int n;
  char a[16][2][16]; /* period, due */
} due_list;

static void collect(sqlite3_stmt *p, void *ctx) {
  due_list *l = ctx;
  if (l->n >= 16) return;
  snprintf(l->a[l->n][0], 16, "%s", (const char *)sqlite3_column_text(p, 0));
  snprintf(l->a[l->n][1], 16, "%s", (const char *)sqlite3_column_text(p, 1));
  if (!fz_is_date((const unsigned char *)l->a[l->n][1]))
    fz_fail("a due date that is not a date", l->a[l->n][1]);
  l->n++;
}

/* The error message without its "FUNC(): " prefix. */
static void tail_of(sqlite3 *db, char *z, size_t n) {
  const char *zMsg = sqlite3_errmsg(db), *c = strstr(zMsg, "(): ");
  snprintf(z, n, "%s", c ? c + 4 : zMsg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static sqlite3_stmt *pRows, *pOne, *pCal, *pStatus;
  sqlite3 *db = fz_db();
  fz_input in = {data, size};
  sqlite3_value *rule;
  const char *zPer;
  due_list rows = {0}, one = {0}, cal = {0};
  char e1[300], e2[300], e3[300], zStatus[16] = "";
  int rc1, rc2, rc3, rc4, i, j;
  if (!pRows) {
    pRows = fz_prepare(db,
                       "SELECT column1, report_due(column1, ?1) FROM (VALUES"
                       " ('2015-01'), ('2015-02'), ('2015-H1'), ('2024-02'))");
    pOne = fz_prepare(db, "SELECT ?2, report_due(?2, ?1)");
    pCal = fz_prepare(db, "SELECT period, due FROM report_calendar(?2, ?2, ?1)");
    pStatus = fz_prepare(db, "SELECT report_status(?2, NULL, '9999-12-31', ?1)");
  }
  zPer = azPeriod[fz_byte(&in) % (sizeof azPeriod / sizeof *azPeriod)];
  rule = fz_value(&in);
  sqlite3_bind_value(pRows, 1, rule);
  sqlite3_bind_value(pOne, 1, rule);
  sqlite3_bind_value(pCal, 1, rule);
  sqlite3_bind_value(pStatus, 1, rule);
  sqlite3_bind_text(pStatus, 2, zPer, -1, SQLITE_STATIC);
  sqlite3_bind_text(pOne, 2, zPer, -1, SQLITE_STATIC);
  sqlite3_bind_text(pCal, 2, zPer, -1, SQLITE_STATIC);
  rc1 = fz_run(pRows, "report_due()", collect, &rows);
  rc2 = fz_run(pOne, "report_due()", collect, &one);
  tail_of(db, e1, sizeof e1);
  rc3 = fz_run(pCal, "report_calendar()", collect, &cal);
  tail_of(db, e2, sizeof e2);
  while ((rc4 = sqlite3_step(pStatus)) == SQLITE_ROW)
    snprintf(zStatus, sizeof zStatus, "%s", (const char *)sqlite3_column_text(pStatus, 0));
  if (rc4 != SQLITE_DONE) fz_check_error(db, sqlite3_sql(pStatus), "report_status()");
  tail_of(db, e3, sizeof e3);
  sqlite3_reset(pStatus);
  sqlite3_value_free(rule);
  if ((rc2 == SQLITE_DONE) != (rc4 == SQLITE_DONE) ||
      (rc2 != SQLITE_DONE && strcmp(e1, e3) != 0))
    fz_fail("report_due and report_status disagree on a rule", e3);
  if (rc2 == SQLITE_DONE && one.n == 1 &&
      strcmp(zStatus, strcmp(one.a[0][1], "9999-12-31") < 0 ? "missing" : "pending") != 0)
    fz_fail("report_status disagrees with report_due", zStatus);
  if (rc2 == SQLITE_ERROR && strstr(e1, "outside the calendar")) return 0;
  if (rc1 == SQLITE_ERROR && rc2 == SQLITE_DONE && rows.n == 0)
    fz_fail("a rule report_due rejects over rows but accepts alone", 0);
  if ((rc2 == SQLITE_DONE) != (rc3 == SQLITE_DONE) ||
      (rc2 != SQLITE_DONE && strcmp(e1, e2) != 0)) {
    char d[700];
    snprintf(d, sizeof d, "report_due: %s | report_calendar: %s",
             rc2 == SQLITE_DONE ? "ok" : e1, rc3 == SQLITE_DONE ? "ok" : e2);
    fz_fail("report_due and report_calendar disagree on a rule", d);
  }
  /* the same due date for the same period */
  for (i = 0; i < one.n; i++)
    for (j = 0; j < cal.n; j++)
      if (strcmp(one.a[i][0], cal.a[j][0]) == 0 &&
          strcmp(one.a[i][1], cal.a[j][1]) != 0) {
        char d[200];
        snprintf(d, sizeof d, "%s: report_due %s, report_calendar %s",
                 one.a[i][0], one.a[i][1], cal.a[j][1]);
        fz_fail("report_due and report_calendar disagree on a due date", d);
      }
  return 0;
}
