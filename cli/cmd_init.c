/*
** cli/cmd_init.c — `learnclub init DB`: create DB, or upgrade it in place
** to the current schema (PRAGMA user_version; sql/schema.sql for a new
** database, sql/migrate/NNN.sql one version at a time; then sql/rules.sql,
** the views and triggers that hold the rules spanning rows, in both cases).
**
** I1. The version is read again inside the writing transaction (BEGIN
**     IMMEDIATE), so two inits at once do the work once: the second waits,
**     then finds the database up to date (L7).
** I2. A new database is put in WAL mode before its schema is written, so a
**     killed init cannot leave it out of WAL mode (L6); an existing one keeps
**     its mode.
** I3. Foreign keys are checked before COMMIT: a violation rolls back and
**     says so, and "nothing was changed" is then true (M1).
** I4. A version above the current one, a negative one, and tables without a
**     version are refused untouched, each with its own message (L8).
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"

static void check_version(const char *zDb, sqlite3_int64 v) {
  if (v > LC_SCHEMA_VERSION)
    lc_fail("database '%s' is at schema version %lld, newer than this learnclub (%d)",
            zDb, v, LC_SCHEMA_VERSION);
  if (v < 0)
    lc_fail("database '%s' has schema version %lld, which learnclub never uses; "
            "refusing to touch it", zDb, v);
}

/* Tables other than holiday_override (KR5, made by hand) and SQLite's own. */
static sqlite3_int64 foreign_tables(sqlite3 *db, const char *zDb) {
  return lc_query_int(db, zDb,
                      "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
                      " AND name NOT IN ('holiday_override') AND name NOT LIKE 'sqlite_%'");
}

static void exec_or_fail(sqlite3 *db, const char *zSql, const char *zDb, const char *zAfter) {
  int rc = lc_exec(db, zSql);
  if (rc != SQLITE_OK) {
    char *z = lc_db_problem(db, lc_errcode(db), zDb);
    if (!lc_autocommit(db)) lc_exec(db, "ROLLBACK");
    if (zAfter) lc_fail("%s; %s", z, lc_after(zAfter));
    lc_fail("%s", z);
  }
}

static void refuse_in_txn(sqlite3 *db, const char *zMsg) {
  lc_exec(db, "ROLLBACK");
  lc_fail("%s", zMsg);
}

/* I3: the first violation, or 0. */
static char *fk_violation(sqlite3 *db, const char *zDb) {
  lc_stmt *p = 0;
  char *zMsg = 0;
  int rc = lc_prepare(db, "PRAGMA main.foreign_key_check", &p, 0);
  if (rc == SQLITE_OK) {
    rc = lc_step(p);
    if (rc == SQLITE_ROW) {
      lc_buf b = {0};
      lc_buf_printf(&b, "foreign key violations after the upgrade (table '%s', row %lld, "
                        "refers to a missing '%s' row); nothing was changed",
                    (const char *)sqlite3_column_text(lc_row(p), 0), sqlite3_column_int64(lc_row(p), 1),
                    (const char *)sqlite3_column_text(lc_row(p), 2));
      zMsg = b.z;
      rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
      rc = SQLITE_OK;
    }
  }
  if (rc != SQLITE_OK) {
    char *z = lc_db_problem(db, lc_errcode(db), zDb);
    lc_finalize(p);
    lc_exec(db, "ROLLBACK");
    lc_fail("%s; %s", z, lc_after("nothing was changed"));
  }
  lc_finalize(p);
  return zMsg;
}

int lc_cmd_init(int argc, char **argv) {
  static const char *const azName[] = {"DB"};
  lc_args a;
  const char *zDb;
  char *zDir, *zFk;
  struct stat st;
  sqlite3 *db;
  sqlite3_int64 v0, v;
  lc_parse_args(&a, 0, argc, argv);
  lc_want_args(&a, 1, azName);
  zDb = a.apPos[0];
  if (!lc_cluster()) { /* issue 17: in a cluster NAME is made by the bridge (remote.c RM7) */
    zDir = lc_dirname(zDb);
    if (stat(zDir, &st) != 0 || !S_ISDIR(st.st_mode))
      lc_fail("folder '%s' of database '%s' does not exist", zDir, zDb);
    if (stat(zDb, &st) == 0 && !S_ISREG(st.st_mode)) lc_fail("database '%s' is not a file", zDb);
    free(zDir);
  }
  db = lc_open(zDb, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  exec_or_fail(db, "PRAGMA foreign_keys = OFF", zDb, 0);
  v0 = lc_user_version(db, zDb);
  check_version(zDb, v0);
  /* before the transaction nothing of the schema or the rows has changed:
  ** a failure here (a full disk, a lock) says so, as every later one does */
  if (v0 == 0 && foreign_tables(db, zDb) == 0)
    exec_or_fail(db, "PRAGMA journal_mode = WAL", zDb, "nothing was changed"); /* I2 */
  exec_or_fail(db, "BEGIN IMMEDIATE", zDb, "nothing was changed");
  v = lc_user_version(db, zDb); /* I1 */
  if (v > LC_SCHEMA_VERSION || v < 0) lc_exec(db, "ROLLBACK");
  check_version(zDb, v);
  if (v == 0) {
    if (foreign_tables(db, zDb) > 0) {
      lc_buf b = {0};
      lc_buf_printf(&b, "database '%s' has tables but no learnclub schema version; "
                        "refusing to touch it", zDb);
      refuse_in_txn(db, b.z);
    }
    lc_run_script(db, zDb, "schema.sql", 0, 0, 0, "nothing was changed");
  } else {
    sqlite3_int64 n;
    for (n = v + 1; n <= LC_SCHEMA_VERSION; n++) {
      char zName[32];
      snprintf(zName, sizeof(zName), "migrate/%03lld.sql", n);
      lc_run_script(db, zDb, zName, 0, 0, 0, "nothing was changed");
    }
  }
  /* The rules that span rows (views and their triggers) have one home,
  ** sql/rules.sql, for a new database and an upgraded one alike. */
  if (v < LC_SCHEMA_VERSION)
    lc_run_script(db, zDb, "rules.sql", 0, 0, 0, "nothing was changed");
  if ((zFk = fk_violation(db, zDb)) != 0) refuse_in_txn(db, zFk); /* I3 */
  /* issue 14: a created or upgraded schema is logged (changelog.c CL3) */
  if (v < LC_SCHEMA_VERSION) lc_change_log(db, zDb, argc, argv);
  lc_commit(db, zDb, "nothing was changed");
  lc_close(db);
  if (v == 0) printf("%s: created at schema version %d\n", zDb, LC_SCHEMA_VERSION);
  else if (v == LC_SCHEMA_VERSION) printf("%s: schema version %d, up to date\n", zDb, LC_SCHEMA_VERSION);
  else printf("%s: upgraded from schema version %lld to %d\n", zDb, v, LC_SCHEMA_VERSION);
  if (fflush(stdout) != 0) lc_fail("cannot write the output");
  return LC_EXIT_OK;
}
