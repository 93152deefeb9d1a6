/*
** noop.c — the floor of the benchmark (bench/README.md): functions that do
** nothing but return a constant, registered with the same names' argument
** counts and the same flags as the learnclub functions they stand for, so
** that `SELECT sum(noop_deadline_ok(p, s)) FROM t` costs exactly what SQLite
** spends per call anyway. Built for the benchmark only, never shipped.
*/
#include <stddef.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1

static void noop_int(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_int(ctx, 1);
}

static void noop_text(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, "2015-04-06", 10, SQLITE_STATIC);
}

typedef struct noop_agg {
  double s;
} noop_agg;

static void noop_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  noop_agg *p = sqlite3_aggregate_context(ctx, sizeof(*p));
  (void)argc;
  if (p) p->s += sqlite3_value_double(argv[0]);
}
static void noop_final(sqlite3_context *ctx) {
  noop_agg *p = sqlite3_aggregate_context(ctx, 0);
  sqlite3_result_double(ctx, p ? p->s : 0);
}

#define READS_DB (SQLITE_UTF8 | SQLITE_INNOCUOUS)
#define PURE (SQLITE_UTF8 | SQLITE_INNOCUOUS | SQLITE_DETERMINISTIC)

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_noop_init(sqlite3 *db, char **pzErr, const sqlite3_api_routines *pApi) {
  static const struct {
    const char *z;
    int n, flags;
    void (*x)(sqlite3_context *, int, sqlite3_value **);
  } a[] = {
      {"noop_deadline_ok", 2, READS_DB, noop_int},
      {"noop_report_due", 1, READS_DB, noop_text},
      {"noop_is_working_day", 1, READS_DB, noop_int},
      {"noop_half_year", 1, PURE, noop_text},
      {"noop_award_tier", 1, PURE, noop_text},
      {"noop_indicator_rate", 2, PURE, noop_int},
  };
  size_t i;
  int rc = SQLITE_OK;
  SQLITE_EXTENSION_INIT2(pApi);
  (void)pzErr;
  for (i = 0; rc == SQLITE_OK && i < sizeof(a) / sizeof(a[0]); i++)
    rc = sqlite3_create_function(db, a[i].z, a[i].n, a[i].flags, 0, a[i].x, 0, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "noop_sum", 1, PURE, 0, 0, noop_step, noop_final);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "noop_sum", 2, PURE, 0, 0, noop_step, noop_final);
  return rc;
}
