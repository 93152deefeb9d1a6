/*
** learnclub.c — the entry point of the learnclub SQLite extension.
**
** Build: `make` → dist/learnclub.so. Load: `.load dist/learnclub` in the
** sqlite3 shell (the entry point sqlite3_learnclub_init follows from the file
** name), or load_extension('dist/learnclub') from any host.
**
** CONTRACT
**
** E1. Loading refuses, with the message "learnclub: SQLite 3.31.0 or later
**     is required (this is X)", on an older SQLite.
** E2. learnclub_version() → the extension's version, e.g. '0.1.0'.
** E3. The extension adds exactly the functions and modules of the two
**     tables below, nothing else (tests/api.sql locks the list).
** E4. Flags are chosen per function:
**     - pure functions are SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS: usable in
**       indexes, generated columns, and in views and triggers under
**       PRAGMA trusted_schema=OFF;
**     - functions that consult the calendar (is_working_day, report_due,
**       deadline_ok, report_status) read the holiday_override table of the database
**       (calendar.c), so they are INNOCUOUS but not DETERMINISTIC: the same
**       arguments may give another answer after the table changes;
**     - the table-valued functions are eponymous virtual tables marked
**       SQLITE_VTAB_INNOCUOUS.
**     Nothing touches files or the environment, so nothing is DIRECTONLY.
** E5. Registration stops at the first failure and says which function
**     failed in the error message.
*/
#include "learnclub.h"
SQLITE_EXTENSION_INIT1

#include <math.h>
#include <string.h>

/* ---- Error messages ----------------------------------------------------- */

#define LC_QUOTE_MAX 60 /* bytes of a bad value shown in a message */

/* The length of the valid UTF-8 sequence of 2–4 bytes at z, or 0. */
static int utf8_len(const char *z, int n) {
  const unsigned char *u = (const unsigned char *)z;
  int len, k;
  unsigned int cp;
  if (u[0] < 0xC2 || u[0] > 0xF4) return 0;
  len = u[0] < 0xE0 ? 2 : u[0] < 0xF0 ? 3 : 4;
  if (len > n) return 0;
  cp = u[0] & (0x7F >> len);
  for (k = 1; k < len; k++) {
    if ((u[k] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (u[k] & 0x3F);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  return len;
}

char *lc_literal_text(const char *z, int n) {
  sqlite3_str *s = sqlite3_str_new(0);
  int i, shown = n > LC_QUOTE_MAX ? LC_QUOTE_MAX : n;
  /* Do not cut a UTF-8 sequence in two. */
  while (shown < n && shown > 0 && (((unsigned char)z[shown]) & 0xC0) == 0x80)
    shown--;
  sqlite3_str_appendchar(s, 1, '\'');
  for (i = 0; i < shown; i++) {
    unsigned char c = (unsigned char)z[i];
    int len = utf8_len(z + i, shown - i);
    if (len > 1) {
      sqlite3_str_append(s, z + i, len);
      i += len - 1;
    } else if (c == '\'') {
      sqlite3_str_appendall(s, "''");
    } else if (c < 0x20 || c >= 0x7f) {
      /* NUL, newline, a byte of no valid UTF-8 sequence: made visible */
      sqlite3_str_appendf(s, "\\x%02X", c);
    } else {
      sqlite3_str_appendchar(s, 1, (char)c);
    }
  }
  sqlite3_str_appendchar(s, 1, '\'');
  if (shown < n) sqlite3_str_appendf(s, "... (%d bytes)", n);
  return sqlite3_str_finish(s);
}

char *lc_literal(sqlite3_value *v) {
  switch (sqlite3_value_type(v)) {
  case SQLITE_NULL:
    return sqlite3_mprintf("NULL");
  case SQLITE_INTEGER:
    return sqlite3_mprintf("%lld", sqlite3_value_int64(v));
  case SQLITE_FLOAT: {
    double r = sqlite3_value_double(v);
    if (isinf(r)) return sqlite3_mprintf(r > 0 ? "Inf" : "-Inf");
    return sqlite3_mprintf("%!.15g", r);
  }
  case SQLITE_BLOB: {
    const unsigned char *b = sqlite3_value_blob(v);
    int n = sqlite3_value_bytes(v), i, shown = n > 16 ? 16 : n;
    sqlite3_str *s = sqlite3_str_new(0);
    sqlite3_str_appendall(s, "x'");
    for (i = 0; i < shown; i++) sqlite3_str_appendf(s, "%02X", b[i]);
    sqlite3_str_appendchar(s, 1, '\'');
    if (shown < n) sqlite3_str_appendf(s, "... (%d bytes)", n);
    return sqlite3_str_finish(s);
  }
  default: {
    const char *z = (const char *)sqlite3_value_text(v);
    if (!z) return 0;
    return lc_literal_text(z, sqlite3_value_bytes(v));
  }
  }
}

static void set_error(sqlite3_context *ctx, const char *zFunc,
                      const char *zWhat, char *zLit) {
  char *zMsg;
  if (!zLit) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  zMsg = sqlite3_mprintf("%s(): invalid %s %s", zFunc, zWhat, zLit);
  sqlite3_free(zLit);
  if (!zMsg) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_error(ctx, zMsg, -1);
  sqlite3_free(zMsg);
}

void lc_error_value(sqlite3_context *ctx, const char *zFunc, const char *zWhat,
                    sqlite3_value *pVal) {
  set_error(ctx, zFunc, zWhat, lc_literal(pVal));
}

void lc_error_text(sqlite3_context *ctx, const char *zFunc, const char *zWhat,
                   const char *z, int n) {
  set_error(ctx, zFunc, zWhat, lc_literal_text(z, n));
}

int lc_arg_number(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
                  const char *zWhat, double *pOut) {
  int t = sqlite3_value_numeric_type(v);
  if (t == SQLITE_NULL) return 1;
  if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
    double r = sqlite3_value_double(v);
    if (r >= 0 && !isinf(r)) {
      *pOut = r;
      return 0;
    }
  }
  lc_error_value(ctx, zFunc, zWhat, v);
  return -1;
}

int lc_vtab_error(sqlite3_vtab *pVtab, char *zMsg) {
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zMsg;
  return zMsg ? SQLITE_ERROR : SQLITE_NOMEM;
}

/* ---- Table-valued functions: what every module shares ------------------ */

int lc_vtab_connect(sqlite3 *db, void *pAux, const char *zSchema,
                    sqlite3_vtab **ppVtab) {
  lc_vtab *p;
  int rc = sqlite3_declare_vtab(db, zSchema);
  if (rc != SQLITE_OK) return rc;
  p = sqlite3_malloc(sizeof(*p));
  if (!p) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->db = db;
  p->pConn = pAux;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = &p->base;
  return SQLITE_OK;
}

int lc_vtab_disconnect(sqlite3_vtab *pVtab) {
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

int lc_cursor_open(size_t nByte, sqlite3_vtab_cursor **ppCur) {
  sqlite3_vtab_cursor *c = sqlite3_malloc64(nByte);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, nByte);
  *ppCur = c;
  return SQLITE_OK;
}

/* ---- Exact summation (shared by hours.c and pledges.c) ----------------- */

/* Issue 6 (fuzz_aggregates): Neumaier's compensated sum (s + c) drifted
** when a window's values spanned more than about 16 orders of magnitude:
** c, itself a plain float sum, lost the small values beside the rounding
** residue of a huge one, and once the huge row left the frame
** pledge_rate() gave 500 for a frame of rates of 100. Shewchuk's
** non-overlapping partials (as Python's math.fsum) keep the sum exact
** whatever the magnitudes, so xInverse removes exactly what xStep added,
** and the value is the correctly rounded sum. */
void lc_sum_add(lc_sum *p, double x) {
  int i, j = 0;
  if (isinf(x)) { /* a weight × rate beyond DBL_MAX; removed as -inf */
    p->nInf += x > 0 ? 1 : -1;
    return;
  }
  for (i = 0; i < p->n; i++) {
    double y = p->a[i], hi, lo;
    if (fabs(x) < fabs(y)) {
      double t = x;
      x = y;
      y = t;
    }
    hi = x + y;
    if (isinf(hi)) { /* the sum itself beyond DBL_MAX: kept as infinite */
      p->nInf += hi > 0 ? 1 : -1;
      x = 0;
      continue;
    }
    lo = y - (hi - x);
    if (lo != 0.0) p->a[j++] = lo;
    x = hi;
  }
  /* At most about 40 non-overlapping partials span the doubles. */
  if (j < LC_SUM_PARTIALS)
    p->a[j++] = x;
  else
    p->a[j - 1] += x;
  p->n = j;
}

double lc_sum_value(const lc_sum *p) {
  double hi = 0.0, lo = 0.0;
  int i = p->n;
  if (p->nInf) return p->nInf > 0 ? HUGE_VAL : -HUGE_VAL;
  if (i == 0) return 0.0;
  hi = p->a[--i];
  while (i > 0) {
    double x = hi, y = p->a[--i];
    hi = x + y;
    lo = y - (hi - x);
    if (lo != 0.0) break;
  }
  /* Round half-even across the partials left (math.fsum's last step). */
  if (i > 0 && ((lo < 0 && p->a[i - 1] < 0) || (lo > 0 && p->a[i - 1] > 0))) {
    double y = lo * 2, x = hi + y;
    if (y == x - hi) hi = x;
  }
  return hi;
}

/* ---- learnclub_version() (E2) ------------------------------------------- */

static void version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, LC_VERSION, -1, SQLITE_STATIC);
}

/* ---- Registration ------------------------------------------------------- */

/* Pure: same answer for the same arguments, no side effects (E4). */
#define LC_PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)
/* Reads holiday_override: harmless, but not deterministic (E4). */
#define LC_READS_DB (SQLITE_UTF8 | SQLITE_INNOCUOUS)

static const struct lc_function {
  const char *zName;
  int nArg;
  int flags;
  void (*xFunc)(sqlite3_context *, int, sqlite3_value **);
  void (*xStep)(sqlite3_context *, int, sqlite3_value **);
  void (*xFinal)(sqlite3_context *);
  void (*xValue)(sqlite3_context *);
  void (*xInverse)(sqlite3_context *, int, sqlite3_value **);
} aFunc[] = {
    /* name              nArg flags        scalar */
    {"learnclub_version", 0, LC_PURE, version_func, 0, 0, 0, 0},
    {"half_year", 1, LC_PURE, lc_half_year_func, 0, 0, 0, 0},
    {"period_start", 1, LC_PURE, lc_period_start_func, 0, 0, 0, 0},
    {"period_end", 1, LC_PURE, lc_period_end_func, 0, 0, 0, 0},
    {"kr_date", 1, LC_PURE, lc_kr_date_func, 0, 0, 0, 0},
    {"kr_datetime", 1, LC_PURE, lc_kr_datetime_func, 0, 0, 0, 0},
    {"is_date", 1, LC_PURE, lc_is_date_func, 0, 0, 0, 0},
    {"is_working_day", 1, LC_READS_DB, lc_is_working_day_func, 0, 0, 0, 0},
    {"report_due", 1, LC_READS_DB, lc_report_due_func, 0, 0, 0, 0},
    {"report_due", 2, LC_READS_DB, lc_report_due_func, 0, 0, 0, 0},
    {"deadline_ok", 2, LC_READS_DB, lc_deadline_ok_func, 0, 0, 0, 0},
    {"deadline_ok", 3, LC_READS_DB, lc_deadline_ok_func, 0, 0, 0, 0},
    {"report_status", 3, LC_READS_DB, lc_report_status_func, 0, 0, 0, 0},
    {"report_status", 4, LC_READS_DB, lc_report_status_func, 0, 0, 0, 0},
    {"award_tier", 1, LC_PURE, lc_award_tier_func, 0, 0, 0, 0},
    {"award_tier", 2, LC_PURE, lc_award_tier_func, 0, 0, 0, 0},
    {"award_prize", 1, LC_PURE, lc_award_prize_func, 0, 0, 0, 0},
    {"award_prize", 2, LC_PURE, lc_award_prize_func, 0, 0, 0, 0},
    {"indicator_rate", 2, LC_PURE, lc_indicator_rate_func, 0, 0, 0, 0},
    /* aggregates that are window functions too (xValue, xInverse) */
    {"learning_hours", 1, LC_PURE, 0, lc_hours_step, lc_hours_final,
     lc_hours_value, lc_hours_inverse},
    {"learning_hours", 2, LC_PURE, 0, lc_hours_step, lc_hours_final,
     lc_hours_value, lc_hours_inverse},
    {"pledge_rate", 2, LC_PURE, 0, lc_pledge_step, lc_pledge_final,
     lc_pledge_value, lc_pledge_inverse},
    {"pledge_rate", 3, LC_PURE, 0, lc_pledge_step, lc_pledge_final,
     lc_pledge_value, lc_pledge_inverse},
};

static const struct lc_module {
  const char *zName;
  sqlite3_module *pModule;
} aModule[] = {
    {"holidays", &lc_holidays_module},
    {"report_calendar", &lc_report_calendar_module},
    {"award_table", &lc_award_table_module},
};

static void conn_unref(void *p) {
  lc_conn *pConn = (lc_conn *)p;
  if (--pConn->nRef == 0) {
    lc_cal_free(pConn->pCal);
    sqlite3_free(pConn->apMemo[0]);
    sqlite3_free(pConn->apMemo[1]);
    sqlite3_free(pConn->pFastTables);
    sqlite3_free(pConn);
  }
}

#ifdef _WIN32
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
int sqlite3_learnclub_init(sqlite3 *db, char **pzErrMsg,
                           const sqlite3_api_routines *pApi) {
  int rc = SQLITE_OK;
  size_t i;
  lc_conn *pConn;
  SQLITE_EXTENSION_INIT2(pApi);

  /* E1 */
  if (sqlite3_libversion_number() < LC_MIN_SQLITE) {
    *pzErrMsg = sqlite3_mprintf(
        "learnclub: SQLite " LC_MIN_SQLITE_TEXT
        " or later is required (this is %s)",
        sqlite3_libversion());
    return SQLITE_ERROR;
  }

  pConn = sqlite3_malloc(sizeof(*pConn));
  if (!pConn) {
    /* Issue 6 (OOM driver): without a message SQLite reports only
    ** "error during initialization: ". */
    *pzErrMsg = sqlite3_mprintf("learnclub: out of memory");
    return SQLITE_NOMEM;
  }
  memset(pConn, 0, sizeof(*pConn));
  /* Held by this function until the end, so a failed registration that
  ** calls the destructor cannot free it under us. */
  pConn->nRef = 1;

  for (i = 0; rc == SQLITE_OK && i < sizeof(aFunc) / sizeof(aFunc[0]); i++) {
    const struct lc_function *f = &aFunc[i];
    pConn->nRef++;
    if (f->xFunc) {
      rc = sqlite3_create_function_v2(db, f->zName, f->nArg, f->flags, pConn,
                                      f->xFunc, 0, 0, conn_unref);
    } else {
      rc = sqlite3_create_window_function(db, f->zName, f->nArg, f->flags,
                                          pConn, f->xStep, f->xFinal,
                                          f->xValue, f->xInverse, conn_unref);
    }
    if (rc != SQLITE_OK) {
      *pzErrMsg = sqlite3_mprintf("learnclub: cannot register %s(): %s",
                                  f->zName, sqlite3_errmsg(db));
    }
  }
  for (i = 0; rc == SQLITE_OK && i < sizeof(aModule) / sizeof(aModule[0]);
       i++) {
    pConn->nRef++;
    rc = sqlite3_create_module_v2(db, aModule[i].zName, aModule[i].pModule,
                                  pConn, conn_unref);
    if (rc != SQLITE_OK) {
      *pzErrMsg = sqlite3_mprintf("learnclub: cannot register %s: %s",
                                  aModule[i].zName, sqlite3_errmsg(db));
    }
  }
  conn_unref(pConn);
  return rc;
}
