/*
** hours.h — recognised learning hours (hours.c, rules H1–H6).
*/
#ifndef LC_HOURS_H
#define LC_HOURS_H

#include "common.h"

/* Registers the learning_hours() aggregate and window function. */
int lc_hours_register(sqlite3 *db, char **pzErr);

#endif /* LC_HOURS_H */
