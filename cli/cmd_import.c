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
** M4. (issue 14) A kind may have optional columns (the roster's kind, email,
**     phone; issue 15 the scores' panel, judge_emp_no, stage): the header is the required columns, then any of the optional
**     ones, each once, in any order; a column the file lacks is empty text
**     in temp.lc_raw.
** M5. (issue 14) --replace, on import-meetings, import-reports and
**     import-scores only, binds @replace to 1 (else 0): the script makes the
**     file the whole truth for each key it covers. Rows 'removed', TEXT,
**     before or after the 'ok' row, are printed after the summary, one a
**     line: "FILE: removed TEXT".
** M6. (issue 14) Before the script, sql/import-values.sql gives it the
**     shared readers of numbers and amounts (temp.lc_value, temp.lc_parsed).
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli.h"

/* zHeader: the required columns; zOptional: those a file may add (M4);
** bReplace: the kind takes --replace (M5). */
static const struct import_kind {
  const char *zKind, *zHeader, *zOptional;
  int bReplace;
} aKind[] = {
    {"roster", "program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on",
     "kind,email,phone,track,since", 0}, /* issue 15 (B1): track; (A): since */
    {"meetings", "club,held_on,kind,hours,topic,attendees", "program", 1},
    {"reports", "club,kind,period,submitted_at,board_ref,title", "program", 1},
    {"scores", "club,period,judge,criterion,points", "panel,judge_emp_no,stage,program", 1}, /* issue 15 (B1), (A): program */
    /* issue 14 (H2) */
    {"nominations", "club,period,emp_no,note", "program", 0},
    {"places", "club,period,place,note", "program", 0},
    {"expenses", "club,spent_on,kind,amount,note", "program", 0},
    {"overrides", "day,name,is_holiday", 0, 0},
    {"pledges", "pledge,title,goal,completion,bodies,continuing,budgeted,total_budget,status,"
                "indicator,unit,weight,year,target,achieved,achieved_on",
     "kind", 0}, /* issue 15: an indicator's kind */
    {"budget", "plan,pledge,year,source,planned,executed", 0, 0},
    {"calls", "program,opens_on,closes_on,applications,min_teams,max_teams,outcome,reason", 0, 0},
    {"proposals", "program,club,title,field,department,adopted,decided_on", 0, 0},
};

#define LC_IMPORT_MAX_COL 32

/* The number of comma-separated names in z (0 for none). */
static int count_cols(const char *z) {
  int n = 1;
  if (!z || !*z) return 0;
  for (; *z; z++) n += *z == ',';
  return n;
}

/* Index of the column zName[0..n) in the comma list zList, or -1. */
static int col_index(const char *zList, const char *zName, size_t n) {
  int i = 0;
  while (zList && *zList) {
    const char *e = strchr(zList, ',');
    size_t len = e ? (size_t)(e - zList) : strlen(zList);
    if (len == n && memcmp(zList, zName, n) == 0) return i;
    if (!e) break;
    zList = e + 1;
    i++;
  }
  return -1;
}

/* M4: maps the file's header zHead[0..n) to lc_raw's columns (aMap[field]
** = column index), or returns 0 when it is not a header of k. */
static int match_header(const struct import_kind *k, const char *zHead, size_t n, int *aMap,
                        int *pnField) {
  size_t nReq = strlen(k->zHeader);
  int nR = count_cols(k->zHeader), nField = nR, seen = 0;
  if (n < nReq || memcmp(zHead, k->zHeader, nReq) != 0) return 0;
  for (int i = 0; i < nR; i++) aMap[i] = i;
  zHead += nReq, n -= nReq;
  if (n > 0 && !k->zOptional) return 0;
  while (n > 0) {
    const char *e;
    size_t len;
    int j;
    if (*zHead != ',') return 0;
    zHead++, n--;
    e = memchr(zHead, ',', n);
    len = e ? (size_t)(e - zHead) : n;
    j = col_index(k->zOptional, zHead, len);
    if (j < 0 || (seen & (1 << j))) return 0;
    seen |= 1 << j;
    aMap[nField++] = nR + j;
    zHead += len, n -= len;
  }
  *pnField = nField;
  return 1;
}

typedef struct load_ctx {
  sqlite3 *db;
  lc_stmt *pIns;
  sqlite3_stmt *pJson; /* issue 17, M5: remote, a record as a JSON array */
  lc_buf batch;        /* M5: the records not sent yet, a JSON array */
  int nBatch;
  int nCol;      /* the file's fields */
  const int *aMap; /* field -> lc_raw column (M4) */
  int nAll;        /* lc_raw's columns */
  long nBadLine; /* first record with a wrong field count */
  int nBadFields;
  int rc;        /* an SQLite error while inserting */
} load_ctx;

/* M5 (issue 17): on a cluster the records go in batches of about a
** megabyte, each one statement that reads a JSON array of records (the
** record made by the local SQLite's json_array, so its text is exact). */
static int load_flush(load_ctx *c) {
  int rc;
  if (!c->nBatch) return 0;
  lc_buf_str(&c->batch, "]");
  rc = lc_bind_text(c->pIns, 1, c->batch.z, (int)c->batch.n);
  if (rc != SQLITE_OK || lc_step(c->pIns) != SQLITE_DONE) {
    c->rc = lc_errcode(c->db);
    return 1;
  }
  lc_reset(c->pIns);
  c->batch.n = 0;
  c->nBatch = 0;
  return 0;
}

static int load_record(void *p, const lc_csv_record *r) {
  load_ctx *c = p;
  int i;
  if (r->nField != c->nCol) {
    c->nBadLine = r->nLine;
    c->nBadFields = r->nField;
    return 1;
  }
  if (c->pJson) { /* M5 */
    sqlite3_stmt *j = c->pJson;
    int rc = sqlite3_bind_int64(j, 1, r->nLine - 1);
    for (i = 0; rc == SQLITE_OK && i < c->nAll; i++) rc = sqlite3_bind_text(j, i + 2, "", 0, SQLITE_STATIC);
    for (i = 0; rc == SQLITE_OK && i < c->nCol; i++)
      rc = sqlite3_bind_text(j, c->aMap[i] + 2, r->azField[i], (int)r->anField[i], SQLITE_TRANSIENT);
    if (rc != SQLITE_OK || sqlite3_step(j) != SQLITE_ROW) lc_fail("out of memory; nothing imported");
    lc_buf_str(&c->batch, c->nBatch++ ? "," : "[");
    lc_buf_add(&c->batch, (const char *)sqlite3_column_text(j, 0), (size_t)sqlite3_column_bytes(j, 0));
    sqlite3_reset(j);
    return c->batch.n > (1u << 20) ? load_flush(c) : 0;
  }
  int rc = lc_bind_int64(c->pIns, 1, r->nLine - 1); /* M2 */
  for (i = 0; rc == SQLITE_OK && i < c->nAll; i++) /* M4: a column the file lacks */
    rc = lc_bind_text(c->pIns, i + 2, "", 0);
  for (i = 0; rc == SQLITE_OK && i < c->nCol; i++)
    rc = lc_bind_text(c->pIns, c->aMap[i] + 2, r->azField[i], (int)r->anField[i]);
  if (rc != SQLITE_OK || lc_step(c->pIns) != SQLITE_DONE) {
    c->rc = lc_errcode(c->db);
    return 1;
  }
  lc_reset(c->pIns); /* its result is the step's, checked above */
  return 0;
}

typedef struct first_row {
  lc_sink sink;
  char *zStatus, *zMsg;
  lc_buf notes; /* issue 14: 'note' rows, said on stderr after success */
  lc_buf removed; /* M5: "removed" rows, a line each */
} first_row;

static void first_row_x(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  first_row *f = s->p;
  lc_buf a = {0}, b = {0};
  const unsigned char *z0 = sqlite3_column_count(p) > 1 ? sqlite3_column_text(p, 0) : 0;
  (void)iStmt;
  if (z0 && strcmp((const char *)z0, "note") == 0) {
    lc_buf_printf(&f->notes, "learnclub %s: %s: %s\n", lc_cmd, lc_subject,
                  (const char *)sqlite3_column_text(p, 1));
    return;
  }
  if (z0 && strcmp((const char *)z0, "removed") == 0) {
    const unsigned char *z1 = sqlite3_column_text(p, 1);
    lc_buf_str(&f->removed, z1 ? (const char *)z1 : "");
    lc_buf_add(&f->removed, "\n", 1);
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
  lc_param aParam[1] = {{"replace", "0"}};
  int aMap[LC_IMPORT_MAX_COL], nField = 0, nAll, bReplace = 0, j, nArg = 0;
  char **azArg;
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
  /* M5: --replace is a flag (no value); "--" ends the options */
  azArg = malloc(sizeof(char *) * (size_t)(argc + 1));
  if (!azArg) lc_fail("out of memory");
  for (j = 0; j < argc; j++) {
    if (strcmp(argv[j], "--") == 0) {
      for (; j < argc; j++) azArg[nArg++] = argv[j];
      break;
    }
    if (strcmp(argv[j], "--replace") == 0 && k->bReplace) bReplace = 1;
    else azArg[nArg++] = argv[j];
  }
  lc_parse_args(&a, 0, nArg, azArg);
  if (bReplace) aParam[0].zValue = "1";
  nAll = count_cols(k->zHeader) + count_cols(k->zOptional);
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
    if (!match_header(k, zText, nH, aMap, &nField)) {
      lc_buf h = {0};
      const char *zO = k->zOptional;
      lc_buf_str(&h, k->zHeader);
      while (zO && *zO) { /* "...,left_on[,kind][,email][,phone]" (M4) */
        const char *e = strchr(zO, ',');
        size_t len = e ? (size_t)(e - zO) : strlen(zO);
        lc_buf_printf(&h, "[,%.*s]", (int)len, zO);
        zO = e ? e + 1 : zO + len;
      }
      lc_fail("%s: line 1: header must be '%s', not '%.*s'; nothing imported", zFile, h.z,
              (int)nH, zText);
    }
  }
  /* M2: the records into temp.lc_raw (the header names are ours, not the file's) */
  lc_buf_printf(&q, "CREATE TEMP TABLE lc_raw(%s%s%s)", k->zHeader, k->zOptional ? "," : "",
                k->zOptional ? k->zOptional : "");
  if ((rc = lc_exec(db, q.z)) != SQLITE_OK)
    lc_fail_db(db, lc_errcode(db), zDb, "nothing imported");
  memset(&c, 0, sizeof(c));
  q.n = 0;
  if (lc_is_remote(db)) { /* M5 */
    lc_buf_printf(&q, "SELECT json_array(?1");
    for (i = 0; i < (size_t)nAll; i++) lc_buf_printf(&q, ", ?%d", (int)i + 2);
    lc_buf_str(&q, ")");
    if (sqlite3_prepare_v2(db, q.z, -1, &c.pJson, 0) != SQLITE_OK) lc_fail("out of memory; nothing imported");
    q.n = 0;
    lc_buf_printf(&q, "INSERT INTO temp.lc_raw(rowid, %s%s%s) SELECT value ->> 0", k->zHeader,
                  k->zOptional ? "," : "", k->zOptional ? k->zOptional : "");
    for (i = 0; i < (size_t)nAll; i++) lc_buf_printf(&q, ", value ->> %d", (int)i + 1);
    lc_buf_str(&q, " FROM json_each(?1)");
  } else {
    lc_buf_printf(&q, "INSERT INTO temp.lc_raw(rowid, %s%s%s) VALUES (?1", k->zHeader,
                  k->zOptional ? "," : "", k->zOptional ? k->zOptional : "");
    for (i = 0; i < (size_t)nAll; i++) lc_buf_printf(&q, ", ?%d", (int)i + 2);
    lc_buf_str(&q, ")");
  }
  c.db = db;
  c.nCol = nField;
  c.aMap = aMap;
  c.nAll = nAll;
  if (lc_prepare(db, q.z, &c.pIns, 0) != SQLITE_OK || lc_exec(db, "BEGIN") != SQLITE_OK)
    lc_fail_db(db, lc_errcode(db), zDb, "nothing imported");
  rc = lc_csv_parse(zText + nHead + (nHead < nText), nText - nHead - (nHead < nText), 2,
                    load_record, &c, &nErr);
  if (rc == LC_CSV_OK && !c.nBadLine && !c.rc) load_flush(&c);
  lc_finalize(c.pIns);
  sqlite3_finalize(c.pJson);
  lc_buf_free(&c.batch);
  lc_buf_free(&q);
  free(zText);
  if (c.rc) lc_fail_db(db, c.rc, zDb, "nothing imported");
  if (c.nBadLine)
    lc_fail("%s: line %ld: %d fields, expected %d; nothing imported", zFile, c.nBadLine,
            c.nBadFields, nField);
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
  lc_run_script(db, zDb, "import-values.sql", 0, 0, 0, "nothing imported"); /* M6 */
  lc_run_script(db, zDb, zScript, aParam, 1, &fr.sink, "nothing imported");
  lc_close(db);
  if (fr.zStatus && strcmp(fr.zStatus, "error") == 0)
    lc_fail("%s: %s; nothing imported", zFile, fr.zMsg);
  if (!fr.zStatus || strcmp(fr.zStatus, "ok") != 0)
    lc_fail("%s: import failed; nothing imported", zFile);
  printf("%s: %s\n", zFile, fr.zMsg);
  for (i = 0; i < fr.removed.n;) { /* M5 */
    const char *e = memchr(fr.removed.z + i, '\n', fr.removed.n - i);
    size_t len = (size_t)(e - (fr.removed.z + i));
    lc_buf line = {0};
    lc_buf_clean(&line, fr.removed.z + i, len, 1);
    printf("%s: removed %.*s\n", zFile, (int)line.n, line.z ? line.z : "");
    lc_buf_free(&line);
    i += len + 1;
  }
  lc_buf_free(&fr.removed);
  free(azArg);
  if (fr.notes.n) fputs(fr.notes.z, stderr);
  lc_buf_free(&fr.notes);
  free(fr.zStatus);
  free(fr.zMsg);
  if (fflush(stdout) != 0) lc_fail("cannot write the output: %s", strerror(errno));
  return LC_EXIT_OK;
}
