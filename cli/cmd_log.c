/*
** cli/cmd_log.c — the office's own looks at its database (issue 14, H3):
** `learnclub check DB` below, and `learnclub log DB [--since YYYY-MM-DD]`:
** the change log that every writing command adds to (cli/changelog.c), by
** sql/log.sql; --since keeps the rows from that day on (Korean time).
*/
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

int lc_cmd_log(int argc, char **argv) {
  static const char *const azName[] = {"DB"};
  lc_args a;
  lc_param aP[1];
  lc_parse_args(&a, LC_OPT_FORMAT | LC_OPT_SINCE, argc, argv);
  lc_want_args(&a, 1, azName);
  aP[0].zName = "since", aP[0].zValue = a.zSince; /* NULL: every row */
  return lc_run_result(lc_open_checked(a.apPos[0]), a.apPos[0], "log.sql", aP, 1, a.zFormat, 0);
}

/* `learnclub check DB` (issue 14, H3): integrity_check, foreign_key_check
** and every rule of sql/rules.sql re-checked on every row (sql/check.sql
** CK1-CK3); exit 1 with the list when something is off. */
int lc_cmd_check(int argc, char **argv) {
  static const char *const azName[] = {"DB"};
  lc_args a;
  lc_parse_args(&a, LC_OPT_FORMAT, argc, argv);
  lc_want_args(&a, 1, azName);
  return lc_run_result(lc_open_checked(a.apPos[0]), a.apPos[0], "check.sql", 0, 0, a.zFormat, 0);
}
