/*
** common.c — the common layer: error messages, per-connection state,
** registration, what every table-valued function shares, exact sums.
** Nothing here knows a family of functions (common.h says who uses it).
**
** CONTRACT (rule ids V1–V4: every table-valued function, eponymous virtual
** tables in the manner of SQLite's series.c)
**
** V1. A table-valued function's arguments are hidden columns of its table:
**     f(a, b) is SELECT … FROM f WHERE arg1 = a AND arg2 = b, and a query may
**     name the hidden columns itself. An equality constraint on an argument
**     column gives that argument.
** V2. Every join order gives the same rows. A plan in which an argument has
**     equality constraints but none that SQLite can evaluate yet (the value
**     comes from a table that this join order reaches later) is refused with
**     SQLITE_CONSTRAINT, for required and optional arguments alike, so SQLite
**     takes an order in which the value is known:
**       SELECT count(*) FROM r, report_calendar('2015-03', '2015-03', r.rule)
**     counts what the CROSS JOIN counts, whichever table SQLite puts first.
** V3. "FUNC(): X is required" (or "X and Y are required") only when no plan
**     can supply a required argument: there is no equality constraint on it
**     at all.
** V4. An argument column reads back the argument as given, NULL when it was
**     not given; so the constraints SQLite tests itself — a second equality
**     on the same argument, or another operator — filter the rows as on a
**     table:
**       SELECT * FROM award_table('junggu-2015') WHERE scheme = 'naju-2025'
**     gives no rows.
*/
#include "common.h"

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

void lc_result_error(sqlite3_context *ctx, char *zMsg) {
  if (!zMsg) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_error(ctx, zMsg, -1);
  sqlite3_free(zMsg);
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

/* ---- Per-connection state ------------------------------------------------ */

void *lc_state_new(size_t nByte, void (*xFree)(lc_state *)) {
  lc_state *p = sqlite3_malloc64(nByte);
  if (!p) return 0;
  memset(p, 0, nByte);
  p->nRef = 1;
  p->xFree = xFree;
  return p;
}

lc_state *lc_state_ref(lc_state *p) {
  if (p) p->nRef++;
  return p;
}

void lc_state_unref(void *pArg) {
  lc_state *p = pArg;
  if (p && --p->nRef == 0) p->xFree(p);
}

/* ---- Registration (learnclub.c E5) --------------------------------------- */

int lc_register_functions(sqlite3 *db, const lc_function *a, size_t n,
                          lc_state *pState, char **pzErr) {
  int rc = SQLITE_OK;
  size_t i;
  for (i = 0; rc == SQLITE_OK && i < n; i++) {
    const lc_function *f = &a[i];
    /* The reference the registration holds; SQLite calls the destructor
    ** when the function is replaced, the connection closes, or the
    ** registration fails. */
    lc_state_ref(pState);
    if (f->xFunc) {
      rc = sqlite3_create_function_v2(db, f->zName, f->nArg, f->flags, pState,
                                      f->xFunc, 0, 0,
                                      pState ? lc_state_unref : 0);
    } else {
      rc = sqlite3_create_window_function(db, f->zName, f->nArg, f->flags,
                                          pState, f->xStep, f->xFinal,
                                          f->xValue, f->xInverse,
                                          pState ? lc_state_unref : 0);
    }
    if (rc != SQLITE_OK) {
      *pzErr = sqlite3_mprintf("learnclub: cannot register %s(): %s",
                               f->zName, sqlite3_errmsg(db));
    }
  }
  return rc;
}

int lc_register_module(sqlite3 *db, const char *zName,
                       const sqlite3_module *pModule, lc_state *pState,
                       char **pzErr) {
  int rc;
  lc_state_ref(pState);
  rc = sqlite3_create_module_v2(db, zName, pModule, pState,
                                pState ? lc_state_unref : 0);
  if (rc != SQLITE_OK) {
    *pzErr = sqlite3_mprintf("learnclub: cannot register %s: %s", zName,
                             sqlite3_errmsg(db));
  }
  return rc;
}

/* ---- Table-valued functions (V1–V4) -------------------------------------- */

int lc_vtab_error(sqlite3_vtab *pVtab, char *zMsg) {
  sqlite3_free(pVtab->zErrMsg);
  pVtab->zErrMsg = zMsg;
  return zMsg ? SQLITE_ERROR : SQLITE_NOMEM;
}

int lc_vtab_connect(sqlite3 *db, void *pAux, const char *zSchema,
                    sqlite3_vtab **ppVtab) {
  lc_vtab *p;
  int rc = sqlite3_declare_vtab(db, zSchema);
  if (rc != SQLITE_OK) return rc;
  p = sqlite3_malloc(sizeof(*p));
  if (!p) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  p->db = db;
  p->pState = pAux;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = &p->base;
  return SQLITE_OK;
}

int lc_vtab_disconnect(sqlite3_vtab *pVtab) {
  sqlite3_free(pVtab);
  return SQLITE_OK;
}

int lc_tvf_open(size_t nByte, sqlite3_vtab_cursor **ppCur) {
  sqlite3_vtab_cursor *c = sqlite3_malloc64(nByte);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, nByte);
  *ppCur = c;
  return SQLITE_OK;
}

/* "FUNC(): X is required", "FUNC(): X and Y are required" (V3) */
static char *required_error(const lc_tvf *t, unsigned missing) {
  sqlite3_str *s = sqlite3_str_new(0);
  int i, n = 0;
  sqlite3_str_appendf(s, "%s(): ", t->zFunc);
  for (i = 0; i < t->nArg; i++) {
    if (!(missing & (1u << i))) continue;
    if (n++) sqlite3_str_appendall(s, " and ");
    sqlite3_str_appendall(s, t->azArg[i]);
  }
  sqlite3_str_appendall(s, n > 1 ? " are required" : " is required");
  return sqlite3_str_finish(s);
}

int lc_tvf_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo,
                      const lc_tvf *t) {
  int aUse[LC_TVF_MAX_ARGS], i, n = 0;
  unsigned have = 0, unusable = 0;
  for (i = 0; i < t->nArg; i++) aUse[i] = -1;
  for (i = 0; i < pInfo->nConstraint; i++) {
    const struct sqlite3_index_constraint *k = &pInfo->aConstraint[i];
    int a = k->iColumn - t->iFirst;
    if (a < 0 || a >= t->nArg || k->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!k->usable) {
      unusable |= 1u << a;
    } else if (aUse[a] < 0) { /* the first: any other is tested on the column (V4) */
      aUse[a] = i;
      have |= 1u << a;
    }
  }
  /* V2: an argument whose value this join order does not know yet. */
  if (unusable & ~have) return SQLITE_CONSTRAINT;
  /* V3: a required argument that no plan can supply. */
  if (t->required & ~have) return lc_vtab_error(pVtab, required_error(t, t->required & ~have));
  for (i = 0; i < t->nArg; i++) {
    if (aUse[i] < 0) continue;
    pInfo->aConstraintUsage[aUse[i]].argvIndex = ++n;
    pInfo->aConstraintUsage[aUse[i]].omit = 1;
  }
  pInfo->idxNum = (int)have; /* which arguments xFilter gets, in order */
  pInfo->estimatedCost = t->estimatedRows;
  pInfo->estimatedRows = (sqlite3_int64)t->estimatedRows;
  return SQLITE_OK;
}

static void free_args(lc_tvf_cursor *c) {
  int i;
  for (i = 0; i < LC_TVF_MAX_ARGS; i++) {
    sqlite3_value_free(c->apArg[i]);
    c->apArg[i] = 0;
  }
}

int lc_tvf_filter_args(lc_tvf_cursor *c, const lc_tvf *t, int idxNum,
                       int argc, sqlite3_value **argv) {
  int i, k = 0;
  free_args(c);
  for (i = 0; i < t->nArg; i++) {
    if (!(idxNum & (1 << i)) || k >= argc) continue;
    if (!(c->apArg[i] = sqlite3_value_dup(argv[k++]))) return SQLITE_NOMEM;
  }
  return SQLITE_OK;
}

void lc_tvf_column_arg(const lc_tvf_cursor *c, const lc_tvf *t,
                       sqlite3_context *ctx, int iCol) {
  int a = iCol - t->iFirst;
  if (a >= 0 && a < t->nArg && c->apArg[a]) sqlite3_result_value(ctx, c->apArg[a]);
}

void lc_tvf_close(lc_tvf_cursor *c) {
  free_args(c);
  sqlite3_free(c);
}

/* ---- Exact summation (hours.c H3, pledges.c P4) ------------------------- */

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
