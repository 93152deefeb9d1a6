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
check "O6 issue 15 example: at most 5 of a group from one unit (max_from_one_unit holds)" "1" \
  "$(q "SELECT max(n) <= (SELECT max_from_one_unit FROM program) FROM (SELECT count(*) AS n FROM membership m JOIN person p ON p.id = m.person_id GROUP BY m.club_id, p.unit_id)")"
check "O6 issue 15 example: members in two groups (4), clubs_per_person 3, min_members 10, max_from_one_unit 5" "4|3|10|5" \
  "$(q "SELECT (SELECT count(*) FROM (SELECT person_id FROM membership GROUP BY 1 HAVING count(*) = 2)) || '|' || clubs_per_person || '|' || min_members || '|' || max_from_one_unit FROM program")"
check "O7 issue 15 example: two regular meetings a month, March to November, but one of 교통미래연구회's in May (regular_per_month 2)" "1|교통미래연구회 2026-05|2|9|2" \
  "$(q "SELECT min(n) || '|' || (SELECT group_concat(c.name || ' ' || x.m) FROM (SELECT club_id, substr(held_on, 1, 7) AS m FROM meeting WHERE kind = 'regular' GROUP BY 1, 2 HAVING count(*) < 2) x JOIN club c ON c.id = x.club_id)
          || '|' || max(n) || '|' || count(DISTINCT m) || '|' || (SELECT regular_per_month FROM program) FROM (SELECT club_id, substr(held_on, 1, 7) AS m, count(*) AS n FROM meeting WHERE kind = 'regular' GROUP BY 1, 2)")"
out=$("$LC" monthly-check "$db" 2026-05 --format csv); rc=$?
check "O7 issue 15 example: monthly-check says fewer for 교통미래연구회's one meeting in May, held for the 13 others; a finding" \
  "교통미래연구회 fewer 1|13|1" \
  "$(tr -d '"' <<<"$out" | awk -F, '$6 == "fewer" { print $1, $6, $7 }')|$(tr -d '"' <<<"$out" | awk -F, '$6 == "held" && $7 == 2' | wc -l)|$rc"

# --- the contest (O3, O1, O2) --------------------------------------------------------------------
"$LC" evaluate "$db" 2026-H2 --format csv >"$TMPROOT/hanbit-eval.csv"
awarded() { tr -d '"' <"$TMPROOT/hanbit-eval.csv" | awk -F, '$9 == "awarded"'; }
check "O3 issue 15 example: four tiers, 대상 1, 최우수 1, 우수 3, 장려 5" "대상:1 최우수:1 우수:3 장려:5" \
  "$(awarded | awk -F, '{ n[$7]++; if (!($7 in o)) o[$7] = NR } END { for (t in o) print o[t], t ":" n[t] }' | sort -n | cut -d' ' -f2 | tr '\n' ' ' | sed 's/ $//')"
check "O2 O1 issue 15 example: prizes in kind for 대상 and 최우수 (0), 300,000 and 200,000 for the others: 1,900,000" "0|0|300000|200000|1900000" \
  "$(awarded | awk -F, '{ p[$7] = $8; s += $8 } END { print p["대상"] "|" p["최우수"] "|" p["우수"] "|" p["장려"] "|" s }')"
check "O3 issue 15 example: the awards go to the 10 finalists (the groups with a final)" \
  "$(q "SELECT group_concat(name, ' ') FROM (SELECT name FROM club WHERE id IN (SELECT club_id FROM score WHERE stage = 'final') ORDER BY name)")" \
  "$(awarded | cut -d, -f2 | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')"
# Each panel's trimmed mean (KR7: the highest and the lowest judge's total dropped), the judges
# who are members of the group on 2026-12-31 set aside (recusal), weighted 70:30 (O3), recomputed
# here from the score rows; the screening ranks the groups by the experts' mean alone.
scores() {  # scores STAGE → "club score" lines, best first
  q "WITH t AS (SELECT s.club_id, s.panel, s.judge, sum(s.points) AS total FROM score s
                WHERE s.stage = '$1' AND NOT EXISTS (SELECT 1 FROM membership m JOIN person p ON p.id = m.person_id
                      WHERE m.club_id = s.club_id AND p.emp_no = s.judge_emp_no AND m.joined_on <= '2026-12-31' AND coalesce(m.left_on, '9999') >= '2026-12-31')
                GROUP BY 1, 2, 3),
          r AS (SELECT *, row_number() OVER (PARTITION BY club_id, panel ORDER BY total) AS n, count(*) OVER (PARTITION BY club_id, panel) AS k FROM t),
          m AS (SELECT club_id, panel, avg(total) AS mean FROM r WHERE n > 1 AND n < k GROUP BY 1, 2)
     SELECT c.name || ' ' || round(sum(m.mean * CASE m.panel WHEN '청중' THEN 30 ELSE 70 END) / sum(CASE m.panel WHEN '청중' THEN 30 ELSE 70 END), 2)
     FROM m JOIN club c ON c.id = m.club_id GROUP BY c.id ORDER BY 1 IS NULL, sum(m.mean * CASE m.panel WHEN '청중' THEN 30 ELSE 70 END) / sum(CASE m.panel WHEN '청중' THEN 30 ELSE 70 END) DESC"
}
check "O3 issue 15 example: the final's scores, experts 70 and jury 30, in rank order" \
  "$(scores final | tr '\n' '|')" "$(awarded | awk -F, '{ print $2 " " $5 }' | tr '\n' '|')"
check "O3 issue 15 example: the design's figures (0.7 × the experts' base + 0.3 × the jury's)" \
  "기후에너지연구회 91.5|디지털전환연구회 89.9|스마트행정연구회 88.2|청년정책연구회 87.2|안전도시포럼 86.2|도시재생포럼 84.6|인구정책연구회 83.6|문화관광연구회 83.5|주민참여연구회 82.8|환경보전연구회 82.3|" \
  "$(awarded | awk -F, '{ print $2 " " $5 }' | tr '\n' '|')"
check "O3 issue 15 example: 4 screened out with their screening's score, the 10 best go on, no finding" \
  "$(scores screening | tail -n 4 | LC_ALL=C sort | tr '\n' '|')0" \
  "$(tr -d '"' <"$TMPROOT/hanbit-eval.csv" | awk -F, '$9 == "screened_out" { print $2 " " $5 }' | LC_ALL=C sort | tr '\n' '|')$("$LC" evaluate "$db" 2026-H2 >/dev/null; echo $?)"
check "O3 issue 15 example: each finalist's own juror set aside (recusal), nobody else" "10|1|1" \
  "$(awarded | awk -F, '{ n++; if (min == "" || $11 < min) min = $11; if ($11 > max) max = $11 } END { print n "|" min "|" max }')"
check "O6 issue 15 example: the second half's plan due 7-20 (h2=07-20); 인구정책연구회's of 7-22 late" \
  "2026-07-20|인구정책연구회 late" \
  "$(sql "$db" "SELECT report_due('2026-H2', report_rule) FROM program")|$(tr -d '"' <"$TMPROOT/hanbit-eval.csv" | awk -F, '$3 == "late" { print $2 " " $3 }')"

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

# --- hours: officials only (D8), a yearly cap of 20 on the half-year's 12 (hours_cap_year, HR4) --------
for h in H1 H2; do "$LC" hours "$db" 2026-$h --format csv | sed 1d | tr -d '"' >"$TMPROOT/hanbit-$h.csv"; done
check "HR1 issue 15 example: the hours files name officials only (148), no citizen" "148|148|0" \
  "$(wc -l <"$TMPROOT/hanbit-H1.csv")|$(wc -l <"$TMPROOT/hanbit-H2.csv")|$(cat "$TMPROOT/hanbit-H1.csv" "$TMPROOT/hanbit-H2.csv" | grep -c '^CZ')"
want=$(q "WITH a AS (SELECT p.emp_no, substr(mt.held_on, 6, 2) <= '06' AS first, mt.hours FROM attendance at JOIN meeting mt ON mt.id = at.meeting_id
                     JOIN person p ON p.id = at.person_id WHERE p.kind = 'official' AND mt.kind = 'regular'),
               s AS (SELECT emp_no, min(12, coalesce(sum(hours) FILTER (WHERE first), 0)) AS h1, coalesce(sum(hours) FILTER (WHERE NOT first), 0) AS r2 FROM a GROUP BY 1)
          SELECT printf('%s %.1f %.1f', emp_no, h1, min(12, max(0, 20 - h1), r2)) FROM s ORDER BY emp_no")
got=$(awk -F, 'FNR == 1 { f++ } { h[f, $1] = $5; e[$1] = 1 } END { for (k in e) printf "%s %.1f %.1f\n", k, h[1, k], h[2, k] }' "$TMPROOT/hanbit-H1.csv" "$TMPROOT/hanbit-H2.csv" | LC_ALL=C sort)
check "HR4 issue 15 example: each official's first half at most 12, the second at most what 20 leaves" "$want" "$got"
check "HR4 issue 15 example: the yearly cap bites (officials at 20 for the year)" "yes" "$(awk '$2 + $3 == 20 { n++ } END { print (n > 100 ? "yes" : "no") }' <<<"$got")"
