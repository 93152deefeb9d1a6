/*
** learnclub.h — the entry point of the learnclub extension (learnclub.c).
**
** Not a public header: the extension's contract is the header comment of
** each file of ext/. The families include common.h and one another's
** headers, never this one: the entry point registers them, not the other
** way round.
*/
#ifndef LEARNCLUB_H
#define LEARNCLUB_H

#include "common.h"

/* learnclub_version() (E2); scripts/gen-man and tests/core/api.sh read it. */
#define LC_VERSION "0.1.0"
#define LC_MIN_SQLITE 3031000 /* 3.31.0: SQLITE_INNOCUOUS */
#define LC_MIN_SQLITE_TEXT "3.31.0"

/* The entry point; its name follows from the file name learnclub.so. */
int sqlite3_learnclub_init(sqlite3 *db, char **pzErrMsg,
                           const sqlite3_api_routines *pApi);

#endif /* LEARNCLUB_H */
