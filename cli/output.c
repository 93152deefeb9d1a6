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
**     does; NULL is an empty field; lines end with LF.
** O4. json: an array of objects, one a line, each made by SQLite's
**     json_object() from the column names and typed values: numbers are
**     numbers, text is never rewritten (L2); "[]" for no rows.
** O5. raw (the report page): the values of each row joined by '|', one row
**     a line, no header.
** Text that is not valid UTF-8 is shown with U+FFFD in every format (T1).
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include "cli.h"

typedef enum { W_TABLE, W_CSV, W_JSON, W_RAW } wkind;

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
static void csv_value(lc_buf *b, const char *z, size_t n) {
  lc_buf c = {0};
  size_t i;
  int quote = n == 0;
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
  w->nCol = sqlite3_column_count(p);
  for (i = 0; i < w->nCol; i++) {
    const char *z = sqlite3_column_name(p, i);
    if (i > 0) lc_buf_add(&w->out, ",", 1);
    csv_value(&w->out, z ? z : "", z ? strlen(z) : 0);
  }
  lc_buf_add(&w->out, "\n", 1);
}
static void csv_row(lc_sink *s, sqlite3_stmt *p, int iStmt) {
  lc_writer *w = s->p;
  int i, n = sqlite3_column_count(p);
  for (i = 0; i < n; i++) {
    const char *z = (const char *)sqlite3_column_text(p, i);
    if (i > 0) lc_buf_add(&w->out, ",", 1);
    if (z) csv_value(&w->out, z, (size_t)sqlite3_column_bytes(p, i));
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
  } else {
    w->kind = W_TABLE, w->sink.xBegin = table_begin, w->sink.xRow = table_row;
  }
  return w;
}

lc_sink *lc_writer_sink(lc_writer *w) { return &w->sink; }

const lc_buf *lc_writer_finish(lc_writer *w) {
  if (w->kind == W_TABLE) table_finish(w);
  else if (w->kind == W_JSON) lc_buf_str(&w->out, w->nRow ? "]\n" : "[]\n");
  if (!w->out.z) lc_buf_add(&w->out, "", 0);
  return &w->out;
}

void lc_writer_free(lc_writer *w) {
  size_t i;
  if (!w) return;
  for (i = 0; i < w->nCell; i++) free(w->azCell[i]);
  free(w->azCell);
  sqlite3_finalize(w->pJson);
  lc_buf_free(&w->out);
  free(w);
}

void lc_write_stdout(const lc_buf *b) {
  if ((b->n && fwrite(b->z, 1, b->n, stdout) != b->n) || fflush(stdout) != 0 || ferror(stdout))
    lc_fail("cannot write the output: %s", strerror(errno)); /* O1 */
}
