/*
** fuzz_tvf.c — the table-valued functions with random arguments:
** holidays(from, to), holidays(year), report_calendar(from, to, rule),
** award_table(scheme), as table-valued calls, through WHERE constraints on
** their hidden columns, and correlated to an outer query; with
** holiday_override rows taken from the input (random day, name and
** is_holiday values) so that the override reload runs. See fuzz.h.
** Invariants: errors name the function (or, for a malformed override row,
** the function that read it); holidays rows come ordered by date, each a
** date in the calendar with a known kind; report_calendar's due equals
** report_due(period, rule) for each of its rows.
*/
#include "fuzz.h"

static void check_holiday(sqlite3_stmt *p, void *ctx) {
  char *zLast = ctx;
  const char *zDate = (const char *)sqlite3_column_text(p, 0);
  const char *zKind = (const char *)sqlite3_column_text(p, 2);
  if (!fz_is_date((const unsigned char *)zDate) || strcmp(zDate, "2000-01-01") < 0 ||
      strcmp(zDate, "2050-12-31") > 0)
    fz_fail("holidays() gave a date outside the calendar", zDate);
  if (!zKind || !strstr(" fixed lunar substitute election temporary local ", zKind) ||
      !*zKind)
    fz_fail("holidays() gave an unknown kind", zKind);
  if (strcmp(zDate, zLast) < 0) fz_fail("holidays() rows out of order", zDate);
  snprintf(zLast, 16, "%s", zDate);
}

static void check_due(sqlite3_stmt *p, void *ctx) {
  (void)ctx;
  if (sqlite3_column_type(p, 3) == SQLITE_NULL) return; /* report_due failed */
  if (strcmp((const char *)sqlite3_column_text(p, 2),
             (const char *)sqlite3_column_text(p, 3)) != 0) {
    char d[200];
    snprintf(d, sizeof d, "%s: report_calendar %s, report_due %s",
             sqlite3_column_text(p, 0), sqlite3_column_text(p, 2),
             sqlite3_column_text(p, 3));
    fz_fail("report_calendar and report_due disagree", d);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static sqlite3_stmt *pOv, *apQ[8];
  static const char *const azQ[8] = {
      "SELECT date, name, kind FROM holidays(?1, ?2)",
      "SELECT date, name, kind FROM holidays(?1)",
      "SELECT date, name, kind FROM holidays WHERE from_date = ?1 AND to_date = ?2",
      "SELECT period, kind, due, (SELECT report_due(period, ?3) WHERE"
      " period IS NOT NULL) FROM report_calendar(?1, ?2, ?3)",
      "SELECT period, kind, due, NULL FROM report_calendar"
      " WHERE from_period = ?1 AND to_period = ?2",
      "SELECT tier, rank_from, rank_to, prize FROM award_table(?1)",
      "SELECT x.a, (SELECT count(*) FROM holidays(x.a, x.b)),"
      " (SELECT count(*) FROM report_calendar(x.a, x.b)) FROM"
      " (SELECT ?1 AS a, ?2 AS b UNION ALL SELECT ?2, ?1) AS x",
      "SELECT count(*) FROM holidays(?1, ?2) AS h JOIN award_table(?3) AS t"
      " ON t.rank_from <= length(h.name)",
  };
  static const char *const azFuncs[8] = {
      "holidays()", "holidays()", "holidays()",
      "report_calendar(),report_due()", "report_calendar()", "award_table()",
      "holidays(),report_calendar()", "holidays(),award_table()"};
  sqlite3 *db = fz_db();
  fz_input in = {data, size};
  unsigned nOv, k, q;
  if (!pOv) {
    for (k = 0; k < 8; k++) apQ[k] = fz_prepare(db, azQ[k]);
  }
  /* holiday_override, afresh: 0 to 3 rows from the input */
  fz_exec(db, "DROP TABLE IF EXISTS holiday_override;"
              "CREATE TABLE holiday_override(day TEXT PRIMARY KEY, name TEXT,"
              " is_holiday INTEGER NOT NULL)");
  pOv = fz_prepare(db, "INSERT OR IGNORE INTO holiday_override VALUES (?1, ?2, ?3)");
  nOv = fz_byte(&in) % 4;
  for (k = 0; k < nOv; k++) {
    fz_bind(&in, pOv, 1);
    fz_bind(&in, pOv, 2);
    fz_bind(&in, pOv, 3);
    sqlite3_step(pOv); /* NOT NULL may refuse a row: fine */
    sqlite3_reset(pOv);
  }
  sqlite3_finalize(pOv);
  /* up to 4 queries with random arguments */
  for (k = 0; k < 4 && fz_more(&in); k++) {
    char zLast[16] = "";
    sqlite3_stmt *p;
    int i;
    q = fz_byte(&in) % 8;
    p = apQ[q];
    for (i = 1; i <= sqlite3_bind_parameter_count(p); i++) fz_bind(&in, p, i);
    fz_run(p, azFuncs[q], q <= 2 ? check_holiday : q == 3 ? check_due : 0,
           zLast);
    sqlite3_clear_bindings(p);
  }
  return 0;
}
