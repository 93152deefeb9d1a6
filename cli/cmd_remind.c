/*
** cli/cmd_remind.c — `learnclub remind DB [--as-of YYYY-MM-DD] [--within N]`
** (issue 14, H3): every monthly and research report due within N working
** days (default 3) and not filed, late, or missing, with the club's
** president and how to reach them (sql/remind.sql RM1-RM3). Exit 1 when
** anyone must be reminded, so that cron mails the output.
*/
#define _POSIX_C_SOURCE 200809L
#include "cli.h"

int lc_cmd_remind(int argc, char **argv) {
  static const char *const azName[] = {"DB"};
  lc_args a;
  lc_param aP[2];
  char zWithin[16];
  sqlite3 *db;
  lc_parse_args(&a, LC_OPT_FORMAT | LC_OPT_AS_OF | LC_OPT_WITHIN, argc, argv);
  lc_want_args(&a, 1, azName);
  db = lc_open_checked(a.apPos[0]);
  snprintf(zWithin, sizeof(zWithin), "%d", a.nWithin < 0 ? 3 : a.nWithin);
  aP[0].zName = "as_of", aP[0].zValue = a.zAsOf ? a.zAsOf : lc_korean_today();
  aP[1].zName = "within", aP[1].zValue = zWithin;
  return lc_run_result(db, a.apPos[0], "remind.sql", aP, 2, a.zFormat, 0);
}
