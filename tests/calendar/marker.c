/*
** marker.c — calendar.c C9: what the per-statement marker (calendar.h
** LC_CAL_MARKER) relies on, checked against the SQLite that runs the tests,
** so that a SQLite that changes it fails here first. Auxiliary data under a
** negative number is not documented (docs/calendar.md says why the marker is
** kept so); these are the four properties it needs:
**   1. it lasts from one call to the next within a run of a statement, the
**      argument not being constant;
**   2. it is shared by the functions of the statement;
**   3. it is gone after sqlite3_reset(), so a run starts without it;
**   4. another statement does not see it.
** Prints one line per property, "1 yes" … "4 yes".
*/
#include <stdio.h>
#include <string.h>
#define SQLITE_CORE 1
#include "../../ext/calendar.h"

static int nDestroyed;
static void destroyed(void *p) {
  (void)p;
  nDestroyed++;
}

/* mark(x): 1 when the marker was there, 0 when not; then sets it. */
static void mark(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  static int token;
  (void)argc;
  (void)argv;
  sqlite3_result_int(ctx, sqlite3_get_auxdata(ctx, LC_CAL_MARKER) == &token);
  sqlite3_set_auxdata(ctx, LC_CAL_MARKER, &token, destroyed);
}

/* seen(x): 1 when the marker is there, 0 when not. */
static void seen(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_int(ctx, sqlite3_get_auxdata(ctx, LC_CAL_MARKER) != 0);
}

/* The rows of a statement as "a,b,…" (its first column). */
static void run(sqlite3_stmt *p, char *z, size_t n) {
  size_t k = 0;
  z[0] = 0;
  while (sqlite3_step(p) == SQLITE_ROW)
    k += (size_t)snprintf(z + k, n - k, "%s%s", k ? "," : "",
                          (const char *)sqlite3_column_text(p, 0));
}

int main(void) {
  sqlite3 *db;
  sqlite3_stmt *pA, *pB;
  char z1[64], z2[64], zB[64];
  const char *zSql =
      "WITH t(x) AS (VALUES (1), (2), (3)) SELECT mark(x) || seen(x) FROM t";
  if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
      sqlite3_create_function(db, "mark", 1, SQLITE_UTF8, 0, mark, 0, 0) ||
      sqlite3_create_function(db, "seen", 1, SQLITE_UTF8, 0, seen, 0, 0) ||
      sqlite3_prepare_v2(db, zSql, -1, &pA, 0) ||
      sqlite3_prepare_v2(db, "WITH t(x) AS (VALUES (1), (2)) SELECT seen(x) FROM t",
                         -1, &pB, 0)) {
    printf("setup: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  /* run A to its second row, then B in full while A is open */
  if (sqlite3_step(pA) != SQLITE_ROW || sqlite3_step(pA) != SQLITE_ROW) return 1;
  run(pB, zB, sizeof zB);
  sqlite3_reset(pA);
  run(pA, z1, sizeof z1);
  sqlite3_reset(pA);
  run(pA, z2, sizeof z2);
  /* row 1: not there before mark(), there after it, for seen() */
  printf("1 %s\n", strcmp(z1, "01,11,11") == 0 ? "yes" : z1);
  printf("2 %s\n", z1[1] == '1' ? "yes" : z1);
  printf("3 %s\n", strcmp(z2, "01,11,11") == 0 && nDestroyed >= 2 ? "yes" : z2);
  printf("4 %s\n", strcmp(zB, "0,0") == 0 ? "yes" : zB);
  sqlite3_finalize(pA);
  sqlite3_finalize(pB);
  sqlite3_close(db);
  return 0;
}
