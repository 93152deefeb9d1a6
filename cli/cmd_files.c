/*
** cli/cmd_files.c — the commands that write a file: `report DB YYYY --html
** FILE [--as-of DATE] [--program CODE] [--office NAME]` (issues 8 and 16,
** sql/report-html.sql) and `backup DB FILE`
** (issue 6). Both write through lc_write_file (files.c F1-F3).
**
** B1. A backup is one consistent snapshot of DB, taken while others write
**     (sqlite3_serialize reads every page in one read transaction), checked
**     with integrity_check in memory, and only then written to FILE. The
**     copy is held in memory meanwhile: as much as the database's size.
** B2. A backup never overwrites: "'FILE' already exists; a backup never
**     overwrites", also when another backup wins the race (L5).
** (issue 17) `pull` (cmd_move.c) writes its copy through the same
** lc_write_copy: B1 and B2, "a pull never overwrites".
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli.h"

/* RP1 (issue 16): --program CODE names a program of the database and
** --office NAME an office that runs one; else "unknown program 'X'",
** "unknown office 'X'". The page covers what both leave (RH0 of
** sql/report-html.sql); none running in the year is a page that says so. */
static void check_known(sqlite3 *db, const char *zDb, const char *zSql, const char *zVal,
                        const char *zWhat) {
  char *z = 0;
  if (!zVal) return;
  lc_probe(db, zDb, zSql, zVal, 0, &z);
  if (!z) lc_fail("unknown %s '%s'", zWhat, zVal);
  free(z);
}

int lc_cmd_report(int argc, char **argv) {
  static const char *const azName[] = {"DB", "YYYY"};
  lc_args a;
  lc_param aP[4];
  sqlite3 *db;
  lc_writer *w;
  const lc_buf *pPage;
  int rc;
  lc_parse_args(&a, LC_OPT_HTML | LC_OPT_AS_OF | LC_OPT_PROGRAM | LC_OPT_OFFICE, argc, argv);
  lc_want_args(&a, 2, azName);
  lc_check_year(a.apPos[1]);
  if (!a.zHtml) lc_fail("missing option --html FILE");
  lc_check_output_folder(a.zHtml);
  aP[0].zName = "year", aP[0].zValue = a.apPos[1];
  aP[1].zName = "as_of", aP[1].zValue = a.zAsOf ? a.zAsOf : lc_korean_today();
  aP[2].zName = "program", aP[2].zValue = lc_opt(&a, LC_OPT_PROGRAM);
  aP[3].zName = "office", aP[3].zValue = lc_opt(&a, LC_OPT_OFFICE);
  db = lc_open_checked(a.apPos[0]);
  check_known(db, a.apPos[0], "SELECT 1 FROM program WHERE code = ?1", aP[2].zValue, "program");
  check_known(db, a.apPos[0], "SELECT 1 FROM program WHERE office = ?1", aP[3].zValue, "office");
  lc_check_output(a.zHtml, a.apPos[0], 1); /* H2 */
  w = lc_writer_new("raw", db);
  lc_run_script(db, a.apPos[0], "report-html.sql", aP, 4, lc_writer_sink(w), 0);
  rc = lc_findings(db, a.apPos[0]); /* RH6: stale awards (issue 14) */
  pPage = lc_writer_finish(w);
  lc_write_file(a.zHtml, pPage->z, pPage->n, 1);
  lc_writer_free(w);
  lc_close(db);
  printf("learnclub report: wrote %s\n", a.zHtml);
  return rc;
}

/* B1: "ok", or the first line integrity_check says, of the image in memory. */
static char *check_image(unsigned char *pData, sqlite3_int64 n) {
  sqlite3 *mem = 0;
  sqlite3_stmt *p = 0;
  lc_buf b = {0};
  unsigned char w18 = 0, w19 = 0;
  int rc;
  /* The in-memory VFS has no WAL: read the image as a rollback database
  ** (header bytes 18 and 19), and put the bytes back afterwards. */
  if (n >= 100) w18 = pData[18], w19 = pData[19], pData[18] = pData[19] = 1;
  rc = sqlite3_open(":memory:", &mem);
  if (rc == SQLITE_OK)
    rc = sqlite3_deserialize(mem, "main", pData, n, n, SQLITE_DESERIALIZE_READONLY);
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(mem, "PRAGMA integrity_check", -1, &p, 0);
  if (rc == SQLITE_OK && (rc = sqlite3_step(p)) == SQLITE_ROW) {
    lc_buf_str(&b, (const char *)sqlite3_column_text(p, 0));
    rc = SQLITE_OK;
  }
  if (rc != SQLITE_OK) lc_buf_str(&b, mem ? sqlite3_errmsg(mem) : "out of memory");
  sqlite3_finalize(p);
  sqlite3_close(mem);
  if (n >= 100) pData[18] = w18, pData[19] = w19;
  return b.z;
}

void lc_write_copy(sqlite3 *db, const char *zDb, const char *zFile, const char *zWhat) {
  sqlite3_int64 n = 0;
  unsigned char *pData = sqlite3_serialize(db, "main", &n, 0); /* B1 */
  char *zOk;
  if (!pData) {
    int rc = sqlite3_extended_errcode(db);
    lc_fail_db(db, rc == SQLITE_OK ? SQLITE_NOMEM : rc, zDb, "nothing was written");
  }
  zOk = check_image(pData, n);
  if (strcmp(zOk, "ok") != 0) lc_fail("the copy failed its integrity check: %s", zOk);
  if (lc_write_file(zFile, pData, (size_t)n, 0))
    lc_fail("'%s' already exists; a %s never overwrites", zFile, zWhat); /* B2 */
  sqlite3_free(pData);
  free(zOk);
}

int lc_cmd_backup(int argc, char **argv) {
  static const char *const azName[] = {"DB", "FILE"};
  lc_args a;
  const char *zDb, *zFile;
  sqlite3 *db;
  struct stat st;
  lc_parse_args(&a, 0, argc, argv);
  lc_want_args(&a, 2, azName);
  zDb = a.apPos[0], zFile = a.apPos[1];
  if (lc_cluster()) /* issue 17: the engine's own copy is pull's */
    lc_fail("on a cluster, a backup is 'learnclub pull NAME FILE'");
  db = lc_open_checked(zDb);
  lc_check_output_folder(zFile);
  lc_check_output(zFile, zDb, 0); /* F3, L15; any other file: B2 */
  if (lstat(zFile, &st) == 0) lc_fail("'%s' already exists; a backup never overwrites", zFile);
  lc_write_copy(db, zDb, zFile, "backup");
  lc_close(db);
  printf("learnclub backup: wrote %s\n", zFile);
  return LC_EXIT_OK;
}
