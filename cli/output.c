/*
** cli/output.c — one writer per output format (issue 13).
**
** O1. Every writer collects the whole result and prints it only when the
**     command succeeded (lc_writer_finish): an error never leaves half a
**     result on stdout. A failed write to stdout is an error (H3).
** O2. table: a header line, a line of dashes, the rows; columns two spaces
**     apart, aligned by display width (T3: Korean counts two); a column whose
**     values are all numbers (-?[0-9]+(.[0-9]+)?) is aligned right; trailing
**     spaces cut; control characters escaped (T2, L1). An empty result
**     prints "(no rows)" on stderr and nothing on stdout.
** O3. csv: RFC 4180, always with its header line (L16); a value is quoted
**     (quotes doubled) when it is empty or holds a comma, a quote, a space,
**     a control character or a non-ASCII character, as the sqlite3 shell
**     does; NULL is an empty field; lines end with LF. UTF-8 without a BOM;
**     --bom puts one first, for Excel (issue 16).
** O3a. (issue 16, OWASP "CSV injection") A TEXT value that begins with '=',
**     '+', '-', '@', a tab or a carriage return is written with a leading
**     "'", so that a spreadsheet never runs it as a formula. The SQLite type
**     decides: an INTEGER or REAL is never changed (-5 stays -5); a TEXT
**     "-5" becomes "'-5". Column names are ours and left alone. JSON and the
**     table are not changed: they are not opened by spreadsheets, and JSON's
**     strings are data for programs (docs/workflows.md).
** O4. json: an array of objects, one a line, each made by SQLite's
**     json_object() from the column names and typed values: numbers are
**     numbers, text is never rewritten (L2); "[]" for no rows.
** O5. raw (the report page): the values of each row joined by '|', one row
**     a line, no header.
** O6. (issue 16) xlsx: a workbook (xlsx.c X1-X6). With --output FILE (any
**     format but raw) the result is written to FILE atomically (files.c F1,
**     F4), never over the database or any SQLite database (F3, checked when
**     the writer is made, before the command changes anything), and stdout
**     says "learnclub CMD: wrote FILE".
** Text that is not valid UTF-8 is shown with U+FFFD in every format (T1).
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "cli.h"

typedef enum { W_TABLE, W_CSV, W_JSON, W_RAW, W_XLSX } wkind;

struct lc_writer {
  lc_sink sink;
  wkind kind;
  sqlite3 *db;
  lc_buf out;
  int nRow;
  /* table: the cells, row by row (row 0 the header) */
  int nCol;
  char **azCell;
  size_t nCell, nCellAlloc;
  /* json */
  sqlite3_stmt *pJson;
  int bHeader;
  /* xlsx (O6) */
  lc_xbook *pBook;
};

static void cell_add(lc_writer *w, const char *z, size_t n) {
  lc_buf b = {0};
  if (w->nCell == w->nCellAlloc) {
    size_t nNew = w->nCellAlloc ? w->nCellAlloc * 2 : 64;
    char **a = realloc(w->azCell, nNew * sizeof(char *));
    if (!a) lc_fail("out of memory");
    w->azCell = a;
    w->nCellAlloc = nNew;
  }
  lc_buf_clean(&b, z, n, 1); /* T2 */
  if (!b.z) lc_buf_add(&b, "", 0);
  w->azCell[w->nCell++] = b.z;
}

/* ---- table (O2) ---- */
static void table_begin(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  lc_writer *w = s->p;
  int i;
  if (w->bHeader) return;
  w->bHeader = 1;
  w->nCol = sqlite3_column_count(p);
  for (i = 0; i < w->nCol; i++) {
    const char *z = sqlite3_column_name(p, i);
    cell_add(w, z ? z : "", z ? strlen(z) : 0);
  }
}
static void table_row(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  lc_writer *w = s->p;
  int i;
  for (i = 0; i < w->nCol; i++) {
    const char *z = i < sqlite3_column_count(p) ? (const char *)sqlite3_column_text(p, i) : 0;
    cell_add(w, z ? z : "", z ? (size_t)sqlite3_column_bytes(p, i) : 0);
  }
  w->nRow++;
}
static int is_number(const char *z) {
  const char *s;
  if (*z == '-') z++;
  for (s = z; *z >= '0' && *z <= '9'; z++) {}
  if (z == s) return 0;
  if (*z == '.') {
    for (s = ++z; *z >= '0' && *z <= '9'; z++) {}
    if (z == s) return 0;
  }
  return *z == 0;
}
static void pad(lc_buf *b, size_t n) {
  while (n--) lc_buf_add(b, " ", 1);
}
static void table_finish(lc_writer *w) {
  int nRows = w->nRow + 1, r, i;
  size_t *aW, *aD;
  int *aText;
  if (w->nRow == 0) {
    fputs("(no rows)\n", stderr);
    return;
  }
  aW = calloc((size_t)w->nCol, sizeof(size_t));
  aD = calloc((size_t)w->nCell, sizeof(size_t));
  aText = calloc((size_t)w->nCol, sizeof(int));
  if (!aW || !aD || !aText) lc_fail("out of memory");
  for (r = 0; r < nRows; r++)
    for (i = 0; i < w->nCol; i++) {
      const char *z = w->azCell[r * w->nCol + i];
      size_t d = lc_display_width(z, strlen(z));
      aD[r * w->nCol + i] = d;
      if (d > aW[i]) aW[i] = d;
      if (r > 0 && z[0] && !is_number(z)) aText[i] = 1;
    }
  for (r = 0; r < nRows; r++) {
    size_t start = w->out.n;
    for (i = 0; i < w->nCol; i++) {
      const char *z = w->azCell[r * w->nCol + i];
      size_t gap = aW[i] - aD[r * w->nCol + i];
      if (i > 0) lc_buf_add(&w->out, "  ", 2);
      if (r > 0 && !aText[i]) pad(&w->out, gap);
      lc_buf_str(&w->out, z);
      if (!(r > 0 && !aText[i])) pad(&w->out, gap);
    }
    while (w->out.n > start && w->out.z[w->out.n - 1] == ' ') w->out.n--;
    lc_buf_add(&w->out, "\n", 1);
    if (r == 0) {
      for (i = 0; i < w->nCol; i++) {
        size_t k;
        if (i > 0) lc_buf_add(&w->out, "  ", 2);
        for (k = 0; k < aW[i]; k++) lc_buf_add(&w->out, "-", 1);
      }
      lc_buf_add(&w->out, "\n", 1);
    }
  }
  free(aW);
  free(aD);
  free(aText);
}

/* ---- csv (O3) ---- */
static void csv_value(lc_buf *b, const char *z, size_t n, int bText) {
  lc_buf c = {0};
  size_t i;
  int quote = n == 0;
  if (bText && n > 0 && memchr("=+-@\t\r", z[0], 6)) lc_buf_add(&c, "'", 1); /* O3a */
  lc_buf_clean(&c, z, n, 0); /* T1 */
  for (i = 0; i < c.n && !quote; i++) {
    unsigned char ch = (unsigned char)c.z[i];
    if (ch < 0x20 || ch == ' ' || ch == '"' || ch == '\'' || ch == ',' || ch >= 0x7F) quote = 1;
  }
  if (!quote) {
    lc_buf_add(b, c.z ? c.z : "", c.n);
  } else {
    lc_buf_add(b, "\"", 1);
    for (i = 0; i < c.n; i++) {
      if (c.z[i] == '"') lc_buf_add(b, "\"", 1);
      lc_buf_add(b, c.z + i, 1);
    }
    lc_buf_add(b, "\"", 1);
  }
  lc_buf_free(&c);
}
static void csv_begin(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  lc_writer *w = s->p;
  int i;
  if (w->bHeader) return;
  w->bHeader = 1;
  if (lc_output.bBom) lc_buf_add(&w->out, "\xEF\xBB\xBF", 3); /* O3 */
  w->nCol = sqlite3_column_count(p);
  for (i = 0; i < w->nCol; i++) {
    const char *z = sqlite3_column_name(p, i);
    if (i > 0) lc_buf_add(&w->out, ",", 1);
    csv_value(&w->out, z ? z : "", z ? strlen(z) : 0, 0);
  }
  lc_buf_add(&w->out, "\n", 1);
}
static void csv_row(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  lc_writer *w = s->p;
  int i, n = sqlite3_column_count(p);
  for (i = 0; i < n; i++) {
    const char *z = (const char *)sqlite3_column_text(p, i);
    if (i > 0) lc_buf_add(&w->out, ",", 1);
    if (z)
      csv_value(&w->out, z, (size_t)sqlite3_column_bytes(p, i),
                sqlite3_column_type(p, i) == SQLITE_TEXT);
  }
  lc_buf_add(&w->out, "\n", 1);
  w->nRow++;
}

/* ---- json (O4) ---- */
static void bind_clean_text(lc_writer *w, int i, const char *z, size_t n) {
  lc_buf c = {0};
  lc_buf_clean(&c, z, n, 0);
  if (!c.z) lc_buf_add(&c, "", 0);
  lc_check_rc(w->db, sqlite3_bind_text(w->pJson, i, c.z, (int)c.n, free), "json");
}
static void json_begin(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  lc_writer *w = s->p;
  lc_buf q = {0};
  int i, n = sqlite3_column_count(p), rc;
  sqlite3_finalize(w->pJson);
  w->pJson = 0;
  lc_buf_str(&q, "SELECT json_object(");
  for (i = 0; i < n; i++) lc_buf_printf(&q, "%s?%d, ?%d", i ? ", " : "", 2 * i + 1, 2 * i + 2);
  lc_buf_str(&q, ")");
  rc = sqlite3_prepare_v2(w->db, q.z, -1, &w->pJson, 0);
  lc_buf_free(&q);
  if (rc != SQLITE_OK) lc_fail_db(w->db, rc, "json", 0);
  for (i = 0; i < n; i++) {
    const char *z = sqlite3_column_name(p, i);
    bind_clean_text(w, 2 * i + 1, z ? z : "", z ? strlen(z) : 0);
  }
}
static void json_row(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  lc_writer *w = s->p;
  int i, n = sqlite3_column_count(p), rc;
  for (i = 0; i < n; i++) {
    int j = 2 * i + 2;
    switch (sqlite3_column_type(p, i)) {
      case SQLITE_INTEGER:
        lc_check_rc(w->db, sqlite3_bind_int64(w->pJson, j, sqlite3_column_int64(p, i)), "json");
        break;
      case SQLITE_FLOAT:
        lc_check_rc(w->db, sqlite3_bind_double(w->pJson, j, sqlite3_column_double(p, i)), "json");
        break;
      case SQLITE_NULL: lc_check_rc(w->db, sqlite3_bind_null(w->pJson, j), "json"); break;
      default: {
        const char *z = (const char *)sqlite3_column_text(p, i);
        bind_clean_text(w, j, z ? z : "", z ? (size_t)sqlite3_column_bytes(p, i) : 0);
      }
    }
  }
  rc = sqlite3_step(w->pJson);
  if (rc != SQLITE_ROW) lc_fail_db(w->db, sqlite3_extended_errcode(w->db), "json", 0);
  lc_buf_str(&w->out, w->nRow ? ",\n" : "[");
  lc_buf_add(&w->out, (const char *)sqlite3_column_text(w->pJson, 0),
             (size_t)sqlite3_column_bytes(w->pJson, 0));
  sqlite3_reset(w->pJson); /* its result is the step's, checked above */
  w->nRow++;
}

/* ---- xlsx (O6) ---- */
static void xlsx_begin(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  lc_xbook_begin(((lc_writer *)s->p)->pBook, p);
}
static void xlsx_row(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  lc_writer *w = s->p;
  lc_xbook_row(w->pBook, p);
  w->nRow++;
}

/* ---- raw (O5) ---- */
static void raw_row(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  lc_writer *w = s->p;
  int i, n = sqlite3_column_count(p);
  for (i = 0; i < n; i++) {
    const char *z = (const char *)sqlite3_column_text(p, i);
    if (i > 0) lc_buf_add(&w->out, "|", 1);
    if (z) lc_buf_clean(&w->out, z, (size_t)sqlite3_column_bytes(p, i), 0);
  }
  lc_buf_add(&w->out, "\n", 1);
  w->nRow++;
}

lc_writer *lc_writer_new(const char *zFormat, sqlite3 *db) {
  lc_writer *w = calloc(1, sizeof(*w));
  if (!w) lc_fail("out of memory");
  w->db = db;
  w->sink.p = w;
  if (strcmp(zFormat, "csv") == 0) {
    w->kind = W_CSV, w->sink.xBegin = csv_begin, w->sink.xRow = csv_row;
  } else if (strcmp(zFormat, "json") == 0) {
    w->kind = W_JSON, w->sink.xBegin = json_begin, w->sink.xRow = json_row;
  } else if (strcmp(zFormat, "raw") == 0) {
    w->kind = W_RAW, w->sink.xRow = raw_row;
  } else if (strcmp(zFormat, "xlsx") == 0) {
    w->kind = W_XLSX, w->sink.xBegin = xlsx_begin, w->sink.xRow = xlsx_row;
    w->pBook = lc_xbook_new(lc_cmd ? lc_cmd : "learnclub");
  } else {
    w->kind = W_TABLE, w->sink.xBegin = table_begin, w->sink.xRow = table_row;
  }
  if (w->kind != W_RAW && lc_output.zFile) { /* O6: refused before anything is done */
    lc_check_output_folder(lc_output.zFile);
    lc_check_output(lc_output.zFile, lc_output.zDb ? lc_output.zDb : sqlite3_db_filename(db, "main"), 1);
  }
  return w;
}

void lc_writer_context(lc_writer *w, const char *zContext) {
  if (w->pBook) lc_xbook_context(w->pBook, zContext);
}

void lc_writer_sheet(lc_writer *w, const char *zName) {
  if (w->pBook) lc_xbook_sheet(w->pBook, zName);
}

/* X3: the command line as typed (control characters shown escaped). */
static void command_line(lc_buf *b) {
  int i;
  lc_buf_printf(b, "learnclub %s", lc_cmd ? lc_cmd : "");
  for (i = 0; i < lc_output.argc; i++) {
    lc_buf_str(b, " ");
    lc_buf_clean(b, lc_output.argv[i], strlen(lc_output.argv[i]), 1);
  }
}

/* O6: the result into --output FILE; stdout then says so. */
static void write_output(lc_writer *w) {
  const char *zFile = lc_output.zFile;
  if (w->kind == W_XLSX) {
    lc_buf t = {0}, d = {0}, c = {0};
    command_line(&t);
    lc_buf_clean(&d, lc_output.zDb ? lc_output.zDb : "", lc_output.zDb ? strlen(lc_output.zDb) : 0, 1);
    lc_buf_printf(&c, "as of %s", lc_output.zAsOf ? lc_output.zAsOf : lc_korean_today());
    lc_xbook_write(w->pBook, zFile, t.z, d.z ? d.z : "", c.z);
    lc_buf_free(&t), lc_buf_free(&d), lc_buf_free(&c);
  } else {
    lc_write_file(zFile, w->out.z ? w->out.z : "", w->out.n, 1);
  }
  w->out.n = 0;
  lc_buf_printf(&w->out, "learnclub %s: wrote ", lc_cmd ? lc_cmd : "");
  lc_buf_clean(&w->out, zFile, strlen(zFile), 1);
  lc_buf_str(&w->out, "\n");
}

lc_sink *lc_writer_sink(lc_writer *w) { return &w->sink; }

const lc_buf *lc_writer_finish(lc_writer *w) {
  if (w->kind == W_TABLE) table_finish(w);
  else if (w->kind == W_JSON) lc_buf_str(&w->out, w->nRow ? "]\n" : "[]\n");
  if (w->kind != W_RAW && lc_output.zFile) write_output(w); /* O6 */
  if (!w->out.z) lc_buf_add(&w->out, "", 0);
  return &w->out;
}

void lc_writer_free(lc_writer *w) {
  size_t i;
  if (!w) return;
  for (i = 0; i < w->nCell; i++) free(w->azCell[i]);
  free(w->azCell);
  sqlite3_finalize(w->pJson);
  lc_xbook_free(w->pBook);
  lc_buf_free(&w->out);
  free(w);
}

void lc_write_stdout(const lc_buf *b) {
  if ((b->n && fwrite(b->z, 1, b->n, stdout) != b->n) || fflush(stdout) != 0 || ferror(stdout))
    lc_fail("cannot write the output: %s", strerror(errno)); /* O1 */
}
