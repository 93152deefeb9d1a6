/*
** cli/cmd_import.c — `learnclub import-roster|import-meetings|
** import-reports|import-scores DB FILE`: a CSV file (header line first)
** checked and written by sql/import-KIND.sql in one transaction.
**
** M1. Before the database is touched: FILE exists and is readable, has no
**     NUL byte and no line over 1 MiB (csv.c C5), is UTF-8 or CP949 (C4),
**     its first line is exactly the header of KIND, and every record has as
**     many fields as the header (else "line N: M fields, expected K").
** M2. The records go into temp.lc_raw, one column a header name, all text;
**     a record's rowid is its first line minus one, so the scripts' "rowid +
**     1 AS line" names the line where it starts.
** M3. The script's first row is 'ok', MESSAGE or 'error', MESSAGE: printed
**     as "FILE: MESSAGE" (exit 0), or refused as "FILE: MESSAGE; nothing
**     imported" (exit 2). Rows 'note', MESSAGE (issue 14: a program the
**     roster created) go to stderr after success. A failure of SQLite itself rolls back and says
**     "nothing imported" too; a COMMIT with an unknown outcome says so.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

static const struct import_kind {
  const char *zKind, *zHeader;
  int nCol;
} aKind[] = {
    {"roster", "program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on", 10},
    {"meetings", "club,held_on,kind,hours,topic,attendees", 6},
    {"reports", "club,kind,period,submitted_at,board_ref,title", 6},
    {"scores", "club,period,judge,criterion,points", 5},
};

typedef struct load_ctx {
  sqlite3 *db;
  sqlite3_stmt *pIns;
  int nCol;
  long nBadLine; /* first record with a wrong field count */
  int nBadFields;
  int rc;        /* an SQLite error while inserting */
} load_ctx;

static int load_record(void *p, const lc_csv_record *r) {
  load_ctx *c = p;
  int i;
  if (r->nField != c->nCol) {
    c->nBadLine = r->nLine;
    c->nBadFields = r->nField;
    return 1;
  }
  int rc = sqlite3_bind_int64(c->pIns, 1, r->nLine - 1); /* M2 */
  for (i = 0; rc == SQLITE_OK && i < c->nCol; i++)
    rc = sqlite3_bind_text(c->pIns, i + 2, r->azField[i], (int)r->anField[i], SQLITE_TRANSIENT);
  if (rc != SQLITE_OK || sqlite3_step(c->pIns) != SQLITE_DONE) {
    c->rc = sqlite3_extended_errcode(c->db);
    return 1;
  }
  sqlite3_reset(c->pIns); /* its result is the step's, checked above */
  return 0;
}

typedef struct first_row {
  lc_sink sink;
  char *zStatus, *zMsg;
  lc_buf notes; /* issue 14: 'note' rows, said on stderr after success */
} first_row;

static void first_row_x(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  first_row *f = s->p;
  lc_buf a = {0}, b = {0};
  if (sqlite3_column_count(p) > 1 && sqlite3_column_text(p, 0) &&
      strcmp((const char *)sqlite3_column_text(p, 0), "note") == 0) {
    lc_buf_printf(&f->notes, "learnclub %s: %s: %s\n", lc_cmd, lc_subject,
                  (const char *)sqlite3_column_text(p, 1));
    return;
  }
  if (f->zStatus) return;
  lc_buf_str(&a, sqlite3_column_count(p) > 0 && sqlite3_column_text(p, 0)
                     ? (const char *)sqlite3_column_text(p, 0) : "");
  lc_buf_str(&b, sqlite3_column_count(p) > 1 && sqlite3_column_text(p, 1)
                     ? (const char *)sqlite3_column_text(p, 1) : "");
  f->zStatus = a.z;
  f->zMsg = b.z;
}

static char *read_file(const char *zFile, size_t *pn) {
  lc_buf b = {0};
  FILE *f = fopen(zFile, "rb");
  char a[65536];
  size_t n;
  if (!f) lc_fail("cannot read '%s': %s", zFile, strerror(errno));
  while ((n = fread(a, 1, sizeof(a), f)) > 0) lc_buf_add(&b, a, n);
  if (ferror(f)) lc_fail("cannot read '%s': %s", zFile, strerror(errno));
  fclose(f);
  if (!b.z) lc_buf_add(&b, "", 0);
  *pn = b.n;
  return b.z;
}

int lc_cmd_import(int argc, char **argv) {
  static const char *const azName[] = {"DB", "FILE"};
  const struct import_kind *k = 0;
  const char *zDb, *zFile, *zKind = lc_cmd + strlen("import-");
  lc_args a;
  struct stat st;
  FILE *f;
  int bUtf8 = 0, rc;
  long nLine = 0, nErr = 0;
  char *zRaw, *zText, zScript[32];
  size_t nRaw, nText, nHead, i;
  sqlite3 *db;
  lc_buf q = {0};
  load_ctx c;
  first_row fr;
  for (i = 0; i < sizeof(aKind) / sizeof(aKind[0]); i++)
    if (strcmp(aKind[i].zKind, zKind) == 0) k = &aKind[i];
  lc_parse_args(&a, 0, argc, argv);
  lc_want_args(&a, 2, azName);
  zDb = a.apPos[0], zFile = a.apPos[1];
  /* M1 */
  if (stat(zFile, &st) != 0) lc_fail("file '%s' does not exist", zFile);
  if (!S_ISREG(st.st_mode) || access(zFile, R_OK) != 0 || !(f = fopen(zFile, "rb")))
    lc_fail("file '%s' is not a readable file", zFile);
  rc = lc_csv_scan(f, &bUtf8, &nLine);
  fclose(f);
  if (rc == LC_SCAN_NUL)
    lc_fail("file '%s' has a NUL byte: not a CSV text file; nothing imported", zFile);
  if (rc == LC_SCAN_LONG)
    lc_fail("%s: line %ld is longer than 1 MiB (%d bytes); nothing imported", zFile, nLine,
            LC_CSV_MAX_LINE);
  if (rc != LC_SCAN_OK) lc_fail("cannot read '%s'", zFile);
  db = lc_open_checked(zDb);
  zRaw = read_file(zFile, &nRaw);
  if (lc_csv_decode(zRaw, nRaw, bUtf8, &zText, &nText))
    lc_fail("file '%s' is neither UTF-8 nor CP949 (EUC-KR) text", zFile);
  free(zRaw);
  for (nHead = 0; nHead < nText && zText[nHead] != '\n'; nHead++) {}
  {
    size_t nH = nHead;
    if (nH > 0 && zText[nH - 1] == '\r') nH--;
    if (nH != strlen(k->zHeader) || memcmp(zText, k->zHeader, nH) != 0)
      lc_fail("%s: line 1: header must be '%s', not '%.*s'; nothing imported", zFile,
              k->zHeader, (int)nH, zText);
  }
  /* M2: the records into temp.lc_raw (the header names are ours, not the file's) */
  lc_buf_printf(&q, "CREATE TEMP TABLE lc_raw(%s)", k->zHeader);
  if ((rc = sqlite3_exec(db, q.z, 0, 0, 0)) != SQLITE_OK)
    lc_fail_db(db, sqlite3_extended_errcode(db), zDb, "nothing imported");
  q.n = 0;
  lc_buf_printf(&q, "INSERT INTO temp.lc_raw(rowid, %s) VALUES (?1", k->zHeader);
  for (i = 0; i < (size_t)k->nCol; i++) lc_buf_printf(&q, ", ?%d", (int)i + 2);
  lc_buf_str(&q, ")");
  memset(&c, 0, sizeof(c));
  c.db = db;
  c.nCol = k->nCol;
  if (sqlite3_prepare_v2(db, q.z, -1, &c.pIns, 0) != SQLITE_OK ||
      sqlite3_exec(db, "BEGIN", 0, 0, 0) != SQLITE_OK)
    lc_fail_db(db, sqlite3_extended_errcode(db), zDb, "nothing imported");
  rc = lc_csv_parse(zText + nHead + (nHead < nText), nText - nHead - (nHead < nText), 2,
                    load_record, &c, &nErr);
  sqlite3_finalize(c.pIns);
  lc_buf_free(&q);
  free(zText);
  if (c.rc) lc_fail_db(db, c.rc, zDb, "nothing imported");
  if (c.nBadLine)
    lc_fail("%s: line %ld: %d fields, expected %d; nothing imported", zFile, c.nBadLine,
            c.nBadFields, k->nCol);
  if (rc == LC_CSV_UNCLOSED)
    lc_fail("%s: line %ld: a quoted field is not closed; nothing imported", zFile, nErr);
  if (rc == LC_CSV_AFTER_QUOTE)
    lc_fail("%s: line %ld: text after a closing quote; nothing imported", zFile, nErr);
  if (rc != LC_CSV_OK) lc_fail("out of memory; nothing imported");
  lc_commit(db, zDb, "nothing imported"); /* temp.lc_raw only */
  lc_change_log(db, zDb, argc, argv); /* issue 14: the script's commit is logged (changelog.c) */
  /* M3 */
  memset(&fr, 0, sizeof(fr));
  fr.sink.p = &fr;
  fr.sink.xRow = first_row_x;
  snprintf(zScript, sizeof(zScript), "import-%s.sql", k->zKind);
  lc_subject = zFile;
  lc_run_script(db, zDb, zScript, 0, 0, &fr.sink, "nothing imported");
  lc_close(db);
  if (fr.zStatus && strcmp(fr.zStatus, "error") == 0)
    lc_fail("%s: %s; nothing imported", zFile, fr.zMsg);
  if (!fr.zStatus || strcmp(fr.zStatus, "ok") != 0)
    lc_fail("%s: import failed; nothing imported", zFile);
  printf("%s: %s\n", zFile, fr.zMsg);
  if (fr.notes.n) fputs(fr.notes.z, stderr);
  lc_buf_free(&fr.notes);
  free(fr.zStatus);
  free(fr.zMsg);
  if (fflush(stdout) != 0) lc_fail("cannot write the output: %s", strerror(errno));
  return LC_EXIT_OK;
}
