/*
** cli/changelog.c — the change log (issue 14): a row in change_log for every
** writing command, enough to see who changed what, when, and to put it back
** by hand.
**
** Every command that writes calls lc_change_log() once, after opening the
** database and before its first change. From then on:
** CL1. Each table of main (but change_log and SQLite's own) has TEMP
**      triggers on this connection only: a row added, changed (an UPDATE
**      that changes a value; one that changes nothing is not counted) or
**      removed is noted in temp.lc_change, with the row's values as a JSON
**      object (the new ones for an addition, the old ones otherwise). A row
**      removed and added again with the same values in one transaction (an
**      import replacing a meeting's attendance by the same list) is no change. A plain sqlite3 does not see
**      them, and nothing is built from user text: the names are the schema's.
** CL6. What it costs (issue 13's import target): a row added costs nothing
**      while the command runs. lc_change_log() notes each table's largest
**      rowid; at the flush the rows added are those above it, and those
**      whose rowid a removal of this transaction freed and an addition took
**      again (SQLite gives a new row the largest rowid + 1). Only a table
**      with removals has its added rows read as JSON, to net them against
**      the removed ones (CL1); elsewhere they are counted. The triggers
**      note changes and removals of rows that were there before (rowid at
**      most the noted one), and a rowid once.
** CL2. lc_commit() (db.c) calls lc_change_log_flush() before its COMMIT: the
**      noted changes become one change_log row in the same transaction, so
**      the row is there exactly when the changes are. A rolled-back
**      transaction takes its notes with it (temp tables are transactional).
** CL3. A commit that changed no row writes no log row: a command that wrote
**      nothing (an import refused by its script, a second import of the same
**      file) leaves the database exactly as it was. The one exception is the
**      first commit after lc_change_log() was called inside an open
**      transaction: init, whose created or upgraded schema is logged though
**      no row changed.
** CL4. The row: at (Korean time, 'YYYY-MM-DD HH:MM:SS', D2; with
**      LEARNCLUB_TODAY set, that day at 00:00:00, for tests), os_user (the
**      effective user's login name, else $USER, else "uid N"), command,
**      args (the arguments after the command, a JSON array), changes (a JSON
**      object by table: {"added":N,"changed":N,"removed":N,
**      "changed_rows":[old rows],"removed_rows":[old rows]}, an empty list
**      left out).
** CL5. INSERT OR REPLACE removes rows without a DELETE trigger (SQLite fires
**      none unless recursive_triggers is on): writers use an upsert (ON
**      CONFLICT DO UPDATE) instead, which is logged as a change.
*/
#define _POSIX_C_SOURCE 200809L
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "cli.h"

static struct {
  sqlite3 *db;   /* the connection being logged; 0 when none */
  char *zArgs;   /* the arguments as a JSON array */
  char zUser[128];
  int bForce;    /* CL3 */
} g;

static void exec_or_fail(sqlite3 *db, const char *zDb, const char *zSql) {
  int rc = lc_exec(db, zSql);
  if (rc != SQLITE_OK) {
    rc = lc_errcode(db);
    if (!lc_autocommit(db)) {
      char *z = lc_db_problem(db, rc, zDb);
      lc_exec(db, "ROLLBACK");
      lc_fail("%s; nothing was written", z);
    }
    lc_fail_db(db, rc, zDb, "nothing was written");
  }
}

/* The arguments as a JSON array, made by SQLite's json_array (CL4). */
static char *args_json(sqlite3 *db, const char *zDb, int argc, char **argv) {
  sqlite3_stmt *p = 0;
  lc_buf b = {0};
  int i, rc;
  lc_buf_str(&b, "[]");
  rc = sqlite3_prepare_v2(db, "SELECT json_insert(?1, '$[#]', ?2)", -1, &p, 0);
  for (i = 0; rc == SQLITE_OK && i < argc; i++) {
    if ((rc = sqlite3_bind_text(p, 1, b.z, -1, SQLITE_TRANSIENT)) != SQLITE_OK) break;
    if ((rc = sqlite3_bind_text(p, 2, argv[i], -1, SQLITE_STATIC)) != SQLITE_OK) break;
    if ((rc = sqlite3_step(p)) != SQLITE_ROW) break;
    b.n = 0;
    lc_buf_str(&b, (const char *)sqlite3_column_text(p, 0));
    rc = sqlite3_reset(p);
  }
  if (rc != SQLITE_OK) {
    rc = sqlite3_extended_errcode(db);
    sqlite3_finalize(p);
    lc_fail_db(db, rc, zDb, "nothing was written");
  }
  sqlite3_finalize(p);
  return b.z;
}

static void os_user(void) {
  struct passwd *pw = getpwuid(geteuid());
  const char *z = pw && pw->pw_name && pw->pw_name[0] ? pw->pw_name : getenv("USER");
  if (z && z[0]) snprintf(g.zUser, sizeof(g.zUser), "%s", z);
  else snprintf(g.zUser, sizeof(g.zUser), "uid %ld", (long)geteuid());
}

/* The CL1 triggers of one table, and its mark (CL6): SQL made from the
** schema's names only. */
static void table_triggers(sqlite3 *db, const char *zDb, const char *zTab) {
  lc_stmt *p = 0;
  lc_buf obj = {0}, objT = {0}, diff = {0}, sql = {0};
  char *z;
  int rc = lc_prepare(db, "SELECT name FROM pragma_table_info(?1, 'main') ORDER BY cid", &p, 0);
  if (rc == SQLITE_OK) rc = lc_bind_text(p, 1, zTab, -1);
  while (rc == SQLITE_OK && (rc = lc_step(p)) == SQLITE_ROW) {
    const char *zCol = (const char *)sqlite3_column_text(lc_row(p), 0);
    z = sqlite3_mprintf("%s'%q', OLD.\"%w\"", obj.n ? ", " : "", zCol, zCol);
    lc_buf_str(&obj, z);
    sqlite3_free(z);
    z = sqlite3_mprintf("%s'%q', t.\"%w\"", objT.n ? ", " : "", zCol, zCol);
    lc_buf_str(&objT, z);
    sqlite3_free(z);
    z = sqlite3_mprintf("%sOLD.\"%w\" IS NOT NEW.\"%w\"", diff.n ? " OR " : "", zCol, zCol);
    lc_buf_str(&diff, z);
    sqlite3_free(z);
    rc = SQLITE_OK;
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  if (rc != SQLITE_OK) rc = lc_errcode(db);
  lc_finalize(p);
  if (rc != SQLITE_OK) lc_fail_db(db, rc, zDb, "nothing was written");
  /* CL6: a row is noted once, with the values it had before the command */
  z = sqlite3_mprintf(
      "INSERT OR REPLACE INTO temp.lc_mark SELECT '%q', coalesce(max(rowid), 0), "
      "'json_object(' || %Q || ')' FROM main.\"%w\";"
      "CREATE TEMP TRIGGER IF NOT EXISTS \"lc_log_%w_update\" AFTER UPDATE ON main.\"%w\" "
      "WHEN (%s) AND OLD.rowid <= (SELECT maxrid FROM temp.lc_mark WHERE tbl = '%q') "
      "AND NOT EXISTS (SELECT 1 FROM temp.lc_change WHERE tbl = '%q' AND rid = OLD.rowid) "
      "BEGIN INSERT INTO lc_change VALUES ('%q', 'changed', json_object(%s), OLD.rowid); END;"
      "CREATE TEMP TRIGGER IF NOT EXISTS \"lc_log_%w_delete\" AFTER DELETE ON main.\"%w\" "
      "WHEN OLD.rowid <= (SELECT maxrid FROM temp.lc_mark WHERE tbl = '%q') "
      "AND NOT EXISTS (SELECT 1 FROM temp.lc_change WHERE tbl = '%q' AND op = 'removed' AND rid = OLD.rowid) "
      "BEGIN UPDATE lc_change SET op = 'removed' WHERE tbl = '%q' AND op = 'changed' AND rid = OLD.rowid;"
      " INSERT INTO lc_change SELECT '%q', 'removed', json_object(%s), OLD.rowid"
      " WHERE NOT EXISTS (SELECT 1 FROM lc_change WHERE tbl = '%q' AND op = 'removed' AND rid = OLD.rowid); END;",
      zTab, objT.z, zTab, zTab, zTab, diff.z, zTab, zTab, zTab, obj.z, zTab, zTab, zTab, zTab, zTab,
      zTab, obj.z, zTab);
  if (!z) lc_fail("out of memory");
  lc_buf_str(&sql, z);
  sqlite3_free(z);
  exec_or_fail(db, zDb, sql.z);
  lc_buf_free(&obj);
  lc_buf_free(&objT);
  lc_buf_free(&diff);
  lc_buf_free(&sql);
}

void lc_change_log(sqlite3 *db, const char *zDb, int argc, char **argv) {
  lc_stmt *p = 0;
  int rc;
  lc_buf names = {0};
  size_t i;
  g.db = db;
  lc_remote_writes(db); /* issue 17: its BEGIN takes the write lock (remote.c RM5) */
  g.bForce = !lc_autocommit(db); /* CL3 */
  free(g.zArgs);
  g.zArgs = args_json(db, zDb, argc, argv);
  os_user();
  exec_or_fail(db, zDb,
               "CREATE TEMP TABLE IF NOT EXISTS lc_change(tbl TEXT NOT NULL, op TEXT NOT NULL, vals TEXT, rid INTEGER);"
               "CREATE INDEX IF NOT EXISTS temp.lc_change_rid ON lc_change(tbl, rid);"
               "CREATE TEMP TABLE IF NOT EXISTS lc_mark(tbl TEXT PRIMARY KEY, maxrid INTEGER NOT NULL, jexpr TEXT NOT NULL);");
  /* the names first: no trigger is created while the schema is read */
  rc = lc_prepare(db, "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name <> 'change_log'"
      " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name", &p, 0);
  while (rc == SQLITE_OK && (rc = lc_step(p)) == SQLITE_ROW) {
    const char *z = (const char *)sqlite3_column_text(lc_row(p), 0);
    lc_buf_add(&names, z, strlen(z) + 1);
    rc = SQLITE_OK;
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  if (rc != SQLITE_OK) rc = lc_errcode(db);
  lc_finalize(p);
  if (rc != SQLITE_OK) lc_fail_db(db, rc, zDb, "nothing was written");
  for (i = 0; i < names.n; i += strlen(names.z + i) + 1) table_triggers(db, zDb, names.z + i);
  lc_buf_free(&names);
}

/* CL6: the rows each marked table gained, noted in temp.lc_change: as JSON
** rows where the table lost rows too (to net them, CL1), else as a count;
** with bRemark, each mark then moves to the table's largest rowid, for the
** next transaction of the command. */
static int note_added(sqlite3 *db, int bRemark) {
  lc_stmt *p = 0;
  int rc = lc_prepare(db, "SELECT tbl, maxrid, jexpr, EXISTS (SELECT 1 FROM temp.lc_change c WHERE c.tbl = m.tbl AND c.op = 'removed')"
      " FROM temp.lc_mark m ORDER BY tbl", &p, 0);
  lc_buf sql = {0};
  while (rc == SQLITE_OK && (rc = lc_step(p)) == SQLITE_ROW) {
    const char *zTab = (const char *)sqlite3_column_text(lc_row(p), 0);
    sqlite3_int64 mx = sqlite3_column_int64(lc_row(p), 1);
    const char *zJson = (const char *)sqlite3_column_text(lc_row(p), 2);
    char *z;
    if (bRemark)
      z = sqlite3_mprintf("UPDATE temp.lc_mark SET maxrid = (SELECT coalesce(max(rowid), 0) FROM main.\"%w\")"
                          " WHERE tbl = '%q';", zTab, zTab);
    else if (sqlite3_column_int(lc_row(p), 3))
      z = sqlite3_mprintf("INSERT INTO temp.lc_change SELECT '%q', 'added', %s, t.rowid FROM main.\"%w\" t"
                          " WHERE t.rowid > %lld OR t.rowid IN (SELECT rid FROM temp.lc_change"
                          " WHERE tbl = '%q' AND op = 'removed');", zTab, zJson, zTab, mx, zTab);
    else
      z = sqlite3_mprintf("INSERT INTO temp.lc_change SELECT '%q', 'added_n', n, NULL FROM"
                          " (SELECT count(*) AS n FROM main.\"%w\" WHERE rowid > %lld) WHERE n > 0;",
                          zTab, zTab, mx);
    if (!z) {
      rc = SQLITE_NOMEM;
      break;
    }
    lc_buf_str(&sql, z);
    sqlite3_free(z);
    rc = SQLITE_OK;
  }
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  lc_finalize(p);
  if (rc == SQLITE_OK && sql.n) rc = lc_exec(db, sql.z);
  lc_buf_free(&sql);
  return rc;
}

/* CL4: now in Korean time. */
static void korean_now(char *zOut, size_t n) {
  const char *zToday = lc_korean_today();
  if (getenv("LEARNCLUB_TODAY") && getenv("LEARNCLUB_TODAY")[0]) {
    snprintf(zOut, n, "%s 00:00:00", zToday);
  } else {
    time_t t = time(0) + 9 * 3600;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(zOut, n, "%Y-%m-%d %H:%M:%S", &tm);
  }
}

int lc_change_log_flush(sqlite3 *db, const char *zDb) {
  /* CL1: a row removed and added again with the same values is no change */
  static const char *zNet =
      "WITH a AS (SELECT rowid AS r, tbl, vals AS j, row_number() OVER (PARTITION BY tbl, vals ORDER BY rowid) AS n"
      "           FROM temp.lc_change WHERE op = 'added'),"
      "     d AS (SELECT rowid AS r, tbl, vals AS j, row_number() OVER (PARTITION BY tbl, vals ORDER BY rowid) AS n"
      "           FROM temp.lc_change WHERE op = 'removed')"
      "DELETE FROM temp.lc_change WHERE rowid IN (SELECT a.r FROM a JOIN d USING (tbl, j, n)"
      "                                           UNION ALL SELECT d.r FROM a JOIN d USING (tbl, j, n))";
  static const char *zSql =
      "INSERT INTO main.change_log(at, os_user, command, args, changes) "
      "SELECT ?1, ?2, ?3, ?4, changes FROM (SELECT coalesce(json_group_object(tbl, json(obj)), '{}')"
      " AS changes FROM ("
      "  SELECT tbl, json_patch(json_object('added', count(*) FILTER (WHERE op = 'added')"
      "      + coalesce(sum(CAST(vals AS INTEGER)) FILTER (WHERE op = 'added_n'), 0),"
      "    'changed', count(*) FILTER (WHERE op = 'changed'),"
      "    'removed', count(*) FILTER (WHERE op = 'removed')),"
      "    json_object('changed_rows', CASE WHEN count(*) FILTER (WHERE op = 'changed') > 0 THEN"
      "      json_group_array(json(vals)) FILTER (WHERE op = 'changed') END,"
      "    'removed_rows', CASE WHEN count(*) FILTER (WHERE op = 'removed') > 0 THEN"
      "      json_group_array(json(vals)) FILTER (WHERE op = 'removed') END)) AS obj"
      "  FROM temp.lc_change GROUP BY tbl ORDER BY tbl))"
      " WHERE ?5 OR EXISTS (SELECT 1 FROM temp.lc_change)";
  lc_stmt *p = 0;
  char zAt[32];
  int rc;
  if (!g.db || g.db != db) return SQLITE_OK;
  korean_now(zAt, sizeof(zAt));
  rc = note_added(db, 0); /* CL6 */
  if (rc == SQLITE_OK) rc = lc_exec(db, zNet);
  if (rc == SQLITE_OK) rc = lc_prepare(db, zSql, &p, 0);
  if (rc == SQLITE_OK) rc = lc_bind_text(p, 1, zAt, -1);
  if (rc == SQLITE_OK) rc = lc_bind_text(p, 2, g.zUser, -1);
  if (rc == SQLITE_OK) rc = lc_bind_text(p, 3, lc_cmd ? lc_cmd : "", -1);
  if (rc == SQLITE_OK) rc = lc_bind_text(p, 4, g.zArgs, -1);
  if (rc == SQLITE_OK) rc = lc_bind_int64(p, 5, g.bForce);
  if (rc == SQLITE_OK) rc = lc_step(p);
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  else rc = lc_errcode(db);
  lc_finalize(p);
  if (rc == SQLITE_OK) rc = lc_exec(db, "DELETE FROM temp.lc_change");
  if (rc == SQLITE_OK) rc = note_added(db, 1); /* CL6: the next transaction's marks */
  if (rc == SQLITE_OK) g.bForce = 0;
  return rc == SQLITE_OK ? SQLITE_OK : lc_errcode(db);
}
