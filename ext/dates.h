/*
** dates.h — dates, report periods and day numbers (dates.c, rules T1–T12),
** for every family that reads a date or a period.
**
** Days are handled as day numbers (days since 1970-01-01, proleptic
** Gregorian), so that date arithmetic is integer arithmetic and nothing on a
** hot path allocates.
*/
#ifndef LC_DATES_H
#define LC_DATES_H

#include "common.h"

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

/* Registers half_year(), period_start(), period_end(), kr_date(),
** kr_datetime() and is_date() (dates.c T6–T11). */
int lc_dates_register(sqlite3 *db, char **pzErr);

#endif /* LC_DATES_H */
