/*
** cli/cmd_rollup.c — `learnclub rollup` (issue 17): one workflow over every
** office, as one table whose first column is the office.
**
**   learnclub rollup FILE... summary YYYY | monthly-check YYYY-MM
**                    [--as-of YYYY-MM-DD] [--format table|csv|json|xlsx]
**                    [--output FILE] [--bom]
**   learnclub rollup [--cluster HOST:PORT,...] [NAME...] summary YYYY | ...
**
** R1. Arguments: the positional arguments up to the workflow's name are the
**     offices; the workflow is the last positional argument that is
**     `summary` or `monthly-check` (so a file may be named like one), and
**     one argument follows it. Without such a name: "unknown workflow 'X';
**     rollup runs summary or monthly-check" (X the second-to-last argument),
**     or "missing argument WORKFLOW" when fewer than two are given. The
**     options come first: --as-of, --format, --output, --bom as every
**     command's (args.c A1-A4); then the workflow's argument, checked as
**     its command checks it (lc_check_year, lc_check_month: the same
**     messages). There is no limit on the number of offices.
** R2. The offices: local files, or the cluster's databases. The cluster is
**     --cluster, else LEARNCLUB_CLUSTER (a list of HOST:PORT, cmd_cluster.c
**     CL1); with a cluster, the names given are database names in it, and
**     without names the offices are the catalogue's (database "_learnclub",
**     table office(name), ORDER BY name: list_offices, the one part of this
**     file that knows about the cluster). Without a cluster at least one
**     file is needed ("no office databases given; ...").
**     rollup sets LEARNCLUB_CLUSTER from its --cluster, so that
**     lc_open_checked(NAME) opens NAME in the cluster (remote.c RM1, RM7:
**     a NAME not in the catalogue is refused by the bridge). TLS: the
**     global --cert, --key, --ca (LEARNCLUB_CERT, LEARNCLUB_KEY, LEARNCLUB_CA).
** R3. The office of a file is its name without the folder and without a
**     final ".db" (examples/junggu2015.db: junggu2015); of a cluster
**     database, its NAME. The same file twice (by device and inode: x.db
**     and ./x.db are one file) is refused, and so are two files with one
**     office name (a/x.db, b/x.db): the office column would not tell them
**     apart. Offices come in the order given (files, names) or by name (the
**     catalogue).
** R4. Each office is opened with lc_open_checked (the messages of every
**     command: missing, not a database, another schema version) and its
**     workflow's script runs as the workflow's command runs it
**     (lc_workflow_open, cmd_check.c): the same script, parameters and
**     as-of date. A failure of any office fails the whole rollup with that
**     office's message, exit 2, and nothing is printed (output.c O1).
** R5. The result: the rows of every office in order, each office's rows in
**     the order its command prints them, in one table whose columns are
**     `office` and then the workflow's own; values keep their SQLite types
**     (collected into a table of an in-memory database and read back by
**     the ordinary writer: every format, --output, --bom as every command).
**     In a workbook the sheet is "rollup WORKFLOW" and the columns have the
**     workflow's labels (xlsx.c X5; office: 기관); its subject lists the
**     offices' databases.
** R6. Exit status: 1 when any office's workflow has findings (as its
**     command would exit 1 on that office), else 0; 2 for bad usage or input.
** R7. --output is refused over any office's database or its -wal, -shm or
**     -journal file (files.c F3), before any office is read.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli.h"

/* The rollup's state. Static, so that what it holds stays reachable when a
** failure exits (lc_fail); rollup_free frees it after a run. */
static struct rollup {
  const char **apPos;  /* the positional arguments (R1) */
  char **apOpt;        /* the options, for lc_parse_args */
  char **azOffice;     /* each office's name (R3) */
  char **azDb;         /* each office's database: a file, or the NAME */
  int nOffice;
  lc_buf cat;          /* the catalogue's answer (R2) */
  lc_buf subject;      /* the offices' databases, for a workbook (R5) */
  lc_buf sql;          /* the final SELECT */
  sqlite3 *mem;        /* the in-memory database of the result (R5) */
  sqlite3_stmt *pIns;  /* INSERT INTO lc_rollup VALUES(...) */
  int nCol;            /* the workflow's columns (0 before the first) */
  lc_buf cols;         /* ", c1 AS "name", ..." for the final SELECT */
  const char *zOffice; /* the office being read */
  lc_writer *pWriter;
} g;

static void rollup_free(void) {
  int i;
  for (i = 0; g.azOffice && i < g.nOffice; i++) free(g.azOffice[i]);
  free(g.azOffice);
  free(g.apPos);
  free(g.apOpt);
  lc_buf_free(&g.cat), lc_buf_free(&g.subject), lc_buf_free(&g.sql), lc_buf_free(&g.cols);
  lc_writer_free(g.pWriter);
  sqlite3_finalize(g.pIns);
  if (g.mem) lc_close(g.mem);
  memset(&g, 0, sizeof(g));
}

static void mem_check(int rc) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) lc_fail_db(g.mem, rc, "rollup", 0);
}

/* R5: the first result statement makes the table; every later one (of any
** office) must have as many columns. */
static void collect_begin(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  int i, n = sqlite3_column_count(p);
  lc_buf ddl = {0}, ins = {0};
  if (g.nCol) {
    if (n != g.nCol)
      lc_fail("office '%s' gives %d columns, not %d as the offices before it", g.zOffice, n, g.nCol);
    return;
  }
  g.nCol = n;
  lc_buf_str(&ddl, "CREATE TABLE lc_rollup(c0");
  lc_buf_str(&ins, "INSERT INTO lc_rollup VALUES(?1");
  for (i = 0; i < n; i++) {
    const char *zName = sqlite3_column_name(p, i);
    char *zCol = sqlite3_mprintf(", c%d AS \"%w\"", i + 1, zName ? zName : "");
    if (!zCol) lc_fail("out of memory");
    lc_buf_printf(&ddl, ", c%d", i + 1);
    lc_buf_printf(&ins, ", ?%d", i + 2);
    lc_buf_str(&g.cols, zCol);
    sqlite3_free(zCol);
  }
  lc_buf_str(&ddl, ")");
  lc_buf_str(&ins, ")");
  i = sqlite3_exec(g.mem, ddl.z, 0, 0, 0);
  if (i == SQLITE_OK) i = sqlite3_prepare_v2(g.mem, ins.z, -1, &g.pIns, 0);
  lc_buf_free(&ddl);
  lc_buf_free(&ins);
  mem_check(i);
}

/* R5: a row of the office, its values bound with their types. */
static void collect_row(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  int i;
  mem_check(sqlite3_bind_text(g.pIns, 1, g.zOffice, -1, SQLITE_STATIC));
  for (i = 0; i < g.nCol; i++) mem_check(sqlite3_bind_value(g.pIns, i + 2, sqlite3_column_value(p, i)));
  if (sqlite3_step(g.pIns) != SQLITE_DONE) mem_check(sqlite3_extended_errcode(g.mem));
  mem_check(sqlite3_reset(g.pIns));
}

/* R3: a file's office, its name without folder and ".db" (malloc'd). */
static char *office_of_file(const char *zPath) {
  lc_buf b = {0};
  size_t n = strlen(zPath), e;
  while (n > 1 && zPath[n - 1] == '/') n--;
  e = n;
  while (n > 0 && zPath[n - 1] != '/') n--;
  if (e - n > 3 && memcmp(zPath + e - 3, ".db", 3) == 0) e -= 3;
  lc_buf_add(&b, zPath + n, e - n);
  if (!b.z) lc_buf_add(&b, "", 0);
  return b.z;
}

/* R2: the rows of zSql on the cluster's catalogue (database "_learnclub"),
** one line each, into g.cat, from learnclub-node's `query` (cluster/main.go),
** with the cluster's TLS files (LEARNCLUB_CERT, LEARNCLUB_KEY, LEARNCLUB_CA:
** main.c's --cert, --key, --ca). When the node fails, its message is
** rollup's, exit 2. */
static void catalogue_query(const char *zCluster, const char *zSql) {
  static const char *const azTls[][2] = {
      {"LEARNCLUB_CERT", "--cert"}, {"LEARNCLUB_KEY", "--key"}, {"LEARNCLUB_CA", "--ca"}};
  static const char zNodePrefix[] = "learnclub-node query: ", zOwnPrefix[] = "learnclub rollup: ";
  static lc_buf err; /* static: reachable when lc_fail exits */
  const char *azArg[10], *aVal[8] = {0};
  int fd[2], fe[2], status, n = 0, i;
  pid_t pid;
  char a[4096];
  ssize_t got;
  g.cat.n = 0;
  azArg[n++] = "--cluster", azArg[n++] = zCluster;
  for (i = 0; i < 3; i++)
    if (getenv(azTls[i][0]) && getenv(azTls[i][0])[0])
      azArg[n++] = azTls[i][1], azArg[n++] = getenv(azTls[i][0]);
  azArg[n++] = "_learnclub", azArg[n++] = zSql;
  if (pipe(fd) != 0) lc_fail("cannot read the cluster's catalogue: no pipe");
  if (pipe(fe) != 0) lc_fail("cannot read the cluster's catalogue: no pipe");
  fflush(stdout), fflush(stderr);
  pid = fork();
  if (pid < 0) lc_fail("cannot read the cluster's catalogue: cannot fork");
  if (pid == 0) { /* the child: stdout and stderr into the pipes, then learnclub-node */
    close(fd[0]), close(fe[0]);
    if (dup2(fd[1], 1) < 0 || dup2(fe[1], 2) < 0) _exit(LC_EXIT_BAD);
    close(fd[1]), close(fe[1]);
    lc_cluster_node("query", azArg, n, aVal, 0); /* or lc_fail: exit 2 */
  }
  close(fd[1]), close(fe[1]);
  while ((got = read(fd[0], a, sizeof(a))) > 0) lc_buf_add(&g.cat, a, (size_t)got);
  while ((got = read(fe[0], a, sizeof(a))) > 0) lc_buf_add(&err, a, (size_t)got);
  close(fd[0]), close(fe[0]);
  if (waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
    lc_buf_free(&err);
    return;
  }
  while (err.n > 0 && err.z[err.n - 1] == '\n') err.n--;
  lc_buf_add(&err, "", 0);
  if (strncmp(err.z, zNodePrefix, sizeof(zNodePrefix) - 1) == 0)
    lc_fail("the cluster's catalogue: %s", err.z + sizeof(zNodePrefix) - 1);
  if (strncmp(err.z, zOwnPrefix, sizeof(zOwnPrefix) - 1) == 0) /* lc_cluster_node's own */
    lc_fail("%s", err.z + sizeof(zOwnPrefix) - 1);
  lc_fail("the cluster's catalogue: %s", err.n ? err.z : "learnclub-node failed");
}

/* R2: the catalogue's offices, by name, into g.azOffice: the only part of
** rollup that knows the cluster. The names come hex-encoded, so that any
** text comes through as one line. */
static void list_offices(const char *zCluster) {
  size_t i;
  /* a new cluster may have no table office yet: then it lists none */
  catalogue_query(zCluster, "SELECT count(*) FROM sqlite_schema WHERE name = 'office' AND type = 'table'");
  if (g.cat.n > 0 && g.cat.z[0] == '1') catalogue_query(zCluster, "SELECT hex(name) FROM office ORDER BY name");
  else g.cat.n = 0;
  for (i = 0; i < g.cat.n; i++) g.nOffice += g.cat.z[i] == '\n';
  g.azOffice = calloc((size_t)g.nOffice + 1, sizeof(char *));
  if (!g.azOffice) lc_fail("out of memory");
  g.nOffice = 0;
  for (i = 0; i < g.cat.n;) {
    size_t e = i, k;
    char *z;
    while (e < g.cat.n && g.cat.z[e] != '\n') e++;
    if (!(z = malloc((e - i) / 2 + 1))) lc_fail("out of memory");
    g.azOffice[g.nOffice++] = z;
    for (k = i; k + 1 < e; k += 2) {
      char h[3];
      h[0] = g.cat.z[k], h[1] = g.cat.z[k + 1], h[2] = 0;
      *z++ = (char)strtol(h, 0, 16);
    }
    *z = 0;
    i = e + 1;
  }
}

/* The options of rollup that take a value (the positional arguments are
** the rest, R1); --cluster is rollup's own. */
static int takes_value(const char *z) {
  return strcmp(z, "--format") == 0 || strcmp(z, "--as-of") == 0 || strcmp(z, "--output") == 0 ||
         strcmp(z, "--cluster") == 0;
}

int lc_cmd_rollup(int argc, char **argv) {
  const char *zCluster = 0, *azName[2];
  const lc_workflow *w = 0;
  int nPos = 0, nOpt = 0, i, j, k, rc = LC_EXIT_OK;
  lc_args a, t;
  lc_sink collect;
  g.apPos = calloc((size_t)argc + 1, sizeof(char *));
  g.apOpt = calloc((size_t)argc + 1, sizeof(char *));
  if (!g.apPos || !g.apOpt) lc_fail("out of memory");
  /* R1: options for lc_parse_args, --cluster for us, the rest positional */
  for (i = 0; i < argc; i++) {
    const char *z = argv[i];
    if (strcmp(z, "--") == 0) {
      while (++i < argc) g.apPos[nPos++] = argv[i];
      break;
    }
    if (strcmp(z, "--cluster") == 0 || strncmp(z, "--cluster=", 10) == 0) {
      if (zCluster) lc_fail("option '--cluster' given twice");
      if (z[9] == '=') zCluster = z + 10;
      else if (i + 1 < argc) zCluster = argv[++i];
      else lc_fail("option '--cluster' needs a value");
      continue;
    }
    if (z[0] == '-' && z[1] != 0) {
      g.apOpt[nOpt++] = argv[i];
      if (takes_value(z) && i + 1 < argc) g.apOpt[nOpt++] = argv[++i];
      continue;
    }
    g.apPos[nPos++] = z;
  }
  lc_parse_args(&a, LC_OPT_FORMAT | LC_OPT_AS_OF, nOpt, g.apOpt);
  lc_output.argc = argc, lc_output.argv = argv; /* the workbook's title (X3) */
  for (k = nPos - 1; k >= 0 && !(w = lc_workflow_find(g.apPos[k])); k--) {}
  if (!w) {
    if (nPos < 2) lc_fail("missing argument WORKFLOW; see 'learnclub help'");
    lc_fail("unknown workflow '%s'; rollup runs summary or monthly-check", g.apPos[nPos - 2]);
  }
  memset(&t, 0, sizeof(t));
  for (i = k; i < nPos && t.nPos < 3; i++) t.apPos[t.nPos++] = g.apPos[i];
  azName[0] = "WORKFLOW", azName[1] = w->zArg;
  lc_want_args(&t, 2, azName);
  w->xCheck(g.apPos[k + 1]);
  /* R2: the offices */
  if (!zCluster && getenv("LEARNCLUB_CLUSTER") && getenv("LEARNCLUB_CLUSTER")[0])
    zCluster = getenv("LEARNCLUB_CLUSTER");
  if (zCluster) {
    lc_check_list("--cluster", zCluster);
    if (setenv("LEARNCLUB_CLUSTER", zCluster, 1) != 0) lc_fail("out of memory"); /* lc_open_checked opens NAME there */
  }
  if (k == 0 && !zCluster)
    lc_fail("no office databases given; name them (FILE... %s) or give "
            "--cluster HOST:PORT,...", w->zName);
  if (k > 0) {
    g.azOffice = calloc((size_t)k, sizeof(char *));
    if (!g.azOffice) lc_fail("out of memory");
    for (g.nOffice = 0; g.nOffice < k; g.nOffice++) {
      const char *zDb = g.apPos[g.nOffice];
      g.azOffice[g.nOffice] = zCluster ? strdup(zDb) : office_of_file(zDb);
      if (!g.azOffice[g.nOffice]) lc_fail("out of memory");
    }
    g.azDb = (char **)g.apPos;
  } else {
    list_offices(zCluster);
    if (g.nOffice == 0) lc_fail("the cluster's catalogue lists no office databases");
    g.azDb = g.azOffice;
  }
  /* R3: each office once */
  for (i = 0; i < g.nOffice; i++)
    for (j = 0; j < i; j++) {
      struct stat si, sj;
      if (zCluster) {
        if (strcmp(g.azDb[i], g.azDb[j]) == 0) lc_fail("office '%s' is given twice", g.azDb[i]);
        continue;
      }
      if (stat(g.azDb[i], &si) == 0 && stat(g.azDb[j], &sj) == 0 && si.st_dev == sj.st_dev &&
          si.st_ino == sj.st_ino)
        lc_fail("database '%s' is the same file as '%s'; give each office once", g.azDb[i], g.azDb[j]);
      if (strcmp(g.azOffice[i], g.azOffice[j]) == 0)
        lc_fail("databases '%s' and '%s' are both office '%s'; rename one", g.azDb[j], g.azDb[i],
                g.azOffice[i]);
    }
  /* R7, then the writer (it checks --output too: output.c O6) */
  for (i = 0; !zCluster && a.zOutput && i < g.nOffice; i++) lc_check_output(a.zOutput, g.azDb[i], 1);
  for (i = 0; i < g.nOffice; i++) lc_buf_printf(&g.subject, "%s%s", i ? ", " : "", g.azDb[i]);
  lc_output.zDb = g.subject.z;
  i = sqlite3_open_v2(":memory:", &g.mem, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 0);
  if (i != SQLITE_OK) {
    if (!g.mem) lc_fail("out of memory");
    mem_check(i);
  }
  g.pWriter = lc_writer_new(a.zFormat, g.mem);
  lc_writer_context(g.pWriter, w->zName); /* R5: the workflow's labels */
  lc_buf_printf(&g.sql, "rollup %s", w->zName);
  lc_writer_sheet(g.pWriter, g.sql.z);
  g.sql.n = 0;
  /* R4 */
  collect.xBegin = collect_begin, collect.xRow = collect_row, collect.p = 0;
  for (i = 0; i < g.nOffice; i++) {
    lc_param aP[2];
    sqlite3 *db = lc_workflow_open(w, g.azDb[i], g.apPos[k + 1], a.zAsOf, aP);
    g.zOffice = g.azOffice[i];
    lc_run_script(db, g.azDb[i], w->zScript, aP, 2, &collect, 0);
    if (lc_findings(db, g.azDb[i]) != LC_EXIT_OK) rc = LC_EXIT_FOUND; /* R6 */
    lc_close(db);
  }
  /* R5: the one table, through the ordinary writer */
  if (g.nCol) {
    lc_sink *s = lc_writer_sink(g.pWriter);
    sqlite3_stmt *p = 0;
    int step;
    lc_buf_printf(&g.sql, "SELECT c0 AS office%s FROM lc_rollup ORDER BY rowid", g.cols.z);
    mem_check(sqlite3_prepare_v2(g.mem, g.sql.z, -1, &p, 0));
    if (s->xBegin) s->xBegin(s, p, 0);
    while ((step = sqlite3_step(p)) == SQLITE_ROW) s->xRow(s, p, 0);
    if (step != SQLITE_DONE) mem_check(sqlite3_extended_errcode(g.mem));
    sqlite3_finalize(p);
  }
  lc_write_stdout(lc_writer_finish(g.pWriter));
  rollup_free();
  return rc;
}
