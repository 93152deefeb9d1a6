/*
** fuzz_aggregates.c — learning_hours and pledge_rate fed random sequences,
** as aggregates and as window functions over ROWS BETWEEN n PRECEDING AND
** CURRENT ROW frames, so that xInverse runs. See fuzz.h.
**
** An input is: a byte (n, 0–7, in its low bits; the cap mode in its high
** bit), a cap, then rows of (hours, achieved, target, weight) values and,
** in the second cap mode, each later row's own cap.
** Invariants: errors name the function; a learning_hours value lies in
** [0, cap] (cap 12 when NULL), whatever the input; a pledge_rate value in
** [0, 100], whatever the weights (pledges.c P6: an overflowing sum of
** weights is an error). One cap on every row never raises hours.c H7's
** error; in the aggregate, plain caps that differ never pass without one.
** When every value is a plain number (0 to 10^15), each window's value
** equals the same frame computed from scratch in SQL (a subquery over the
** frame's rows, never SQLite's own sliding window sums, which drift when a
** large value leaves the frame: a reference 815 for a rate of 100 was such a
** drift) — min(cap, total(h))
** and Σ(w·rate)/Σw — within a relative 1e-9: what xInverse removes is what
** xStep added (tests/fuzz/regressions/fuzz_aggregates: a rate of 500 when
** the sums were Neumaier's).
*/
#include "fuzz.h"

typedef struct frame_check {
  int exact; /* every value plain: compare with the recomputation */
  double cap;
} frame_check;

/* Equal within 1e-9, relative to the larger. */
static int close_to(double v, double w) {
  return fabs(v - w) <= 1e-9 * (fabs(w) > 1 ? fabs(w) : 1);
}

static void check_hours(sqlite3_stmt *p, void *ctx) {
  frame_check *f = ctx;
  char d[200];
  int i;
  for (i = 0; i < 2; i++) {
    double v;
    if (sqlite3_column_type(p, i) == SQLITE_NULL) continue;
    v = sqlite3_column_double(p, i);
    if (!(v >= 0 && v <= (i == 0 ? 12.0 : f->cap))) { /* any input: min() */
      snprintf(d, sizeof d, "column %d: %.17g (cap %.17g)", i, v, f->cap);
      fz_fail("learning_hours outside [0, cap]", d);
    }
  }
  if (f->exact) {
    double v = sqlite3_column_double(p, 1), w = sqlite3_column_double(p, 2);
    if ((sqlite3_column_type(p, 1) == SQLITE_NULL) !=
            (sqlite3_column_type(p, 2) == SQLITE_NULL) ||
        !close_to(v, w)) {
      snprintf(d, sizeof d, "window %.17g, recomputed %.17g", v, w);
      fz_fail("learning_hours window differs from the frame recomputed", d);
    }
  }
}

static void check_rate(sqlite3_stmt *p, void *ctx) {
  frame_check *f = ctx;
  char d[200];
  int i;
  for (i = 0; i < 2; i++) {
    double v;
    if (sqlite3_column_type(p, i) == SQLITE_NULL) continue;
    v = sqlite3_column_double(p, i);
    if (!(v >= 0 && v <= 100)) {
      snprintf(d, sizeof d, "column %d: %.17g", i, v);
      fz_fail("pledge_rate outside [0, 100]", d);
    }
  }
  if (f->exact) {
    double v = sqlite3_column_double(p, 1), w = sqlite3_column_double(p, 2);
    if ((sqlite3_column_type(p, 1) == SQLITE_NULL) !=
            (sqlite3_column_type(p, 2) == SQLITE_NULL) ||
        !close_to(v, w)) {
      snprintf(d, sizeof d, "window %.17g, recomputed %.17g", v, w);
      fz_fail("pledge_rate window differs from the frame recomputed", d);
    }
  }
}

/* A plain number: INTEGER or REAL in [0, 1e15]. */
static int plain(sqlite3_value *v) {
  int t = sqlite3_value_type(v);
  double d = sqlite3_value_double(v);
  return (t == SQLITE_INTEGER || t == SQLITE_FLOAT) && d >= 0 && d <= 1e15;
}

/* A plain cap's value, 12 for NULL (hours.c H2); -1 for anything else. */
static double cap_value(sqlite3_value *v) {
  if (sqlite3_value_type(v) == SQLITE_NULL) return 12.0;
  return plain(v) ? sqlite3_value_double(v) : -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static sqlite3_stmt *pIns, *pAgg, *pCap, *apHours[8], *apRate[8];
  sqlite3 *db = fz_db();
  fz_input in = {data, size};
  frame_check f = {1, 12.0};
  unsigned b = fz_byte(&in), n = b % 8, rows = 0;
  int k, ownCaps = b >> 7, capsPlain = 1, capsDiffer = 0, rc;
  if (!pIns) {
    fz_exec(db, "CREATE TABLE seq(i INTEGER PRIMARY KEY, h, a, t, w, cap)");
    pIns = fz_prepare(db, "INSERT INTO seq(h, a, t, w, cap) VALUES (?1, ?2, ?3, ?4, ?5)");
    pAgg = fz_prepare(db, "SELECT learning_hours(h), learning_hours(h, cap),"
                          " pledge_rate(a, t), pledge_rate(a, t, w) FROM seq");
    pCap = fz_prepare(db, "SELECT learning_hours(h, cap) FROM seq");
    for (k = 0; k < 8; k++) {
      char *z = sqlite3_mprintf(
          "SELECT learning_hours(h) OVER win, learning_hours(h, cap) OVER win,"
          " (SELECT CASE WHEN count(s.h) > 0 THEN min(max(s.cap), total(s.h)) END"
          "  FROM seq s WHERE s.i BETWEEN seq.i - %d AND seq.i) FROM seq"
          " WINDOW win AS (ORDER BY i ROWS BETWEEN %d PRECEDING AND CURRENT ROW)",
          k, k);
      apHours[k] = fz_prepare(db, z);
      sqlite3_free(z);
      z = sqlite3_mprintf(
          "SELECT pledge_rate(a, t) OVER win, pledge_rate(a, t, w) OVER win,"
          " (SELECT total(s.w * min(100.0, 100.0 * s.a / s.t)) / total(s.w)"
          "  FROM seq s WHERE s.i BETWEEN seq.i - %d AND seq.i AND s.t > 0) FROM seq"
          " WINDOW win AS (ORDER BY i ROWS BETWEEN %d PRECEDING AND CURRENT ROW)",
          k, k);
      apRate[k] = fz_prepare(db, z);
      sqlite3_free(z);
    }
  }
  fz_exec(db, "DELETE FROM seq");
  /* The cap: the same on every row, or (ownCaps) each row's own (H7). */
  {
    sqlite3_value *cap = fz_value(&in);
    double first = cap_value(cap);
    if (!plain(cap)) f.exact = 0;
    f.cap = plain(cap) ? sqlite3_value_double(cap) : 1e308;
    if (first < 0) capsPlain = 0;
    while (fz_more(&in) && rows < 64) {
      for (k = 1; k <= 4; k++) {
        sqlite3_value *v = fz_value(&in);
        sqlite3_bind_value(pIns, k, v);
        if (!plain(v) || (k == 4 && sqlite3_value_double(v) <= 0)) f.exact = 0;
        sqlite3_value_free(v);
      }
      if (ownCaps && rows > 0) {
        sqlite3_value *own = fz_value(&in);
        double c = cap_value(own);
        if (c < 0) capsPlain = 0;
        if (c != first) capsDiffer = 1;
        sqlite3_bind_value(pIns, 5, own);
        sqlite3_value_free(own);
      } else {
        sqlite3_bind_value(pIns, 5, cap);
      }
      if (sqlite3_step(pIns) != SQLITE_DONE) fz_fail("insert", sqlite3_errmsg(db));
      sqlite3_reset(pIns);
      rows++;
    }
    sqlite3_value_free(cap);
  }
  /* H7: plain caps that differ are always an error; one cap never is. */
  rc = fz_run(pCap, "learning_hours()", 0, 0);
  if (capsPlain && capsDiffer && rc == SQLITE_DONE)
    fz_fail("learning_hours took rows of differing caps", 0);
  if (!ownCaps && rc == SQLITE_ERROR &&
      strncmp(sqlite3_errmsg(db), "learning_hours(): cap ", 22) == 0)
    fz_fail("learning_hours says one cap differs from itself", sqlite3_errmsg(db));
  fz_run(pAgg, "learning_hours(),pledge_rate()", 0, 0);
  fz_run(apHours[n], "learning_hours()", check_hours, &f);
  fz_run(apRate[n], "pledge_rate()", check_rate, &f);
  return 0;
}
