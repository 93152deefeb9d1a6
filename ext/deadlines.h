/*
** deadlines.h — when reports are due (deadlines.c, rules R1–R10): what the
** deadline_ok() fast path (deadline_fast.c) builds on.
*/
#ifndef LC_DEADLINES_H
#define LC_DEADLINES_H

#include "calendar.h"

/* The due dates of a connection: deadlines.c's per-connection state (an
** lc_state), which holds a reference to the connection's calendar. */
typedef struct lc_deadlines lc_deadlines;

/* Creates the state on the calendar pCal and registers report_due(),
** report_status() and report_calendar() with it. *ppDl gets a reference for
** the caller, who hands it to deadline_fast.c and then releases it. */
int lc_deadlines_register(sqlite3 *db, lc_cal *pCal, lc_deadlines **ppDl,
                          char **pzErr);

/* The calendar the state was created on. */
lc_cal *lc_deadlines_calendar(const lc_deadlines *pDl);

/* deadline_ok(period, submitted [, rule]) the general way (R4, R5, R8):
** every form, every rule, every error. */
void lc_deadline_ok_general(sqlite3_context *ctx, lc_deadlines *pDl, int argc,
                            sqlite3_value **argv);

/* The periods of the calendar's years as slots: 14 a year from
** LC_CAL_FIRST_YEAR, the twelve months (k = 0..11) then H1 and H2 (k = 12,
** 13). */
#define LC_DUE_SLOTS ((LC_CAL_LAST_YEAR - LC_CAL_FIRST_YEAR + 1) * 14)

/* The due day of every period slot under the default rule (R1, R2),
** packed (LC_YMD), 0 where the due day falls outside the calendar: the memo
** of R8 for the working days of generation lc_cal_generation(pCal), which
** the caller has made ready. NULL when out of memory. */
const int *lc_due_days_default(lc_deadlines *pDl, const lc_cal *pCal);

#endif /* LC_DEADLINES_H */
