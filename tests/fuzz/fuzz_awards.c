/*
** fuzz_awards.c — award schemes: award_tier, award_prize and award_table
** with a random scheme (spec words, raw bytes, any type) and random ranks.
** See fuzz.h. Invariants: errors name the function; award_tier and
** award_prize accept and reject the same schemes with the same message as
** award_table (without the function name); for ranks 1–40, given row by
** row with the scheme constant (its auxdata path), the tier and the prize
** are those of the award_table row whose rank_from..rank_to holds the rank
** (NULL when none); an award_table row has rank_from <= rank_to.
*/
#include "fuzz.h"

typedef struct tier_row {
  char zTier[200];
  sqlite3_int64 from, to, prize; /* to = -1 for NULL (*) */
} tier_row;

typedef struct tiers {
  int n;
  tier_row a[40];
} tiers;

static void collect(sqlite3_stmt *p, void *ctx) {
  tiers *t = ctx;
  tier_row *r;
  if (t->n >= 40) fz_fail("award_table() gave more than 32 tiers", 0);
  r = &t->a[t->n++];
  snprintf(r->zTier, sizeof r->zTier, "%s", (const char *)sqlite3_column_text(p, 0));
  r->from = sqlite3_column_int64(p, 1);
  r->to = sqlite3_column_type(p, 2) == SQLITE_NULL ? -1 : sqlite3_column_int64(p, 2);
  r->prize = sqlite3_column_int64(p, 3);
  if (r->to >= 0 && r->to < r->from) fz_fail("rank_to < rank_from", r->zTier);
}

typedef struct by_rank {
  const tiers *t;
  int checked;
} by_rank;

static void check_rank(sqlite3_stmt *p, void *ctx) {
  by_rank *b = ctx;
  sqlite3_int64 rank = sqlite3_column_int64(p, 0);
  const tier_row *want = 0;
  int i;
  char d[400];
  for (i = 0; i < b->t->n; i++) {
    const tier_row *r = &b->t->a[i];
    if (rank >= r->from && (r->to < 0 || rank <= r->to)) {
      want = r;
      break;
    }
  }
  if (!want) {
    if (sqlite3_column_type(p, 1) != SQLITE_NULL ||
        sqlite3_column_type(p, 2) != SQLITE_NULL) {
      snprintf(d, sizeof d, "rank %lld", (long long)rank);
      fz_fail("an award where award_table has none", d);
    }
  } else if (sqlite3_column_type(p, 1) != SQLITE_TEXT ||
             strcmp((const char *)sqlite3_column_text(p, 1), want->zTier) != 0 ||
             sqlite3_column_int64(p, 2) != want->prize) {
    snprintf(d, sizeof d, "rank %lld: %s %lld, award_table %s %lld",
             (long long)rank, (const char *)sqlite3_column_text(p, 1),
             (long long)sqlite3_column_int64(p, 2), want->zTier,
             (long long)want->prize);
    fz_fail("award_tier/award_prize disagree with award_table", d);
  }
  b->checked++;
}

static void tail_of(sqlite3 *db, char *z, size_t n) {
  const char *zMsg = sqlite3_errmsg(db), *c = strstr(zMsg, "(): ");
  snprintf(z, n, "%s", c ? c + 4 : zMsg);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static sqlite3_stmt *pTable, *pRanks, *pOne;
  sqlite3 *db = fz_db();
  fz_input in = {data, size};
  sqlite3_value *scheme;
  tiers t = {0};
  by_rank b;
  char e1[400], e2[400];
  int rcT, rcR;
  if (!pTable) {
    pTable = fz_prepare(db, "SELECT tier, rank_from, rank_to, prize"
                            " FROM award_table(?1)");
    pRanks = fz_prepare(db,
                        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1"
                        " FROM r WHERE n < 40)"
                        " SELECT n, award_tier(n, ?1), award_prize(n, ?1) FROM r");
    pOne = fz_prepare(db, "SELECT award_tier(?2, ?1), award_prize(?2, ?1)");
  }
  scheme = fz_value(&in);
  sqlite3_bind_value(pTable, 1, scheme);
  sqlite3_bind_value(pRanks, 1, scheme);
  sqlite3_bind_value(pOne, 1, scheme);
  rcT = fz_run(pTable, "award_table()", collect, &t);
  tail_of(db, e1, sizeof e1);
  b.t = &t;
  b.checked = 0;
  rcR = fz_run(pRanks, "award_tier(),award_prize()", check_rank, &b);
  tail_of(db, e2, sizeof e2);
  if ((rcT == SQLITE_DONE) != (rcR == SQLITE_DONE) ||
      (rcT != SQLITE_DONE && strcmp(e1, e2) != 0)) {
    char d[900];
    snprintf(d, sizeof d, "award_table: %s | award_tier: %s",
             rcT == SQLITE_DONE ? "ok" : e1, rcR == SQLITE_DONE ? "ok" : e2);
    fz_fail("award_table and award_tier disagree on a scheme", d);
  }
  /* random ranks */
  while (fz_more(&in)) {
    fz_bind(&in, pOne, 2);
    fz_run(pOne, "award_tier(),award_prize()", 0, 0);
  }
  sqlite3_value_free(scheme);
  return 0;
}
