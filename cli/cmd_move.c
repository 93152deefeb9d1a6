/*
** cli/cmd_move.c — moving offices in and out of a cluster (issue 17):
**
**   learnclub push NAME FILE [--cluster HOST:PORT,...] [--cert F --key F --ca F]
**   learnclub pull NAME FILE [--cluster HOST:PORT,...] [--cert F --key F --ca F]
**
** This file checks the arguments; the cluster's side is learnclub-node
** (cluster/move.go), run with an argv array, never through a shell (CL4).
**
** M1. NAME, an office database in the cluster: 1 to 64 bytes of ASCII
**     letters and digits, Korean letters (Hangul syllables and jamo), '-',
**     '_' and '.', valid UTF-8, not starting with '_' (the cluster's own
**     databases: the catalogue "_learnclub") or '.'; else "invalid office
**     name 'NAME'; ...". The check is args.c's lc_check_office_name, which
**     init on a cluster uses too (remote.c RM7).
** M2. push: FILE is an existing learnclub database at the current schema
**     version, checked by lc_open_checked, so its refusals are every
**     command's. The copy itself is move.go's (P1-P6).
** M3. pull: FILE must not exist ("'FILE' already exists; a pull never
**     overwrites", as backup's B2) and its folder must be writable. The node
**     dumps NAME (the engine's own consistent copy: database file and WAL)
**     into a new private folder (mkdtemp, 0700); this command opens it with
**     SQLite, so the WAL is applied, checks its schema version, and writes
**     it to FILE through backup's lc_write_copy (B1: one read transaction,
**     integrity_check, then a new file linked into place, B2: never over
**     one). The private folder is removed on every way out but a kill.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"


/* The cluster's addresses, kept when LEARNCLUB_CLUSTER goes (parse_move). */
static char *zCluster;

/* NAME FILE and the cluster options: M1, CL1-CL3. */
static void parse_move(int argc, char **argv, const char *aVal[LC_N_OPT], const char *apPos[2]) {
  int nPos = lc_cluster_parse(argc, argv, LC_CLUSTER_CLIENT_OPTS, aVal, apPos, 2);
  if (nPos < 1) lc_fail("missing argument NAME; see 'learnclub help'");
  if (nPos < 2) lc_fail("missing argument FILE; see 'learnclub help'");
  lc_check_office_name(apPos[0]);
  if (!aVal[LC_O_CERT] && !aVal[LC_O_KEY] && !aVal[LC_O_CA]) { /* the global --cert, --key, --ca */
    aVal[LC_O_CERT] = getenv("LEARNCLUB_CERT");
    aVal[LC_O_KEY] = getenv("LEARNCLUB_KEY");
    aVal[LC_O_CA] = getenv("LEARNCLUB_CA");
  }
  lc_cluster_target(aVal);
  /* M2, M3: FILE is always a local file. The node is told the cluster by
  ** --cluster; LEARNCLUB_CLUSTER goes, so that no open of FILE here can
  ** take it for a database in the cluster (the global --cluster of every
  ** command sets it). */
  zCluster = strdup(aVal[LC_O_CLUSTER]);
  if (!zCluster) lc_fail("out of memory");
  aVal[LC_O_CLUSTER] = zCluster;
  unsetenv("LEARNCLUB_CLUSTER");
}

int lc_cmd_push(int argc, char **argv) {
  const char *aVal[LC_N_OPT], *apPos[2];
  parse_move(argc, argv, aVal, apPos);
  lc_close(lc_open_checked(apPos[1])); /* M2 */
  return lc_cluster_node("push", apPos, 2, aVal, 0);
}

/* M3: the private folder of the dump, removed at exit. */
static char zDumpDir[4096];
static void drop_dump(void) {
  static const char *const az[] = {"db", "db-wal", "db-shm", "db-journal"};
  char z[sizeof(zDumpDir) + 16];
  size_t i;
  if (!zDumpDir[0]) return;
  for (i = 0; i < sizeof(az) / sizeof(az[0]); i++) {
    snprintf(z, sizeof(z), "%s/%s", zDumpDir, az[i]);
    unlink(z);
  }
  rmdir(zDumpDir);
  zDumpDir[0] = 0;
}

/* What pull says: the office's tables (not SQLite's own) and their rows. */
static void say_counts(sqlite3 *db, const char *zDb, const char *zName, const char *zFile) {
  sqlite3_stmt *p = 0;
  sqlite3_int64 nTable = 0, nRow = 0;
  int rc = sqlite3_prepare_v2(db,
                              "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT "
                              "LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY rowid",
                              -1, &p, 0);
  while (rc == SQLITE_OK && (rc = sqlite3_step(p)) == SQLITE_ROW) {
    char *zSql = sqlite3_mprintf("SELECT count(*) FROM main.\"%w\"", sqlite3_column_text(p, 0));
    if (!zSql) lc_fail("out of memory");
    nTable++;
    nRow += lc_query_int(db, zDb, zSql);
    sqlite3_free(zSql);
    rc = SQLITE_OK;
  }
  if (rc != SQLITE_DONE) lc_fail_db(db, sqlite3_extended_errcode(db), zDb, 0);
  sqlite3_finalize(p);
  printf("pulled %s to %s: %lld tables, %lld rows\n", zName, zFile, nTable, nRow);
}

int lc_cmd_pull(int argc, char **argv) {
  const char *aVal[LC_N_OPT], *apPos[2], *azArg[2];
  const char *zTmp = getenv("TMPDIR");
  char zDb[sizeof(zDumpDir) + 8];
  struct stat st;
  sqlite3 *db;
  sqlite3_int64 v;
  int rc;
  parse_move(argc, argv, aVal, apPos);
  lc_check_output_folder(apPos[1]);
  if (lstat(apPos[1], &st) == 0) lc_fail("'%s' already exists; a pull never overwrites", apPos[1]);
  if (!zTmp || !zTmp[0]) zTmp = "/tmp";
  snprintf(zDumpDir, sizeof(zDumpDir), "%s/learnclub-pull-XXXXXX", zTmp);
  if (!mkdtemp(zDumpDir)) {
    int e = errno;
    zDumpDir[0] = 0;
    lc_fail("cannot make a private folder in '%s': %s; nothing was written", zTmp, strerror(e));
  }
  atexit(drop_dump);
  azArg[0] = apPos[0], azArg[1] = zDumpDir;
  rc = lc_cluster_node("dump", azArg, 2, aVal, 1); /* the node says what failed */
  if (rc != 0) exit(rc);
  snprintf(zDb, sizeof(zDb), "%s/db", zDumpDir);
  db = lc_open(zDb, SQLITE_OPEN_READWRITE); /* the WAL applied */
  v = lc_user_version(db, apPos[0]);
  if (v != LC_SCHEMA_VERSION)
    lc_fail("the cluster's database '%s' is at schema version %lld, not %d; nothing was written",
            apPos[0], v, LC_SCHEMA_VERSION);
  lc_write_copy(db, apPos[0], apPos[1], "pull");
  say_counts(db, apPos[0], apPos[0], apPos[1]);
  lc_close(db);
  drop_dump();
  return LC_EXIT_OK;
}
