/*
** cli/cmd_check.c — the checks and reports that print a result:
** monthly-check (JG5, JG6), evaluate (JG7, JG8, D3, D6), hours (JG9, D4),
** incentives (JG10, JG11), summary (JG2, JG5-JG12), intake (NJ3), teams
** (NJ1, NJ6, D6), adoption (NJ2-NJ4), budget (NJ7), pledge-report (NJ8,
** NJ9, D5).
**
** Each checks its arguments (args.c) in the order the messages are
** documented, opens the database at the current schema version, runs its
** script sql/COMMAND.sql with the values bound, prints the result in the
** chosen format, and exits 1 when the script's temp.lc_status has findings.
*/
#define _POSIX_C_SOURCE 200809L
#include <string.h>
#include "cli.h"

/* issue 16: a workbook's sheets beyond the result's own (xlsx.c X4): after
** zScript, zMore runs on the same connection (it reads zScript's temporary
** tables) into a sheet of its own; zFirst names the result's sheet. */
static const struct {
  const char *zScript, *zFirst, *zMore, *zSheet;
} aMoreSheets[] = {
    {"evaluate.sql", "순위", "evaluate-sheet.sql", "심사표"}, /* the committee's sheet */
};

/* Runs sql/SCRIPT on the checked database db and prints its result. */
int lc_run_result(sqlite3 *db, const char *zDb, const char *zScript,
                         const lc_param *aParam, int nParam, const char *zFormat,
                         const char *zAfter) {
  lc_writer *w = lc_writer_new(zFormat, db);
  int rc;
  size_t i;
  for (i = 0; i < sizeof(aMoreSheets) / sizeof(aMoreSheets[0]); i++)
    if (strcmp(aMoreSheets[i].zScript, zScript) == 0) lc_writer_sheet(w, aMoreSheets[i].zFirst);
  lc_run_script(db, zDb, zScript, aParam, nParam, lc_writer_sink(w), zAfter);
  rc = lc_findings(db, zDb);
  for (i = 0; i < sizeof(aMoreSheets) / sizeof(aMoreSheets[0]); i++)
    if (strcmp(zFormat, "xlsx") == 0 && strcmp(aMoreSheets[i].zScript, zScript) == 0) {
      lc_writer_sheet(w, aMoreSheets[i].zSheet);
      lc_run_script(db, zDb, aMoreSheets[i].zMore, 0, 0, lc_writer_sink(w), 0);
    }
  lc_write_stdout(lc_writer_finish(w));
  lc_writer_free(w);
  lc_close(db);
  return rc;
}

static int run_result(const char *zDb, const char *zScript, const lc_param *aParam,
                      int nParam, const char *zFormat, const char *zAfter) {
  return lc_run_result(lc_open_checked(zDb), zDb, zScript, aParam, nParam, zFormat, zAfter);
}

/* issue 17: the workflows that take a period and an as-of date, as their
** commands run them; `rollup` (cmd_rollup.c) runs the same over many offices.
** summary checks its database before today, as documented; monthly-check
** today first. */
static const lc_workflow aWorkflow[] = {
    {"monthly-check", "YYYY-MM", lc_check_month, "monthly-check.sql", "month", "as_of", 0},
    {"summary", "YYYY", lc_check_year, "summary.sql", "year", "today", 1},
};

const lc_workflow *lc_workflow_find(const char *zName) {
  size_t i;
  for (i = 0; i < sizeof(aWorkflow) / sizeof(aWorkflow[0]); i++)
    if (strcmp(aWorkflow[i].zName, zName) == 0) return &aWorkflow[i];
  return 0;
}

sqlite3 *lc_workflow_open(const lc_workflow *w, const char *zDb, const char *zArg,
                          const char *zAsOf, lc_param aP[2]) {
  sqlite3 *db = w->bDbFirst ? lc_open_checked(zDb) : 0;
  aP[0].zName = w->zArgParam, aP[0].zValue = zArg;
  aP[1].zName = w->zAsOfParam, aP[1].zValue = zAsOf ? zAsOf : lc_korean_today(); /* issue 14 */
  return db ? db : lc_open_checked(zDb);
}

/* monthly-check, summary: DB PERIOD [--as-of YYYY-MM-DD] */
static int run_workflow(const char *zName, int argc, char **argv) {
  const lc_workflow *w = lc_workflow_find(zName);
  const char *azName[2];
  lc_args a;
  lc_param aP[2];
  sqlite3 *db;
  azName[0] = "DB", azName[1] = w->zArg;
  lc_parse_args(&a, LC_OPT_FORMAT | LC_OPT_AS_OF, argc, argv);
  lc_want_args(&a, 2, azName);
  w->xCheck(a.apPos[1]);
  db = lc_workflow_open(w, a.apPos[0], a.apPos[1], a.zAsOf, aP);
  return lc_run_result(db, a.apPos[0], w->zScript, aP, 2, a.zFormat, 0);
}

int lc_cmd_monthly_check(int argc, char **argv) { return run_workflow("monthly-check", argc, argv); }

/* evaluate, hours, incentives: DB YYYY-H1|YYYY-H2 [--as-of YYYY-MM-DD] */
int lc_cmd_half(int argc, char **argv) {
  static const char *const azName[] = {"DB", "YYYY-H1/YYYY-H2"};
  lc_args a;
  lc_param aP[2];
  char zScript[32];
  sqlite3 *db;
  int bWrites = strcmp(lc_cmd, "evaluate") == 0; /* evaluate stores the awards */
  lc_parse_args(&a, LC_OPT_FORMAT | LC_OPT_AS_OF, argc, argv);
  lc_want_args(&a, 2, azName);
  lc_check_half(a.apPos[1]);
  snprintf(zScript, sizeof(zScript), "%s.sql", lc_cmd);
  db = lc_open_checked(a.apPos[0]);
  aP[0].zName = "period", aP[0].zValue = a.apPos[1];
  aP[1].zName = "as_of", aP[1].zValue = a.zAsOf ? a.zAsOf : lc_korean_today(); /* issue 14: one today */
  if (bWrites) lc_change_log(db, a.apPos[0], argc, argv); /* issue 14: changelog.c */
  return lc_run_result(db, a.apPos[0], zScript, aP, 2, a.zFormat, bWrites ? "nothing was written" : 0);
}

int lc_cmd_summary(int argc, char **argv) { return run_workflow("summary", argc, argv); }

/* intake, teams: DB YYYY */
int lc_cmd_year(int argc, char **argv) {
  static const char *const azName[] = {"DB", "YYYY"};
  lc_args a;
  lc_param aP[1];
  char zScript[32];
  lc_parse_args(&a, LC_OPT_FORMAT, argc, argv);
  lc_want_args(&a, 2, azName);
  lc_check_year(a.apPos[1]);
  aP[0].zName = "year", aP[0].zValue = a.apPos[1];
  snprintf(zScript, sizeof(zScript), "%s.sql", lc_cmd);
  return run_result(a.apPos[0], zScript, aP, 1, a.zFormat, 0);
}

int lc_cmd_adoption(int argc, char **argv) {
  lc_args a;
  lc_param aP[1];
  lc_parse_args(&a, LC_OPT_FORMAT, argc, argv);
  if (a.nPos < 1) lc_fail("missing argument DB; see 'learnclub help'");
  if (a.nPos > 2) lc_fail("unexpected argument '%s'", a.apPos[2]);
  if (a.nPos == 2) lc_check_year(a.apPos[1]);
  aP[0].zName = "year", aP[0].zValue = a.nPos == 2 ? a.apPos[1] : "";
  return run_result(a.apPos[0], "adoption.sql", aP, 1, a.zFormat, 0);
}

int lc_cmd_budget(int argc, char **argv) {
  static const char *const azName[] = {"DB"};
  lc_args a;
  lc_parse_args(&a, LC_OPT_FORMAT, argc, argv);
  lc_want_args(&a, 1, azName);
  return run_result(a.apPos[0], "budget.sql", 0, 0, a.zFormat, 0);
}

int lc_cmd_pledge_report(int argc, char **argv) {
  static const char *const azName[] = {"DB"};
  lc_args a;
  lc_param aP[1];
  lc_parse_args(&a, LC_OPT_FORMAT | LC_OPT_AS_OF, argc, argv);
  lc_want_args(&a, 1, azName);
  aP[0].zName = "as_of", aP[0].zValue = a.zAsOf ? a.zAsOf : lc_korean_today();
  return run_result(a.apPos[0], "pledge-report.sql", aP, 1, a.zFormat, 0);
}
