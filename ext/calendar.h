/*
** calendar.h — the government-office calendar (calendar.c, rules C1–C10):
** the working-day test every deadline uses, and the connection's calendar.
*/
#ifndef LC_CALENDAR_H
#define LC_CALENDAR_H

#include "dates.h"

#define LC_CAL_FIRST_YEAR 2000
#define LC_CAL_LAST_YEAR 2050

/* A connection's calendar: the built-in holidays and the holiday_override
** table as last read. calendar.c's per-connection state, built on first use,
** freed with the last reference; it begins with an lc_cal_head, and so with
** an lc_state. */
typedef struct lc_cal lc_cal;

/* Creates the connection's calendar and registers is_working_day() and
** holidays() with it. *ppCal gets a reference for the caller, who hands it
** to the families that consult the calendar and then releases it. */
int lc_calendar_register(sqlite3 *db, lc_cal **ppCal, char **pzErr);

/* Makes the calendar ready for this run of the statement (C9): builds the
** built-in calendar on first use and reads holiday_override again when it
** may have changed, once per run. Returns p, or NULL after setting an error
** on ctx (out of memory, a malformed override row). */
lc_cal *lc_calendar(sqlite3_context *ctx, lc_cal *p, const char *zFunc);
/* The same for a virtual table, at every xFilter: SQLITE_OK, or an error
** code with *pzErr set (without a function name) unless it is SQLITE_NOMEM. */
int lc_cal_ready(sqlite3 *db, lc_cal *p, char **pzErr);
/* The per-statement marker of C9: the auxiliary data that lc_calendar()
** sets under this number once it has made the calendar ready in a run of
** the statement, its value the calendar. calendar.c sets it; others only
** read it, through lc_cal_checked(). */
#define LC_CAL_MARKER (-0x4C43)

/* What others may read of the calendar without a call: the head of lc_cal,
** which calendar.c alone writes. */
typedef struct lc_cal_head {
  lc_state base;
  unsigned gen; /* bumped whenever the working days change; 0 before the first build */
} lc_cal_head;

/* The test of lc_cal_checked() with the caller's sqlite3_get_auxdata(): the
** fast path passes its local copy of the API table's (deadline_fast.c). */
#define LC_CAL_CHECKED(get_auxdata, ctx, p) \
  ((get_auxdata)((ctx), LC_CAL_MARKER) == (const void *)(p))
/* Whether lc_calendar() has made p ready in this run of the statement:
** what the deadline_ok() fast path asks on every call (deadline_fast.c
** F4), inline for its cost (F3). */
static inline int lc_cal_checked(sqlite3_context *ctx, const lc_cal *p) {
  return LC_CAL_CHECKED(sqlite3_get_auxdata, ctx, p);
}
/* The generation of the working days: never 0 once p is ready, bumped
** whenever they change (an override was added, removed or changed), so
** that what is built on them knows to rebuild. */
static inline unsigned lc_cal_generation(const lc_cal *p) {
  return ((const lc_cal_head *)(const void *)p)->gen;
}

/* Of a ready calendar: 1 when dn is a working day, 0 when not, -1 when dn is
** outside the range (C1). */
int lc_cal_working(const lc_cal *p, int dn);
/* The first working day on or after dn; -1 with *pBad set to the first day
** outside the range. */
int lc_cal_next_working(const lc_cal *p, int dn, int *pBad);
/* "FUNC(): date 'D' is outside the calendar (2000-01-01 to 2050-12-31)" */
char *lc_cal_range_error(const char *zFunc, int dn);

#endif /* LC_CALENDAR_H */
