/*
** fuzz_csv.c — the import's CSV reader (cli/csv.c, issue 13) on random
** bytes. See fuzz.h for how targets are built; this one needs no database.
** Invariants:
**   - lc_csv_parse never reads past its input; every record has a field or
**     more, its first line within the input's lines, lines increasing;
**   - round trip: the records written back as CSV (every field quoted,
**     quotes doubled) parse to the same records, unless a field holds CR LF
**     (from CR CR LF in the input), which C1 cannot write back;
**   - lc_csv_scan (through a FILE) finds a NUL byte exactly when there is
**     one (and no long line first), and calls the text UTF-8 exactly when
**     lc_utf8_valid does;
**   - lc_csv_decode gives valid UTF-8 or refuses.
*/
#define _POSIX_C_SOURCE 200809L
#include "fuzz.h"
#include "cli.h"

typedef struct recs {
  lc_buf csv;   /* the records written back */
  lc_buf flat;  /* every field, NUL-separated, records '\n'-separated */
  long nLast, nMaxLine;
  int n, bCrLf;
} recs;

static int collect(void *p, const lc_csv_record *r) {
  recs *c = p;
  int i;
  if (r->nField < 1) fz_fail("csv: a record without fields", 0);
  if (r->nLine <= c->nLast || r->nLine > c->nMaxLine) fz_fail("csv: record lines out of order or range", 0);
  c->nLast = r->nLine;
  for (i = 0; i < r->nField; i++) {
    size_t k;
    if (strlen(r->azField[i]) != r->anField[i]) fz_fail("csv: a field's length is wrong", 0);
    if (strstr(r->azField[i], "\r\n")) c->bCrLf = 1;
    lc_buf_add(&c->csv, i ? ",\"" : "\"", i ? 2 : 1);
    for (k = 0; k < r->anField[i]; k++) {
      if (r->azField[i][k] == '"') lc_buf_add(&c->csv, "\"", 1);
      lc_buf_add(&c->csv, r->azField[i] + k, 1);
    }
    lc_buf_add(&c->csv, "\"", 1);
    lc_buf_add(&c->flat, r->azField[i], r->anField[i] + 1);
  }
  lc_buf_add(&c->csv, "\n", 1);
  lc_buf_add(&c->flat, "\n", 1);
  c->n++;
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  recs a, b;
  long nErr = 0, nLines = 1, nScanLine = 0;
  size_t i;
  int rc, bUtf8 = -1, hasNul = 0;
  FILE *f;
  char *zOut = 0;
  size_t nOut = 0;
  for (i = 0; i < size; i++) {
    if (data[i] == '\n') nLines++;
    if (data[i] == 0) hasNul = 1;
  }
  memset(&a, 0, sizeof(a));
  memset(&b, 0, sizeof(b));
  a.nMaxLine = nLines + 1;
  rc = lc_csv_parse((const char *)data, size, 2, collect, &a, &nErr);
  if (rc != LC_CSV_OK && (nErr < 2 || nErr > nLines + 1)) fz_fail("csv: an error's line out of range", 0);
  if (rc == LC_CSV_OK && a.n > 0 && !a.bCrLf) {
    b.nMaxLine = 1L << 30;
    if (lc_csv_parse(a.csv.z, a.csv.n, 2, collect, &b, &nErr) != LC_CSV_OK)
      fz_fail("csv: records written back do not parse", a.csv.z);
    if (a.n != b.n || a.flat.n != b.flat.n || memcmp(a.flat.z, b.flat.z, a.flat.n) != 0)
      fz_fail("csv: records written back parse differently", a.csv.z);
  }
  f = fmemopen((void *)(size ? data : (const uint8_t *)""), size ? size : 1, "rb");
  if (f) {
    if (size == 0) fgetc(f); /* an empty stream */
    rc = lc_csv_scan(f, &bUtf8, &nScanLine);
    fclose(f);
    if (rc == LC_SCAN_OK && (hasNul || bUtf8 != lc_utf8_valid(data, size)))
      fz_fail("csv: the scan missed a NUL or misjudged UTF-8", 0);
    if (rc == LC_SCAN_NUL && !hasNul) fz_fail("csv: the scan saw a NUL that is not there", 0);
  }
  if (lc_csv_decode((const char *)data, size, lc_utf8_valid(data, size), &zOut, &nOut) == 0) {
    if (!lc_utf8_valid((const unsigned char *)zOut, nOut)) fz_fail("csv: decoded text is not UTF-8", 0);
    free(zOut);
  }
  lc_buf_free(&a.csv);
  lc_buf_free(&a.flat);
  lc_buf_free(&b.csv);
  lc_buf_free(&b.flat);
  return 0;
}
