#!/usr/bin/env bash
# The Naju example (examples/naju.sql): built deterministically, it adds up to
# the card (NJ3-NJ9), and the commands and the demo print every figure the
# card prints: 73.33, 80, 66.67, 75.4, 42, 70, 52, 74, 667, 9, 8.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
db=$(newdb naju-example)
(cd "$LEARNCLUB_ROOT/examples" && "$SQLITE3" -batch -bail "$db" -cmd ".load $LEARNCLUB_EXT" ".read naju.sql" >/dev/null)
# examples/naju.db as `make examples` built it, when it is up to date with its sources
built="$LEARNCLUB_ROOT/examples/naju.db"
if [ -f "$built" ] && [ -n "$(find "$LEARNCLUB_ROOT/sql" "$LEARNCLUB_ROOT/examples/naju.sql" -name '*.sql' -newer "$built" | head -n 1)" ]; then
  built=""
fi
if [ -n "$built" ] && [ -f "$built" ]; then
  check "example: builds deterministically (as make examples built it)" "$("$SQLITE3" "$built" .dump | md5sum)" "$("$SQLITE3" "$db" .dump | md5sum)"
fi
check "example: schema version" 5 "$("$SQLITE3" "$db" 'PRAGMA user_version')"
check "example: plain sqlite3 finds no violation" "ok" "$("$SQLITE3" "$db" 'PRAGMA foreign_key_check; PRAGMA integrity_check')"
q() { "$SQLITE3" "$db" "$1"; }
DD="p.code LIKE 'naju-ddeuseum-%'"

check "NJ3 example: 9 runs in 2011-2014, 2016, 2017, 2019, 2021, 2023" "9|2011,2012,2013,2014,2016,2017,2019,2021,2023" \
  "$(q "SELECT count(*) || '|' || group_concat(y, ',') FROM (SELECT substr(p.starts_on, 1, 4) AS y FROM program p JOIN team_call t ON t.program_id = p.id WHERE $DD AND t.outcome = 'run' ORDER BY 1)")"
check "NJ3 example: 70 teams, 70 topics, 667 participants" "70|70|667" \
  "$(q "SELECT (SELECT count(*) FROM club c JOIN program p ON p.id = c.program_id WHERE $DD) || '|' ||
               (SELECT count(*) FROM proposal pr JOIN club c ON c.id = pr.club_id JOIN program p ON p.id = c.program_id WHERE $DD) || '|' ||
               (SELECT count(*) FROM membership m JOIN club c ON c.id = m.club_id JOIN program p ON p.id = c.program_id WHERE $DD)")"
check "NJ3 example: not run in 2015, 2018, 2020, 2022, 2024" "2015,2018,2020,2022,2024" \
  "$(q "SELECT group_concat(y, ',') FROM (SELECT substr(p.starts_on, 1, 4) AS y FROM program p JOIN team_call t ON t.program_id = p.id WHERE t.outcome = 'cancelled' ORDER BY 1)")"
check "NJ5 example: 2023 had 6 teams and 53 people" "6|53" \
  "$(q "SELECT count(DISTINCT c.id) || '|' || count(*) FROM membership m JOIN club c ON c.id = m.club_id WHERE c.program_id = 23")"
check "NJ1 example: no 뜻세움 team has more than 20% outsiders" "0" \
  "$(q "SELECT count(*) FROM (SELECT c.id FROM club c JOIN program p ON p.id = c.program_id JOIN membership m ON m.club_id = c.id JOIN person x ON x.id = m.person_id
        WHERE $DD GROUP BY c.id HAVING 100.0 * sum(x.kind <> 'official') > 20 * count(*))")"
check "NJ6 example: 9 teams of at most 4, rounds 5, 2, 2, one withdrawn" "9|4|1:5 2:2 3:2|1" \
  "$(q "SELECT count(*) || '|' || max(size) || '|' || (SELECT group_concat(r || ':' || n, ' ') FROM (SELECT selection_round AS r, count(*) AS n FROM club WHERE program_id = 25 GROUP BY 1)) || '|' || sum(status = 'withdrawn')
        FROM (SELECT c.status, (SELECT count(*) FROM membership m WHERE m.club_id = c.id) AS size FROM club c WHERE c.program_id = 25)")"
check "NJ6 D6 example: 8 teams awarded for 2025-H1, 4,700,000 KRW" "8|1000000|700000|500000|4700000" \
  "$(q "SELECT count(*) || '|' || max(prize) FILTER (WHERE tier = '최우수') || '|' || max(prize) FILTER (WHERE tier = '우수') || '|' || max(prize) FILTER (WHERE tier = '참가') || '|' || sum(prize) FROM award WHERE period = '2025-H1'")"
check "NJ5 example: the 2023 best team's prize" "최우수|10000000" "$(q "SELECT tier || '|' || prize FROM award WHERE period = '2023-H2'")"

# --- the commands on the card's figures ------------------------------------------------
out=$("$LC" adoption "$db" --format csv); rc=$?
check "NJ3 NJ4 adoption: all, 9 runs, 70 teams, 667 participants, 52 of 70 = 74.29, 74%" "all,9,70,667,70,52,0,74.29,74|0" "$(tail -n 1 <<<"$out")|$rc"
check "NJ4 adoption: 7 in 2019, 5 in 2021, 6 in 2023" "2019,7 2021,5 2023,6" \
  "$(grep -E '^20(19|21|23),' <<<"$out" | cut -d, -f1,6 | paste -sd' ')"
check "NJ4 adoption 2019 alone" "year,runs,teams,participants,proposals,adopted,pending,rate,percent
2019,1,8,76,8,7,0,87.5,88" "$("$LC" adoption "$db" 2019 --format csv)"

out=$("$LC" pledge-report "$db" --as-of 2025-09-30 --format csv); rc=$?
check "NJ8 D5 pledge-report as of 2025-09-30: the card's table" \
'row,pledge,indicator,year,target,target_cum,achieved,achieved_cum,rate,status
year,7-2-3,"추진계획 수립",2022,1,1,1,1,,
year,7-2-3,"추진계획 수립",2023,1,2,1,2,,
year,7-2-3,"추진계획 수립",2024,1,3,1,3,,
year,7-2-3,"추진계획 수립",2025,1,4,1,4,,
year,7-2-3,"추진계획 수립",2026,1,5,,,,
indicator,7-2-3,"추진계획 수립",,5,,4,,80,
year,7-2-3,"보고회 개최 (성과공유 및 평가)",2022,,,,,,
year,7-2-3,"보고회 개최 (성과공유 및 평가)",2023,1,1,1,1,,
year,7-2-3,"보고회 개최 (성과공유 및 평가)",2024,1,2,,1,,
year,7-2-3,"보고회 개최 (성과공유 및 평가)",2025,1,3,1,2,,
year,7-2-3,"보고회 개최 (성과공유 및 평가)",2026,,,,,,
indicator,7-2-3,"보고회 개최 (성과공유 및 평가)",,3,,2,,66.67,
pledge,7-2-3,"학습동아리 활성화",,,,,,73.33,completed_continuing
completion,,,,1,,1,,100,|0' "$out|$rc"
out=$("$LC" pledge-report "$db" --as-of 2025-06-30 --format csv | grep -E '^(indicator|pledge),' | cut -d, -f1,3,9)
check "NJ8 pledge-report as of 2025-06-30: the 2025 meeting (July) not yet held" 'indicator,"추진계획 수립",80
indicator,"보고회 개최 (성과공유 및 평가)",33.33
pledge,"학습동아리 활성화",56.67' "$out"

out=$("$LC" budget "$db" --format csv); rc=$?
check "NJ7 budget: 33, 18.5, 13.2, 10.7 = 75.4 planned, 33 + 9 = 42 executed" \
'plan,year,national,province,city,other,planned,executed,rate
"뜻세움운영 활성화",2022,0,0,0,0,0,0,
"뜻세움운영 활성화",2023,0,0,33,0,33,33,100
"뜻세움운영 활성화",2024,0,0,18.5,0,18.5,0,0
"뜻세움운영 활성화",2025,0,0,13.2,0,13.2,9,68.18
"뜻세움운영 활성화",2026,0,0,10.7,0,10.7,0,0
"뜻세움운영 활성화",total,0,0,75.4,0,75.4,42,55.7|0' "$out|$rc"

out=$("$LC" intake "$db" 2024 --format csv); rc=$?
check "NJ3 intake 2024: cancelled, 3 teams applied" 'program,applications,min_teams,max_teams,teams,status,reason
naju-ddeuseum-2024,3,5,10,0,cancelled,"참여팀 미달: 3개 팀 접수, 미운영 (2024. 4. 보고)"|1' "$out|$rc"
out=$("$LC" intake "$db" 2022 --format csv | tail -n 1); 
check "NJ3 intake 2022: COVID-19" 'naju-ddeuseum-2022,,5,10,0,cancelled,"참여율 미달 (코로나19)"' "$out"
out=$("$LC" teams "$db" 2025 --format csv); rc=$?
check "NJ6 teams 2025: 9 teams, rounds 5 2 2, one withdrawn, none over the rules" "9|5 1,2 2,2 3|1|0" \
  "$(tail -n +2 <<<"$out" | wc -l)|$(tail -n +2 <<<"$out" | cut -d, -f2 | uniq -c | awk '{printf "%s%s %s", (NR > 1 ? "," : ""), $1, $2}')|$(grep -c ',withdrawn,' <<<"$out")|$rc"
out=$(cp "$db" "$db.copy" && "$LC" evaluate "$db.copy" 2025-H1 --format csv); rc=$?
check "NJ6 D6 evaluate 2025-H1: 8 teams evaluated, the withdrawn one left out" "8|0|0" \
  "$(tail -n +2 <<<"$out" | grep -c ',awarded,')|$(grep -c '완주' <<<"$out")|$rc"

# --- the demo prints every figure of the card ---------------------------------------------
if [ -n "$built" ] && [ -f "$built" ]; then
  out=$(bash "$LEARNCLUB_ROOT/examples/demo-naju.sh" 2>&1); rc=$?
  check "demo-naju: runs" 0 "$rc"
  for f in 73.33 80 66.67 75.4 42 70 52 74 667 9 8; do
    check "demo-naju: the card's figure $f appears" yes "$(grep -qFw -- "$f" <<<"$out" && echo yes || echo no)"
  done
fi
