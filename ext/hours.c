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
**     the default 12 (JG9).
** H3. The sum is exact: Shewchuk's partials (common.h lc_sum), so
**     0.1 + 0.2 + … does not drift, and removing rows from a window
**     (xInverse) gives back what adding them put in, whatever the
**     magnitudes (issue 6: Neumaier's compensated sum drifted beyond 16
**     orders of magnitude).
** H4. Hours must be numbers ≥ 0 (text that reads wholly as a number counts);
**     anything else is an error: "learning_hours(): invalid hours -1",
**     "learning_hours(): invalid hours 'two'". A cap must be a number ≥ 0:
**     "learning_hours(): invalid cap -5".
** H7. Every row of a group — of a window's partition — carries the same cap,
**     a NULL cap counting as 12 (H2), rows with NULL hours included: one
**     person's half-year has one cap, and silently picking one of two would
**     give a wrong hours file. A row whose cap differs from an earlier row's
**     is an error that quotes both:
**       learning_hours(h, c) over rows (5, 20), (10, NULL) →
**       "learning_hours(): cap NULL (the default 12) differs from cap 20 of
**        an earlier row"
**       over rows (5, 12), (10, 20) →
**       "learning_hours(): cap 20 differs from cap 12 of an earlier row"
**     A cap is compared as a number: 12, 12.0 and '12' are the same cap.
** H5. A window function too: learning_hours(h) OVER (PARTITION BY person
**     ORDER BY day) gives the running capped total.
** H6. Pure: DETERMINISTIC and INNOCUOUS.
*/
#include "hours.h"

#define LC_DEFAULT_CAP 12.0

typedef struct hours_state {
  lc_sum sum;
  sqlite3_int64 n; /* rows with hours, in the frame */
  double cap;      /* the group's cap (H7), once capSet */
  int capSet;
  int capNull;     /* the group's cap was given as NULL */
} hours_state;

/* A cap as a message shows it: "20", "12.5", "NULL (the default 12)". */
static char *cap_text(double cap, int isNull) {
  if (isNull) return sqlite3_mprintf("NULL (the default %d)", (int)LC_DEFAULT_CAP);
  if (cap < 1e15 && cap == (double)(sqlite3_int64)cap)
    return sqlite3_mprintf("%lld", (sqlite3_int64)cap);
  return sqlite3_mprintf("%!.15g", cap);
}

/* The row's cap against the group's (H7): 0, or -1 after setting
** "learning_hours(): cap X differs from cap Y of an earlier row". */
static int cap_check(sqlite3_context *ctx, hours_state *s, double cap,
                     int isNull) {
  char *zNew, *zOld, *zMsg = 0;
  if (!s->capSet) {
    s->cap = cap;
    s->capNull = isNull;
    s->capSet = 1;
    return 0;
  }
  if (cap == s->cap) return 0;
  zNew = cap_text(cap, isNull);
  zOld = cap_text(s->cap, s->capNull);
  if (zNew && zOld)
    zMsg = sqlite3_mprintf("learning_hours(): cap %s differs from cap %s of an "
                           "earlier row", zNew, zOld);
  if (zMsg)
    sqlite3_result_error(ctx, zMsg, -1);
  else
    sqlite3_result_error_nomem(ctx);
  sqlite3_free(zNew);
  sqlite3_free(zOld);
  sqlite3_free(zMsg);
  return -1;
}

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
    if (rc == 1) cap = LC_DEFAULT_CAP; /* H2 */
    if (cap_check(ctx, s, cap, rc == 1)) return;
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
