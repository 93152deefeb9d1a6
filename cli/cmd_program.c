/*
** cli/cmd_program.c — programs without SQL (issue 14, H1):
**   learnclub program-add DB CODE --name NAME --from YYYY-MM-DD --to YYYY-MM-DD
**                         [--office TEXT] [KEY=VALUE ...]
**   learnclub program-set DB CODE KEY=VALUE ...
**   learnclub program-show DB [CODE]
**
** P1. The keys are the program's settings (aSetting below): report_rule,
**     award_scheme, hours_cap, judges_min, drop_high, drop_low, tie_break,
**     leave_tiers, trip_tiers, education_type, max_members, outsider_pct,
**     reports_from, reports_to, panel_weights, finalists, criteria (P8),
**     incentives, allocation (P9), min_members, clubs_per_person,
**     max_from_one_unit, outsiders, regular_per_month, hours_cap_year,
**     hours_per_meeting_cap, hours_shared_cap (P10); program-set
**     also takes name, office, starts_on and ends_on. A key given twice, an unknown key, an argument
**     without '=' are refused.
** P2. Every value is checked before anything is written, by the parser the
**     extension's functions use where there is one (report_due() for
**     report_rule, award_table() for award_scheme and the tiers it names,
**     is_date()/kr_date() for dates, period_start() for months). A bad one is
**     refused with exit 2: "invalid KEY 'VALUE': REASON", REASON the
**     parser's own words without its "function(): " prefix.
** P3. List settings (report_rule, award_scheme, leave_tiers, trip_tiers)
**     accept spaces around commas; the tier lists are stored without them.
**     Each tier of leave_tiers and trip_tiers is a tier of the program's
**     award_scheme (the new one when both are given).
** P4. reports_from=none (or reports_to=none) means a program without monthly
**     reports: both are stored NULL. A month given for one while the other is
**     none sets both to that month. tie_break, max_members and outsider_pct
**     take none for no rule (NULL).
** P5. program-add: --name, --from and --to are required; a program may run
**     over any dates (March to February, say); reports_from and reports_to
**     default to the months of --from and --to, the other settings to the
**     schema's defaults. A code that exists is refused, and so is one that is
**     not one word (empty, or with a space or a control character).
** P6. One transaction (BEGIN IMMEDIATE); a constraint the schema checks
**     after the parsers (judges_min > drop_high + drop_low, reports_to not
**     before reports_from, ends_on not before starts_on) is refused with its
**     message; nothing is written. On success: "CODE: added" / "CODE:
**     updated (KEY, KEY)" on stdout.
** P8. (issue 15, B1) panel_weights (전문가:70,청중:30), finalists (a positive
**     whole number) and criteria (추진실적:40,성과:60) take none for no rule;
**     the two lists accept spaces around commas and are checked by the
**     schema's one home of their grammar (sql/rules.sql,
**     program_judging_invalid), refused as PR-D6 says: "invalid KEY 'VALUE':
**     program: KEY must be …".
** P7. program-show prints every program, or the one named, with every
**     setting (NULL shown as none for reports_from/reports_to); an unknown
**     CODE is refused.
** P9. (issue 15, B2) incentives (sql/rules.sql IC1-IC4) and allocation
**     (AL1-AL2): spaces around their separators (, + : for incentives, , :
**     for allocation) are cut; incentives=none stores '' (no incentive),
**     allocation=none NULL. leave_tiers and trip_tiers are shorthands of
**     incentives (IC5: the tiers listed get leave*2 or trip, the others lose
**     it; sql/program-set.sql) and are refused together with incentives. The
**     grammar is the schema's (its triggers; the refusal names the settings
**     given, PR-D6). After the write, in the same transaction: every tier of
**     the incentives is a tier of the award scheme ("invalid incentives
**     'V': 'T' is not a tier of award_scheme 'S'"; with a new scheme and the
**     stored incentives: "invalid award_scheme 'S': the program's incentives
**     names 'T', not a tier of it; give incentives too"), and every club
**     the allocation names is a club of the program.
** P10. (issue 15, C) min_members, clubs_per_person, max_from_one_unit and
**     regular_per_month are positive whole numbers (min_members and
**     max_from_one_unit take none); outsiders is a list of person kinds
**     (official, expert, citizen, or 공무원, 전문가, 시민), each at most
**     once, stored in that order: outsiders=citizen,expert is stored
**     expert,citizen; hours_cap_year is a number, 0 or more, or none;
**     hours_per_meeting_cap a number more than 0, or none; hours_shared_cap
**     1 or 0.
*/
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>
#include "cli.h"

/* The kinds of value (P2). */
enum { V_TEXT, V_NONEMPTY, V_RULE, V_SCHEME, V_TIERS, V_NUMBER, V_PCT, V_COUNT,
       V_POSITIVE, V_MONTH, V_DATE, V_LIST, V_INCENTIVES, V_ALLOCATION,
       /* issue 15 (C) */ V_KINDS, V_MORE_THAN_0, V_FLAG };

static const struct setting {
  const char *zKey;
  int eKind;
  int bNone;   /* "none" means NULL */
  int bAddKey; /* a KEY=VALUE of program-add too (the others are options) */
} aSetting[] = {
    {"report_rule", V_RULE, 0, 1},      {"award_scheme", V_SCHEME, 0, 1},
    {"hours_cap", V_NUMBER, 0, 1},      {"judges_min", V_POSITIVE, 0, 1},
    {"drop_high", V_COUNT, 0, 1},       {"drop_low", V_COUNT, 0, 1},
    {"tie_break", V_NONEMPTY, 1, 1},    {"leave_tiers", V_TIERS, 0, 1},
    {"trip_tiers", V_TIERS, 0, 1},      {"education_type", V_NONEMPTY, 0, 1},
    {"max_members", V_POSITIVE, 1, 1},  {"outsider_pct", V_PCT, 1, 1},
    {"reports_from", V_MONTH, 1, 1},    {"reports_to", V_MONTH, 1, 1},
    {"name", V_NONEMPTY, 0, 0},         {"office", V_TEXT, 1, 0},
    {"starts_on", V_DATE, 0, 0},        {"ends_on", V_DATE, 0, 0},
    /* issue 15 (B1): judging; the lists' grammar is the schema's (P8) */
    {"panel_weights", V_LIST, 1, 1},    {"finalists", V_POSITIVE, 1, 1},
    {"criteria", V_LIST, 1, 1},
    /* issue 15 (B2): P9 */
    {"incentives", V_INCENTIVES, 0, 1}, {"allocation", V_ALLOCATION, 1, 1},
    /* issue 15 (C): membership, meetings, hours (P10) */
    {"min_members", V_POSITIVE, 1, 1},  {"clubs_per_person", V_POSITIVE, 0, 1},
    {"max_from_one_unit", V_POSITIVE, 1, 1}, {"outsiders", V_KINDS, 0, 1},
    {"regular_per_month", V_POSITIVE, 0, 1}, {"hours_cap_year", V_NUMBER, 1, 1},
    {"hours_per_meeting_cap", V_MORE_THAN_0, 1, 1}, {"hours_shared_cap", V_FLAG, 0, 1},
};
#define N_SETTING ((int)(sizeof(aSetting) / sizeof(aSetting[0])))

/* The value of each setting given (0: not given), as it will be stored. */
typedef struct prog_values {
  char *az[N_SETTING];
  const char *azRaw[N_SETTING]; /* as given, for the messages */
  int bNull[N_SETTING]; /* "none": stored NULL */
} prog_values;

static int setting_index(const char *zKey) {
  int i;
  for (i = 0; i < N_SETTING; i++)
    if (strcmp(aSetting[i].zKey, zKey) == 0) return i;
  return -1;
}

char *lc_probe(sqlite3 *db, const char *zDb, const char *zSql, const char *z1,
                   const char *z2, char **pzOut) {
  lc_stmt *p = 0;
  int rc = lc_prepare(db, zSql, &p, 0);
  lc_buf b = {0};
  if (rc != SQLITE_OK) lc_fail_db(db, rc, zDb, "nothing was written");
  lc_check_rc(db, lc_bind_text(p, 1, z1, -1), zDb);
  if (z2) lc_check_rc(db, lc_bind_text(p, 2, z2, -1), zDb);
  rc = lc_step(p);
  if (rc == SQLITE_ROW) {
    if (pzOut && sqlite3_column_type(lc_row(p), 0) != SQLITE_NULL) {
      lc_buf_str(&b, (const char *)sqlite3_column_text(lc_row(p), 0));
      *pzOut = b.z;
    }
    lc_finalize(p);
    return 0;
  }
  if (rc == SQLITE_DONE) {
    lc_finalize(p);
    return 0;
  }
  if ((lc_errcode(db) & 0xff) != SQLITE_ERROR) {
    rc = lc_errcode(db);
    lc_finalize(p);
    lc_fail_db(db, rc, zDb, "nothing was written");
  }
  {
    const char *zMsg = lc_errmsg(db), *zCut = strstr(zMsg, "(): ");
    lc_buf_str(&b, zCut ? zCut + 4 : zMsg);
  }
  lc_finalize(p);
  return b.z;
}

static void refuse(const char *zKey, const char *zVal, const char *zWhy) {
  lc_fail("invalid %s '%s': %s", zKey, zVal, zWhy);
}

/* A number: digits with an optional fraction, nothing else. */
static int is_number(const char *z) {
  size_t n = strspn(z, "0123456789");
  if (n == 0) return 0;
  if (z[n] == '.') {
    size_t m = strspn(z + n + 1, "0123456789");
    if (m == 0) return 0;
    n += 1 + m;
  }
  return z[n] == 0;
}

/* The list zVal with spaces around its items cut, the items separated by
** any of zSep (P3, P8). */
static char *list_trim(const char *zVal, const char *zSep) {
  lc_buf b = {0};
  const char *z = zVal;
  for (;;) {
    const char *e = z + strcspn(z, zSep);
    size_t n = (size_t)(e - z);
    while (n > 0 && *z == ' ') z++, n--;
    while (n > 0 && z[n - 1] == ' ') n--;
    lc_buf_add(&b, z, n);
    if (!*e) break;
    lc_buf_add(&b, e, 1);
    z = e + 1;
  }
  lc_buf_add(&b, "", 0);
  return b.z;
}

/* P10: a list of person kinds (official 공무원, expert 전문가, citizen 시민), in
** any order, stored as the schema's CHECK wants them: in that order, once
** each, without spaces; 0 when the list is empty or names anything else. */
static char *person_kinds(const char *zVal) {
  static const char *const azKind[3][2] = {
      {"official", "공무원"}, {"expert", "전문가"}, {"citizen", "시민"}};
  int aSeen[3] = {0, 0, 0}, i;
  char *zList = list_trim(zVal, ","), *z = zList, *e;
  lc_buf b = {0};
  for (;; z = e + 1) {
    e = strchr(z, ',');
    if (e) *e = 0;
    for (i = 0; i < 3; i++)
      if (strcmp(z, azKind[i][0]) == 0 || strcmp(z, azKind[i][1]) == 0) break;
    if (i == 3 || aSeen[i]) {
      free(zList);
      return 0;
    }
    aSeen[i] = 1;
    if (!e) break;
  }
  free(zList);
  for (i = 0; i < 3; i++)
    if (aSeen[i]) lc_buf_printf(&b, "%s%s", b.n ? "," : "", azKind[i][0]);
  return b.z;
}

/* Checks the value of setting i (P2, P4) and returns it as it is stored. */
static char *check_value(sqlite3 *db, const char *zDb, int i, const char *zVal) {
  const struct setting *s = &aSetting[i];
  char *zOut = 0, *zWhy = 0;
  lc_buf b = {0};
  switch (s->eKind) {
    case V_TEXT:
      break;
    case V_NONEMPTY:
      if (!zVal[0]) refuse(s->zKey, zVal, "must not be empty");
      break;
    case V_RULE: /* deadlines.c R3 */
      zWhy = lc_probe(db, zDb, "SELECT report_due('2000-01', ?1)", zVal, 0, 0);
      break;
    case V_SCHEME: /* awards.c A1 */
      zWhy = lc_probe(db, zDb, "SELECT count(*) FROM award_table(?1)", zVal, 0, 0);
      if (zWhy && strncmp(zWhy, "invalid scheme ", 15) == 0) { /* the reason, once */
        char *zCut = strstr(zWhy, "': ");
        if (zCut) memmove(zWhy, zCut + 3, strlen(zCut + 3) + 1);
      }
      break;
    case V_TIERS: /* P3: checked against the scheme by check_tiers */
      return list_trim(zVal, ",");
    case V_LIST:  /* P8: checked by the schema's triggers */
      return list_trim(zVal, ",:");
    case V_INCENTIVES: /* P9: the grammar is the schema's, the tiers checked after the write */
      return list_trim(strcmp(zVal, "none") == 0 ? "" : zVal, ",+:");
    case V_ALLOCATION: /* P9: the grammar is the schema's, the clubs checked after the write */
      return list_trim(zVal, ",:");
    case V_NUMBER:
      if (!is_number(zVal)) zWhy = "expected a number, 0 or more";
      break;
    case V_PCT:
      if (!is_number(zVal) || atof(zVal) > 100) zWhy = "expected a number from 0 to 100";
      break;
    case V_COUNT:
    case V_POSITIVE:
      if (!zVal[0] || strlen(zVal) > 9 || strspn(zVal, "0123456789") != strlen(zVal) ||
          (s->eKind == V_POSITIVE && atoi(zVal) < 1))
        zWhy = s->eKind == V_COUNT ? "expected a whole number, 0 or more"
                                   : "expected a positive whole number";
      else {
        lc_buf_printf(&b, "%d", atoi(zVal)); /* 007 -> 7 */
        return b.z;
      }
      break;
    case V_MONTH:
      zWhy = lc_probe(db, zDb, "SELECT CASE WHEN length(?1) = 7 THEN period_start(?1) END", zVal, 0,
                   &zOut);
      if (zWhy || !zOut) {
        free(zWhy);
        free(zOut);
        refuse(s->zKey, zVal, "expected a month YYYY-MM, or none");
      }
      free(zOut);
      break;
    case V_KINDS: /* P10 */
      if ((zOut = person_kinds(zVal)) != 0) return zOut;
      zWhy = "expected person kinds official, expert, citizen, each at most once, separated by commas";
      break;
    case V_MORE_THAN_0:
      if (!is_number(zVal) || atof(zVal) <= 0) zWhy = "expected a number more than 0";
      break;
    case V_FLAG:
      if (strcmp(zVal, "0") != 0 && strcmp(zVal, "1") != 0) zWhy = "expected 1 (shared) or 0 (apart)";
      break;
    case V_DATE: /* dates.c D1, stored as the Korean day (D2) */
      lc_probe(db, zDb, "SELECT CASE WHEN is_date(?1) THEN kr_date(?1) END", zVal, 0, &zOut);
      if (!zOut) zWhy = "expected a date YYYY-MM-DD";
      else return zOut;
      break;
  }
  if (zWhy) refuse(s->zKey, zVal, zWhy);
  lc_buf_str(&b, zVal);
  if (!b.z) lc_buf_add(&b, "", 0);
  return b.z;
}

/* Reads KEY=VALUE arguments apArg[0..n) into v (P1, P2, P4). */
static void read_settings(sqlite3 *db, const char *zDb, const char *const *apArg, int n,
                          int bAdd, prog_values *v) {
  int k;
  for (k = 0; k < n; k++) {
    const char *zArg = apArg[k], *zEq = strchr(zArg, '=');
    char zKey[64];
    int i;
    if (!zEq) lc_fail("invalid argument '%s'; expected KEY=VALUE", zArg);
    if ((size_t)(zEq - zArg) >= sizeof(zKey)) i = -1;
    else {
      memcpy(zKey, zArg, zEq - zArg);
      zKey[zEq - zArg] = 0;
      i = setting_index(zKey);
    }
    if (i < 0 || (bAdd && !aSetting[i].bAddKey)) {
      lc_buf b = {0};
      int j;
      for (j = 0; j < N_SETTING; j++)
        if (!bAdd || aSetting[j].bAddKey) lc_buf_printf(&b, "%s%s", b.n ? ", " : "", aSetting[j].zKey);
      lc_fail("unknown setting '%.*s'; expected one of %s", (int)(zEq - zArg), zArg, b.z);
    }
    if (v->az[i] || v->bNull[i]) lc_fail("setting '%s' given twice", aSetting[i].zKey);
    if (aSetting[i].bNone && strcmp(zEq + 1, "none") == 0) v->bNull[i] = 1;
    else v->az[i] = check_value(db, zDb, i, zEq + 1);
    v->azRaw[i] = zEq + 1;
  }
  { /* P4: reports_from and reports_to are none together */
    int f = setting_index("reports_from"), t = setting_index("reports_to");
    if (v->bNull[f] || v->bNull[t]) {
      if (v->az[f] || v->az[t])
        lc_fail("reports_from and reports_to are both a month, or both none");
      v->bNull[f] = v->bNull[t] = 1;
    }
  }
}

/* P3: each tier of the tier lists given is a tier of the award scheme (the
** new one when it is given). */
static void check_tiers(sqlite3 *db, const char *zDb, const char *zCode, prog_values *v) {
  int iScheme = setting_index("award_scheme"), k;
  char *zScheme = v->az[iScheme], *zStoredScheme = 0;
  if (!zScheme) {
    lc_probe(db, zDb, "SELECT award_scheme FROM program WHERE code = ?1", zCode, 0, &zStoredScheme);
    zScheme = zStoredScheme ? zStoredScheme : "junggu-2015"; /* the schema's default */
  }
  for (k = 0; k < N_SETTING; k++) {
    char *z, *e, *zList = v->az[k];
    if (aSetting[k].eKind != V_TIERS || !zList || !zList[0]) continue;
    for (z = zList;; z = e + 1) {
      char *zIn = 0;
      lc_buf t = {0};
      e = strchr(z, ',');
      lc_buf_add(&t, z, e ? (size_t)(e - z) : strlen(z));
      lc_buf_add(&t, "", 0);
      if (!t.z[0])
        lc_fail("invalid %s '%s': an empty tier name", aSetting[k].zKey, v->azRaw[k]);
      lc_probe(db, zDb, "SELECT count(*) FROM award_table(?2) WHERE tier = ?1", t.z, zScheme, &zIn);
      if (!zIn || strcmp(zIn, "0") == 0)
        lc_fail("invalid %s '%s': '%s' is not a tier of award_scheme '%s'", aSetting[k].zKey,
                v->azRaw[k], t.z, zScheme);
      free(zIn);
      lc_buf_free(&t);
      if (!e) break;
    }
  }
  free(zStoredScheme);
  { /* P9: incentives or its shorthands */
    int iInc = setting_index("incentives");
    if (v->az[iInc] && (v->az[setting_index("leave_tiers")] || v->az[setting_index("trip_tiers")]))
      lc_fail("give incentives or its shorthands leave_tiers and trip_tiers, not both");
  }
}

/* P9: after the write, in its transaction: the incentives name tiers of the
** award scheme, the allocation clubs of the program. */
static void check_written(sqlite3 *db, const char *zDb, const char *zCode, const prog_values *v) {
  int iInc = setting_index("incentives"), iScheme = setting_index("award_scheme");
  int iAlloc = setting_index("allocation");
  char *zTier = 0, *zScheme = 0, *zClub = 0;
  lc_probe(db, zDb,
           "SELECT i.tier FROM program_incentive i JOIN program p ON p.id = i.program_id "
           "WHERE p.code = ?1 AND NOT EXISTS (SELECT 1 FROM award_table(p.award_scheme) a WHERE a.tier = i.tier) "
           "ORDER BY i.tier_pos LIMIT 1", zCode, 0, &zTier);
  if (zTier) {
    lc_probe(db, zDb, "SELECT award_scheme FROM program WHERE code = ?1", zCode, 0, &zScheme);
    if (v->az[iInc])
      lc_fail("invalid incentives '%s': '%s' is not a tier of award_scheme '%s'", v->azRaw[iInc],
              zTier, zScheme);
    if (v->az[iScheme])
      lc_fail("invalid award_scheme '%s': the program's incentives names '%s', not a tier of it; "
              "give incentives too", v->azRaw[iScheme], zTier);
    lc_fail("the program's incentives name '%s', not a tier of award_scheme '%s'", zTier, zScheme);
  }
  if (!v->az[iAlloc]) return;
  lc_probe(db, zDb,
           "SELECT i.club FROM program_allocation_item i JOIN program p ON p.id = i.program_id "
           "WHERE p.code = ?1 AND i.club IS NOT NULL "
           "AND NOT EXISTS (SELECT 1 FROM club c WHERE c.program_id = p.id AND c.name = i.club) "
           "ORDER BY i.pos LIMIT 1", zCode, 0, &zClub);
  if (zClub)
    lc_fail("invalid allocation '%s': '%s' is not a club of program '%s'", v->azRaw[iAlloc], zClub, zCode);
}

static void free_values(prog_values *v) {
  int i;
  for (i = 0; i < N_SETTING; i++) free(v->az[i]);
}

/* The parameters of sql/program-set.sql: @KEY the value, @KEY_none '1'. */
static int set_params(const prog_values *v, lc_param *aP, char azNone[][32]) {
  int i, n = 0;
  for (i = 0; i < N_SETTING; i++) {
    if (v->az[i]) aP[n].zName = aSetting[i].zKey, aP[n++].zValue = v->az[i];
    if (v->bNull[i]) {
      snprintf(azNone[i], 32, "%s_none", aSetting[i].zKey);
      aP[n].zName = azNone[i], aP[n++].zValue = "1";
    }
  }
  return n;
}

static int program_exists(sqlite3 *db, const char *zDb, const char *zCode) {
  char *z = 0;
  int bFound;
  lc_probe(db, zDb, "SELECT 1 FROM program WHERE code = ?1", zCode, 0, &z);
  bFound = z != 0;
  free(z);
  return bFound;
}

static void begin(sqlite3 *db, const char *zDb) {
  int rc = lc_exec(db, "BEGIN IMMEDIATE");
  if (rc != SQLITE_OK) lc_fail_db(db, lc_errcode(db), zDb, "nothing was written");
}

static void done(sqlite3 *db, const char *zDb, const char *zCode, const char *zWhat,
                 const prog_values *v) {
  lc_buf b = {0};
  int i;
  lc_commit(db, zDb, "nothing was written");
  lc_close(db);
  for (i = 0; i < N_SETTING; i++)
    if (v->az[i] || v->bNull[i]) lc_buf_printf(&b, "%s%s", b.n ? ", " : "", aSetting[i].zKey);
  if (b.n) printf("%s: %s (%s)\n", zCode, zWhat, b.z);
  else printf("%s: %s\n", zCode, zWhat);
  lc_buf_free(&b);
  if (fflush(stdout) != 0) lc_fail("cannot write the output");
}

/* PR-D6: a refusal by a rule of the schema that spans settings (S1:
** judges_min against drop_high + drop_low, say) names the settings given and
** quotes their values, as a refusal by a parser does: "invalid judges_min
** '2': CHECK constraint failed: …". The subject of lc_db_problem(). */
static void settings_subject(lc_buf *b, const char *const *apArg, int n) {
  int i;
  for (i = 0; i < n; i++) {
    const char *e = strchr(apArg[i], '=');
    if (!e) continue;
    lc_buf_printf(b, "%s%.*s '%s'", b->n ? ", " : "invalid ", (int)(e - apArg[i]), apArg[i], e + 1);
  }
  if (b->n) lc_subject = b->z;
}

int lc_cmd_program_add(int argc, char **argv) {
  lc_args a;
  const char *zDb, *zCode, *zName, *zFrom, *zTo, *zOffice;
  char *zStart, *zEnd, azNone[N_SETTING][32];
  lc_param aP[2 * N_SETTING + 8];
  prog_values v;
  sqlite3 *db;
  int n, iFrom, iTo, bDefault;
  lc_buf subject = {0};
  lc_parse_args(&a, LC_OPT_NAME | LC_OPT_FROM | LC_OPT_TO | LC_OPT_OFFICE, argc, argv);
  if (a.nPos < 1) lc_fail("missing argument DB; see 'learnclub help'");
  if (a.nPos < 2) lc_fail("missing argument CODE; see 'learnclub help'");
  zDb = a.apPos[0], zCode = a.apPos[1];
  zName = lc_opt(&a, LC_OPT_NAME), zFrom = lc_opt(&a, LC_OPT_FROM), zTo = lc_opt(&a, LC_OPT_TO);
  zOffice = lc_opt(&a, LC_OPT_OFFICE);
  if (!zName) lc_fail("missing option --name");
  if (!zFrom) lc_fail("missing option --from");
  if (!zTo) lc_fail("missing option --to");
  if (!zCode[0]) lc_fail("invalid program code ''; it must not be empty");
  for (const char *z = zCode; *z; z++) /* P5: one word */
    if ((unsigned char)*z <= ' ' || *z == 0x7f)
      lc_fail("invalid program code '%s'; expected one word, without spaces or control characters", zCode);
  if (!zName[0]) lc_fail("invalid --name ''; it must not be empty");
  db = lc_open_checked(zDb);
  memset(&v, 0, sizeof(v));
  zStart = 0, zEnd = 0;
  lc_probe(db, zDb, "SELECT CASE WHEN is_date(?1) THEN kr_date(?1) END", zFrom, 0, &zStart);
  if (!zStart) lc_fail("invalid --from date '%s'; expected YYYY-MM-DD", zFrom);
  lc_probe(db, zDb, "SELECT CASE WHEN is_date(?1) THEN kr_date(?1) END", zTo, 0, &zEnd);
  if (!zEnd) lc_fail("invalid --to date '%s'; expected YYYY-MM-DD", zTo);
  if (strcmp(zEnd, zStart) < 0)
    lc_fail("invalid --to date '%s': before --from '%s'", zTo, zFrom);
  if (program_exists(db, zDb, zCode)) lc_fail("program '%s' already exists; change it with 'learnclub program-set'", zCode);
  read_settings(db, zDb, a.apPos + 2, a.nPos - 2, 1, &v);
  /* P5: the months of the program by default */
  iFrom = setting_index("reports_from"), iTo = setting_index("reports_to");
  bDefault = !v.az[iFrom] && !v.bNull[iFrom] && !v.az[iTo] && !v.bNull[iTo];
  if (!v.az[iFrom] && !v.bNull[iFrom]) {
    lc_buf b = {0};
    lc_buf_add(&b, zStart, 7);
    lc_buf_add(&b, "", 0);
    v.az[iFrom] = b.z;
  }
  if (!v.az[iTo] && !v.bNull[iTo]) {
    lc_buf b = {0};
    lc_buf_add(&b, zEnd, 7);
    lc_buf_add(&b, "", 0);
    v.az[iTo] = b.z;
  }
  check_tiers(db, zDb, zCode, &v);
  n = set_params(&v, aP, azNone);
  aP[n].zName = "code", aP[n++].zValue = zCode;
  aP[n].zName = "new_name", aP[n++].zValue = zName;
  aP[n].zName = "new_office", aP[n++].zValue = zOffice;
  aP[n].zName = "new_starts_on", aP[n++].zValue = zStart;
  aP[n].zName = "new_ends_on", aP[n++].zValue = zEnd;
  lc_change_log(db, zDb, argc, argv); /* issue 14 (H3): changelog.c */
  begin(db, zDb);
  lc_run_script(db, zDb, "program-add.sql", aP, n, 0, "nothing was written");
  settings_subject(&subject, (const char *const *)a.apPos + 2, a.nPos - 2); /* PR-D6 */
  lc_run_script(db, zDb, "program-set.sql", aP, n, 0, "nothing was written");
  lc_subject = 0;
  lc_buf_free(&subject);
  check_written(db, zDb, zCode, &v);
  if (bDefault) { /* P5's defaults were not given */
    free(v.az[iFrom]), free(v.az[iTo]);
    v.az[iFrom] = v.az[iTo] = 0;
  }
  done(db, zDb, zCode, "added", &v);
  free_values(&v);
  free(zStart), free(zEnd);
  return LC_EXIT_OK;
}

int lc_cmd_program_set(int argc, char **argv) {
  lc_args a;
  const char *zDb, *zCode;
  char azNone[N_SETTING][32];
  lc_param aP[2 * N_SETTING + 2];
  prog_values v;
  sqlite3 *db;
  int n;
  lc_buf subject = {0};
  lc_parse_args(&a, 0, argc, argv);
  if (a.nPos < 1) lc_fail("missing argument DB; see 'learnclub help'");
  if (a.nPos < 2) lc_fail("missing argument CODE; see 'learnclub help'");
  if (a.nPos < 3) lc_fail("missing argument KEY=VALUE; see 'learnclub help'");
  zDb = a.apPos[0], zCode = a.apPos[1];
  db = lc_open_checked(zDb);
  if (!program_exists(db, zDb, zCode)) lc_fail("unknown program '%s'", zCode);
  memset(&v, 0, sizeof(v));
  read_settings(db, zDb, a.apPos + 2, a.nPos - 2, 0, &v);
  check_tiers(db, zDb, zCode, &v);
  n = set_params(&v, aP, azNone);
  aP[n].zName = "code", aP[n++].zValue = zCode;
  lc_change_log(db, zDb, argc, argv); /* issue 14 (H3): changelog.c */
  begin(db, zDb);
  settings_subject(&subject, (const char *const *)a.apPos + 2, a.nPos - 2); /* PR-D6 */
  lc_run_script(db, zDb, "program-set.sql", aP, n, 0, "nothing was written");
  lc_subject = 0;
  lc_buf_free(&subject);
  check_written(db, zDb, zCode, &v);
  done(db, zDb, zCode, "updated", &v);
  free_values(&v);
  return LC_EXIT_OK;
}

int lc_cmd_program_show(int argc, char **argv) {
  lc_args a;
  lc_param aP[1];
  sqlite3 *db;
  lc_writer *w;
  lc_parse_args(&a, LC_OPT_FORMAT, argc, argv);
  if (a.nPos < 1) lc_fail("missing argument DB; see 'learnclub help'");
  if (a.nPos > 2) lc_fail("unexpected argument '%s'", a.apPos[2]);
  db = lc_open_checked(a.apPos[0]);
  if (a.nPos == 2 && !program_exists(db, a.apPos[0], a.apPos[1]))
    lc_fail("unknown program '%s'", a.apPos[1]);
  aP[0].zName = "code", aP[0].zValue = a.nPos == 2 ? a.apPos[1] : 0;
  w = lc_writer_new(a.zFormat, db);
  lc_run_script(db, a.apPos[0], "program-show.sql", aP, 1, lc_writer_sink(w), 0);
  lc_write_stdout(lc_writer_finish(w));
  lc_writer_free(w);
  lc_close(db);
  return LC_EXIT_OK;
}
