/*
** awards.c — award tiers and prizes by rank: award_tier(), award_prize()
** and the award_table() table-valued function (DOMAIN JG8, NJ5, NJ6, D3).
**
** CONTRACT
**
** A1. A scheme is TEXT: a built-in name, or a spec
**       tier:count:prize,tier:count:prize,…
**     in rank order. count is a positive integer, or * (every remaining
**     rank) in the last tier only; prize is a whole number of KRW (0 allowed).
**     Spaces around a tier are ignored; a tier name is any non-empty text
**     without ':' or ','. At most 32 tiers.
** A2. Built-ins:
**       junggu-2015  최우수:1:500000,우수:2:300000,장려:3:200000   (JG8; the
**                    default, used when the scheme is omitted, NULL or '')
**       naju-2025    최우수:1:1000000,우수:1:700000,참가:*:500000  (NJ6)
**     NJ6 does not say how many excellent (우수) awards the 2025 expedition
**     gave; naju-2025 assumes one, so that with 8 teams evaluated 최우수 1,
**     우수 1 and 참가 6 are paid (a program that gave more writes its own spec).
** A3. award_tier(rank [, scheme]) → the tier's name, or NULL when the rank
**     wins nothing; award_prize(rank [, scheme]) → the prize in KRW as an
**     INTEGER, or NULL.
**       award_tier(1) → '최우수'   award_tier(3) → '우수'
**       award_prize(6) → 200000    award_tier(7) → NULL
**       award_tier(9,'naju-2025') → '참가'
** A4. A rank is a positive integer (an integral REAL such as 3.0 is taken as
**     3). 0, negatives, fractions, text, blobs are errors:
**       "award_tier(): invalid rank 0", "award_tier(): invalid rank '3'".
**     A NULL rank gives NULL. Ties are not decided here (DOMAIN D3): the caller
**     gives tied entries the same rank and decides what a straddled tier
**     means (see sql/ evaluate).
** A5. An unknown built-in name is "award_tier(): unknown scheme 'foo'"; a
**     malformed spec is "award_tier(): invalid scheme 'SPEC': REASON".
** A6. A constant scheme is parsed once per statement (sqlite3_set_auxdata);
**     built-ins are never parsed. A spec read from a column (a program's own
**     scheme, joined in) is parsed row by row, and SQLite frees the copy kept
**     for it after each row: correct, but name a built-in or pass a constant
**     where speed matters.
** A7. award_table([scheme]) — one row per tier: tier, rank_from, rank_to
**     (NULL for *), prize. Without a scheme, the default.
** A8. All pure: DETERMINISTIC and INNOCUOUS.
*/
#include "awards.h"

#include <string.h>

#define LC_MAX_TIERS 32

typedef struct lc_tier {
  const char *zName;
  int nName;
  int count; /* -1 for * */
  sqlite3_int64 prize;
} lc_tier;

typedef struct lc_scheme {
  int nTier;
  lc_tier a[LC_MAX_TIERS];
} lc_scheme;

static const lc_scheme scheme_junggu2015 = {
    3,
    {{"최우수", 9, 1, 500000}, {"우수", 6, 2, 300000}, {"장려", 6, 3, 200000}}};
static const lc_scheme scheme_naju2025 = {
    3,
    {{"최우수", 9, 1, 1000000}, {"우수", 6, 1, 700000}, {"참가", 6, -1, 500000}}};

static const struct {
  const char *zName;
  const lc_scheme *p;
} aBuiltin[] = {
    {"junggu-2015", &scheme_junggu2015},
    {"naju-2025", &scheme_naju2025},
};

/* Parses a spec (A1) whose names point into z. Returns 0, or 1 with a
** reason in *pzWhy (an sqlite3_mprintf string, or NULL when out of memory). */
static int scheme_parse(const char *z, int n, lc_scheme *p, char **pzWhy) {
  int i = 0;
  p->nTier = 0;
  *pzWhy = 0;
  while (i <= n) {
    int s, e, c1 = -1, c2 = -1, k;
    lc_tier *t;
    sqlite3_int64 v;
    while (i < n && z[i] == ' ') i++;
    s = i;
    while (i < n && z[i] != ',') i++;
    e = i;
    while (e > s && z[e - 1] == ' ') e--;
    i++; /* the comma, or one past the end */
    if (p->nTier == LC_MAX_TIERS) {
      *pzWhy = sqlite3_mprintf("more than %d tiers", LC_MAX_TIERS);
      return 1;
    }
    for (k = s; k < e; k++) {
      if (z[k] != ':') continue;
      if (c1 < 0)
        c1 = k;
      else if (c2 < 0)
        c2 = k;
      else
        c2 = e + 1; /* a third colon */
    }
    if (c1 < 0 || c2 < 0 || c2 > e || c1 == s) {
      char *zLit = lc_literal_text(z + s, e - s);
      *pzWhy = zLit ? sqlite3_mprintf("tier %s is not name:count:prize", zLit) : 0;
      sqlite3_free(zLit);
      return 1;
    }
    t = &p->a[p->nTier++];
    t->zName = z + s;
    t->nName = c1 - s;
    /* count */
    if (c2 - c1 == 2 && z[c1 + 1] == '*') {
      t->count = -1;
    } else {
      v = 0;
      for (k = c1 + 1; k < c2 && v <= 1000000000; k++) {
        if (z[k] < '0' || z[k] > '9') break;
        v = v * 10 + (z[k] - '0');
      }
      if (k != c2 || c2 == c1 + 1 || v < 1 || v > 1000000000) {
        char *zLit = lc_literal_text(z + c1 + 1, c2 - c1 - 1);
        *pzWhy = zLit ? sqlite3_mprintf("count %s is not a positive integer "
                                        "or *", zLit)
                      : 0;
        sqlite3_free(zLit);
        return 1;
      }
      t->count = (int)v;
    }
    /* prize */
    v = 0;
    for (k = c2 + 1; k < e && v <= 1000000000000000LL; k++) {
      if (z[k] < '0' || z[k] > '9') break;
      v = v * 10 + (z[k] - '0');
    }
    if (k != e || e == c2 + 1 || v > 1000000000000000LL) {
      char *zLit = lc_literal_text(z + c2 + 1, e - c2 - 1);
      *pzWhy = zLit ? sqlite3_mprintf("prize %s is not a whole number of won",
                                      zLit)
                    : 0;
      sqlite3_free(zLit);
      return 1;
    }
    t->prize = v;
    if (p->nTier > 1 && p->a[p->nTier - 2].count < 0) {
      *pzWhy = sqlite3_mprintf("* is allowed in the last tier only");
      return 1;
    }
  }
  return 0;
}

/* A scheme in one allocation, names copied, for sqlite3_set_auxdata. */
static lc_scheme *scheme_copy(const lc_scheme *p) {
  size_t nByte = sizeof(lc_scheme), off;
  int i;
  lc_scheme *q;
  for (i = 0; i < p->nTier; i++) nByte += (size_t)p->a[i].nName + 1;
  q = sqlite3_malloc64(nByte);
  if (!q) return 0;
  *q = *p;
  off = sizeof(lc_scheme);
  for (i = 0; i < p->nTier; i++) {
    char *zDst = (char *)q + off;
    memcpy(zDst, p->a[i].zName, (size_t)p->a[i].nName);
    zDst[p->a[i].nName] = 0;
    q->a[i].zName = zDst;
    off += (size_t)p->a[i].nName + 1;
  }
  return q;
}

/* Looks a scheme up (A1, A2). Returns the scheme — built-in, or parsed into
** *pTmp with names pointing into z — or NULL with *pzErr set (NULL for out
** of memory). */
static const lc_scheme *scheme_lookup(const char *zFunc, const char *z, int n,
                                      lc_scheme *pTmp, char **pzErr) {
  size_t i;
  char *zWhy = 0, *zLit;
  *pzErr = 0;
  if (n == 0) return &scheme_junggu2015;
  if (!memchr(z, ':', (size_t)n)) {
    for (i = 0; i < sizeof(aBuiltin) / sizeof(aBuiltin[0]); i++) {
      if ((int)strlen(aBuiltin[i].zName) == n &&
          memcmp(aBuiltin[i].zName, z, (size_t)n) == 0)
        return aBuiltin[i].p;
    }
    zLit = lc_literal_text(z, n);
    if (zLit) *pzErr = sqlite3_mprintf("%s(): unknown scheme %s", zFunc, zLit);
    sqlite3_free(zLit);
    return 0;
  }
  if (scheme_parse(z, n, pTmp, &zWhy) == 0) return pTmp;
  zLit = lc_literal_text(z, n);
  if (zLit && zWhy)
    *pzErr = sqlite3_mprintf("%s(): invalid scheme %s: %s", zFunc, zLit, zWhy);
  sqlite3_free(zLit);
  sqlite3_free(zWhy);
  return 0;
}

/* The scheme argument argv[iArg] of a scalar function (A6). */
static const lc_scheme *scheme_arg(sqlite3_context *ctx, int argc,
                                   sqlite3_value **argv, int iArg,
                                   const char *zFunc, lc_scheme *pTmp) {
  const lc_scheme *p;
  const char *z;
  char *zErr = 0;
  if (argc <= iArg || sqlite3_value_type(argv[iArg]) == SQLITE_NULL)
    return &scheme_junggu2015;
  if ((p = sqlite3_get_auxdata(ctx, iArg)) != 0) return p;
  if (sqlite3_value_type(argv[iArg]) != SQLITE_TEXT) {
    lc_error_value(ctx, zFunc, "scheme", argv[iArg]);
    return 0;
  }
  z = (const char *)sqlite3_value_text(argv[iArg]);
  if (!z) {
    sqlite3_result_error_nomem(ctx);
    return 0;
  }
  p = scheme_lookup(zFunc, z, sqlite3_value_bytes(argv[iArg]), pTmp, &zErr);
  if (!p) {
    if (zErr)
      sqlite3_result_error(ctx, zErr, -1);
    else
      sqlite3_result_error_nomem(ctx);
    sqlite3_free(zErr);
    return 0;
  }
  if (p == pTmp) {
    /* Keep a copy for the next rows; when SQLite cannot keep it (the
    ** argument is not constant) it frees it, and the next row parses again. */
    lc_scheme *q = scheme_copy(pTmp);
    if (!q) {
      sqlite3_result_error_nomem(ctx);
      return 0;
    }
    sqlite3_set_auxdata(ctx, iArg, q, sqlite3_free);
  }
  return p;
}

/* The tier of a rank, or -1 when it wins nothing. */
static int tier_of(const lc_scheme *p, sqlite3_int64 rank) {
  sqlite3_int64 from = 1;
  int i;
  for (i = 0; i < p->nTier; i++) {
    if (p->a[i].count < 0 || rank < from + p->a[i].count) return i;
    from += p->a[i].count;
  }
  return -1;
}

/* Reads a rank (A4): 0 with *pRank, 1 for NULL, -1 after the error. */
static int rank_arg(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
                    sqlite3_int64 *pRank) {
  switch (sqlite3_value_type(v)) {
  case SQLITE_NULL:
    return 1;
  case SQLITE_INTEGER:
    *pRank = sqlite3_value_int64(v);
    if (*pRank >= 1) return 0;
    break;
  case SQLITE_FLOAT: {
    double r = sqlite3_value_double(v);
    if (r >= 1 && r <= 9007199254740992.0 && r == (double)(sqlite3_int64)r) {
      *pRank = (sqlite3_int64)r;
      return 0;
    }
    break;
  }
  default:
    break;
  }
  lc_error_value(ctx, zFunc, "rank", v);
  return -1;
}

static void award_func(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                       const char *zFunc, int wantPrize) {
  sqlite3_int64 rank;
  lc_scheme tmp;
  const lc_scheme *p;
  int t;
  if (rank_arg(ctx, argv[0], zFunc, &rank)) return;
  if (!(p = scheme_arg(ctx, argc, argv, 1, zFunc, &tmp))) return;
  t = tier_of(p, rank);
  if (t < 0) return; /* NULL: no award */
  if (wantPrize)
    sqlite3_result_int64(ctx, p->a[t].prize);
  else
    sqlite3_result_text(ctx, p->a[t].zName, p->a[t].nName, SQLITE_TRANSIENT);
}

/* award_tier(rank [, scheme]) — A3 */
static void award_tier_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  award_func(ctx, argc, argv, "award_tier", 0);
}

/* award_prize(rank [, scheme]) — A3 */
static void award_prize_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  award_func(ctx, argc, argv, "award_prize", 1);
}

/* ---- award_table([scheme]) — A7 ----------------------------------------- */

typedef struct at_cursor {
  lc_tvf_cursor base; /* the argument (common.c V4) */
  lc_scheme *pScheme; /* owned copy */
  int iRow;
  sqlite3_int64 rankFrom; /* of the current row */
} at_cursor;

enum { AT_TIER, AT_FROM, AT_TO, AT_PRIZE, AT_SCHEME };

static const char *const azAtArg[] = {"scheme"};
/* The scheme is optional (A7); a scheme has a few tiers. */
static const lc_tvf atTvf = {"award_table", AT_SCHEME, 1, azAtArg, 0u, 3};

static int at_connect(sqlite3 *db, void *pAux, int argc,
                       const char *const *argv, sqlite3_vtab **ppVtab,
                       char **pzErr) {
  (void)argc;
  (void)argv;
  (void)pzErr;
  return lc_vtab_connect(db, pAux, "CREATE TABLE x(tier TEXT, rank_from INTEGER,"
                                    " rank_to INTEGER, prize INTEGER,"
                                    " scheme HIDDEN)", ppVtab);
}

static int at_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur) {
  (void)pVtab;
  return lc_tvf_open(sizeof(at_cursor), ppCur);
}

static int at_close(sqlite3_vtab_cursor *cur) {
  at_cursor *c = (at_cursor *)cur;
  sqlite3_free(c->pScheme);
  lc_tvf_close(&c->base);
  return SQLITE_OK;
}

static int at_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr,
                     int argc, sqlite3_value **argv) {
  at_cursor *c = (at_cursor *)cur;
  const lc_scheme *p = &scheme_junggu2015;
  sqlite3_value *vScheme;
  lc_scheme tmp;
  int rc;
  (void)idxStr;
  sqlite3_free(c->pScheme);
  c->pScheme = 0;
  c->iRow = 0;
  c->rankFrom = 1;
  if ((rc = lc_tvf_filter_args(&c->base, &atTvf, idxNum, argc, argv))) return rc;
  vScheme = c->base.apArg[0];
  if (vScheme && sqlite3_value_type(vScheme) != SQLITE_NULL) {
    /* Issue 6 (fuzz): the type before the text: reading a blob as text
    ** turns it into TEXT, and a blob scheme was then parsed as a spec. */
    const char *z = sqlite3_value_type(vScheme) == SQLITE_TEXT
                        ? (const char *)sqlite3_value_text(vScheme)
                        : 0;
    char *zErr = 0;
    if (!z) {
      char *zLit = lc_literal(vScheme);
      zErr = zLit ? sqlite3_mprintf("award_table(): invalid scheme %s", zLit) : 0;
      sqlite3_free(zLit);
      p = 0;
    } else {
      p = scheme_lookup("award_table", z, sqlite3_value_bytes(vScheme), &tmp,
                        &zErr);
    }
    if (!p) return lc_vtab_error(cur->pVtab, zErr);
  }
  c->pScheme = scheme_copy(p);
  return c->pScheme ? SQLITE_OK : SQLITE_NOMEM;
}

static int at_next(sqlite3_vtab_cursor *cur) {
  at_cursor *c = (at_cursor *)cur;
  const lc_tier *t = &c->pScheme->a[c->iRow];
  if (t->count > 0) c->rankFrom += t->count;
  c->iRow++;
  return SQLITE_OK;
}

static int at_eof(sqlite3_vtab_cursor *cur) {
  at_cursor *c = (at_cursor *)cur;
  return !c->pScheme || c->iRow >= c->pScheme->nTier;
}

static int at_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  at_cursor *c = (at_cursor *)cur;
  const lc_tier *t = &c->pScheme->a[c->iRow];
  switch (i) {
  case AT_TIER:
    sqlite3_result_text(ctx, t->zName, t->nName, SQLITE_TRANSIENT);
    break;
  case AT_FROM:
    sqlite3_result_int64(ctx, c->rankFrom);
    break;
  case AT_TO:
    if (t->count > 0) sqlite3_result_int64(ctx, c->rankFrom + t->count - 1);
    break;
  case AT_PRIZE:
    sqlite3_result_int64(ctx, t->prize);
    break;
  default: /* the argument as given (common.c V4) */
    lc_tvf_column_arg(&c->base, &atTvf, ctx, i);
    break;
  }
  return SQLITE_OK;
}

static int at_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid) {
  *pRowid = ((at_cursor *)cur)->iRow + 1;
  return SQLITE_OK;
}

/* The argument as every table-valued function takes it (common.c V1–V3). */
static int at_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo) {
  return lc_tvf_best_index(pVtab, pInfo, &atTvf);
}

/* Designated initializers: the fields after xRowid (xUpdate …) differ
** between SQLite versions and stay NULL, the table being read-only. */
static const sqlite3_module award_table_module = {
    .iVersion = 0,
    .xCreate = 0, /* eponymous only: no CREATE VIRTUAL TABLE */
    .xConnect = at_connect,
    .xBestIndex = at_best_index,
    .xDisconnect = lc_vtab_disconnect,
    .xOpen = at_open,
    .xClose = at_close,
    .xFilter = at_filter,
    .xNext = at_next,
    .xEof = at_eof,
    .xColumn = at_column,
    .xRowid = at_rowid,
};

/* ---- Registration -------------------------------------------------------- */

int lc_awards_register(sqlite3 *db, char **pzErr) {
  static const lc_function aFunc[] = {
      /* name         nArg flags    scalar (A8: all pure) */
      {"award_tier", 1, LC_PURE, award_tier_func, 0, 0, 0, 0},
      {"award_tier", 2, LC_PURE, award_tier_func, 0, 0, 0, 0},
      {"award_prize", 1, LC_PURE, award_prize_func, 0, 0, 0, 0},
      {"award_prize", 2, LC_PURE, award_prize_func, 0, 0, 0, 0},
  };
  int rc = lc_register_functions(db, aFunc, sizeof(aFunc) / sizeof(aFunc[0]),
                                 0, pzErr);
  if (rc == SQLITE_OK)
    rc = lc_register_module(db, "award_table", &award_table_module, 0, pzErr);
  return rc;
}
