/*
** pledges.c — pledge fulfilment: indicator_rate() and the pledge_rate()
** aggregate and window function (DOMAIN NJ8, NJ9, D5).
**
** CONTRACT
**
** P1. indicator_rate(achieved, target) → achieved ÷ target as a
**     percentage, capped at 100 (DOMAIN D5: over-achieving one indicator must not
**     hide another), as REAL; NULL when either is NULL or the target is 0.
**       indicator_rate(4, 5) → 80.0        indicator_rate(2, 3) → 66.666…
**       indicator_rate(7, 5) → 100.0
** P2. Achieved and target are numbers ≥ 0 (text that reads wholly as a
**     number counts); anything else is an error:
**       "indicator_rate(): invalid achieved -1"
**       "indicator_rate(): invalid target 'five'"
** P3. pledge_rate(achieved, target [, weight]) → the mean of the rows'
**     indicator rates (P1), weighted by weight when given, as a REAL
**     percentage computed from the exact ratios and not rounded (NJ8):
**       round(pledge_rate(a, t), 2) over (4,5), (2,3) → 73.33, not 73.34
**     Rows whose rate is NULL are skipped, and so are rows whose weight is
**     NULL; none left → NULL. A weight must be a number > 0:
**       "pledge_rate(): invalid weight 0".
** P4. A window function too (xValue, xInverse), with exact sums
**     (common.h lc_sum) so a moving frame does not drift.
** P5. Pure: DETERMINISTIC and INNOCUOUS.
** P6. A pledge's rate always lies in 0–100, like every rate it averages: a
**     rounding residue of the weighted mean above 100 is cut to 100. The
**     weights of a group (of a window's frame) must sum, times 100, to a
**     finite double (at most about 1.8e306): a weight that takes the sum
**     beyond is an error that quotes it, in the aggregate and in the window
**     (xStep), and the sums stay exact (P4):
**       pledge_rate(1, 1, 1e308) → "pledge_rate(): invalid weight 1.0e+308:
**       the sum of weights overflows"
**
** A level indicator (issue 15, indicator.kind) is rated with the same two
** functions: its rate is indicator_rate(years met, years due); which years
** are met and due is sql/pledge-report.sql's (workflows.md N20), the one
** place that counts them.
*/
#include "pledges.h"

#include <float.h>

/* The rate of one indicator (P1, P2): 0 with *pRate, 1 for NULL, -1 after
** setting the error. */
static int rate_of(sqlite3_context *ctx, sqlite3_value **argv,
                   const char *zFunc, double *pRate) {
  double a, t;
  int rc = lc_arg_number(ctx, argv[0], zFunc, "achieved", &a);
  if (rc < 0) return -1;
  if (rc == 0) {
    rc = lc_arg_number(ctx, argv[1], zFunc, "target", &t);
    if (rc) return rc;
  } else if (lc_arg_number(ctx, argv[1], zFunc, "target", &t) < 0) {
    return -1; /* a bad target is an error even beside a NULL */
  }
  if (rc == 1 || t == 0) return 1;
  *pRate = a >= t ? 100.0 : 100.0 * a / t;
  return 0;
}

/* indicator_rate(achieved, target) — P1, P2 */
static void indicator_rate_func(sqlite3_context *ctx, int argc,
                                sqlite3_value **argv) {
  double r;
  (void)argc;
  if (rate_of(ctx, argv, "indicator_rate", &r) == 0)
    sqlite3_result_double(ctx, r);
}

typedef struct pledge_state {
  lc_sum wr; /* sum of weight × rate */
  lc_sum w;  /* sum of weights */
  sqlite3_int64 n;
} pledge_state;

static void pledge_add(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                       int sign) {
  pledge_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
  double r, w = 1.0;
  int rc;
  if (!s) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (argc > 2) {
    rc = lc_arg_number(ctx, argv[2], "pledge_rate", "weight", &w);
    if (rc < 0) return;
    if (rc == 0 && w <= 0) {
      lc_error_value(ctx, "pledge_rate", "weight", argv[2]);
      return;
    }
    if (rc == 1) {
      /* a NULL weight skips the row, but its other values are still checked */
      rate_of(ctx, argv, "pledge_rate", &r);
      return;
    }
  }
  if (rate_of(ctx, argv, "pledge_rate", &r)) return;
  lc_sum_add(&s->wr, sign * w * r);
  lc_sum_add(&s->w, sign * w);
  s->n += sign;
  /* P6: Σw × 100 bounds Σ(w × rate); a row leaving (xInverse) only lowers
  ** it. Both sums are exact, so the test is of the true sum. */
  if (sign > 0 && argc > 2 && !(lc_sum_value(&s->w) <= DBL_MAX / 100)) {
    char *zLit = lc_literal(argv[2]), *zMsg = 0;
    if (zLit)
      zMsg = sqlite3_mprintf("pledge_rate(): invalid weight %s: the sum of "
                             "weights overflows", zLit);
    if (zMsg)
      sqlite3_result_error(ctx, zMsg, -1);
    else
      sqlite3_result_error_nomem(ctx);
    sqlite3_free(zLit);
    sqlite3_free(zMsg);
  }
}

static void pledge_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  pledge_add(ctx, argc, argv, 1);
}

static void pledge_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  pledge_add(ctx, argc, argv, -1);
}

static void pledge_result(sqlite3_context *ctx, pledge_state *s) {
  double w, r;
  if (!s || s->n <= 0) return; /* NULL */
  w = lc_sum_value(&s->w);
  if (w <= 0) return;
  r = lc_sum_value(&s->wr) / w;
  sqlite3_result_double(ctx, r < 100 ? r : 100); /* P6 */
}

static void pledge_value(sqlite3_context *ctx) {
  pledge_result(ctx, sqlite3_aggregate_context(ctx, 0));
}

static void pledge_final(sqlite3_context *ctx) {
  pledge_result(ctx, sqlite3_aggregate_context(ctx, 0));
}

/* ---- Registration -------------------------------------------------------- */

int lc_pledges_register(sqlite3 *db, char **pzErr) {
  static const lc_function aFunc[] = {
      /* P5: pure; pledge_rate is a window function too (P4) */
      {"indicator_rate", 2, LC_PURE, indicator_rate_func, 0, 0, 0, 0},
      {"pledge_rate", 2, LC_PURE, 0, pledge_step, pledge_final, pledge_value,
       pledge_inverse},
      {"pledge_rate", 3, LC_PURE, 0, pledge_step, pledge_final, pledge_value,
       pledge_inverse},
  };
  return lc_register_functions(db, aFunc, sizeof(aFunc) / sizeof(aFunc[0]), 0,
                               pzErr);
}
