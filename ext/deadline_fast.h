/*
** deadline_fast.h — deadline_ok() and its fast path (deadline_fast.c, rules
** F1–F9).
*/
#ifndef LC_DEADLINE_FAST_H
#define LC_DEADLINE_FAST_H

#include "deadlines.h"

/* Registers deadline_ok() (2 and 3 arguments) with its own state, which
** holds a reference to pDl. */
int lc_deadline_fast_register(sqlite3 *db, lc_deadlines *pDl, char **pzErr);

#endif /* LC_DEADLINE_FAST_H */
