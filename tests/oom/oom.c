/*
** oom.c — the out-of-memory driver of the learnclub extension (issue 6).
**
** Usage: oom EXTENSION [-v] [-c NAME]
**   EXTENSION  the .so path, with or without .so
**   -v         print every failure point and its outcome on stderr
**   -c NAME    run only the cases whose name contains NAME
**
** It links the system libsqlite3 and installs, with
** sqlite3_config(SQLITE_CONFIG_MALLOC), an allocator that wraps the default
** one, counts allocations, and can fail the Nth one. Then, for each case of
** aCase[] below (a representative statement for every function and
** table-valued function, and the loading of the extension itself):
**
**   1. it runs the statement on a fresh connection without failures and
**      checks the answer (the expected text below);
**   2. for N = 1, 2, … it opens a fresh connection, loads the extension and
**      runs the case's setup (no failures), then fails the Nth allocation
**      made while the statement runs (prepare, every step, finalize). Each
**      run must end in SQLITE_NOMEM, or with the case's own expected error
**      message, or — when SQLite absorbed the failure — with the right
**      answer. Then, on the same connection and without failures, the
**      statement must give the right answer again (no state left half
**      built). Then the connection is closed, and the bytes SQLite has
**      allocated must be back to what they were before it was opened (no
**      leak; ASan's LeakSanitizer checks too under make check-asan);
**   3. it stops at the first N that is never reached: the statement made
**      N − 1 allocations, all of them failed once.
**
** Output: one line per case, "PASS<TAB>tests/oom/oom.c<TAB>CASE (N points)"
** or "FAIL<TAB>tests/oom/oom.c<TAB>CASE<TAB>EXPECTED<TAB>GOT" (the runner's
** protocol, see tests/run), then "oom: C cases, P allocation failure points"
** on stderr. With -v, each failure point on stderr too. Exit 1 on a failure.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FILE_NAME "tests/oom/oom.c"

/* ---- The failing allocator ----------------------------------------------- */

static sqlite3_mem_methods orig; /* the default allocator */
static int armed;                /* counting and failing */
static long nCount;              /* allocations since armed */
static long failAt;              /* fail this one (1-based); 0: never */
static int fired;                /* the failure happened */

static int should_fail(void) {
  if (!armed) return 0;
  if (++nCount == failAt) {
    fired = 1;
    return 1;
  }
  return 0;
}

static void *oom_malloc(int n) { return should_fail() ? 0 : orig.xMalloc(n); }
static void *oom_realloc(void *p, int n) {
  return should_fail() ? 0 : orig.xRealloc(p, n);
}
static void oom_free(void *p) { orig.xFree(p); }
static int oom_size(void *p) { return orig.xSize(p); }
static int oom_roundup(int n) { return orig.xRoundup(n); }
static int oom_init(void *p) { return orig.xInit(p); }
static void oom_shutdown(void *p) { orig.xShutdown(p); }

static void arm(long n) {
  nCount = 0;
  failAt = n;
  fired = 0;
  armed = 1;
}
static void disarm(void) { armed = 0; }

/* ---- The cases ------------------------------------------------------------ */

/* A holiday_override table with a holiday and a working Saturday. */
#define OVERRIDE                                                               \
  "CREATE TABLE holiday_override(day TEXT PRIMARY KEY, name TEXT,"             \
  " is_holiday INTEGER NOT NULL);"                                             \
  "INSERT INTO holiday_override VALUES ('2027-06-03', '임시공휴일', 1),"       \
  " ('2015-03-07', '토요 근무', 0), ('2015-04-06', '구청 휴무', 1);"

static const struct oom_case {
  const char *zName;
  const char *zSetup; /* run before arming; may be NULL */
  const char *zSql;   /* "LOAD" loads the extension under failures */
  const char *zWant;  /* rows joined by '\n', columns by '|' */
  int isError;        /* zWant is the statement's error message */
} aCase[] = {
    {"load the extension", 0, "LOAD", "", 0},
    {"half_year", 0,
     "SELECT half_year('2015-06-30T15:00:00Z'), half_year('2015. 2. 11.')",
     "2015-H2|2015-H1", 0},
    {"half_year error", 0, "SELECT half_year('2015-02-30')",
     "half_year(): invalid date '2015-02-30'", 1},
    {"period_start, period_end, kr_date, kr_datetime, is_date", 0,
     "SELECT period_start('2015-H2'), period_end('2016-02'),"
     " kr_date('2015-04-06T15:00:00Z'), kr_datetime('2015-04-06T14:59z'),"
     " is_date('2015. 2. 11.'), is_date('2015-02-30')",
     "2015-07-01|2016-02-29|2015-04-07|2015-04-06 23:59:00|1|0", 0},
    {"kr_datetime error", 0, "SELECT kr_datetime('9999-12-31T20:00:00Z')",
     "kr_datetime(): invalid date '9999-12-31T20:00:00Z'", 1},
    {"period_end error", 0, "SELECT period_end('2015-13')",
     "period_end(): invalid period '2015-13'", 1},
    {"is_working_day", 0,
     "SELECT is_working_day('2017-10-02'), is_working_day('2023-05-29'),"
     " is_working_day('2015-03-09')",
     "0|0|1", 0},
    {"is_working_day with holiday_override", OVERRIDE,
     "SELECT is_working_day('2027-06-03'), is_working_day('2015-03-07'),"
     " is_working_day('2027-06-04')",
     "0|1|1", 0},
    {"is_working_day with a bad override row",
     "CREATE TABLE holiday_override(day TEXT PRIMARY KEY, name TEXT,"
     " is_holiday INTEGER NOT NULL);"
     "INSERT INTO holiday_override VALUES ('2025-13-01', 'x', 1);",
     "SELECT is_working_day('2025-05-05')",
     "is_working_day(): holiday_override: invalid day '2025-13-01'", 1},
    {"is_working_day with a bad is_holiday",
     "CREATE TABLE holiday_override(day TEXT PRIMARY KEY, name TEXT,"
     " is_holiday INTEGER NOT NULL);"
     "INSERT INTO holiday_override VALUES ('2026-07-17', 'x', 2);",
     "SELECT is_working_day('2025-05-05')",
     "is_working_day(): holiday_override: invalid is_holiday 2 for day "
     "'2026-07-17'",
     1},
    {"is_working_day with a day twice",
     "CREATE TABLE holiday_override(day TEXT PRIMARY KEY, name TEXT,"
     " is_holiday INTEGER NOT NULL);"
     "INSERT INTO holiday_override VALUES ('2026-07-17', 'x', 1),"
     " ('2026.7.17.', 'y', 0);",
     "SELECT is_working_day('2025-05-05')",
     "is_working_day(): holiday_override: day '2026-07-17' appears twice", 1},
    {"is_working_day outside the calendar", 0,
     "SELECT is_working_day('1999-12-31')",
     "is_working_day(): date '1999-12-31' is outside the calendar "
     "(2000-01-01 to 2050-12-31)",
     1},
    {"report_due with rules", 0,
     "SELECT report_due('2015-03'), report_due('2015-03', 'strict'),"
     " report_due('2017-09'), report_due('2015-H1'),"
     " report_due('2015-02', 'day=31, strict')",
     "2015-04-06|2015-04-05|2017-10-10|2015-07-31|2015-03-31", 0},
    {"report_due, a constant rule over rows", 0,
     "SELECT group_concat(report_due(column1, 'day=10'), ',')"
     " FROM (VALUES ('2015-01'), ('2015-02'), ('2015-03'), ('2015-04'))",
     "2015-02-10,2015-03-10,2015-04-10,2015-05-11", 0},
    {"report_due with holiday_override", OVERRIDE,
     "SELECT report_due('2015-03'), report_due('2015-03', 'strict')",
     "2015-04-07|2015-04-05", 0},
    {"report_due rule error", 0, "SELECT report_due('2015-03', 'weekly')",
     "report_due(): unknown rule setting 'weekly'", 1},
    {"deadline_ok", 0,
     "SELECT deadline_ok('2015-03', '2015-04-06 23:59'),"
     " deadline_ok('2015-03', '2015-04-07 00:00'),"
     " deadline_ok('2015-03', '2015-04-05T15:00:00Z', 'strict')",
     "1|0|0", 0},
    {"report_status", 0,
     "SELECT report_status('2015-03', '2015-04-06 23:59', '2015-12-31'),"
     " report_status('2015-03', '2015-04-08', '2015-12-31'),"
     " report_status('2015-03', NULL, '2015-04-07'),"
     " report_status('2015-03', NULL, '2015-04-06'),"
     " report_status('2015-03', '2015-04-09', '2015-04-08', 'day=5')",
     "on_time|late|missing|pending|missing", 0},
    {"report_status with holiday_override", OVERRIDE,
     "SELECT report_status('2015-03', '2015-04-07', '2015-12-31')",
     "on_time", 0},
    {"report_status error", 0,
     "SELECT report_status('2015-03', NULL, '2015-12-31', 'weekly')",
     "report_status(): unknown rule setting 'weekly'", 1},
    {"report_due past 9999-12-31", 0, "SELECT report_due('9999-12', 'strict')",
     "report_due(): the due date of period '9999-12' is after 9999-12-31", 1},
    {"report_calendar", 0,
     "SELECT count(*), group_concat(period || ' ' || kind || ' ' || due, ',')"
     " FROM report_calendar('2015-05', '2015-06')",
     "3|2015-05 monthly 2015-06-05,2015-06 monthly 2015-07-06,"
     "2015-H1 research 2015-07-31",
     0},
    {"report_calendar with a rule and holiday_override", OVERRIDE,
     "SELECT * FROM report_calendar('2015-03', '2015-04', 'day=6')",
     "2015-03|monthly|2015-04-07\n2015-04|monthly|2015-05-06", 0},
    {"report_calendar error", 0,
     "SELECT * FROM report_calendar('2015-03', '2015-13')",
     "report_calendar(): invalid to_period '2015-13'", 1},
    {"holidays", 0, "SELECT * FROM holidays('2017-09-30', '2017-10-09')",
     "2017-10-02|임시공휴일|temporary\n2017-10-03|개천절|fixed\n"
     "2017-10-03|추석 전날|lunar\n2017-10-04|추석|lunar\n"
     "2017-10-05|추석 다음날|lunar\n2017-10-06|대체공휴일(추석)|substitute\n"
     "2017-10-09|한글날|fixed",
     0},
    {"holidays of a year with holiday_override", OVERRIDE,
     "SELECT count(*), sum(kind = 'local') FROM holidays(2027)", "25|1", 0},
    {"holidays error", 0, "SELECT * FROM holidays(1999)",
     "holidays(): year 1999 is outside the calendar (2000 to 2050)", 1},
    {"award_tier and award_prize", 0,
     "SELECT award_tier(3), award_prize(6), award_tier(7),"
     " award_tier(9, 'naju-2025')",
     "우수|200000|NULL|참가", 0},
    {"award_tier and award_prize with a spec over rows", 0,
     "SELECT group_concat(coalesce(award_tier(column1, '금:1:30,은:2:20,동:*:10'),"
     " '-') || award_prize(column1, '금:1:30,은:2:20,동:*:10'), ',')"
     " FROM (VALUES (1), (2), (3), (4))",
     "금30,은20,은20,동10", 0},
    {"award_prize with a spec", 0,
     "SELECT award_prize(1, '최우수:1:10000000,우수:2:3000000')", "10000000",
     0},
    {"award_tier spec error", 0, "SELECT award_tier(1, 'a:0:5')",
     "award_tier(): invalid scheme 'a:0:5': count '0' is not a positive "
     "integer or *",
     1},
    {"award_table", 0, "SELECT * FROM award_table('naju-2025')",
     "최우수|1|1|1000000\n우수|2|2|700000\n참가|3|NULL|500000", 0},
    {"award_table with a spec", 0,
     "SELECT * FROM award_table('a:1:5, b:*:1')", "a|1|1|5\nb|2|NULL|1", 0},
    {"learning_hours aggregate", 0,
     "SELECT learning_hours(column1), learning_hours(column1, 20)"
     " FROM (VALUES (5), (4), (6), (NULL))",
     "12.0|15.0", 0},
    {"learning_hours window", 0,
     "SELECT group_concat(x, ',') FROM (SELECT learning_hours(column2) OVER"
     " (ORDER BY column1 ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS x"
     " FROM (VALUES (1, 5), (2, 4), (3, 9), (4, 0.5)))",
     "5.0,9.0,12.0,9.5", 0},
    {"learning_hours cap error", 0,
     "SELECT learning_hours(column1, column2) FROM (VALUES (5, 20), (10, NULL))",
     "learning_hours(): cap NULL (the default 12) differs from cap 20 of an "
     "earlier row", 1},
    {"learning_hours error", 0,
     "SELECT learning_hours(column1) FROM (VALUES (5), (-1))",
     "learning_hours(): invalid hours -1", 1},
    {"indicator_rate", 0,
     "SELECT indicator_rate(4, 5), round(indicator_rate(2, 3), 2),"
     " indicator_rate(7, 5)",
     "80.0|66.67|100.0", 0},
    {"pledge_rate aggregate", 0,
     "SELECT round(pledge_rate(column1, column2), 2),"
     " round(pledge_rate(column1, column2, column3), 2)"
     " FROM (VALUES (4, 5, 1), (2, 3, 3))",
     "73.33|70.0", 0},
    {"pledge_rate window", 0,
     "SELECT group_concat(round(x, 2), ',') FROM (SELECT pledge_rate(column2,"
     " column3) OVER (ORDER BY column1 ROWS BETWEEN 1 PRECEDING AND CURRENT"
     " ROW) AS x FROM (VALUES (1, 4, 5), (2, 2, 3), (3, 1, 2), (4, 9, 3)))",
     "80.0,73.33,58.33,75.0", 0},
    {"pledge_rate error", 0, "SELECT pledge_rate(1, 2, 0)",
     "pledge_rate(): invalid weight 0", 1},
    {"pledge_rate overflow error", 0,
     "SELECT pledge_rate(1, 1, column1) FROM (VALUES (1e306), (1e306))",
     "pledge_rate(): invalid weight 1.0e+306: the sum of weights overflows", 1},
};

/* ---- Running a statement -------------------------------------------------- */

static const char *zExt;
static const char *zOnly; /* -c NAME */
static int verbose;

typedef struct outcome {
  int rc;           /* SQLITE_OK, or the error code */
  char zText[4096]; /* the rows, or the error message */
} outcome;

static void append(char *z, size_t n, const char *zAdd) {
  size_t len = strlen(z);
  if (len + 1 < n) snprintf(z + len, n - len, "%s", zAdd);
}

/* Loads the extension; SQLITE_OK or the error code with the message. */
static int load(sqlite3 *db, outcome *o) {
  char *zErr = 0;
  int rc;
  sqlite3_enable_load_extension(db, 1);
  rc = sqlite3_load_extension(db, zExt, 0, &zErr);
  o->rc = rc;
  snprintf(o->zText, sizeof(o->zText), "%s", zErr ? zErr : "");
  sqlite3_free(zErr);
  return rc;
}

/* Runs every statement of zSql, collecting the rows of the last one. */
static void run(sqlite3 *db, const char *zSql, outcome *o) {
  const char *zTail = zSql;
  o->rc = SQLITE_OK;
  o->zText[0] = 0;
  if (strcmp(zSql, "LOAD") == 0) {
    load(db, o);
    return;
  }
  while (zTail && *zTail) {
    sqlite3_stmt *pStmt = 0;
    int rc = sqlite3_prepare_v2(db, zTail, -1, &pStmt, &zTail), nRow = 0;
    if (rc != SQLITE_OK) {
      o->rc = rc;
      snprintf(o->zText, sizeof(o->zText), "%s", sqlite3_errmsg(db));
      return;
    }
    if (!pStmt) continue; /* whitespace */
    o->zText[0] = 0;
    while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
      int i, n = sqlite3_column_count(pStmt);
      if (nRow++) append(o->zText, sizeof(o->zText), "\n");
      for (i = 0; i < n; i++) {
        const char *z = (const char *)sqlite3_column_text(pStmt, i);
        if (i) append(o->zText, sizeof(o->zText), "|");
        if (!z && sqlite3_column_type(pStmt, i) != SQLITE_NULL) {
          rc = SQLITE_NOMEM; /* the text conversion failed */
          break;
        }
        append(o->zText, sizeof(o->zText), z ? z : "NULL");
      }
      if (rc == SQLITE_NOMEM) break;
    }
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    if (rc != SQLITE_OK) {
      o->rc = sqlite3_errcode(db) != SQLITE_OK ? sqlite3_errcode(db) : rc;
      snprintf(o->zText, sizeof(o->zText), "%s", sqlite3_errmsg(db));
      sqlite3_finalize(pStmt);
      return;
    }
    rc = sqlite3_finalize(pStmt);
    if (rc != SQLITE_OK) {
      o->rc = rc;
      snprintf(o->zText, sizeof(o->zText), "%s", sqlite3_errmsg(db));
      return;
    }
  }
}

/* Did the outcome give what the case wants? */
static int is_right(const struct oom_case *c, const outcome *o) {
  if (c->isError) return o->rc == SQLITE_ERROR && strcmp(o->zText, c->zWant) == 0;

  return o->rc == SQLITE_OK && strcmp(o->zText, c->zWant) == 0;
}

static long nLost; /* error messages SQLite lost (see acceptable()) */

/* Is the outcome of a run whose allocation failed acceptable? SQLITE_NOMEM;
** the right answer (SQLite absorbed the failure); and two outcomes that
** SQLite itself produces:
**  - an error case ending in SQLITE_ERROR "SQL logic error": the function
**    raised its error, and SQLite's benign allocation in
**    sqlite3VdbeTransferError (copying the message to the connection) failed,
**    losing the text but not the error;
**  - loading: sqlite3_load_extension() turns every failure of the entry point
**    into SQLITE_ERROR "error during initialization: MESSAGE", and the
**    extension's message must then say what happened. */
static int acceptable(const struct oom_case *c, const outcome *o) {
  static const char zInit[] = "error during initialization: learnclub: ";
  if (o->rc == SQLITE_NOMEM || is_right(c, o)) return 1;
  if (c->isError && o->rc == SQLITE_ERROR &&
      strcmp(o->zText, "SQL logic error") == 0) {
    nLost++;
    return 1;
  }
  if (strcmp(c->zSql, "LOAD") == 0 && o->rc == SQLITE_ERROR &&
      strncmp(o->zText, zInit, sizeof(zInit) - 1) == 0 &&
      strstr(o->zText, "out of memory"))
    return 1;
  return 0;
}

static void show(const outcome *o, char *z, size_t n) {
  size_t i;
  snprintf(z, n, "rc=%d %s", o->rc, o->zText);
  for (i = 0; z[i]; i++)
    if (z[i] == '\n' || z[i] == '\t') z[i] = ' ';
}

/* A fresh connection with the extension loaded (unless the case loads it)
** and the case's setup done, without failures. */
static sqlite3 *open_db(const struct oom_case *c, char *zWhy, size_t nWhy) {
  sqlite3 *db = 0;
  outcome o;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) {
    snprintf(zWhy, nWhy, "cannot open a database");
    sqlite3_close(db);
    return 0;
  }
  if (strcmp(c->zSql, "LOAD") != 0 && load(db, &o) != SQLITE_OK) {
    snprintf(zWhy, nWhy, "cannot load %s: %s", zExt, o.zText);
    sqlite3_close(db);
    return 0;
  }
  if (c->zSetup) {
    run(db, c->zSetup, &o);
    if (o.rc != SQLITE_OK) {
      snprintf(zWhy, nWhy, "setup failed: %s", o.zText);
      sqlite3_close(db);
      return 0;
    }
  }
  return db;
}

/* Runs one case; returns the number of failure points, or -1 after printing
** a FAIL line. */
static long run_case(const struct oom_case *c) {
  char zWhy[4400], zGot[4200];
  outcome o;
  sqlite3 *db;
  long n;
  const char *zWant = c->zSql[0] == 'L' && strcmp(c->zSql, "LOAD") == 0
                          ? "(loaded)"
                          : c->zWant;

  for (n = 1;; n++) {
    sqlite3_int64 before = sqlite3_memory_used();
    int reached;
    zWhy[0] = 0;
    if (!(db = open_db(c, zWhy, sizeof zWhy))) break;
    arm(n);
    run(db, c->zSql, &o);
    disarm();
    reached = fired;
    if (!reached) {
      /* Step 1, in effect: no allocation failed, the answer must be right. */
      if (!is_right(c, &o)) {
        show(&o, zGot, sizeof zGot);
        snprintf(zWhy, sizeof zWhy, "without failures: %s", zGot);
      }
    } else if (!acceptable(c, &o)) {
      show(&o, zGot, sizeof zGot);
      snprintf(zWhy, sizeof zWhy, "allocation %ld failed: %s", n, zGot);
    } else {
      if (verbose) {
        show(&o, zGot, sizeof zGot);
        fprintf(stderr, "  %s: allocation %ld failed: %s\n", c->zName, n, zGot);
      }
      /* Again without failures, on the same connection. */
      run(db, c->zSql, &o);
      if (!is_right(c, &o)) {
        show(&o, zGot, sizeof zGot);
        snprintf(zWhy, sizeof zWhy,
                 "after allocation %ld failed, the next run: %s", n, zGot);
      }
    }
    sqlite3_close(db);
    if (!zWhy[0] && sqlite3_memory_used() != before) {
      snprintf(zWhy, sizeof zWhy,
               "allocation %ld failed: %lld bytes not freed after close", n,
               (long long)(sqlite3_memory_used() - before));
    }
    if (zWhy[0] || !reached) break;
  }
  if (zWhy[0]) {
    printf("FAIL\t%s\t%s\t%s\t%s\n", FILE_NAME, c->zName, zWant, zWhy);
    return -1;
  }
  printf("PASS\t%s\t%s (%ld points)\n", FILE_NAME, c->zName, n - 1);
  return n - 1;
}

int main(int argc, char **argv) {
  static sqlite3_mem_methods mine;
  size_t i;
  long total = 0, r;
  int failed = 0;
  if (argc < 2) {
    fprintf(stderr, "usage: %s EXTENSION [-v]\n", argv[0]);
    return 2;
  }
  zExt = argv[1];
  for (i = 2; i < (size_t)argc; i++) {
    if (strcmp(argv[i], "-v") == 0) verbose = 1;
    if (strcmp(argv[i], "-c") == 0 && i + 1 < (size_t)argc) zOnly = argv[++i];
  }
  if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &orig) != SQLITE_OK) return 2;
  mine = orig;
  mine.xMalloc = oom_malloc;
  mine.xRealloc = oom_realloc;
  mine.xFree = oom_free;
  mine.xSize = oom_size;
  mine.xRoundup = oom_roundup;
  mine.xInit = oom_init;
  mine.xShutdown = oom_shutdown;
  /* No lookaside: every allocation of a connection goes through the
  ** failing allocator, so the statements the extension prepares itself
  ** (holiday_override) fail at every point too. */
  sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0);
  if (sqlite3_config(SQLITE_CONFIG_MALLOC, &mine) != SQLITE_OK ||
      sqlite3_initialize() != SQLITE_OK) {
    fprintf(stderr, "cannot install the failing allocator\n");
    return 2;
  }
  for (i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    if (zOnly && !strstr(aCase[i].zName, zOnly)) continue;
    r = run_case(&aCase[i]);
    if (r < 0)
      failed++;
    else
      total += r;
  }
  fprintf(stderr,
          "oom: %d cases, %ld allocation failure points, %d failed"
          " (%ld error messages lost by SQLite, error kept)\n",
          (int)(sizeof(aCase) / sizeof(aCase[0])), total, failed, nLost);
  sqlite3_shutdown();
  return failed ? 1 : 0;
}
