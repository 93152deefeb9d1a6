/*
** cli/text.c — text helpers of the command: a growable buffer, UTF-8
** validation and clean-up, display width.
**
** T1. Text that is not valid UTF-8 (overlong forms, surrogates, code points
**     above U+10FFFF, cut sequences) is shown with U+FFFD for each bad byte,
**     never emitted raw (issue 13, L13).
** T2. Escaped control characters (L1, L12): tab \t, newline \n, carriage
**     return \r, other C0 and DEL as \xHH, C1 (U+0080..U+009F) as \u00HH.
** T3. The display width of a character is wcwidth() in the C.UTF-8 locale
**     (Hangul and other wide characters count two). Where wcwidth() does not
**     know a character (no such locale on the machine), the East Asian wide
**     ranges count two and everything else one.
*/
#define _XOPEN_SOURCE 700
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "cli.h"

static void buf_grow(lc_buf *b, size_t n) {
  size_t cap;
  char *z;
  if (b->n + n + 1 <= b->cap) return;
  cap = b->cap ? b->cap : 256;
  while (cap < b->n + n + 1) cap *= 2;
  z = realloc(b->z, cap);
  if (!z) {
    fputs("learnclub: out of memory\n", stderr);
    exit(LC_EXIT_BAD);
  }
  b->z = z;
  b->cap = cap;
}

void lc_buf_add(lc_buf *b, const char *z, size_t n) {
  buf_grow(b, n);
  memcpy(b->z + b->n, z, n);
  b->n += n;
  b->z[b->n] = 0;
}

void lc_buf_str(lc_buf *b, const char *z) { lc_buf_add(b, z, strlen(z)); }

void lc_buf_printf(lc_buf *b, const char *zFmt, ...) {
  va_list ap;
  int n;
  va_start(ap, zFmt);
  n = vsnprintf(0, 0, zFmt, ap);
  va_end(ap);
  if (n < 0) return;
  buf_grow(b, (size_t)n);
  va_start(ap, zFmt);
  vsnprintf(b->z + b->n, (size_t)n + 1, zFmt, ap);
  va_end(ap);
  b->n += (size_t)n;
}

void lc_buf_free(lc_buf *b) {
  free(b->z);
  b->z = 0;
  b->n = b->cap = 0;
}

/* Length of the valid UTF-8 sequence at z[0..n), with its code point in
** *pc; 0 when the bytes there are not one (T1). */
static size_t utf8_seq(const unsigned char *z, size_t n, unsigned *pc) {
  unsigned c = z[0], min;
  size_t len, i;
  if (c < 0x80) {
    *pc = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) len = 2, c &= 0x1F, min = 0x80;
  else if (c >= 0xE0 && c <= 0xEF) len = 3, c &= 0x0F, min = 0x800;
  else if (c >= 0xF0 && c <= 0xF4) len = 4, c &= 0x07, min = 0x10000;
  else return 0;
  if (len > n) return 0;
  for (i = 1; i < len; i++) {
    if ((z[i] & 0xC0) != 0x80) return 0;
    c = (c << 6) | (z[i] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *pc = c;
  return len;
}

int lc_utf8_valid(const unsigned char *z, size_t n) {
  size_t i = 0, k;
  unsigned c;
  while (i < n) {
    if (z[i] < 0x80) {
      i++;
      continue;
    }
    if (!(k = utf8_seq(z + i, n - i, &c))) return 0;
    i += k;
  }
  return 1;
}

void lc_buf_clean(lc_buf *b, const char *zIn, size_t n, int escape) {
  const unsigned char *z = (const unsigned char *)zIn;
  size_t i = 0, start = 0, k;
  unsigned c;
  while (i < n) {
    k = utf8_seq(z + i, n - i, &c);
    if (k && !(escape && (c < 0x20 || (c >= 0x7F && c <= 0x9F)))) {
      i += k;
      continue;
    }
    if (escape == 2 && k && (c == '\n' || c == '\t')) {
      i += k;
      continue;
    }
    lc_buf_add(b, zIn + start, i - start);
    if (!k) {
      lc_buf_add(b, "\xEF\xBF\xBD", 3); /* T1: U+FFFD */
      k = 1;
    } else if (c == '\t') lc_buf_add(b, "\\t", 2);
    else if (c == '\n') lc_buf_add(b, "\\n", 2);
    else if (c == '\r') lc_buf_add(b, "\\r", 2);
    else if (c < 0x80) lc_buf_printf(b, "\\x%02x", c);
    else lc_buf_printf(b, "\\u%04x", c);
    i += k;
    start = i;
  }
  lc_buf_add(b, zIn + start, n - start);
}

/* T3: the wide ranges (Unicode East Asian Width W and F), for a C library
** without a UTF-8 locale. */
static int wide(unsigned c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
}

size_t lc_display_width(const char *zIn, size_t n) {
  const unsigned char *z = (const unsigned char *)zIn;
  size_t i = 0, w = 0, k;
  unsigned c;
  while (i < n) {
    int cw;
    k = utf8_seq(z + i, n - i, &c);
    if (!k) k = 1, c = 0xFFFD;
    cw = wcwidth((wchar_t)c);
    if (cw < 0) cw = wide(c) ? 2 : 1; /* T3 */
    w += (size_t)cw;
    i += k;
  }
  return w;
}

size_t lc_utf8_chars(const char *z, size_t n) {
  size_t i, m = 0;
  for (i = 0; i < n; i++)
    if (((unsigned char)z[i] & 0xC0) != 0x80) m++;
  return m;
}
