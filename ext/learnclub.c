/*
** learnclub.c — the entry point of the learnclub SQLite extension.
**
** Build: `make` → dist/learnclub.so. Load: `.load dist/learnclub` in the
** sqlite3 shell (the entry point sqlite3_learnclub_init follows from the file
** name), or load_extension('dist/learnclub') from any host.
**
** CONTRACT
**
** E1. Loading refuses, with the message "learnclub: SQLite 3.31.0 or later
**     is required (this is X)", on an older SQLite.
** E2. learnclub_version() → the extension's version, e.g. '0.1.0'.
** E3. The extension adds exactly the functions and modules that the
**     families register (each from its own table: dates.c, calendar.c,
**     deadlines.c, deadline_fast.c, awards.c, hours.c, pledges.c), and
**     learnclub_version(); nothing else (tests/core/api.sh locks the list).
** E4. Flags are chosen per function:
**     - pure functions are SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS: usable in
**       indexes, generated columns, and in views and triggers under
**       PRAGMA trusted_schema=OFF;
**     - functions that consult the calendar (is_working_day, report_due,
**       deadline_ok, report_status) read the holiday_override table of the
**       database
**       (calendar.c), so they are INNOCUOUS but not DETERMINISTIC: the same
**       arguments may give another answer after the table changes;
**     - the table-valued functions are eponymous virtual tables marked
**       SQLITE_VTAB_INNOCUOUS.
**     Nothing touches files or the environment, so nothing is DIRECTONLY.
** E5. Registration stops at the first failure and says which function
**     failed in the error message.
**
** STRUCTURE
**
** This file is the entry point and nothing else: it checks the version and
** registers the families, each through its own register function. The
** arrows run one way: learnclub.c → the families → the common layer
** (common.c). A family that consults another gets it here, as a reference
** to the other's per-connection state: deadlines.c the calendar's,
** deadline_fast.c the deadlines'. Each family owns its per-connection state
** and frees it when its last reference goes (common.h lc_state).
*/
#include "learnclub.h"
SQLITE_EXTENSION_INIT1

#include "awards.h"
#include "calendar.h"
#include "dates.h"
#include "deadline_fast.h"
#include "deadlines.h"
#include "hours.h"
#include "pledges.h"

/* learnclub_version() — E2 */
static void version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, LC_VERSION, -1, SQLITE_STATIC);
}

/* The families that need no other's state, in the order they register. */
static int (*const aFamily[])(sqlite3 *, char **) = {
    lc_dates_register, lc_awards_register, lc_hours_register,
    lc_pledges_register,
};

#ifdef _WIN32
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
int sqlite3_learnclub_init(sqlite3 *db, char **pzErrMsg,
                           const sqlite3_api_routines *pApi) {
  static const lc_function aFunc[] = {
      {"learnclub_version", 0, LC_PURE, version_func, 0, 0, 0, 0},
  };
  lc_cal *pCal = 0;
  lc_deadlines *pDl = 0;
  size_t i;
  int rc;
  SQLITE_EXTENSION_INIT2(pApi);

  /* E1 */
  if (sqlite3_libversion_number() < LC_MIN_SQLITE) {
    *pzErrMsg = sqlite3_mprintf(
        "learnclub: SQLite " LC_MIN_SQLITE_TEXT
        " or later is required (this is %s)",
        sqlite3_libversion());
    return SQLITE_ERROR;
  }

  /* E2–E5. Issue 6 (OOM driver): each failure has a message, for without
  ** one SQLite reports only "error during initialization: ". */
  rc = lc_register_functions(db, aFunc, sizeof(aFunc) / sizeof(aFunc[0]), 0,
                             pzErrMsg);
  for (i = 0; rc == SQLITE_OK && i < sizeof(aFamily) / sizeof(aFamily[0]); i++)
    rc = aFamily[i](db, pzErrMsg);
  if (rc == SQLITE_OK) rc = lc_calendar_register(db, &pCal, pzErrMsg);
  if (rc == SQLITE_OK) rc = lc_deadlines_register(db, pCal, &pDl, pzErrMsg);
  if (rc == SQLITE_OK) rc = lc_deadline_fast_register(db, pDl, pzErrMsg);
  /* The registrations hold their own references now. */
  lc_state_unref(pDl);
  lc_state_unref(pCal);
  return rc;
}
