/*
** cli/csv.c — the CSV reader of the imports (issue 13).
**
** Our own, small, rather than Debian's libcsv: the imports need the line
** where each record starts (for their messages), a hard limit on a line's
** length checked before anything is parsed, and the sqlite3 shell's
** tolerance of a quote inside an unquoted field; libcsv gives none of the
** first two without a wrapper as long as this file, and it would be one
** more package to install. The parser works on a buffer and calls back per
** record, so the fuzz target (tests/fuzz/fuzz_csv.c) drives it directly.
**
** C1. RFC 4180: fields separated by commas, records by line ends (LF or
**     CRLF; a CR just before an LF is dropped everywhere, also in a quoted
**     field). A field that starts with '"' is quoted: it may hold commas
**     and line ends, and '""' stands for one quote. A quote inside an
**     unquoted field is kept as it is.
** C2. A quoted field that reaches the end of the file is refused
**     (LC_CSV_UNCLOSED, at its record's first line); text after a closing
**     quote is refused (LC_CSV_AFTER_QUOTE, at that line).
** C3. Lines with nothing but spaces and tabs at the end of the file are
**     dropped; elsewhere such a line is a record of one field.
** C4. Encoding (lc_csv_decode): UTF-8 with or without a BOM, else CP949
**     (EUC-KR is a part of it) converted by iconv from the C library.
** C5. The first pass (lc_csv_scan) reads the file in blocks and stops at
**     the first NUL byte or at the first line longer than LC_CSV_MAX_LINE
**     (1 MiB) bytes, naming its line (M9).
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

typedef struct rec {
  lc_buf text;       /* the fields, each NUL-terminated */
  size_t *aOff;      /* where each field starts in text */
  size_t nField, nAlloc;
} rec;

static int rec_field_start(rec *r) {
  if (r->nField == r->nAlloc) {
    size_t nNew = r->nAlloc ? r->nAlloc * 2 : 16;
    size_t *a = realloc(r->aOff, nNew * sizeof(size_t));
    if (!a) return -1;
    r->aOff = a;
    r->nAlloc = nNew;
  }
  r->aOff[r->nField++] = r->text.n;
  return 0;
}

static int rec_emit(rec *r, long nLine, lc_csv_fn x, void *pCtx) {
  lc_csv_record R;
  char **az = malloc((r->nField + 1) * sizeof(char *));
  size_t *an = malloc((r->nField + 1) * sizeof(size_t));
  size_t i;
  int rc;
  if (!az || !an) {
    free(az);
    free(an);
    return LC_CSV_NOMEM;
  }
  for (i = 0; i < r->nField; i++) {
    az[i] = r->text.z + r->aOff[i];
    an[i] = strlen(az[i]);
  }
  R.nField = (int)r->nField;
  R.azField = az;
  R.anField = an;
  R.nLine = nLine;
  rc = x(pCtx, &R) ? LC_CSV_STOPPED : LC_CSV_OK;
  free(az);
  free(an);
  return rc;
}

/* C3: a record of one unquoted field of spaces and tabs only. */
static int rec_blank(const rec *r, int bQuoted) {
  const char *z = r->text.z + r->aOff[0];
  if (r->nField != 1 || bQuoted) return 0;
  for (; *z; z++)
    if (*z != ' ' && *z != '\t') return 0;
  return 1;
}

int lc_csv_parse(const char *z, size_t n, long nFirstLine, lc_csv_fn x, void *pCtx,
                 long *pnErrLine) {
  rec r = {{0}, 0, 0, 0};
  rec blank = {{0}, 0, 0, 0}; /* C3: blank lines not yet known to be last */
  long *aBlankLine = 0;
  size_t nBlank = 0, nBlankAlloc = 0, i = 0, k;
  long nLine = nFirstLine;
  int rc = LC_CSV_OK;
  (void)blank;
  while (i < n && rc == LC_CSV_OK) {
    long nStart = nLine;
    int bQuotedAny = 0, bEnd = 0;
    r.text.n = 0;
    r.nField = 0;
    while (!bEnd) { /* one field */
      if (rec_field_start(&r)) { rc = LC_CSV_NOMEM; break; }
      if (i < n && z[i] == '"') { /* C1: quoted */
        bQuotedAny = 1;
        i++;
        for (;;) {
          if (i >= n) { rc = LC_CSV_UNCLOSED; *pnErrLine = nStart; break; } /* C2 */
          if (z[i] == '"') {
            if (i + 1 < n && z[i + 1] == '"') { lc_buf_add(&r.text, "\"", 1); i += 2; continue; }
            i++;
            break;
          }
          if (z[i] == '\r' && i + 1 < n && z[i + 1] == '\n') { i++; continue; }
          if (z[i] == '\n') nLine++;
          lc_buf_add(&r.text, z + i, 1);
          i++;
        }
        if (rc != LC_CSV_OK) break;
        if (i < n && z[i] == '\r' && (i + 1 == n || z[i + 1] == '\n')) i++;
        if (i < n && z[i] != ',' && z[i] != '\n') {
          rc = LC_CSV_AFTER_QUOTE; /* C2 */
          *pnErrLine = nLine;
          break;
        }
      } else { /* unquoted: up to a comma or a line end */
        for (k = i; k < n && z[k] != ',' && z[k] != '\n'; k++) {}
        lc_buf_add(&r.text, z + i, k - i);
        if (k > i && z[k - 1] == '\r' && (k == n || z[k] == '\n')) r.text.n--;
        i = k;
      }
      lc_buf_add(&r.text, "", 0);
      r.text.n++; /* keep the NUL: the fields are one after the other */
      if (i >= n) bEnd = 1;
      else if (z[i] == ',') i++;
      else { i++; nLine++; bEnd = 1; } /* '\n' */
    }
    if (rc != LC_CSV_OK) break;
    if (rec_blank(&r, bQuotedAny)) {
      if (nBlank == nBlankAlloc) {
        size_t nNew = nBlankAlloc ? nBlankAlloc * 2 : 8;
        long *a = realloc(aBlankLine, nNew * sizeof(long));
        if (!a) { rc = LC_CSV_NOMEM; break; }
        aBlankLine = a;
        nBlankAlloc = nNew;
      }
      aBlankLine[nBlank++] = nStart;
      continue;
    }
    if (nBlank) { /* C3: not at the end after all; a blank line's text is not kept */
      rec one = {{0}, 0, 0, 0};
      size_t j;
      for (j = 0; j < nBlank && rc == LC_CSV_OK; j++) {
        one.text.n = 0;
        one.nField = 0;
        if (rec_field_start(&one)) { rc = LC_CSV_NOMEM; break; }
        lc_buf_add(&one.text, "", 0);
        one.text.n++;
        rc = rec_emit(&one, aBlankLine[j], x, pCtx);
      }
      lc_buf_free(&one.text);
      free(one.aOff);
      nBlank = 0;
      if (rc != LC_CSV_OK) break;
    }
    rc = rec_emit(&r, nStart, x, pCtx);
  }
  lc_buf_free(&r.text);
  free(r.aOff);
  free(aBlankLine);
  return rc;
}

int lc_csv_scan(FILE *f, int *pbUtf8, long *pnLine) {
  unsigned char a[65536];
  size_t n, i, nLen = 0;
  long nLine = 1;
  unsigned need = 0, cp = 0, min = 0; /* UTF-8 decoding across blocks */
  int bUtf8 = 1;
  while ((n = fread(a, 1, sizeof(a), f)) > 0) {
    for (i = 0; i < n; i++) {
      unsigned char c = a[i];
      if (c == 0) { *pnLine = nLine; return LC_SCAN_NUL; }
      if (c == '\n') {
        nLine++;
        nLen = 0;
      } else if (++nLen > LC_CSV_MAX_LINE) {
        *pnLine = nLine; /* C5 */
        return LC_SCAN_LONG;
      }
      if (!bUtf8) continue;
      if (need) {
        if ((c & 0xC0) != 0x80) { bUtf8 = 0; continue; }
        cp = (cp << 6) | (c & 0x3F);
        if (--need == 0 && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
          bUtf8 = 0;
      } else if (c >= 0x80) {
        if (c >= 0xC2 && c <= 0xDF) need = 1, cp = c & 0x1F, min = 0x80;
        else if (c >= 0xE0 && c <= 0xEF) need = 2, cp = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4) need = 3, cp = c & 0x07, min = 0x10000;
        else bUtf8 = 0;
      }
    }
  }
  if (ferror(f)) return LC_SCAN_IO;
  if (need) bUtf8 = 0;
  *pbUtf8 = bUtf8;
  *pnLine = nLine;
  return LC_SCAN_OK;
}

int lc_csv_decode(const char *z, size_t n, int bUtf8, char **pzOut, size_t *pnOut) {
  lc_buf b = {0};
  if (bUtf8) { /* C4 */
    if (n >= 3 && memcmp(z, "\xEF\xBB\xBF", 3) == 0) z += 3, n -= 3;
    lc_buf_add(&b, z, n);
  } else {
    iconv_t cd = iconv_open("UTF-8", "CP949");
    char *zIn = (char *)z;
    size_t nIn = n;
    if (cd == (iconv_t)-1) return -1;
    lc_buf_add(&b, "", 0);
    while (nIn > 0) {
      char aOut[16384], *zOut = aOut;
      size_t nOut = sizeof(aOut), r = iconv(cd, &zIn, &nIn, &zOut, &nOut);
      lc_buf_add(&b, aOut, sizeof(aOut) - nOut);
      if (r == (size_t)-1 && errno != E2BIG) {
        iconv_close(cd);
        lc_buf_free(&b);
        return -1;
      }
    }
    iconv_close(cd);
    if (!lc_utf8_valid((const unsigned char *)b.z, b.n)) {
      lc_buf_free(&b);
      return -1;
    }
  }
  if (!b.z) lc_buf_add(&b, "", 0);
  *pzOut = b.z;
  *pnOut = b.n;
  return 0;
}
