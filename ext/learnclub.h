/*
** learnclub.h — what the feature files of the learnclub extension share.
**
** Not a public header: the extension's contract is the header comment of each
** feature file (dates.c, calendar.c, deadlines.c, awards.c, hours.c,
** pledges.c) and the registration table in learnclub.c.
**
** Days are handled as day numbers (days since 1970-01-01, proleptic
** Gregorian), so that date arithmetic is integer arithmetic and nothing on a
** hot path allocates.
*/
#ifndef LEARNCLUB_H
#define LEARNCLUB_H

#include "sqlite3ext.h"

#include <stddef.h>

#define LC_VERSION "0.1.0"
#define LC_MIN_SQLITE 3031000 /* 3.31.0: SQLITE_INNOCUOUS */
#define LC_MIN_SQLITE_TEXT "3.31.0"

/* The entry point; its name follows from the file name learnclub.so. */
int sqlite3_learnclub_init(sqlite3 *db, char **pzErrMsg,
                           const sqlite3_api_routines *pApi);

/* ---- learnclub.c: the per-connection state and error helpers ---------- */

typedef struct lc_cal lc_cal;
typedef struct lc_due_memo lc_due_memo;
typedef struct lc_fast lc_fast;

/* Per-connection state, the user data of every function and module. It is
** reference counted: every registration holds one reference, and the last
** destructor SQLite calls frees it. */
typedef struct lc_conn {
  int nRef;
  lc_cal *pCal; /* the calendar: built lazily, see calendar.c */
  lc_due_memo *apMemo[2]; /* due dates of the last two rules (deadlines.c) */
  lc_fast *pFastTables;   /* deadline_ok()'s tables (deadlines.c) */
  const lc_fast *pFast;   /* the same once filled for the calendar of
                          ** generation calGen, else NULL */
  unsigned calGen;        /* lc_cal_generation() of pCal at its last check */
} lc_conn;

/* Sets "FUNC(): invalid WHAT VALUE" as the error of ctx, the value rendered
** as an SQL literal (text quoted, long values cut) so the user sees exactly
** what was wrong. */
void lc_error_value(sqlite3_context *ctx, const char *zFunc, const char *zWhat,
                    sqlite3_value *pVal);
/* The same for a value held as bytes (a setting inside a rule, say). */
void lc_error_text(sqlite3_context *ctx, const char *zFunc, const char *zWhat,
                   const char *z, int n);
/* Reads a number >= 0 (INTEGER, REAL, or TEXT that reads wholly as a
** number): 0 with *pOut, 1 for NULL, -1 after setting
** "FUNC(): invalid WHAT VALUE" (negative, infinite, not a number). */
int lc_arg_number(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
                  const char *zWhat, double *pOut);
/* Sets a virtual table's error message (taking zMsg) and returns
** SQLITE_ERROR, or SQLITE_NOMEM when zMsg is NULL. */
int lc_vtab_error(sqlite3_vtab *pVtab, char *zMsg);
/* Renders a value as an SQL literal for a message; sqlite3_free() it. */
char *lc_literal(sqlite3_value *pVal);
char *lc_literal_text(const char *z, int n);

/* ---- dates.c: dates, periods, day numbers ------------------------------ */

/* The last year a date can have (dates.c T1, T12). */
#define LC_MAX_YEAR 9999

int lc_days_from_civil(int y, int m, int d);
void lc_civil_from_days(int dn, int *py, int *pm, int *pd);
int lc_days_in_month(int y, int m);
/* 0 = Monday … 5 = Saturday, 6 = Sunday */
int lc_weekday(int dn);
/* Writes YYYY-MM-DD and a NUL into z (at least 12 bytes). */
void lc_format_date(int dn, char *z);
/* The same for a packed day (LC_YMD). */
void lc_format_ymd(int ymd, char *z);

/* Parses a date (see dates.c, rules T1–T12) from n bytes; returns 0 and the
** Korean calendar day in *pDn, or 1 when the text is not a valid date. */
int lc_parse_date(const char *z, int n, int *pDn);
/* The same, giving the Korean calendar day as year, month and day. */
int lc_parse_ymd(const char *z, int n, int *py, int *pm, int *pd);
/* The one parser the two above call: the Korean calendar day, and the
** Korean time of day in seconds in *pSec unless pSec is NULL (0 when no
** time is given; a fraction of a second is cut, dates.c T10). */
int lc_parse_datetime(const char *z, int n, int *py, int *pm, int *pd,
                      int *pSec);
/* A calendar day packed so that packed order is date order. */
#define LC_YMD(y, m, d) (((y) << 9) | ((m) << 5) | (d))

/* A report period: a month, or a half-year (month == 0). */
typedef struct lc_period {
  int year;
  int month; /* 1..12, or 0 for a half-year */
  int half;  /* 1 or 2 for a half-year; for a month, the half it lies in */
} lc_period;
int lc_parse_period(const char *z, int n, lc_period *p);
/* Writes the period's text (YYYY-MM or YYYY-Hn) into z (at least 12 bytes). */
void lc_format_period(const lc_period *p, char *z);

/* Argument readers for SQL functions. Return 0 with the value, 1 when the
** argument is NULL (the caller returns NULL), or -1 after setting the error
** "FUNC(): invalid date VALUE" (or period). */
int lc_arg_date(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
                int *pDn);
int lc_arg_period(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
                  lc_period *p);
/* lc_arg_date() giving a packed day (LC_YMD): the deadline hot path. */
int lc_arg_ymd(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
               int *pYmd);
/* A Korean date and time of day: a packed day and seconds since midnight. */
typedef struct lc_datetime {
  int ymd;
  int sec;
} lc_datetime;
int lc_arg_datetime(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
                    lc_datetime *pOut);

/* ---- calendar.c: the government-office calendar ------------------------ */

/* The access code of the per-statement marker "the calendar was checked in
** this run of the statement" (calendar.c C9): sqlite3_set_auxdata() with a
** negative argument number keeps data for the whole run of a prepared
** statement and drops it when the statement is reset (SQLite's own json.c
** caches the same way). Its value is the connection's lc_conn. */
#define LC_AUX_FRESH (-0x4C43)

#define LC_CAL_FIRST_YEAR 2000
#define LC_CAL_LAST_YEAR 2050

/* Makes the connection's calendar ready for this statement: builds the
** built-in calendar on first use and reloads the holiday_override table when
** the database changed. Returns the calendar, or NULL after setting an error
** on ctx (out of memory, a malformed override row). */
lc_cal *lc_calendar(sqlite3_context *ctx, const char *zFunc);
/* The same for a virtual table: SQLITE_OK, or an error code with *pzErr set
** (without a function name) unless it is SQLITE_NOMEM. */
int lc_cal_ready(sqlite3 *db, lc_conn *pConn, char **pzErr);
/* 1 when dn is a working day, 0 when not, -1 when dn is outside the range. */
int lc_cal_working(const lc_cal *pCal, int dn);
/* The first working day on or after dn; -1 with *pBad set to the first day
** outside the range. */
int lc_cal_next_working(const lc_cal *pCal, int dn, int *pBad);
/* "FUNC(): date 'D' is outside the calendar (2000-01-01 to 2050-12-31)" */
char *lc_cal_range_error(const char *zFunc, int dn);
void lc_result_range_error(sqlite3_context *ctx, const char *zFunc, int dn);
void lc_cal_free(lc_cal *pCal);
/* Changes whenever the working days change (an override was added,
** removed or changed), so memos built on them know to rebuild. */
unsigned lc_cal_generation(const lc_cal *pCal);

/* ---- scalar, aggregate and window functions, by family ----------------- */

void lc_half_year_func(sqlite3_context *, int, sqlite3_value **);
void lc_period_start_func(sqlite3_context *, int, sqlite3_value **);
void lc_period_end_func(sqlite3_context *, int, sqlite3_value **);
void lc_kr_date_func(sqlite3_context *, int, sqlite3_value **);
void lc_kr_datetime_func(sqlite3_context *, int, sqlite3_value **);
void lc_is_date_func(sqlite3_context *, int, sqlite3_value **);
void lc_is_working_day_func(sqlite3_context *, int, sqlite3_value **);
void lc_report_due_func(sqlite3_context *, int, sqlite3_value **);
void lc_deadline_ok_func(sqlite3_context *, int, sqlite3_value **);
void lc_report_status_func(sqlite3_context *, int, sqlite3_value **);
void lc_award_tier_func(sqlite3_context *, int, sqlite3_value **);
void lc_award_prize_func(sqlite3_context *, int, sqlite3_value **);
void lc_indicator_rate_func(sqlite3_context *, int, sqlite3_value **);

void lc_hours_step(sqlite3_context *, int, sqlite3_value **);
void lc_hours_inverse(sqlite3_context *, int, sqlite3_value **);
void lc_hours_value(sqlite3_context *);
void lc_hours_final(sqlite3_context *);

void lc_pledge_step(sqlite3_context *, int, sqlite3_value **);
void lc_pledge_inverse(sqlite3_context *, int, sqlite3_value **);
void lc_pledge_value(sqlite3_context *);
void lc_pledge_final(sqlite3_context *);

/* ---- table-valued functions (eponymous virtual tables) ----------------- */

/* The virtual table of every table-valued function: the connection's state
** beside the base, for the calendar. */
typedef struct lc_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  lc_conn *pConn;
} lc_vtab;
/* The body of each xConnect: declares zSchema, marks the table innocuous
** (usable in views and triggers under trusted_schema=OFF) and allocates an
** lc_vtab. */
int lc_vtab_connect(sqlite3 *db, void *pAux, const char *zSchema,
                    sqlite3_vtab **ppVtab);
int lc_vtab_disconnect(sqlite3_vtab *pVtab);
/* The body of each xOpen: a zeroed cursor of nByte bytes. */
int lc_cursor_open(size_t nByte, sqlite3_vtab_cursor **ppCur);

extern sqlite3_module lc_holidays_module;
extern sqlite3_module lc_report_calendar_module;
extern sqlite3_module lc_award_table_module;

/* Exact summation shared by the aggregates: Shewchuk's non-overlapping
** partials (as Python's math.fsum), so that adding and removing rows in a
** window leaves no drift whatever the magnitudes (DOMAIN D4, D5: "summed exactly",
** "computed from exact ratios"), and the value is the correctly rounded
** sum. All zero is the empty sum (sqlite3_aggregate_context zeroes it). */
#define LC_SUM_PARTIALS 48
typedef struct lc_sum {
  int n;    /* partials in use, smallest magnitude first */
  int nInf; /* +inf added minus -inf added: nonzero, the sum is infinite */
  double a[LC_SUM_PARTIALS];
} lc_sum;
void lc_sum_add(lc_sum *p, double x);
double lc_sum_value(const lc_sum *p);

#endif /* LEARNCLUB_H */
