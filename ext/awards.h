/*
** awards.h — award tiers and prizes by rank (awards.c, rules A1–A8).
*/
#ifndef LC_AWARDS_H
#define LC_AWARDS_H

#include "common.h"

/* Registers award_tier(), award_prize() and award_table(). */
int lc_awards_register(sqlite3 *db, char **pzErr);

#endif /* LC_AWARDS_H */
