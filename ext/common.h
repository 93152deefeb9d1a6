/*
** common.h — the common layer of the learnclub extension: what every
** family of functions uses, and nothing that knows a family.
**
** Not a public header: the extension's contract is the header comment of
** each file (common.c V1–V4 for every table-valued function). The arrows run
** one way: learnclub.c (the entry point) registers the families; each family
** (dates.c, calendar.c, deadlines.c, deadline_fast.c, awards.c, hours.c,
** pledges.c) uses this layer and the families below it; nothing here calls
** a family.
*/
#ifndef LC_COMMON_H
#define LC_COMMON_H

#include "sqlite3ext.h"
/* The API table of a loadable extension, declared for every file here (the
** headers' inline functions call SQLite too); learnclub.c defines it with
** SQLITE_EXTENSION_INIT1. Built into SQLite (SQLITE_CORE), both are empty. */
SQLITE_EXTENSION_INIT3

#include <stddef.h>

/* ---- Error messages ------------------------------------------------------ */

/* Renders a value as an SQL literal for a message (text quoted, long values
** cut, control bytes shown as \xNN); sqlite3_free() it. NULL when out of
** memory. */
char *lc_literal(sqlite3_value *pVal);
char *lc_literal_text(const char *z, int n);
/* Sets "FUNC(): invalid WHAT VALUE" as the error of ctx, the value rendered
** by lc_literal(), so the user sees exactly what was wrong. */
void lc_error_value(sqlite3_context *ctx, const char *zFunc, const char *zWhat,
                    sqlite3_value *pVal);
/* The same for a value held as bytes (a setting inside a rule, say). */
void lc_error_text(sqlite3_context *ctx, const char *zFunc, const char *zWhat,
                   const char *z, int n);
/* Sets zMsg (an sqlite3_mprintf() string, taken and freed) as the error of
** ctx; NULL means out of memory. */
void lc_result_error(sqlite3_context *ctx, char *zMsg);
/* Reads a number >= 0 (INTEGER, REAL, or TEXT that reads wholly as a
** number): 0 with *pOut, 1 for NULL, -1 after setting
** "FUNC(): invalid WHAT VALUE" (negative, infinite, not a number). */
int lc_arg_number(sqlite3_context *ctx, sqlite3_value *v, const char *zFunc,
                  const char *zWhat, double *pOut);

/* ---- Per-connection state ------------------------------------------------ */

/* The head of a family's per-connection state (the user data of its
** functions and modules). Reference counted: every registration holds one
** reference, so does every state that uses another (deadlines.c holds the
** calendar's), and the last release calls xFree, the owning family's
** destructor. */
typedef struct lc_state lc_state;
struct lc_state {
  int nRef;
  void (*xFree)(lc_state *);
};
/* Allocates a zeroed state of nByte bytes (nByte >= sizeof(lc_state)) with
** one reference, for its caller; NULL when out of memory. */
void *lc_state_new(size_t nByte, void (*xFree)(lc_state *));
lc_state *lc_state_ref(lc_state *p);
/* Releases a reference (NULL is ignored); a registration's destructor. */
void lc_state_unref(void *p);

/* ---- Registration -------------------------------------------------------- */

/* Pure: same answer for the same arguments, no side effects (learnclub.c
** E4): usable in indexes, generated columns, and in views and triggers
** under PRAGMA trusted_schema=OFF. */
#define LC_PURE (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)
/* Reads holiday_override: harmless, but not deterministic (E4). */
#define LC_READS_DB (SQLITE_UTF8 | SQLITE_INNOCUOUS)

/* One SQL function: a scalar (xFunc), or an aggregate that is a window
** function too (xStep, xFinal, xValue, xInverse). */
typedef struct lc_function {
  const char *zName;
  int nArg;
  int flags;
  void (*xFunc)(sqlite3_context *, int, sqlite3_value **);
  void (*xStep)(sqlite3_context *, int, sqlite3_value **);
  void (*xFinal)(sqlite3_context *);
  void (*xValue)(sqlite3_context *);
  void (*xInverse)(sqlite3_context *, int, sqlite3_value **);
} lc_function;

/* Registers n functions with pState (may be NULL) as their user data, each
** holding a reference. Stops at the first failure and says which function
** failed in *pzErr (E5): "learnclub: cannot register NAME(): REASON". */
int lc_register_functions(sqlite3 *db, const lc_function *a, size_t n,
                          lc_state *pState, char **pzErr);
/* The same for an eponymous virtual table. */
int lc_register_module(sqlite3 *db, const char *zName,
                       const sqlite3_module *pModule, lc_state *pState,
                       char **pzErr);

/* ---- Table-valued functions (common.c V1–V4) ---------------------------- */

#define LC_TVF_MAX_ARGS 4

/* How a table-valued function takes its arguments: hidden columns iFirst,
** iFirst + 1, … of its table, named azArg, those of mask `required` needed
** in every call (bit i: argument i). */
typedef struct lc_tvf {
  const char *zFunc;
  int iFirst;
  int nArg;
  const char *const *azArg;
  unsigned required;
  double estimatedRows; /* for the cost of a plan */
} lc_tvf;

/* The virtual table of every table-valued function: the family's state
** beside the base. */
typedef struct lc_vtab {
  sqlite3_vtab base;
  sqlite3 *db;
  lc_state *pState;
} lc_vtab;

/* The base of every table-valued function's cursor: the arguments of the
** current xFilter, kept so that their columns read them back (V4). */
typedef struct lc_tvf_cursor {
  sqlite3_vtab_cursor base;
  sqlite3_value *apArg[LC_TVF_MAX_ARGS]; /* NULL: not given */
} lc_tvf_cursor;

/* Sets a virtual table's error message (taking zMsg) and returns
** SQLITE_ERROR, or SQLITE_NOMEM when zMsg is NULL. */
int lc_vtab_error(sqlite3_vtab *pVtab, char *zMsg);
/* The body of each xConnect: declares zSchema, marks the table innocuous
** (usable in views and triggers under trusted_schema=OFF) and allocates an
** lc_vtab. */
int lc_vtab_connect(sqlite3 *db, void *pAux, const char *zSchema,
                    sqlite3_vtab **ppVtab);
int lc_vtab_disconnect(sqlite3_vtab *pVtab);
/* The body of each xOpen: a zeroed cursor of nByte bytes, which begins with
** an lc_tvf_cursor. */
int lc_tvf_open(size_t nByte, sqlite3_vtab_cursor **ppCur);
/* xBestIndex for every table-valued function (V1–V3). */
int lc_tvf_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *pInfo,
                      const lc_tvf *pTvf);
/* The start of every xFilter: keeps copies of the arguments in c->apArg, by
** position (V1, V4). SQLITE_OK or SQLITE_NOMEM. */
int lc_tvf_filter_args(lc_tvf_cursor *c, const lc_tvf *pTvf, int idxNum,
                       int argc, sqlite3_value **argv);
/* xColumn of an argument column: the argument as given, NULL when not (V4). */
void lc_tvf_column_arg(const lc_tvf_cursor *c, const lc_tvf *pTvf,
                       sqlite3_context *ctx, int iCol);
/* The end of every xClose: frees the copies and the cursor. */
void lc_tvf_close(lc_tvf_cursor *c);

/* ---- Exact summation (hours.c H3, pledges.c P4) ------------------------- */

/* Shewchuk's non-overlapping partials (as Python's math.fsum), so that
** adding and removing rows in a window leaves no drift whatever the
** magnitudes (DOMAIN D4, D5: "summed exactly", "computed from exact
** ratios"), and the value is the correctly rounded sum. All zero is the
** empty sum (sqlite3_aggregate_context zeroes it). */
#define LC_SUM_PARTIALS 48
typedef struct lc_sum {
  int n;    /* partials in use, smallest magnitude first */
  int nInf; /* +inf added minus -inf added: nonzero, the sum is infinite */
  double a[LC_SUM_PARTIALS];
} lc_sum;
void lc_sum_add(lc_sum *p, double x);
double lc_sum_value(const lc_sum *p);

#endif /* LC_COMMON_H */
