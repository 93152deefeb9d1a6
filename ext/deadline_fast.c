/*
** deadline_fast.c — the fast path of deadline_ok(): the function SQLite
** calls for deadline_ok(period, submitted [, rule]), which answers the
** common case from two hash tables and leaves everything else to the
** general path of deadlines.c (R4, lc_deadline_ok_general).
**
** CONTRACT (rule ids F1–F9)
**
** F1. deadline_ok() gives the same answer, value or error, whichever path
**     gives it: the fast path answers only what the general path would
**     answer the same way, and leaves everything else to it.
** F2. What it answers: deadline_ok(period, submitted) with two arguments
**     (the default rule, deadlines.c R3), both TEXT, the period 'YYYY-MM' or
**     'YYYY-Hn' of 2000–2050 with its due day in 2000–2050, the submission
**     'YYYY-MM-DD', 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD HH:MM:SS' (a space, no
**     zone: Korean time, dates.c T2) of a day of 2000–2050; on the rows of a
**     statement after the calendar was made ready in that run of it (F4).
**     Those are the forms the report table holds (sql/schema.sql).
** F3. Cost: at most 1.25 times the no-op function with the same arguments
**     and flags (bench/README.md measures it by instructions and by time).
**     A period and a submission's month are each found by one hash-table
**     lookup, which also validates them; the day and the time of day are
**     checked eight bytes at a time; nothing allocates. deadline_ok() with
**     a rule is a function of its own (deadline_ok_rule_func), so the fast
**     one neither tests nor keeps the argument count; the tables lie in the
**     state itself, not behind a pointer (issue 12: 931 instructions a row
**     against the no-op's 750, now 922; bench/README.md).
**
** INVARIANTS (what F1 rests on, across files; each has its tests)
**
** F4. Freshness: the tables are used only when lc_cal_checked() says the
**     calendar was made ready in this run of the statement, for the
**     working days of the generation they were built for (calendar.c C9):
**     a change to holiday_override by this connection or another, or a
**     rollback to a savepoint, is seen by the fast path from the next
**     statement on (tests/core/deadlines.sql "F4 …",
**     tests/calendar/override_connections.sh).
** F5. The tables hold the default rule's due days as deadlines.c memoises
**     them (R8, lc_due_days_default), so they agree with report_due()
**     (tests/core/deadlines.sql "F5 …": every period, every day around its
**     due day, in every form, fast against general).
** F6. The hash gives the 714 periods and the 612 months of 2000–2050
**     distinct slots, and a key is the text's first eight bytes, byte 0
**     lowest, on any machine (tests/core/hash_slots.sh). Were two to share
**     a slot, the second would be left to the general path. A free slot
**     matches no text: a free period's key has a byte 7 no period text has,
**     and a free month has no days (tests/core/deadlines.errors "F6 …").
** F7. A day's ordinal, DAY_ORD, orders as the days do over 2000–2050 and
**     fits a month's first ordinal in 16 bits; a due day after 2050 has no
**     ordinal and its period is left to the general path
**     (tests/core/hash_slots.sh, tests/core/deadlines.sql "F7 …").
** F8. The forms: what the fast path accepts is a subset of dates.c T1 with
**     the same day (T2: no zone is Korean time): hours 00–23, minutes and
**     seconds 00–59, a day that the month has; anything else, a 'T' or a
**     zone included, goes to the general path (tests/core/deadlines.sql
**     "F8 …": every minute of two days, every day of 1999-12-25 to
**     2051-01-05).
** F9. The bytes: SQLite's text of a TEXT value ends with a NUL and
**     sqlite3_value_bytes() is its length, so a period of 7 bytes is read as
**     8 with the NUL, and a submission only within its length; a BLOB, or
**     text with a NUL inside, goes to the general path, which says it is
**     invalid (tests/core/deadlines.errors "F9 …", on rows after the
**     first).
*/
#include "deadline_fast.h"

#include <stdint.h>
#include <string.h>

/* ---- The tables (F5–F7) ----------------------------------------------------
** The fast path reads a period's text (7 bytes and the terminator) and the
** first 8 bytes of a submission ('YYYY-MM-') each as one 64-bit word, and
** looks the word up in a hash table: periods in one, months in the other.
** The hash is the word times HASH_MUL, top HASH_BITS bits; the multiplier
** was searched for so that the 714 periods of 2000–2050 take distinct
** slots, and so do the 612 months (F6). A slot holds the word itself: a
** text that is not equal to it byte for byte takes the general path, which
** decides and reports errors, so the lookup is the validation. */
#define HASH_BITS 11
#define HASH_SIZE (1 << HASH_BITS)
#define HASH_MUL 0xAE9C8563107D72D5ull
#define HASH_SLOT(w) ((unsigned)(((w) * HASH_MUL) >> (64 - HASH_BITS)))

/* A date as an ordinal that compares as the date does, for 2000–2050 (F7):
** the month's number from January 2000 times 32, plus the day. */
#define DAY_ORD(y, m, d) \
  ((uint32_t)((((y) - LC_CAL_FIRST_YEAR) * 12 + (m) - 1) << 5) + (uint32_t)(d))

/* A free period slot matches no text (F6): byte 7 is never 0xFF in a loaded
** period, whose 8th byte is its terminator (issue 12, fuzz_dates: a free key
** of 0 matched a period of seven NUL bytes, and deadline_ok() answered 0,
** not an error). */
#define FREE_PERIOD 0xFFFFFFFFFFFFFFFFull

/* A slot is 16 bytes, so that a lookup reads one cache line: the tables
** are read at random and, with SQLite's own pages streaming through the
** cache, a lookup that needed two lines would miss twice as often. */
typedef struct fast_period {
  uint64_t key; /* the period's 8 bytes as loaded; FREE_PERIOD: free */
  uint32_t due; /* its due day, DAY_ORD */
  uint32_t unused;
} fast_period;

typedef struct fast_month {
  uint64_t key;   /* 'YYYY-MM-' as loaded; 0: free (nDays 0 sends any
                  ** submission that loads as 0 to the general path) */
  uint16_t first; /* DAY_ORD(y, m, 0) */
  uint8_t nDays;  /* the month's number of days */
  uint8_t unused[5];
} fast_month;

typedef struct fast_tables {
  fast_period aPeriod[HASH_SIZE];
  fast_month aMonth[HASH_SIZE];
} fast_tables;

/* deadline_fast.c's per-connection state: the tables, built on first use
** and again whenever the working days change (F4). */
typedef struct lc_fast {
  lc_state base;
  lc_deadlines *pDl; /* a reference */
  lc_cal *pCal;      /* pDl's calendar */
  unsigned gen;      /* the generation the tables hold; 0: none yet */
  fast_tables t;     /* inline: one pointer fewer to follow a call (F3) */
} lc_fast;

/* Eight bytes of text as one word, byte 0 lowest (F6): how the fast path
** reads a period or a submission's month, and how fast_fill() makes the
** keys. */
static uint64_t load_le64(const char *z) {
  uint64_t x;
  memcpy(&x, z, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = (x & 0x00000000FFFFFFFFull) << 32 | x >> 32;
  x = (x & 0x0000FFFF0000FFFFull) << 16 | (x >> 16 & 0x0000FFFF0000FFFFull);
  x = (x & 0x00FF00FF00FF00FFull) << 8 | (x >> 8 & 0x00FF00FF00FF00FFull);
#endif
  return x;
}

/* The tables from the default rule's due days, slot by slot (F5). */
static void fast_fill(fast_tables *f, const int *aDue) {
  int i;
  memset(f, 0, sizeof(*f));
  for (i = 0; i < HASH_SIZE; i++) f->aPeriod[i].key = FREE_PERIOD;
  for (i = 0; i < LC_DUE_SLOTS; i++) {
    int y = LC_CAL_FIRST_YEAR + i / 14, k = i % 14, ymd = aDue[i];
    char z[9] = {0};
    uint64_t key;
    unsigned slot;
    if (k < 12)
      sqlite3_snprintf(sizeof z, z, "%04d-%02d", y, k + 1);
    else
      sqlite3_snprintf(sizeof z, z, "%04d-H%d", y, k - 11);
    key = load_le64(z);
    slot = HASH_SLOT(key);
    /* A due day after 2050 has no ordinal: such a period is not entered. */
    if (ymd && (ymd >> 9) <= LC_CAL_LAST_YEAR && f->aPeriod[slot].key == FREE_PERIOD) {
      f->aPeriod[slot].key = key;
      f->aPeriod[slot].due = DAY_ORD(ymd >> 9, (ymd >> 5) & 15, ymd & 31);
    }
    if (k < 12) {
      z[7] = '-';
      key = load_le64(z);
      slot = HASH_SLOT(key);
      if (!f->aMonth[slot].key) {
        f->aMonth[slot].key = key;
        f->aMonth[slot].first = (uint16_t)DAY_ORD(y, k + 1, 0);
        f->aMonth[slot].nDays = (uint8_t)lc_days_in_month(y, k + 1);
      }
    }
  }
}

/* After the general path: when this run of the statement has made the
** calendar ready and the tables hold other working days (or none), builds
** them for these (F4, F5). Out of memory leaves them as they are, unused. */
static void tables_ready(sqlite3_context *ctx, lc_fast *s) {
  unsigned gen = lc_cal_generation(s->pCal);
  const int *aDue;
  if (!lc_cal_checked(ctx, s->pCal) || gen == s->gen) return;
  if (!(aDue = lc_due_days_default(s->pDl, s->pCal))) return;
  fast_fill(&s->t, aDue);
  s->gen = gen;
}

/* ---- deadline_ok() ------------------------------------------------------- */

#define LC_D(c) ((unsigned)((c) - '0')) /* a digit's value; > 9 if not one */

/* The bytes 'DD HH:MM' after a submission's 'YYYY-MM-' (F8): x is them XOR
** DHM_ZERO, so a digit is its value and a fixed character 0; adding
** DHM_ROOM (15 minus each digit's largest first figure, 0x0F at a fixed
** character) carries into a high nibble exactly when a byte is out of range.
** A carry out of a byte needs a high nibble in x, caught by the OR. */
#define DHM_ZERO 0x30303A3030203030ull
#define DHM_ROOM 0x060A0F060D0F060Cull /* D≤3 D≤9 ' ' H≤2 H≤9 ':' M≤5 M≤9 */
#define HIGH_NIBBLES 0xF0F0F0F0F0F0F0F0ull

/* The general path, then the tables for the next rows. Kept out of line so
** that the fast path below needs few registers. */
#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void deadline_general(sqlite3_context *ctx, lc_fast *s, int argc,
                             sqlite3_value **argv) {
  lc_deadline_ok_general(ctx, s->pDl, argc, argv);
  if (argc == 2) tables_ready(ctx, s);
}

/* The fast path calls SQLite through a local copy of the extension's API
** table: the global may change in any call, so the compiler would reload
** it before each one. Built into SQLite (SQLITE_CORE), it calls directly. */
#ifdef SQLITE_CORE
#define API_LOCAL
#define API(f) sqlite3_##f
#else
#define API_LOCAL const sqlite3_api_routines *const api = sqlite3_api
#define API(f) api->f
#endif

/* deadline_ok(period, submitted, rule) — deadlines.c R4: a rule is never
** the fast path's (F2). */
static void deadline_ok_rule_func(sqlite3_context *ctx, int argc,
                                  sqlite3_value **argv) {
  deadline_general(ctx, sqlite3_user_data(ctx), argc, argv);
}

/* deadline_ok(period, submitted) — deadlines.c R4; F1–F9 */
static void deadline_ok_func(sqlite3_context *ctx, int argc,
                             sqlite3_value **argv) {
  lc_fast *s;
  const fast_period *pp;
  const fast_month *pm;
  const char *z;
  uint64_t x;
  uint32_t due;
  unsigned d;
  int n;
  API_LOCAL;
  s = API(user_data)(ctx);
  /* F4: checked in this run, and the tables are of its working days (the
  ** generation is never 0 once checked, and s->gen is 0 until built). */
  if (!LC_CAL_CHECKED(API(get_auxdata), ctx, s->pCal) ||
      lc_cal_generation(s->pCal) != s->gen ||
      API(value_type)(argv[0]) != SQLITE_TEXT ||
      API(value_type)(argv[1]) != SQLITE_TEXT ||
      API(value_bytes)(argv[0]) != 7 ||
      !(z = (const char *)API(value_text)(argv[0])))
    goto general;
  /* The period: 7 bytes and the terminator (F9). */
  x = load_le64(z);
  pp = &s->t.aPeriod[HASH_SLOT(x)];
  if (pp->key != x) goto general;
  due = pp->due;
  /* The submission: its length first, so that every load stays inside it
  ** and its terminator (F9); its day and time of day (F8); its month. The
  ** length is asked before the text, of a TEXT value in UTF-8 (the only
  ** encoding the extension registers), so that the text pointer need not
  ** be kept across a call. */
  n = API(value_bytes)(argv[1]);
  if (!(z = (const char *)API(value_text)(argv[1]))) goto general;
  if (n == 16 || (n == 19 && z[16] == ':' && LC_D(z[17]) <= 5 && LC_D(z[18]) <= 9)) {
    uint64_t t;
    x = load_le64(z + 8) ^ DHM_ZERO;
    if (((x + DHM_ROOM) | x) & HIGH_NIBBLES) goto general;
    t = x * 10 + (x >> 8); /* byte 0 the day, byte 3 the hour */
    if (((uint32_t)t + 0x68000000u) & 0x80000000u) goto general; /* hour > 23 */
    d = (unsigned)(t & 0xFF);
  } else if (n == 10 && LC_D(z[8]) <= 3 && LC_D(z[9]) <= 9) {
    d = LC_D(z[8]) * 10 + LC_D(z[9]);
  } else {
    goto general;
  }
  x = load_le64(z);
  pm = &s->t.aMonth[HASH_SLOT(x)];
  if (pm->key != x || d - 1 >= pm->nDays) goto general;
  API(result_int)(ctx, pm->first + d <= due);
  return;
general:
  (void)argc; /* 2: deadline_ok_rule_func() takes the rule */
  deadline_general(ctx, s, 2, argv);
}

/* ---- Registration -------------------------------------------------------- */

static void fast_free(lc_state *pState) {
  lc_fast *s = (lc_fast *)pState;
  lc_state_unref(s->pDl);
  sqlite3_free(s);
}

int lc_deadline_fast_register(sqlite3 *db, lc_deadlines *pDl, char **pzErr) {
  static const lc_function aFunc[] = {
      /* deadlines.c R7, learnclub.c E4: reads holiday_override */
      {"deadline_ok", 2, LC_READS_DB, deadline_ok_func, 0, 0, 0, 0},
      {"deadline_ok", 3, LC_READS_DB, deadline_ok_rule_func, 0, 0, 0, 0},
  };
  lc_fast *s = lc_state_new(sizeof(lc_fast), fast_free);
  int rc;
  if (!s) {
    *pzErr = sqlite3_mprintf("learnclub: out of memory");
    return SQLITE_NOMEM;
  }
  s->pDl = (lc_deadlines *)lc_state_ref((lc_state *)pDl);
  s->pCal = lc_deadlines_calendar(pDl);
  rc = lc_register_functions(db, aFunc, sizeof(aFunc) / sizeof(aFunc[0]),
                             &s->base, pzErr);
  lc_state_unref(s);
  return rc;
}
