/*
** cli/cmd_log.c — `learnclub log DB [--since YYYY-MM-DD]` (issue 14, H3):
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
