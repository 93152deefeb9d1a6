/*
** pledges.h — pledge fulfilment (pledges.c, rules P1–P5).
*/
#ifndef LC_PLEDGES_H
#define LC_PLEDGES_H

#include "common.h"

/* Registers indicator_rate() and the pledge_rate() aggregate and window
** function. */
int lc_pledges_register(sqlite3 *db, char **pzErr);

#endif /* LC_PLEDGES_H */
