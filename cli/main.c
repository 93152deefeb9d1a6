/*
** cli/main.c — `learnclub COMMAND DB [ARGS] [--format table|csv|json|xlsx] [--output FILE] [--bom]`:
** the learning-club program (JG1-JG13, NJ1-NJ9) over one SQLite database,
** as one C program (issue 13).
**
** The command table below names every command, the function that runs it
** and its line in `learnclub help`. Before dispatch: LEARNCLUB_TIMEOUT_MS
** (the busy timeout, default 10000) is checked; no command prints the usage
** on stderr (exit 2); -h or --help anywhere before "--" prints it on stdout,
** and a failed write of it is an error (exit 2), as for any output.
** The extension is linked in and registered with sqlite3_auto_extension on
** every connection; LEARNCLUB_TODAY (today's date in Korean time, for
** tests) is read by args.c.
*/
#define _POSIX_C_SOURCE 200809L
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

int sqlite3_learnclub_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

/* The command table: each command's name, the function that runs it, and
** its lines in `learnclub help` (the man page is made from that help), so
** the dispatcher, the help and the man page cannot drift apart. zUsage is
** the part after the name; zWhat says what it does, and goes on the same
** line when the usage is short, on the next line otherwise. */
static const struct lc_command {
  const char *zName;
  int (*xRun)(int argc, char **argv);
  const char *zUsage;
  const char *zWhat;
} aCommand[] = {
    {"init", lc_cmd_init, "DB", "create DB, or upgrade it in place to the current schema"},
    {"program-add", lc_cmd_program_add,
     "DB CODE --name NAME --from YYYY-MM-DD --to YYYY-MM-DD [--office TEXT] [KEY=VALUE ...]",
     "a program and its settings (issue 14)"},
    {"program-set", lc_cmd_program_set, "DB CODE KEY=VALUE ...", "change a program's settings"},
    {"program-show", lc_cmd_program_show, "DB [CODE]", "the programs and their settings"},
    {"list", lc_cmd_list, "DB KIND [--program CODE] [--period P] [--club NAME]",
     "the records of a kind: programs, clubs, people, members,\n"
     "meetings, reports, scores, awards, nominations, places, expenses,\n"
     "overrides, pledges, indicators, budget, calls, proposals"},
    {"remove", lc_cmd_remove, "DB KIND KEY... [--program CODE]",
     "remove a record by its key columns, with what belongs to it"},
    {"withdraw", lc_cmd_withdraw, "DB CLUB --on YYYY-MM-DD [--program CODE]",
     "a club withdraws (D6)"},
    {"import-roster", lc_cmd_import, "DB FILE", "clubs, units, people and memberships (CSV)"},
    {"import-meetings", lc_cmd_import, "DB FILE [--replace]", "meetings and attendance (CSV)"},
    {"import-reports", lc_cmd_import, "DB FILE [--replace]", "monthly and research reports (CSV)"},
    {"import-scores", lc_cmd_import, "DB FILE [--replace]", "judges' scores (CSV)"},
    /* issue 14 (H2): the imports for what had none */
    {"import-nominations", lc_cmd_import, "DB FILE", "top-contributor nominations (CSV; JG10)"},
    {"import-places", lc_cmd_import, "DB FILE", "the committee's places for ties (CSV; D3)"},
    {"import-expenses", lc_cmd_import, "DB FILE", "support spending (CSV; JG12)"},
    {"import-overrides", lc_cmd_import, "DB FILE", "local holiday overrides (CSV; KR5)"},
    {"import-pledges", lc_cmd_import, "DB FILE",
     "pledges, indicators, yearly targets and results (CSV;\nNJ8, NJ9, KR8)"},
    {"import-budget", lc_cmd_import, "DB FILE", "budget plans by year and source (CSV; NJ7)"},
    {"import-calls", lc_cmd_import, "DB FILE", "calls for teams (CSV; NJ3)"},
    {"import-proposals", lc_cmd_import, "DB FILE", "proposals and their adoption (CSV; NJ2, NJ4)"},
    {"monthly-check", lc_cmd_monthly_check, "DB YYYY-MM [--as-of YYYY-MM-DD]",
     "each club's monthly report and regular meeting (JG5, JG6)"},
    {"evaluate", lc_cmd_half, "DB YYYY-H1|YYYY-H2 [--as-of YYYY-MM-DD]",
     "rank research results and store the awards (JG7, JG8, D3, D6)"},
    {"hours", lc_cmd_half, "DB YYYY-H1|YYYY-H2 [--as-of YYYY-MM-DD]",
     "recognised constant-learning hours per person (JG9, D4)"},
    {"incentives", lc_cmd_half, "DB YYYY-H1|YYYY-H2 [--as-of YYYY-MM-DD]", "special leave and the overseas trip (JG10, JG11)"},
    {"summary", lc_cmd_summary, "DB YYYY [--as-of YYYY-MM-DD]", "the year in numbers (JG2, JG5-JG12)"},
    {"intake", lc_cmd_year, "DB YYYY", "can the year's run go ahead: its call for teams (NJ3)"},
    {"teams", lc_cmd_year, "DB YYYY", "each team: round, size, outsider share, rules (NJ1, NJ6, D6)"},
    {"adoption", lc_cmd_adoption, "DB [YYYY]", "proposals adopted per year and in all (NJ2-NJ4)"},
    {"budget", lc_cmd_budget, "DB", "budget plan and execution per year and source (NJ7)"},
    {"pledge-report", lc_cmd_pledge_report, "DB [--as-of YYYY-MM-DD]",
     "pledge indicators, rates, KR8 completion (NJ8, NJ9, D5)"},
    {"remind", lc_cmd_remind, "DB [--as-of YYYY-MM-DD] [--within N]",
     "reports due within N working days (3) and not filed, late or\n"
     "missing, with the president's email and phone (exit 1: remind)"},
    {"check", lc_cmd_check, "DB",
     "integrity, foreign keys and every rule re-checked on every row"},
    {"log", lc_cmd_log, "DB [--since YYYY-MM-DD]",
     "the change log: who changed what, when, with the old rows"},
    {"backup", lc_cmd_backup, "DB FILE", "a consistent copy of DB, made while others write"},
    {"report", lc_cmd_report, "DB YYYY --html FILE [--as-of YYYY-MM-DD] [--program CODE] [--office NAME]",
     "the year on one self-contained HTML page: report grid,\n"
     "awards and ties, research reports, hours per unit, budget, pledges"},
    {"rollup", lc_cmd_rollup,
     "FILE...|--cluster HOST:PORT,... summary YYYY|monthly-check YYYY-MM [--as-of YYYY-MM-DD]",
     "one workflow over every office: one table, office first\n(issue 17)"},
    {"push", lc_cmd_push, "NAME FILE [--cluster HOST:PORT,...] [--cert FILE --key FILE --ca FILE]",
     "load the local database FILE into the cluster as office NAME\n(never over one)"},
    {"pull", lc_cmd_pull, "NAME FILE [--cluster HOST:PORT,...] [--cert FILE --key FILE --ca FILE]",
     "a consistent local copy of the cluster's office NAME in the\nnew file FILE (the backup path)"},
    {"serve", lc_cmd_serve, "--id N --address HOST:PORT --dir DIR [--join HOST:PORT,...] [--cert FILE --key FILE --ca FILE]", "run a dqlite cluster node with the extension (issue 17)"},
    {"cluster", lc_cmd_cluster, "status|remove ID [--cluster HOST:PORT,...] [--cert FILE --key FILE --ca FILE]", "the cluster's nodes, roles, leader and databases, or remove a node"},
};

#define LC_USAGE_COL 36 /* where the description starts */

/* One command's lines: its usage, then what it does, from column 36. */
static void usage_line(FILE *out, const char *zName, const char *zUsage, const char *zWhat) {
  int n = fprintf(out, "  %s%s%s", zName, *zUsage ? " " : "", zUsage);
  const char *z = zWhat;
  if (n + 2 > LC_USAGE_COL) {
    fputc('\n', out);
    n = 0;
  }
  for (;;) {
    const char *e = strchr(z, '\n');
    int len = e ? (int)(e - z) : (int)strlen(z);
    fprintf(out, "%*s%.*s\n", LC_USAGE_COL - n, "", len, z);
    if (!e) break;
    z = e + 1;
    n = 0;
  }
}

void lc_usage(FILE *out) {
  size_t i;
  fputs("usage: learnclub COMMAND DB [ARGS] [--format table|csv|json|xlsx] [--output FILE] [--bom]\n"
        "       learnclub --cluster HOST:PORT,... [--cert FILE --key FILE --ca FILE] COMMAND NAME [ARGS]\n"
        "\ncommands:\n", out);
  usage_line(out, "help", "", "this list");
  for (i = 0; i < sizeof(aCommand) / sizeof(aCommand[0]); i++)
    usage_line(out, aCommand[i].zName, aCommand[i].zUsage, aCommand[i].zWhat);
  fputs("\n"
        "CSV files: UTF-8 (with or without BOM) or CP949/EUC-KR; templates in examples/templates/.\n"
        "--output FILE: the result written to FILE (--format xlsx needs it); --bom: a BOM\n"
        "before a CSV, for Excel.\n"
        "exit status: 0 all well, 1 the check found something, 2 bad usage or bad input.\n",
        out);
}

/* `learnclub help` (and -h, --help): the usage on stdout; a failed write is
** an error like any command's output (output.c O1). */
static int help(void) {
  lc_buf none = {0};
  lc_usage(stdout);
  lc_write_stdout(&none); /* nothing more to write: it flushes and checks */
  return LC_EXIT_OK;
}

int main(int argc, char **argv) {
  const char *zTimeout = getenv("LEARNCLUB_TIMEOUT_MS");
  size_t i;
  int j;
  setlocale(LC_CTYPE, "C.UTF-8"); /* wcwidth (text.c T3) */
  if (zTimeout) {
    size_t n = strlen(zTimeout);
    if (n < 1 || n > 9 || strspn(zTimeout, "0123456789") != n)
      lc_fail("invalid LEARNCLUB_TIMEOUT_MS '%s'; expected milliseconds", zTimeout);
    lc_timeout_ms = atoi(zTimeout);
  }
  /* issue 17: the options before the command say where its database is
  ** (remote.c RM1): --cluster HOST:PORT,... and --cert, --key, --ca */
  while (argc >= 2 && (strcmp(argv[1], "--cluster") == 0 || strcmp(argv[1], "--cert") == 0 ||
                       strcmp(argv[1], "--key") == 0 || strcmp(argv[1], "--ca") == 0)) {
    static const char *const azEnv[][2] = {{"--cluster", "LEARNCLUB_CLUSTER"}, {"--cert", "LEARNCLUB_CERT"},
                                           {"--key", "LEARNCLUB_KEY"}, {"--ca", "LEARNCLUB_CA"}};
    size_t k;
    if (argc < 3) lc_fail("option '%s' needs a value", argv[1]);
    for (k = 0; k < 4; k++)
      if (strcmp(argv[1], azEnv[k][0]) == 0 && setenv(azEnv[k][1], argv[2], 1) != 0)
        lc_fail("out of memory");
    argv[2] = argv[0];
    argv += 2;
    argc -= 2;
  }
  if (argc < 2) {
    lc_usage(stderr);
    return LC_EXIT_BAD;
  }
  for (j = 2; j < argc && strcmp(argv[j], "--") != 0; j++)
    if (strcmp(argv[j], "-h") == 0 || strcmp(argv[j], "--help") == 0) return help();
  if (strcmp(argv[1], "help") == 0 || strcmp(argv[1], "-h") == 0 ||
      strcmp(argv[1], "--help") == 0)
    return help();
  for (i = 0; i < sizeof(aCommand) / sizeof(aCommand[0]); i++)
    if (strcmp(aCommand[i].zName, argv[1]) == 0) {
      int rc = sqlite3_auto_extension((void (*)(void))sqlite3_learnclub_init);
      if (rc != SQLITE_OK) lc_fail("cannot register the learnclub extension: %s", sqlite3_errstr(rc));
      lc_cmd = aCommand[i].zName;
      return aCommand[i].xRun(argc - 2, argv + 2);
    }
  lc_fail("unknown command '%s'; see 'learnclub help'", argv[1]);
}
