/*
** hours.c — recognised constant-learning hours (상시학습): the
** learning_hours() aggregate and window function (DOMAIN JG9, D4, KR6).
**
** CONTRACT
**
** H1. learning_hours(hours [, cap]) → the sum of the rows' hours, capped at
**     cap (default 12, JG9: "반기별 최대 12시간"), as REAL. Group by person
**     and half-year to get what General Affairs records (DOMAIN D4):
**       SELECT learning_hours(h) FROM (VALUES (5),(4),(6))      → 12.0
**       SELECT learning_hours(h, 20) FROM (VALUES (5),(4),(6))  → 15.0
** H2. NULL hours are skipped; no rows, or only NULLs → NULL. A NULL cap means
**     the default.
** H3. The sum is exact: Shewchuk's partials (common.h lc_sum), so
**     0.1 + 0.2 + … does not drift, and removing rows from a window
**     (xInverse) gives back what adding them put in, whatever the
**     magnitudes (issue 6: Neumaier's compensated sum drifted beyond 16
**     orders of magnitude).
** H4. Hours must be numbers ≥ 0 (text that reads wholly as a number counts);
**     anything else is an error: "learning_hours(): invalid hours -1",
**     "learning_hours(): invalid hours 'two'". A cap must be a number ≥ 0:
**     "learning_hours(): invalid cap -5". The cap should be the same on every
**     row; the last row's applies.
** H5. A window function too: learning_hours(h) OVER (PARTITION BY person
**     ORDER BY day) gives the running capped total.
** H6. Pure: DETERMINISTIC and INNOCUOUS.
*/
#include "hours.h"

#define LC_DEFAULT_CAP 12.0

typedef struct hours_state {
  lc_sum sum;
  sqlite3_int64 n; /* rows with hours, in the frame */
  double cap;
  int capSet;
} hours_state;

static void hours_add(sqlite3_context *ctx, int argc, sqlite3_value **argv,
                      int sign) {
  hours_state *s = sqlite3_aggregate_context(ctx, sizeof(*s));
  double h, cap;
  int rc;
  if (!s) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (argc > 1) {
    rc = lc_arg_number(ctx, argv[1], "learning_hours", "cap", &cap);
    if (rc < 0) return;
    if (rc == 0) {
      s->cap = cap;
      s->capSet = 1;
    }
  }
  rc = lc_arg_number(ctx, argv[0], "learning_hours", "hours", &h);
  if (rc) return; /* NULL is skipped; an error is already set */
  lc_sum_add(&s->sum, sign * h);
  s->n += sign;
}

static void hours_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  hours_add(ctx, argc, argv, 1);
}

static void hours_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  hours_add(ctx, argc, argv, -1);
}

static void hours_result(sqlite3_context *ctx, hours_state *s) {
  double v, cap;
  if (!s || s->n <= 0) return; /* NULL */
  v = lc_sum_value(&s->sum);
  cap = s->capSet ? s->cap : LC_DEFAULT_CAP;
  if (v < 0) v = 0; /* rounding residue after every row left a window */
  sqlite3_result_double(ctx, v < cap ? v : cap);
}

static void hours_value(sqlite3_context *ctx) {
  hours_result(ctx, sqlite3_aggregate_context(ctx, 0));
}

static void hours_final(sqlite3_context *ctx) {
  hours_result(ctx, sqlite3_aggregate_context(ctx, 0));
}

/* ---- Registration -------------------------------------------------------- */

int lc_hours_register(sqlite3 *db, char **pzErr) {
  static const lc_function aFunc[] = {
      /* an aggregate that is a window function too (H5); pure (H6) */
      {"learning_hours", 1, LC_PURE, 0, hours_step, hours_final, hours_value,
       hours_inverse},
      {"learning_hours", 2, LC_PURE, 0, hours_step, hours_final, hours_value,
       hours_inverse},
  };
  return lc_register_functions(db, aFunc, sizeof(aFunc) / sizeof(aFunc[0]), 0,
                               pzErr);
}
