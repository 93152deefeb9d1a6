#!/usr/bin/env bash
# The second example office (issue 15: "A second example office"),
# examples/hanbit2026.sql: 한빛시 2026, made up from other offices' rules
# (DOMAIN.md O1-O7). Built deterministically; its figures checked exactly,
# each from the design written at the top of the example (the groups' bases,
# sizes and spending), not copied from the output.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
export LEARNCLUB_TODAY=2027-01-31
db=$(newdb hanbit-example)
(cd "$LEARNCLUB_ROOT/examples" && "$SQLITE3" -batch -bail "$db" -cmd ".load $LEARNCLUB_EXT" ".read hanbit2026.sql" >/dev/null)
built="$LEARNCLUB_ROOT/examples/hanbit2026.db"
if [ -f "$built" ] && [ -z "$(find "$LEARNCLUB_ROOT/sql" "$LEARNCLUB_ROOT/examples/hanbit2026.sql" -name '*.sql' -newer "$built" | head -n 1)" ]; then
  check "issue 15 example: builds deterministically (as make examples built it)" "$("$SQLITE3" "$built" .dump | md5sum)" "$("$SQLITE3" "$db" .dump | md5sum)"
fi
check "issue 15 example: schema version" 5 "$("$SQLITE3" "$db" 'PRAGMA user_version')"
check "issue 15 example: plain sqlite3 finds no violation" "ok" "$("$SQLITE3" "$db" 'PRAGMA foreign_key_check; PRAGMA integrity_check')"
q() { "$SQLITE3" "$db" "$1"; }

# --- the office (O5, O6, O7) --------------------------------------------------------------------
check "O5 O6 issue 15 example: 14 groups of 10 to 12 members, 152 people" "14|10|12|152" \
  "$(q "SELECT count(*) || '|' || min(n) || '|' || max(n) || '|' || (SELECT count(*) FROM person) FROM (SELECT count(*) AS n FROM membership GROUP BY club_id)")"
check "O3 issue 15 example: citizens are members too (4, one in each group of 12)" "4|4|12" \
  "$(q "SELECT count(*) || '|' || count(DISTINCT m.club_id) || '|' || min((SELECT count(*) FROM membership x WHERE x.club_id = m.club_id)) FROM person p JOIN membership m ON m.person_id = p.id WHERE p.kind = 'citizen'")"
check "O6 issue 15 example: max_members 20 holds (10 to 20 members)" "20" "$(q "SELECT max_members FROM program")"
check "O6 issue 15 example: at most 5 of a group from one unit" "2" \
  "$(q "SELECT max(n) FROM (SELECT count(*) AS n FROM membership m JOIN person p ON p.id = m.person_id GROUP BY m.club_id, p.unit_id)")"
check "O7 issue 15 example: two regular meetings every month of the eight" "2|2|8" \
  "$(q "SELECT min(n) || '|' || max(n) || '|' || count(DISTINCT m) FROM (SELECT club_id, substr(held_on, 1, 7) AS m, count(*) AS n FROM meeting WHERE kind = 'regular' GROUP BY 1, 2)")"

# --- the contest (O3, O1, O2) --------------------------------------------------------------------
"$LC" evaluate "$db" 2026-H2 --format csv >"$TMPROOT/hanbit-eval.csv"
awarded() { tr -d '"' <"$TMPROOT/hanbit-eval.csv" | awk -F, '$9 == "awarded"'; }
check "O3 issue 15 example: four tiers, 대상 1, 최우수 1, 우수 3, 장려 5" "대상:1 최우수:1 우수:3 장려:5" \
  "$(awarded | awk -F, '{ n[$7]++; if (!($7 in o)) o[$7] = NR } END { for (t in o) print o[t], t ":" n[t] }' | sort -n | cut -d' ' -f2 | tr '\n' ' ' | sed 's/ $//')"
check "O2 O1 issue 15 example: prizes in kind for 대상 and 최우수 (0), 300,000 and 200,000 for the others: 1,900,000" "0|0|300000|200000|1900000" \
  "$(awarded | awk -F, '{ p[$7] = $8; s += $8 } END { print p["대상"] "|" p["최우수"] "|" p["우수"] "|" p["장려"] "|" s }')"
check "O3 issue 15 example: the awards go to the 10 finalists (the groups with a final)" \
  "$(q "SELECT group_concat(name, ' ') FROM (SELECT name FROM club WHERE id IN (SELECT club_id FROM score) ORDER BY name)")" \
  "$(awarded | cut -d, -f2 | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')"

# --- incentives per tier (O1, O2) ----------------------------------------------------------------
"$LC" incentives "$db" 2026-H2 --format csv >"$TMPROOT/hanbit-inc.csv"; rc=$?
count() { tr -d '"' <"$TMPROOT/hanbit-inc.csv" | awk -F, -v k="$1" -v t="$2" '$1 == k && $3 == t && $7 == "ok"' | wc -l; }
size() { q "SELECT count(*) FROM membership m JOIN award a ON a.club_id = m.club_id AND a.period = '2026-H2' WHERE a.tier = '$1' AND a.rank = (SELECT min(rank) FROM award WHERE tier = '$1' AND period = '2026-H2')"; }
check "O2 issue 15 example: every member of the 대상 group goes on the overseas trip" "$(size 대상)" "$(count overseas_trip 대상)"
check "O2 issue 15 example: every member of the 최우수 group goes on domestic training" "$(size 최우수)" "$(count domestic_training 최우수)"
check "O1 issue 15 example: promotion preference for the 대상 group and the first 우수 group only" "$(size 대상)|$(size 우수)" \
  "$(count promotion_preference 대상)|$(count promotion_preference 우수)"
check "issue 15 example: incentives: no finding" "0" "$rc"

# --- support allocations (O5) ---------------------------------------------------------------------
"$LC" summary "$db" 2026 --format csv >"$TMPROOT/hanbit-sum.csv"; rc=$?
check "O5 issue 15 example: 14 × 2,000,000 allocated; 기후에너지연구회 50,000 over, a finding" \
  "allocation,allocated,28000000|allocation,spent,$(q 'SELECT sum(amount) FROM expense')|over_allocation,기후에너지연구회,50000|1" \
  "$(tr -d '"' <"$TMPROOT/hanbit-sum.csv" | grep -E '^(allocation|over_allocation),' | tr '\n' '|')$rc"

# --- make demo shows its evaluation beside Jung-gu's ----------------------------------------------
out=$(bash "$LEARNCLUB_ROOT/examples/demo-hanbit.sh" 2>&1); rc=$?
check "issue 15 demo-hanbit: runs" 0 "$rc"
check "issue 15 demo-hanbit: shows the contest's evaluation, its four tiers" "yes|yes|yes|yes" \
  "$(for t in 대상 최우수 우수 장려; do grep -q "awarded" <<<"$(grep -F " $t " <<<"$out")" && printf yes || printf no; [ "$t" = 장려 ] || printf '|'; done)"
check "issue 15 make demo: the 한빛시 part right after Jung-gu's" "examples/demo-junggu.sh examples/demo-hanbit.sh" \
  "$(grep -o 'examples/demo-junggu.sh examples/demo-[a-z]*.sh' "$LEARNCLUB_ROOT/examples/demo.sh")"
