/*
** fuzz.h — what the learnclub fuzz targets share (issue 6; docs/reliability.md).
**
** Each target (tests/fuzz/fuzz_*.c) is a LLVMFuzzerTestOneInput that drives
** the real SQL functions through an in-memory database of the system
** libsqlite3. The extension's sources are compiled into the target with
** -DSQLITE_CORE, so sqlite3_learnclub_init() is called directly (no
** dlopen). The same target files build two ways:
**   - with clang -fsanitize=fuzzer,address,undefined: a libFuzzer binary
**     (make fuzz);
**   - with any cc and tests/fuzz/replay.c as main(): a replay driver that
**     runs the target over files (make test, tests/fuzz/replay.sh).
**
** An input is read as a sequence of values (fz_value): NULL, integers,
** doubles (NaN and infinities included), blobs, raw text (invalid UTF-8 and
** NULs included) and words from a dictionary of meaningful fragments, so
** that both the parsers' edges and their happy paths are reached.
**
** Besides crashes and sanitizer reports, the targets check invariants and
** abort() when one breaks (fz_fail): every error a function raises names
** that function ("FUNC(): ..."), and each target's own cross-checks.
*/
#ifndef LEARNCLUB_FUZZ_H
#define LEARNCLUB_FUZZ_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

int sqlite3_learnclub_init(sqlite3 *db, char **pzErrMsg,
                           const sqlite3_api_routines *pApi);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ---- Failing loudly ------------------------------------------------------ */

static void fz_fail(const char *zWhat, const char *zDetail) {
  fprintf(stderr, "learnclub fuzz invariant broken: %s\n  %s\n", zWhat,
          zDetail ? zDetail : "");
  abort();
}

/* ---- The database -------------------------------------------------------- */

/* One connection for the whole process, with the extension registered. */
static sqlite3 *fz_db(void) {
  static sqlite3 *db;
  char *zErr = 0;
  if (db) return db;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) fz_fail("open", 0);
  if (sqlite3_learnclub_init(db, &zErr, 0) != SQLITE_OK) fz_fail("init", zErr);
  /* Guard against runaway work: no input should need long. */
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 100000);
  return db;
}

static void fz_exec(sqlite3 *db, const char *zSql) {
  char *zErr = 0;
  if (sqlite3_exec(db, zSql, 0, 0, &zErr) != SQLITE_OK) fz_fail(zSql, zErr);
}

static sqlite3_stmt *fz_prepare(sqlite3 *db, const char *zSql) {
  sqlite3_stmt *p = 0;
  if (sqlite3_prepare_v2(db, zSql, -1, &p, 0) != SQLITE_OK)
    fz_fail(zSql, sqlite3_errmsg(db));
  return p;
}

/* ---- Reading an input as values ------------------------------------------ */

typedef struct fz_input {
  const uint8_t *p;
  size_t n;
} fz_input;

static unsigned fz_byte(fz_input *in) {
  unsigned b;
  if (in->n == 0) return 0;
  b = *in->p;
  in->p++;
  in->n--;
  return b;
}

static int fz_more(const fz_input *in) { return in->n > 0; }

/* Meaningful fragments: dates, periods, rules, schemes, numbers. */
static const char *const fz_words[] = {
    "2015-03", "2015-H1", "2015-H2", "2015-12", "2000-01", "2050-12",
    "1999-12", "2051-01", "9999-12", "0001-01", "2015-02-11", "2015-04-06",
    "2015-04-06 23:59", "2015-04-06T23:59:59.5", "2015-06-30T15:00:00Z",
    "2015-04-06 09:00-05:00", "2015.2.11.", "2015. 2. 11.", "2015.02.11",
    "2000-01-01", "2050-12-31", "1999-12-31", "2051-01-01", "2017-10-02",
    "2024-02-29", "2023-02-29", "2015-02-30", "2015-04-06 10:00:00",
    "2016-02-29 10:00", "2015-04-30 23:59", "2015-04-06 24:00", "strict", "day=1", "day=31",
    "day=05", "day=32", "day=", "weekly", " , ", ",", "naju-2025",
    "h1=07-20", "h2=01-20", "h1=02-29", "h2=02-30", "h1=", "h2=7-20", /* R10 */
    "junggu-2015", "최우수:1:500000,우수:2:300000,장려:3:200000",
    "a:1:5", "b:*:1", "c:2:0", ":1:1", "x:0:1", "y:1000000000:1",
    "z:1:1000000000000000", "*", ":", "T", "Z", "+14:00", "-12:00", ".",
    "2025", "2000", "2050", "1e308", "-1", "0", "12", "0.5", "1e-320", "NaN",
};

/* Binds the next value of the input to parameter i of p. */
static void fz_bind(fz_input *in, sqlite3_stmt *p, int i) {
  unsigned tag = fz_byte(in), len, k;
  char buf[256];
  switch (tag % 10) {
  case 0:
    sqlite3_bind_null(p, i);
    break;
  case 1: { /* a small integer */
    sqlite3_bind_int64(p, i, (sqlite3_int64)fz_byte(in) - 64);
    break;
  }
  case 2: { /* any 64-bit integer */
    sqlite3_uint64 v = 0;
    for (k = 0; k < 8; k++) v = (v << 8) | fz_byte(in);
    sqlite3_bind_int64(p, i, (sqlite3_int64)v);
    break;
  }
  case 3: { /* any double, NaN and infinities included */
    sqlite3_uint64 v = 0;
    double d;
    for (k = 0; k < 8; k++) v = (v << 8) | fz_byte(in);
    memcpy(&d, &v, sizeof d);
    sqlite3_bind_double(p, i, d);
    break;
  }
  case 4: { /* a plain number, often fractional */
    static const double aSpecial[] = {0.0, -0.0, 0.5, 1.0, 3.0, 12.0, 100.0,
                                      1e308, 5e-324, 1e15, 2.5, 7.25};
    unsigned b = fz_byte(in);
    if (b < 12 * 8)
      sqlite3_bind_double(p, i, aSpecial[b % 12]);
    else
      sqlite3_bind_double(p, i, (b - 96) / 4.0);
    break;
  }
  case 5: { /* a blob */
    len = fz_byte(in) % 32;
    for (k = 0; k < len; k++) buf[k] = (char)fz_byte(in);
    sqlite3_bind_blob(p, i, buf, (int)len, SQLITE_TRANSIENT);
    break;
  }
  case 6:
  case 7: { /* raw text: any bytes */
    len = fz_byte(in) % 64;
    for (k = 0; k < len; k++) buf[k] = (char)fz_byte(in);
    sqlite3_bind_text(p, i, buf, (int)len, SQLITE_TRANSIENT);
    break;
  }
  default: { /* words, joined by the bytes between them */
    unsigned n = 1 + fz_byte(in) % 3, j;
    size_t used = 0;
    for (j = 0; j < n; j++) {
      const char *w = fz_words[fz_byte(in) % (sizeof fz_words / sizeof *fz_words)];
      size_t wl = strlen(w);
      if (used + wl + 1 >= sizeof buf) break;
      memcpy(buf + used, w, wl);
      used += wl;
      if (j + 1 < n) {
        unsigned sep = fz_byte(in);
        buf[used++] = sep < 128 ? ',' : (char)sep;
      }
    }
    sqlite3_bind_text(p, i, buf, (int)used, SQLITE_TRANSIENT);
    break;
  }
  }
}

/* The next value of the input as a protected sqlite3_value, to bind to
** several statements (sqlite3_bind_value); sqlite3_value_free() it. */
static sqlite3_value *fz_value(fz_input *in) {
  static sqlite3_stmt *p;
  sqlite3_value *v;
  if (!p) p = fz_prepare(fz_db(), "SELECT ?1");
  fz_bind(in, p, 1);
  if (sqlite3_step(p) != SQLITE_ROW) fz_fail("SELECT ?1", 0);
  v = sqlite3_value_dup(sqlite3_column_value(p, 0));
  sqlite3_reset(p);
  sqlite3_clear_bindings(p);
  if (!v) fz_fail("out of memory", 0);
  return v;
}

/* ---- Checking outcomes --------------------------------------------------- */

/* An error must name one of the functions in zFuncs ("a(),b()"): its
** message starts with "NAME(): ". */
static void fz_check_error(sqlite3 *db, const char *zSql, const char *zFuncs) {
  const char *zMsg = sqlite3_errmsg(db), *z = zFuncs;
  char detail[600];
  while (*z) {
    const char *e = strchr(z, ',');
    size_t n = e ? (size_t)(e - z) : strlen(z);
    if (strncmp(zMsg, z, n) == 0 && strncmp(zMsg + n, ": ", 2) == 0) return;
    if (!e) break;
    z = e + 1;
  }
  snprintf(detail, sizeof detail, "%s -> %s", zSql, zMsg);
  fz_fail("an error that does not name the function", detail);
}

/* Steps p to the end. Returns SQLITE_DONE, or SQLITE_ERROR after checking
** the message; calls fn(row, ctx) on each row. The statement is reset. */
static int fz_run(sqlite3_stmt *p, const char *zFuncs,
                  void (*fn)(sqlite3_stmt *, void *), void *ctx) {
  int rc;
  while ((rc = sqlite3_step(p)) == SQLITE_ROW) {
    if (fn) fn(p, ctx);
  }
  if (rc != SQLITE_DONE) {
    if (rc != SQLITE_ERROR) {
      char detail[600];
      snprintf(detail, sizeof detail, "%s -> rc %d %s", sqlite3_sql(p), rc,
               sqlite3_errmsg(sqlite3_db_handle(p)));
      fz_fail("an unexpected result code", detail);
    }
    fz_check_error(sqlite3_db_handle(p), sqlite3_sql(p), zFuncs);
  }
  sqlite3_reset(p);
  return rc;
}

/* A TEXT YYYY-MM-DD with a valid month and day? (Nothing shows a day past
** 9999-12-31: dates.c T12, deadlines.c R5.) */
static int fz_is_date(const unsigned char *z) {
  int y, m, d;
  size_t n = z ? strlen((const char *)z) : 0;
  if (n != 10) return 0;
  if (sscanf((const char *)z, "%4d-%2d-%2d", &y, &m, &d) != 3) return 0;
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

#endif /* LEARNCLUB_FUZZ_H */
