/*
** dates.c — dates and report periods, shared by every learnclub function;
** and half_year(), period_start(), period_end(), kr_date(), kr_datetime(),
** is_date().
**
** CONTRACT (rule ids T1–T12, T for time, so that none reads as DOMAIN's
** D1–D9; other files cite them as "dates.c T2")
**
** T1. A date is TEXT in one of these forms, and nothing else:
**       YYYY-MM-DD                      2015-02-11
**       YYYY-MM-DD HH:MM[:SS[.fff]]     2015-04-06 23:59, 2015-04-06T23:59:59.5
**       the same with Z or ±HH:MM       2015-04-06T14:59Z, 2015-04-06 09:00-05:00
**       the dotted Korean form          2015.2.11.  2015. 2. 11.  2015.02.11
**     The year has four digits (0001–9999); in the dashed form month and day
**     have two. The time (after a space or T) is checked: hours 00–23,
**     minutes and seconds 00–59.
** T2. A timestamp with Z or an offset is converted to Korean time (UTC+9)
**     before its calendar date is taken; one without is already Korean time.
**     The time of day is otherwise ignored (DOMAIN D2).
** T3. Anything else is an error that names the function and quotes the
**     value as an SQL literal: 2015-02-30, 2015-13-01, 20150211, '', a
**     number, a blob — `half_year(): invalid date '2015-02-30'`.
** T4. A NULL date gives NULL.
** T5. A period is TEXT: a month YYYY-MM, or a half-year YYYY-H1 (January to
**     June) or YYYY-H2 (July to December). Anything else is an error
**     `FUNC(): invalid period 'VALUE'`.
** T6. half_year(date) → 'YYYY-H1' for January–June, 'YYYY-H2' for
**     July–December, of the date's Korean calendar day (T2).
**         half_year('2015-06-30') → '2015-H1'
**         half_year('2015-06-30T15:00:00Z') → '2015-H2'   (00:00 on 1 July KST)
** T7. Every function of this file is pure: DETERMINISTIC and INNOCUOUS.
** T8. period_start(period), period_end(period) → the first and the last day
**     of a month or a half-year (T5), TEXT 'YYYY-MM-DD'; NULL for NULL; a
**     bad period is "period_start(): invalid period '2015-13'".
**         period_start('2015-H2') → '2015-07-01'
**         period_end('2016-02') → '2016-02-29'
**         period_end('2015-H1') → '2015-06-30'
** T9. kr_date(date) → the Korean calendar day (T2) of any date form of T1,
**     TEXT 'YYYY-MM-DD'; NULL for NULL; anything else is an error (T3):
**         kr_date('2015.2.11.') → '2015-02-11'
**         kr_date('2015-04-06T15:00:00Z') → '2015-04-07'
**         kr_date('2015-02-30') → "kr_date(): invalid date '2015-02-30'"
** T10. kr_datetime(date) → the same instant in Korean time, TEXT
**     'YYYY-MM-DD HH:MM:SS': '00:00:00' when no time is given. Fractions of
**     a second are cut, not rounded: 23:59:59.9 is still 23:59:59 of that
**     day, as the calendar day (T2) is.
**         kr_datetime('2015-04-06T14:59z') → '2015-04-06 23:59:00'
**         kr_datetime('2015-04-06 23:59:59.9') → '2015-04-06 23:59:59'
** T11. is_date(x) → 1 when x is a date kr_date() accepts (T1), 0 when it is
**     not, NULL for NULL; never an error. SQL cannot catch an error, and an
**     import must say which line and column is wrong, so it writes
**         CASE WHEN is_date(v) THEN kr_date(v) END
**     and reports the rows where that is NULL but v is not:
**         is_date('2015. 2. 11.') → 1     is_date('2015-02-30') → 0
**         is_date(20150211) → 0           is_date(NULL) → NULL
** T12. A timestamp whose Korean calendar day falls outside 0001-01-01 to
**     9999-12-31 is not a date (T3): "half_year(): invalid date
**     '9999-12-31T20:00:00Z'" (that instant is 10000-01-01 in Korea).
**     Nothing in the extension shows a day outside that range.
*/
#include "dates.h"

#include <string.h>

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
** algorithm: exact for every year the parser accepts, no tables). */
int lc_days_from_civil(int y, int m, int d) {
  /* Years from 0 on (every year a date can have here): unsigned division
  ** by constants compiles to multiplications. */
  static const unsigned short aBefore[] = {306, 337, 0,   31,  61,  92,
                                           122, 153, 184, 214, 245, 275};
  unsigned yy = (unsigned)(y - (m <= 2));
  return (int)(yy * 365 + yy / 4 - yy / 100 + yy / 400 + aBefore[m - 1] +
               (unsigned)d - 1) -
         719468;
}

void lc_civil_from_days(int dn, int *py, int *pm, int *pd) {
  int z = dn + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp + (mp < 10 ? 3 : -9);
  *py = yoe + era * 400 + (m <= 2);
  *pm = m;
  *pd = d;
}

int lc_days_in_month(int y, int m) {
  static const unsigned char aDays[] = {31, 28, 31, 30, 31, 30,
                                        31, 31, 30, 31, 30, 31};
  if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))) return 29;
  return aDays[m - 1];
}

int lc_weekday(int dn) {
  /* 1970-01-01 was a Thursday (3 when Monday is 0). */
  int w = (dn + 3) % 7;
  return w < 0 ? w + 7 : w;
}

static void put_digits(char *z, int v, int n) {
  while (n-- > 0) {
    z[n] = (char)('0' + v % 10);
    v /= 10;
  }
}

/* The year is 1..9999: nothing shows a day outside that range (T12). */
void lc_format_ymd(int ymd, char *z) {
  put_digits(z, ymd >> 9, 4);
  z[4] = '-';
  put_digits(z + 5, (ymd >> 5) & 15, 2);
  z[7] = '-';
  put_digits(z + 8, ymd & 31, 2);
  z[10] = 0;
}

void lc_format_date(int dn, char *z) {
  int y, m, d;
  lc_civil_from_days(dn, &y, &m, &d);
  lc_format_ymd(LC_YMD(y, m, d), z);
}

/* Reads exactly n digits at z[*pi]; returns the number or -1. */
static int digits(const char *z, int n, int *pi, int count) {
  int v = 0, k;
  if (*pi + count > n) return -1;
  for (k = 0; k < count; k++) {
    char c = z[*pi + k];
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  *pi += count;
  return v;
}

/* Reads one or two digits. */
static int digits12(const char *z, int n, int *pi) {
  int v = digits(z, n, pi, 1);
  if (v < 0) return -1;
  if (*pi < n && z[*pi] >= '0' && z[*pi] <= '9') {
    v = v * 10 + (z[*pi] - '0');
    (*pi)++;
  }
  return v;
}

static int valid_ymd(int y, int m, int d) {
  /* d <= 28 first: the month's length (and the leap-year test) only
  ** matters at the end of a month. */
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 &&
         (d <= 28 || d <= lc_days_in_month(y, m));
}

/* The dotted form: YYYY '.' spaces M '.' spaces D ['.'] (T1). */
static int parse_dotted(const char *z, int n, int *pDn) {
  int i = 0, y, m, d;
  y = digits(z, n, &i, 4);
  if (y < 0 || i >= n || z[i] != '.') return 1;
  i++;
  while (i < n && z[i] == ' ') i++;
  m = digits12(z, n, &i);
  if (m < 0 || i >= n || z[i] != '.') return 1;
  i++;
  while (i < n && z[i] == ' ') i++;
  d = digits12(z, n, &i);
  if (d < 0) return 1;
  if (i < n && z[i] == '.') i++;
  if (i != n || !valid_ymd(y, m, d)) return 1;
  *pDn = lc_days_from_civil(y, m, d);
  return 0;
}

/* Two ASCII digits as a number, or -1. Straight-line: this is the hot path
** of every deadline check. */
static int two(const char *z) {
  unsigned a = (unsigned)(z[0] - '0'), b = (unsigned)(z[1] - '0');
  return (a > 9 || b > 9) ? -1 : (int)(a * 10 + b);
}

/* Four digits, or -1. */
static int four(const char *z) {
  int hi = two(z), lo = two(z + 2);
  return (hi < 0 || lo < 0) ? -1 : hi * 100 + lo;
}

int lc_parse_datetime(const char *z, int n, int *py, int *pm, int *pd,
                      int *pSec) {
  int i, y, m, d, hh, mi, ss = 0, off = 0;
  if (n >= 5 && z[4] == '.') {
    int dn;
    if (parse_dotted(z, n, &dn)) return 1;
    lc_civil_from_days(dn, py, pm, pd);
    if (pSec) *pSec = 0;
    return 0;
  }
  if (n < 10 || z[4] != '-' || z[7] != '-') return 1;
  y = four(z);
  m = two(z + 5);
  d = two(z + 8);
  if (y < 0 || m < 0 || d < 0 || !valid_ymd(y, m, d)) return 1;
  *py = y;
  *pm = m;
  *pd = d;
  if (n == 10) {
    if (pSec) *pSec = 0;
    return 0;
  }
  /* A time of day (T1): [ T]HH:MM[:SS[.fff]]; the fraction is cut (T10). */
  if (n < 16 || (z[10] != ' ' && z[10] != 'T') || z[13] != ':') return 1;
  hh = two(z + 11);
  mi = two(z + 14);
  if (hh < 0 || hh > 23 || mi < 0 || mi > 59) return 1;
  i = 16;
  if (i < n && z[i] == ':') {
    if (i + 3 > n || (ss = two(z + i + 1)) < 0 || ss > 59) return 1;
    i += 3;
    if (i < n && z[i] == '.') {
      int start = ++i;
      while (i < n && z[i] >= '0' && z[i] <= '9') i++;
      if (i == start) return 1;
    }
  }
  if (i == n) { /* Korean time already (T2) */
    if (pSec) *pSec = (hh * 60 + mi) * 60 + ss;
    return 0;
  }
  /* A zone: Z or ±HH:MM, converted to Korean time (T2) */
  if (z[i] == 'Z' || z[i] == 'z') {
    i++;
  } else if (z[i] == '+' || z[i] == '-') {
    int oh, om;
    if (i + 6 > n || z[i + 3] != ':') return 1;
    oh = two(z + i + 1);
    om = two(z + i + 4);
    if (oh < 0 || oh > 14 || om < 0 || om > 59) return 1;
    off = (z[i] == '-' ? -1 : 1) * (oh * 60 + om);
    i += 6;
  }
  if (i != n) return 1;
  {
    int minutes = hh * 60 + mi - off + 9 * 60; /* to UTC, then to UTC+9 */
    int shift = minutes >= 0 ? minutes / 1440 : -((1439 - minutes) / 1440);
    if (shift) {
      lc_civil_from_days(lc_days_from_civil(y, m, d) + shift, py, pm, pd);
      /* T12: the instant's Korean day must be a day T1 can write. */
      if (*py < 1 || *py > LC_MAX_YEAR) return 1;
    }
    if (pSec) *pSec = (minutes - shift * 1440) * 60 + ss;
  }
  return 0;
}

int lc_parse_ymd(const char *z, int n, int *py, int *pm, int *pd) {
  return lc_parse_datetime(z, n, py, pm, pd, 0);
}

int lc_parse_date(const char *z, int n, int *pDn) {
  int y, m, d;
  if (lc_parse_ymd(z, n, &y, &m, &d)) return 1;
  *pDn = lc_days_from_civil(y, m, d);
  return 0;
}

int lc_parse_period(const char *z, int n, lc_period *p) {
  int y, m;
  if (n != 7 || z[4] != '-' || (y = four(z)) < 1) return 1;
  if (z[5] == 'H') {
    if (z[6] != '1' && z[6] != '2') return 1;
    p->year = y;
    p->month = 0;
    p->half = z[6] - '0';
    return 0;
  }
  m = two(z + 5);
  if (m < 1 || m > 12) return 1;
  p->year = y;
  p->month = m;
  p->half = m <= 6 ? 1 : 2;
  return 0;
}

void lc_format_period(const lc_period *p, char *z) {
  put_digits(z, p->year, 4);
  z[4] = '-';
  if (p->month) {
    put_digits(z + 5, p->month, 2);
  } else {
    z[5] = 'H';
    z[6] = (char)('0' + p->half);
  }
  z[7] = 0;
}

/* The shape every argument reader shares: NULL gives 1; TEXT that parse()
** accepts gives 0; anything else -1 after "FUNC(): invalid WHAT VALUE". The
** type is asked first: reading a number or a blob as text would convert it. */
typedef int (*text_parser)(const char *z, int n, void *pOut);

static int arg_text(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
                    const char *zWhat, text_parser parse, void *pOut) {
  int t = sqlite3_value_type(v);
  if (t == SQLITE_NULL) return 1;
  if (t == SQLITE_TEXT) {
    const char *z = (const char *)sqlite3_value_text(v);
    if (!z) {
      sqlite3_result_error_nomem(ctx);
      return -1;
    }
    if (parse(z, sqlite3_value_bytes(v), pOut) == 0) return 0;
  }
  lc_error_value(ctx, zFunc, zWhat, v);
  return -1;
}

static int parse_dn(const char *z, int n, void *pOut) {
  return lc_parse_date(z, n, (int *)pOut);
}

static int parse_packed(const char *z, int n, void *pOut) {
  int y, m, d;
  if (lc_parse_ymd(z, n, &y, &m, &d)) return 1;
  *(int *)pOut = LC_YMD(y, m, d);
  return 0;
}

static int parse_datetime(const char *z, int n, void *pOut) {
  lc_datetime *t = (lc_datetime *)pOut;
  int y, m, d;
  if (lc_parse_datetime(z, n, &y, &m, &d, &t->sec)) return 1;
  t->ymd = LC_YMD(y, m, d);
  return 0;
}

static int parse_period(const char *z, int n, void *pOut) {
  return lc_parse_period(z, n, (lc_period *)pOut);
}

int lc_arg_date(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
                int *pDn) {
  return arg_text(ctx, v, zFunc, "date", parse_dn, pDn);
}

int lc_arg_ymd(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
               int *pYmd) {
  return arg_text(ctx, v, zFunc, "date", parse_packed, pYmd);
}

int lc_arg_datetime(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
                    lc_datetime *pOut) {
  return arg_text(ctx, v, zFunc, "date", parse_datetime, pOut);
}

int lc_arg_period(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
                  lc_period *p) {
  return arg_text(ctx, v, zFunc, "period", parse_period, p);
}

/* half_year(date) — T6 */
static void half_year_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  int dn, y, m, d;
  char z[8];
  lc_period p;
  (void)argc;
  if (lc_arg_date(ctx, argv[0], "half_year", &dn)) return;
  lc_civil_from_days(dn, &y, &m, &d);
  p.year = y;
  p.month = 0;
  p.half = m <= 6 ? 1 : 2;
  lc_format_period(&p, z);
  sqlite3_result_text(ctx, z, 7, SQLITE_TRANSIENT);
}

/* The first and the last day of a period, packed (T8). */
static void period_bounds(const lc_period *p, int *pFirst, int *pLast) {
  int m0 = p->month ? p->month : p->half == 1 ? 1 : 7;
  int m1 = p->month ? p->month : m0 + 5;
  *pFirst = LC_YMD(p->year, m0, 1);
  *pLast = LC_YMD(p->year, m1, lc_days_in_month(p->year, m1));
}

static void result_ymd(sqlite3_context *ctx, int ymd) {
  char z[12];
  lc_format_ymd(ymd, z);
  sqlite3_result_text(ctx, z, 10, SQLITE_TRANSIENT);
}

/* period_start(period) — T8 */
static void period_start_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  lc_period p;
  int first, last;
  (void)argc;
  if (lc_arg_period(ctx, argv[0], "period_start", &p)) return;
  period_bounds(&p, &first, &last);
  result_ymd(ctx, first);
}

/* period_end(period) — T8 */
static void period_end_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  lc_period p;
  int first, last;
  (void)argc;
  if (lc_arg_period(ctx, argv[0], "period_end", &p)) return;
  period_bounds(&p, &first, &last);
  result_ymd(ctx, last);
}

/* kr_date(date) — T9, T12 */
static void kr_date_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  int ymd;
  (void)argc;
  if (lc_arg_ymd(ctx, argv[0], "kr_date", &ymd)) return;
  result_ymd(ctx, ymd);
}

/* kr_datetime(date) — T10, T12 */
static void kr_datetime_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  lc_datetime t;
  char z[20];
  (void)argc;
  if (lc_arg_datetime(ctx, argv[0], "kr_datetime", &t)) return;
  lc_format_ymd(t.ymd, z);
  z[10] = ' ';
  put_digits(z + 11, t.sec / 3600, 2);
  z[13] = ':';
  put_digits(z + 14, t.sec / 60 % 60, 2);
  z[16] = ':';
  put_digits(z + 17, t.sec % 60, 2);
  sqlite3_result_text(ctx, z, 19, SQLITE_TRANSIENT);
}

/* is_date(x) — T11: the parser's answer, never an error */
static void is_date_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  int t = sqlite3_value_type(argv[0]), y, m, d;
  const char *z;
  (void)argc;
  if (t == SQLITE_NULL) return;
  if (t != SQLITE_TEXT) {
    sqlite3_result_int(ctx, 0);
    return;
  }
  z = (const char *)sqlite3_value_text(argv[0]);
  if (!z) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_int(ctx, lc_parse_ymd(z, sqlite3_value_bytes(argv[0]), &y, &m, &d) == 0);
}

/* ---- Registration -------------------------------------------------------- */

int lc_dates_register(sqlite3 *db, char **pzErr) {
  static const lc_function aFunc[] = {
      /* name          nArg flags    scalar (T7: all pure) */
      {"half_year", 1, LC_PURE, half_year_func, 0, 0, 0, 0},
      {"period_start", 1, LC_PURE, period_start_func, 0, 0, 0, 0},
      {"period_end", 1, LC_PURE, period_end_func, 0, 0, 0, 0},
      {"kr_date", 1, LC_PURE, kr_date_func, 0, 0, 0, 0},
      {"kr_datetime", 1, LC_PURE, kr_datetime_func, 0, 0, 0, 0},
      {"is_date", 1, LC_PURE, is_date_func, 0, 0, 0, 0},
  };
  return lc_register_functions(db, aFunc, sizeof(aFunc) / sizeof(aFunc[0]), 0,
                               pzErr);
}
