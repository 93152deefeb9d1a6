/*
** cli/db.c — the database: opening it, checking it, running a script of sql/.
**
** D1. A database is opened by its path, never as a URI or an option ("./x"
**     for a relative path), with the busy timeout LEARNCLUB_TIMEOUT_MS,
**     foreign keys on and temporary tables in memory: the command needs no
**     TMPDIR (H3, M3, M4).
** D2. A script is run statement by statement with sqlite3_prepare_v2; each
**     @name parameter is bound with sqlite3_bind_text (NULL when the command
**     has no such value). No user text is ever part of SQL (H1).
** D3. When a statement opens a transaction (BEGIN), its snapshot is taken at
**     once by a read of main, so that a locked database is reported as
**     locked, not as an error of the first function that reads a table (M6).
** D4. On an error the transaction is rolled back and the error goes through
**     lc_fail_db; "nothing was written" is said only when nothing was
**     committed. A COMMIT that fails with an I/O error may or may not have
**     written: that is said.
** D6. lc_commit writes the change log's row first (changelog.c CL2), when
**     the command logs its changes.
** D7. Issue 17: a connection to the cluster's leader lost during COMMIT
**     leaves the outcome unknown: said so, with what to do (remote.c RM6).
**     Lost before COMMIT was sent (writing the change log's row), the
**     transaction went with the leader: "nothing was written" is true.
** D8. Issue 17: with a cluster (remote.c RM1), DB is an office database's
**     NAME there, opened through the bridge (RM2); every statement below
**     goes through remote.c's lc_prepare and lc_step, so one code path
**     serves a file and a cluster.
** D5. The scripts are the ones embedded at build time; LEARNCLUB_SQL_DIR
**     names a folder to read them from instead (to try a changed script
**     without a rebuild: bench/run.sh's what-if runs).
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

typedef struct lc_sql_file {
  const char *zName;
  const char *zText;
} lc_sql_file;
extern const lc_sql_file lc_sql_files[];

/* Frees what lc_sql_text read from LEARNCLUB_SQL_DIR (D5). */
static void lc_sql_free(const char *z) {
  int i;
  for (i = 0; lc_sql_files[i].zName; i++)
    if (lc_sql_files[i].zText == z) return;
  free((void *)z);
}

const char *lc_sql_text(const char *zName) {
  const char *zDir = getenv("LEARNCLUB_SQL_DIR");
  int i;
  if (zDir && zDir[0]) { /* D5 */
    lc_buf b = {0}, t = {0};
    FILE *f;
    char a[65536];
    size_t n;
    lc_buf_printf(&b, "%s/%s", zDir, zName);
    if (!(f = fopen(b.z, "rb"))) lc_fail("cannot read '%s' (LEARNCLUB_SQL_DIR)", b.z);
    while ((n = fread(a, 1, sizeof(a), f)) > 0) lc_buf_add(&t, a, n);
    fclose(f);
    lc_buf_free(&b);
    lc_buf_add(&t, "", 0);
    return t.z;
  }
  for (i = 0; lc_sql_files[i].zName; i++)
    if (strcmp(lc_sql_files[i].zName, zName) == 0) return lc_sql_files[i].zText;
  return 0;
}

char *lc_db_path(const char *zPath) {
  lc_buf b = {0};
  if (zPath[0] != '/') lc_buf_str(&b, "./"); /* D1 */
  lc_buf_str(&b, zPath);
  return b.z;
}

static void exec_or_fail(sqlite3 *db, const char *zSql, const char *zDb) {
  int rc = lc_exec(db, zSql);
  if (rc != SQLITE_OK) lc_fail_db(db, rc, zDb, 0);
}

void lc_check_rc(sqlite3 *db, int rc, const char *zDb) {
  if (rc != SQLITE_OK) lc_fail_db(db, rc, zDb, 0);
}

sqlite3 *lc_open(const char *zDb, int flags) {
  sqlite3 *db = 0;
  char *zPath;
  int rc;
  if (lc_cluster()) { /* D8 */
    db = lc_open_remote(zDb, (flags & SQLITE_OPEN_CREATE) != 0);
    exec_or_fail(db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;", zDb);
    return db;
  }
  zPath = lc_db_path(zDb);
  rc = sqlite3_open_v2(zPath, &db, flags, 0);
  free(zPath);
  if (rc != SQLITE_OK) {
    if (!db) lc_fail("out of memory");
    lc_fail_db(db, rc, zDb, 0);
  }
  lc_check_rc(db, sqlite3_extended_result_codes(db, 1), zDb);
  lc_check_rc(db, sqlite3_busy_timeout(db, lc_timeout_ms), zDb);
  exec_or_fail(db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;", zDb);
  return db;
}

void lc_close(sqlite3 *db) {
  sqlite3_stmt *p;
  lc_close_remote(db); /* D8: the bridge first; db is then its local stand-in */
  while ((p = sqlite3_next_stmt(db, 0)) != 0) sqlite3_finalize(p);
  /* Every statement is finalized, so this closes; its result changes nothing
  ** for the user: the work is committed or rolled back already, and a
  ** checkpoint it could not finish is finished by the next connection. */
  (void)sqlite3_close(db);
}

sqlite3_int64 lc_query_int(sqlite3 *db, const char *zDb, const char *zSql) {
  lc_stmt *p = 0;
  sqlite3_int64 v = 0;
  int rc = lc_prepare(db, zSql, &p, 0);
  if (rc == SQLITE_OK) {
    rc = lc_step(p);
    if (rc == SQLITE_ROW) v = sqlite3_column_int64(lc_row(p), 0), rc = SQLITE_OK;
    else if (rc == SQLITE_DONE) rc = SQLITE_OK;
  }
  if (rc != SQLITE_OK) {
    rc = lc_errcode(db);
    lc_finalize(p);
    lc_fail_db(db, rc, zDb, 0);
  }
  lc_finalize(p);
  return v;
}

sqlite3_int64 lc_user_version(sqlite3 *db, const char *zDb) {
  return lc_query_int(db, zDb, "PRAGMA main.user_version");
}

sqlite3 *lc_open_checked(const char *zDb) {
  struct stat st;
  sqlite3 *db;
  sqlite3_int64 v;
  if (lc_cluster()) {
    /* D8: the bridge refuses a NAME that is not in the cluster (RM7) */
  } else if (stat(zDb, &st) != 0)
    lc_fail("database '%s' does not exist; create it with 'learnclub init'", zDb);
  else if (!S_ISREG(st.st_mode) || access(zDb, R_OK) != 0)
    lc_fail("database '%s' is not a readable file", zDb);
  db = lc_open(zDb, SQLITE_OPEN_READWRITE);
  v = lc_user_version(db, zDb);
  if (v > LC_SCHEMA_VERSION)
    lc_fail("database '%s' is at schema version %lld, newer than this learnclub (%d); "
            "use a newer learnclub", zDb, v, LC_SCHEMA_VERSION); /* L8 */
  if (v < 0)
    lc_fail("database '%s' has schema version %lld, which learnclub never uses; "
            "it is not a learnclub database", zDb, v); /* L8 */
  if (v != LC_SCHEMA_VERSION)
    lc_fail("database '%s' is at schema version %lld, not %d; run 'learnclub init' on it",
            zDb, v, LC_SCHEMA_VERSION);
  return db;
}

static void bind_params(sqlite3 *db, const char *zDb, lc_stmt *p, const lc_param *aParam,
                        int nParam) {
  int i, j, n = lc_bind_parameter_count(p);
  for (i = 1; i <= n; i++) {
    const char *zName = lc_bind_parameter_name(p, i);
    if (!zName) continue;
    for (j = 0; j < nParam; j++)
      if (strcmp(zName + 1, aParam[j].zName) == 0)
        lc_check_rc(db, lc_bind_text(p, i, aParam[j].zValue, -1), zDb); /* D2 */
  }
}

static int is_commit(lc_stmt *p) {
  const char *z = lc_stmt_sql(p);
  while (*z == ' ' || *z == '\n' || *z == '\t' || *z == '\r') z++;
  return sqlite3_strnicmp(z, "COMMIT", 6) == 0 || sqlite3_strnicmp(z, "END", 3) == 0;
}

void lc_run_script(sqlite3 *db, const char *zDb, const char *zScript,
                   const lc_param *aParam, int nParam, lc_sink *pSink,
                   const char *zAfter) {
  const char *zText = lc_sql_text(zScript), *zSql = zText, *zTail;
  int iStmt = 0, committed = 0;
  if (!zSql) lc_fail("no script sql/%s in this build", zScript);
  while (zSql && *zSql) {
    lc_stmt *p = 0;
    int rc, wasAuto = lc_autocommit(db);
    rc = lc_prepare(db, zSql, &p, &zTail);
    if (rc == SQLITE_OK && !p) break; /* only comments or spaces left */
    if (rc == SQLITE_OK && is_commit(p)) {
      lc_finalize(p);
      lc_commit(db, zDb, zAfter); /* D4 */
      committed = zAfter != 0;    /* a writing command's changes are in */
      iStmt++;
      zSql = zTail;
      continue;
    }
    if (rc == SQLITE_OK) {
      bind_params(db, zDb, p, aParam, nParam);
      /* remote, the statement is sent here: its columns come with its answer */
      if (pSink && pSink->xBegin && lc_column_count(p) > 0) pSink->xBegin(pSink, lc_row(p), iStmt);
      while ((rc = lc_step(p)) == SQLITE_ROW)
        if (pSink) pSink->xRow(pSink, lc_row(p), iStmt);
      if (rc == SQLITE_DONE) rc = SQLITE_OK;
      else rc = lc_errcode(db);
      lc_finalize(p);
      if (rc == SQLITE_OK && wasAuto && !lc_autocommit(db))
        rc = lc_exec(db, "SELECT 1 FROM main.sqlite_master LIMIT 1"); /* D3 */
    }
    if (rc != SQLITE_OK) {
      int code = lc_errcode(db);
      if (code == SQLITE_OK) code = rc;
      if (!lc_autocommit(db)) {
        /* the message first: ROLLBACK replaces it */
        char *z = lc_db_problem(db, code, zDb);
        lc_exec(db, "ROLLBACK");
        if (committed) lc_fail("%s; the changes before it were committed", z);
        if (zAfter) lc_fail("%s; %s", z, lc_after(zAfter));
        lc_fail("%s", z);
      }
      if (committed) {
        char *z = lc_db_problem(db, code, zDb);
        lc_fail("%s; the changes before it were committed", z);
      }
      lc_fail_db(db, code, zDb, zAfter);
    }
    iStmt++;
    zSql = zTail;
  }
  lc_sql_free(zText);
}

int lc_findings(sqlite3 *db, const char *zDb) {
  return lc_query_int(db, zDb, "SELECT findings FROM temp.lc_status") > 0 ? LC_EXIT_FOUND : LC_EXIT_OK;
}

void lc_commit(sqlite3 *db, const char *zDb, const char *zAfter) {
  int rc = lc_change_log_flush(db, zDb); /* changelog.c CL2 */
  if (rc == SQLITE_OK) rc = lc_exec(db, "COMMIT");
  if (rc == SQLITE_OK) return;
  rc = lc_errcode(db);
  {
    char *z = lc_db_problem(db, rc, zDb);
    if (lc_remote_lost(db) == 2) /* D7 */
      lc_fail("%s during COMMIT: outcome unknown, the changes may or may not have been written; "
              "run the same command again: every write is idempotent, so what is there already "
              "is not written twice", z);
    if (lc_remote_lost(db) == 1) { /* D7: lost before COMMIT: the leader rolled it back */
      if (zAfter) lc_fail("%s; %s", z, lc_after(zAfter));
      lc_fail("%s", z);
    }
    if (!lc_autocommit(db)) {
      lc_exec(db, "ROLLBACK"); /* D4: still open, so nothing written */
      if (zAfter) lc_fail("%s; %s", z, lc_after(zAfter));
      lc_fail("%s", z);
    }
    if ((rc & 0xff) == SQLITE_IOERR)
      lc_fail("%s during COMMIT; the changes may or may not have been written", z);
    if (zAfter) lc_fail("%s; %s", z, lc_after(zAfter));
    lc_fail("%s", z);
  }
}
