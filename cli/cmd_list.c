/*
** cli/cmd_list.c — every kind of record listed and removed, and a club's
** withdrawal, without SQL (issue 14, H1):
**   learnclub list DB KIND [--program CODE] [--period P] [--club NAME]
**   learnclub remove DB KIND KEY... [--program CODE]
**   learnclub withdraw DB CLUB --on YYYY-MM-DD [--program CODE]
**
** R1. KIND is one of aKind: programs, clubs, people, members, meetings,
**     reports, scores, awards, nominations, places, expenses, overrides,
**     pledges, indicators, budget, calls, proposals. list runs
**     sql/list/args.sql (the filters) and sql/list/KIND.sql; remove runs
**     sql/remove/KIND.sql. Values reach SQL only as bound parameters.
** R2. list: --program CODE (a program that exists), --club NAME (a club that
**     exists, in that program when both are given), --period P (a year YYYY,
**     a half-year YYYY-H1/H2 or a month YYYY-MM: the rows whose day or
**     period overlaps it). A filter a kind has no use for is refused
**     ("list pledges takes no --club"). An empty result is said (output.c
**     O2: "(no rows)" on stderr, a CSV header, or []).
** R3. remove: the key columns as list shows them, first on its line
**     (aKind.zKey); exactly that many. A club is found by name, with
**     --program when the name is in more than one program. The row goes in
**     one transaction with what belongs to it (a meeting's attendance, a
**     pledge's indicators and their years, an indicator's years, a program's
**     call); what others still need is refused with exit 2, the dependents
**     counted ("club 'X' is still needed by 3 members, 12 meetings; remove
**     them first"). A key with no row is refused too. The command says what
**     it removed on stdout.
** R4. withdraw (D6): CLUB withdraws on --on (a date is_date() reads, stored
**     as the Korean day); refused when it withdrew already, when the day is
**     outside its program, or when it has meetings after the day (counted).
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include "cli.h"

#define F_PROGRAM 1 /* the filters a kind takes (R2) */
#define F_CLUB 2
#define F_PERIOD 4
#define F_ALL 7

static const struct record_kind {
  const char *zKind;
  int mFilter;
  const char *zKey; /* the key columns, for remove (R3) */
  int nKey;
  int bClub; /* the first key is a club (found by name and --program) */
} aKind[] = {
    {"programs", F_ALL, "CODE", 1, 0},
    {"clubs", F_ALL, "CLUB", 1, 1},
    {"people", F_ALL, "EMP_NO", 1, 0},
    {"members", F_ALL, "CLUB EMP_NO", 2, 1},
    {"meetings", F_ALL, "CLUB HELD_ON KIND", 3, 1},
    {"reports", F_ALL, "CLUB KIND PERIOD", 3, 1},
    {"scores", F_ALL, "CLUB PERIOD JUDGE CRITERION", 4, 1},
    {"awards", F_ALL, "CLUB PERIOD", 2, 1},
    {"nominations", F_ALL, "CLUB PERIOD EMP_NO", 3, 1},
    {"places", F_ALL, "CLUB PERIOD", 2, 1},
    {"expenses", F_ALL, "ID", 1, 0},
    {"overrides", F_PERIOD, "DAY", 1, 0},
    {"pledges", 0, "CODE", 1, 0},
    {"indicators", F_PERIOD, "PLEDGE INDICATOR", 2, 0},
    {"budget", F_PERIOD, "PLAN YEAR SOURCE", 3, 0},
    {"calls", F_PROGRAM | F_PERIOD, "PROGRAM", 1, 0},
    {"proposals", F_ALL, "ID", 1, 0},
};
#define N_KIND ((int)(sizeof(aKind) / sizeof(aKind[0])))

static const struct record_kind *find_kind(const char *zKind) {
  lc_buf b = {0};
  int i;
  for (i = 0; i < N_KIND; i++)
    if (strcmp(aKind[i].zKind, zKind) == 0) return &aKind[i];
  for (i = 0; i < N_KIND; i++) lc_buf_printf(&b, "%s%s", i ? ", " : "", aKind[i].zKind);
  lc_fail("unknown kind '%s'; expected one of %s", zKind, b.z);
}

static void check_program(sqlite3 *db, const char *zDb, const char *zCode) {
  char *z = 0;
  lc_probe(db, zDb, "SELECT 1 FROM program WHERE code = ?1", zCode, 0, &z);
  if (!z) lc_fail("unknown program '%s'", zCode);
  free(z);
}

/* The club named zClub (in program zProgram when given): its id, or a
** refusal: no such club, or a name in more than one program (R3). */
static char *find_club(sqlite3 *db, const char *zDb, const char *zClub, const char *zProgram) {
  char *zN = 0, *zId = 0;
  if (zProgram) check_program(db, zDb, zProgram);
  lc_probe(db, zDb,
           "SELECT count(*) FROM club c JOIN program p ON p.id = c.program_id "
           "WHERE c.name = ?1 AND (?2 IS NULL OR p.code = ?2)", zClub, zProgram, &zN);
  if (!zN || strcmp(zN, "0") == 0) {
    if (zProgram) lc_fail("no club '%s' in program '%s'", zClub, zProgram);
    lc_fail("no club '%s'", zClub);
  }
  if (strcmp(zN, "1") != 0)
    lc_fail("club '%s' is in %s programs; name one with --program", zClub, zN);
  free(zN);
  lc_probe(db, zDb,
           "SELECT c.id FROM club c JOIN program p ON p.id = c.program_id "
           "WHERE c.name = ?1 AND (?2 IS NULL OR p.code = ?2)", zClub, zProgram, &zId);
  return zId;
}

int lc_cmd_list(int argc, char **argv) {
  static const char *const azName[] = {"DB", "KIND"};
  const struct record_kind *k;
  const char *zProgram, *zClub, *zPeriod;
  lc_args a;
  lc_param aP[3];
  sqlite3 *db;
  lc_writer *w;
  char zScript[64];
  lc_parse_args(&a, LC_OPT_FORMAT | LC_OPT_PROGRAM | LC_OPT_PERIOD | LC_OPT_CLUB, argc, argv);
  lc_want_args(&a, 2, azName);
  k = find_kind(a.apPos[1]);
  zProgram = lc_opt(&a, LC_OPT_PROGRAM), zClub = lc_opt(&a, LC_OPT_CLUB);
  zPeriod = lc_opt(&a, LC_OPT_PERIOD);
  if (zProgram && !(k->mFilter & F_PROGRAM)) lc_fail("list %s takes no --program", k->zKind);
  if (zClub && !(k->mFilter & F_CLUB)) lc_fail("list %s takes no --club", k->zKind);
  if (zPeriod && !(k->mFilter & F_PERIOD)) lc_fail("list %s takes no --period", k->zKind);
  if (zPeriod) { /* R2: a year, a half-year or a month */
    size_t n = strlen(zPeriod);
    int ok = (n == 4 && strspn(zPeriod, "0123456789") == 4) ||
             (n == 7 && strspn(zPeriod, "0123456789") == 4 && zPeriod[4] == '-' &&
              ((zPeriod[5] == 'H' && (zPeriod[6] == '1' || zPeriod[6] == '2')) ||
               (strspn(zPeriod + 5, "0123456789") == 2 && atoi(zPeriod + 5) >= 1 &&
                atoi(zPeriod + 5) <= 12)));
    if (!ok)
      lc_fail("invalid --period '%s'; expected YYYY, YYYY-H1, YYYY-H2 or YYYY-MM", zPeriod);
  }
  db = lc_open_checked(a.apPos[0]);
  if (zProgram) check_program(db, a.apPos[0], zProgram);
  if (zClub) free(find_club(db, a.apPos[0], zClub, zProgram));
  aP[0].zName = "program", aP[0].zValue = zProgram;
  aP[1].zName = "club", aP[1].zValue = zClub;
  aP[2].zName = "period", aP[2].zValue = zPeriod;
  lc_run_script(db, a.apPos[0], "list/args.sql", aP, 3, 0, 0);
  snprintf(zScript, sizeof(zScript), "list/%s.sql", k->zKind);
  w = lc_writer_new(a.zFormat, db);
  snprintf(zScript, sizeof(zScript), "list %s", k->zKind);
  lc_writer_context(w, zScript); /* issue 16: the sheet and its labels (xlsx.c X4, X5) */
  snprintf(zScript, sizeof(zScript), "list/%s.sql", k->zKind);
  lc_run_script(db, a.apPos[0], zScript, aP, 3, lc_writer_sink(w), 0);
  lc_write_stdout(lc_writer_finish(w));
  lc_writer_free(w);
  lc_close(db);
  return LC_EXIT_OK;
}

/* The rows of a writing script: 'error', MESSAGE rolls back and refuses at
** once; 'ok', MESSAGE lines are said after COMMIT. */
typedef struct say_sink {
  lc_sink sink;
  sqlite3 *db;
  lc_buf ok;
} say_sink;

static void say_row(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  say_sink *x = s->p;
  const char *zStatus = (const char *)sqlite3_column_text(p, 0);
  const char *zMsg = (const char *)sqlite3_column_text(p, 1);
  if (!zStatus || !zMsg) return;
  if (strcmp(zStatus, "error") == 0) {
    lc_buf b = {0};
    lc_buf_str(&b, zMsg); /* ROLLBACK ends the statement that holds zMsg */
    lc_exec(x->db, "ROLLBACK");
    lc_fail("%s", b.z);
  }
  lc_buf_printf(&x->ok, "%s\n", zMsg);
}

static int run_writing(sqlite3 *db, const char *zDb, const char *zScript, const lc_param *aP,
                       int nP) {
  say_sink x;
  memset(&x, 0, sizeof(x));
  x.sink.p = &x;
  x.sink.xRow = say_row;
  x.db = db;
  lc_run_script(db, zDb, zScript, aP, nP, &x.sink, "nothing was written");
  lc_close(db);
  if (x.ok.n) lc_write_stdout(&x.ok);
  lc_buf_free(&x.ok);
  return LC_EXIT_OK;
}

int lc_cmd_remove(int argc, char **argv) {
  const struct record_kind *k;
  const char *zProgram;
  lc_args a;
  lc_param aP[6];
  sqlite3 *db;
  char zScript[64], *zClubId = 0;
  int i;
  lc_parse_args(&a, LC_OPT_PROGRAM, argc, argv);
  if (a.nPos < 1) lc_fail("missing argument DB; see 'learnclub help'");
  if (a.nPos < 2) lc_fail("missing argument KIND; see 'learnclub help'");
  k = find_kind(a.apPos[1]);
  if (a.nPos - 2 != k->nKey)
    lc_fail("remove %s takes %d key%s, %s; got %d", k->zKind, k->nKey, k->nKey == 1 ? "" : "s",
            k->zKey, a.nPos - 2);
  zProgram = lc_opt(&a, LC_OPT_PROGRAM);
  if (zProgram && !k->bClub) lc_fail("remove %s takes no --program", k->zKind);
  db = lc_open_checked(a.apPos[0]);
  if (k->bClub) zClubId = find_club(db, a.apPos[0], a.apPos[2], zProgram);
  for (i = 0; i < 4; i++) {
    static const char *const azK[] = {"k1", "k2", "k3", "k4"};
    aP[i].zName = azK[i], aP[i].zValue = i < k->nKey ? a.apPos[2 + i] : 0;
  }
  aP[4].zName = "club_id", aP[4].zValue = zClubId;
  aP[5].zName = "program", aP[5].zValue = zProgram;
  snprintf(zScript, sizeof(zScript), "remove/%s.sql", k->zKind);
  lc_change_log(db, a.apPos[0], argc, argv); /* issue 14 (H3): changelog.c */
  i = run_writing(db, a.apPos[0], zScript, aP, 6);
  free(zClubId);
  return i;
}

int lc_cmd_withdraw(int argc, char **argv) {
  static const char *const azName[] = {"DB", "CLUB"};
  const char *zOn;
  char *zDay = 0, *zClubId;
  lc_args a;
  lc_param aP[3];
  sqlite3 *db;
  int rc;
  lc_parse_args(&a, LC_OPT_ON | LC_OPT_PROGRAM, argc, argv);
  lc_want_args(&a, 2, azName);
  if (!(zOn = lc_opt(&a, LC_OPT_ON))) lc_fail("missing option --on");
  db = lc_open_checked(a.apPos[0]);
  lc_probe(db, a.apPos[0], "SELECT CASE WHEN is_date(?1) THEN kr_date(?1) END", zOn, 0, &zDay);
  if (!zDay) lc_fail("invalid --on date '%s'; expected YYYY-MM-DD", zOn);
  zClubId = find_club(db, a.apPos[0], a.apPos[1], lc_opt(&a, LC_OPT_PROGRAM));
  aP[0].zName = "club_id", aP[0].zValue = zClubId;
  aP[1].zName = "club", aP[1].zValue = a.apPos[1];
  aP[2].zName = "on", aP[2].zValue = zDay;
  lc_change_log(db, a.apPos[0], argc, argv); /* issue 14 (H3): changelog.c */
  rc = run_writing(db, a.apPos[0], "withdraw.sql", aP, 3);
  free(zClubId), free(zDay);
  return rc;
}
