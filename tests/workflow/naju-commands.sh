#!/usr/bin/env bash
# Naju commands (issue 5): intake (NJ3), teams (NJ1, NJ6, D6), adoption (NJ2,
# NJ4), budget (NJ7) and pledge-report (NJ8, NJ9, D5, KR8) on the small Naju
# fixture, with exact output in table, CSV and JSON and the exit status; the
# checks' findings; bad arguments refused with exit 2 and nothing written.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
FIXTURE="$LEARNCLUB_ROOT/tests/workflow/fixtures/naju-small.sql.in"
db=$(newdb naju-commands)
"$LC" init "$db" >/dev/null
"$SQLITE3" -bail "$db" ".read $FIXTURE"

# run CASE EXPECTED_STATUS EXPECTED_OUTPUT ARGS... — stdout and stderr together
run() {
  local name="$1" st="$2" exp="$3" out rc; shift 3
  out=$("$LC" "$@" 2>&1); rc=$?
  check "$name" "$exp" "$out"
  check "$name: exit $st" "$st" "$rc"
}

run "NJ3 intake 2026: a run that ran, a call with applications enough (NJ1 max_teams)" 0 "\
program   applications  min_teams  max_teams  teams  status  reason
--------  ------------  ---------  ---------  -----  ------  ------------------------------------------------------------------
exp-2026             5          3          3      3  go      ran with 3 teams
grp-2026             6          2          5      2  go      6 teams applied, at least the minimum of 2; select at most 5 (NJ1)" intake "$db" 2026
run "NJ3 intake 2027 csv: too few applications" 1 "\
program,applications,min_teams,max_teams,teams,status,reason
grp-2027,2,3,10,0,too_few,\"2 teams applied, fewer than the minimum of 3 (NJ3)\"" intake "$db" 2027 --format csv
run "NJ3 intake 2028 json: applications not counted yet" 0 "\
[{\"program\":\"grp-2028\",\"applications\":null,\"min_teams\":3,\"max_teams\":10,\"teams\":0,\"status\":\"open\",\"reason\":\"applications not counted yet\"}]" intake "$db" 2028 --format json
run "NJ3 intake 2029: a cancelled call and its reason" 1 "\
program   applications  min_teams  max_teams  teams  status     reason
--------  ------------  ---------  ---------  -----  ---------  --------
grp-2029                        3         10      0  cancelled  코로나19" intake "$db" 2029
run "NJ3 intake 2030 json: no call at all" 1 "\
[{\"program\":null,\"applications\":null,\"min_teams\":null,\"max_teams\":null,\"teams\":0,\"status\":\"none\",\"reason\":\"no call for teams in 2030\"}]" intake "$db" 2030 --format json
run "NJ1 NJ6 D6 teams 2026: rounds, sizes, outsider shares at 20%, a withdrawn team" 0 "\
program   round  team  leader  size  outsiders  outsider_share  max_members  max_share  status     withdrawn_on
--------  -----  ----  ------  ----  ---------  --------------  -----------  ---------  ---------  ------------
exp-2026      1  A팀   직원1      4          0               0            4          0  active
exp-2026      1  B팀   직원5      2          0               0            4          0  active
exp-2026      2  C팀   직원7      3          0               0            4          0  withdrawn  2026-06-10
grp-2026      1  가팀  직원10     5          1              20                      20  active
grp-2026      1  나팀  직원14    10          2              20                      20  active" teams "$db" 2026
run "NJ1 NJ6 teams 2026 csv" 0 "\
program,round,team,leader,size,outsiders,outsider_share,max_members,max_share,status,withdrawn_on
exp-2026,1,\"A팀\",\"직원1\",4,0,0,4,0,active,
exp-2026,1,\"B팀\",\"직원5\",2,0,0,4,0,active,
exp-2026,2,\"C팀\",\"직원7\",3,0,0,4,0,withdrawn,2026-06-10
grp-2026,1,\"가팀\",\"직원10\",5,1,20,,20,active,
grp-2026,1,\"나팀\",\"직원14\",10,2,20,,20,active," teams "$db" 2026 --format csv
run "NJ4 adoption: per year and in all" 0 "\
year  runs  teams  participants  proposals  adopted  pending  rate   percent
----  ----  -----  ------------  ---------  -------  -------  -----  -------
2026     2      5            24          3        1        1  33.33       33
all      2      5            24          3        1        1  33.33       33" adoption "$db"
run "NJ4 adoption 2026 csv: 1 of 3 with 1 pending" 0 "\
year,runs,teams,participants,proposals,adopted,pending,rate,percent
2026,2,5,24,3,1,1,33.33,33" adoption "$db" 2026 --format csv
run "NJ4 adoption 2027 json: a year without proposals" 0 "\
[{\"year\":\"2027\",\"runs\":0,\"teams\":0,\"participants\":0,\"proposals\":0,\"adopted\":0,\"pending\":0,\"rate\":null,\"percent\":null}]" adoption "$db" 2027 --format json
run "NJ7 budget: by year and source, over plan in 2027" 1 "\
plan             year   national  province  city  other  planned  executed  rate
---------------  -----  --------  --------  ----  -----  -------  --------  -----
학습동아리 지원  2026          5         0    10      0       15         4  26.67
학습동아리 지원  2027          0         0   2.5      0      2.5         3    120
학습동아리 지원  total         5         0  12.5      0     17.5         7     40" budget "$db"
run "NJ7 budget csv" 1 "\
plan,year,national,province,city,other,planned,executed,rate
\"학습동아리 지원\",2026,5,0,10,0,15,4,26.67
\"학습동아리 지원\",2027,0,0,2.5,0,2.5,3,120
\"학습동아리 지원\",total,5,0,12.5,0,17.5,7,40" budget "$db" --format csv
run "NJ8 D5 KR8 pledge-report: over-achieved capped, a year with no target, weights, completion" 0 "\
row         pledge  indicator   year  target  target_cum  achieved  achieved_cum  rate   status
----------  ------  ----------  ----  ------  ----------  --------  ------------  -----  --------------------
year        P-1     가          2026       2           2         3             3
year        P-1     가          2027
indicator   P-1     가                     2                     3                  100
year        P-1     나          2026       4           4         1             1
year        P-1     나          2027       4           8
indicator   P-1     나                     8                     1                 12.5
pledge      P-1     학습동아리                                                    56.25  completed_continuing
year        P-2     다          2026       1           1         1             1
indicator   P-2     다                     1                     1                  100
year        P-2     라          2026       1           1         0             0
indicator   P-2     라                     1                     0                    0
pledge      P-2     정책연구                                                         75  on_track
pledge      P-3     조례 제정                                                            completed
completion                                 3                     2                66.67" pledge-report "$db" --as-of 2026-12-31
run "NJ8 pledge-report --as-of 2026-04-30 csv: results recorded later are not seen" 0 "\
row,pledge,indicator,year,target,target_cum,achieved,achieved_cum,rate,status
year,P-1,\"가\",2026,2,2,3,3,,
year,P-1,\"가\",2027,,,,,,
indicator,P-1,\"가\",,2,,3,,100,
year,P-1,\"나\",2026,4,4,,0,,
year,P-1,\"나\",2027,4,8,,,,
indicator,P-1,\"나\",,8,,0,,0,
pledge,P-1,\"학습동아리\",,,,,,50,completed_continuing
year,P-2,\"다\",2026,1,1,,0,,
indicator,P-2,\"다\",,1,,0,,0,
year,P-2,\"라\",2026,1,1,,0,,
indicator,P-2,\"라\",,1,,0,,0,
pledge,P-2,\"정책연구\",,,,,,0,on_track
pledge,P-3,\"조례 제정\",,,,,,,completed
completion,,,,3,,2,,66.67," pledge-report "$db" --as-of 2026-04-30 --format csv

# --- JSON: numbers are numbers, whole rates without decimals --------------------------
out=$("$LC" pledge-report "$db" --as-of 2026-12-31 --format json | grep -E '"row":"(pledge|completion)"')
check "NJ8 D5 KR8 pledge-report json: pledge and completion rows" \
'{"row":"pledge","pledge":"P-1","indicator":"학습동아리","year":null,"target":null,"target_cum":null,"achieved":null,"achieved_cum":null,"rate":56.25,"status":"completed_continuing"},
{"row":"pledge","pledge":"P-2","indicator":"정책연구","year":null,"target":null,"target_cum":null,"achieved":null,"achieved_cum":null,"rate":75,"status":"on_track"},
{"row":"pledge","pledge":"P-3","indicator":"조례 제정","year":null,"target":null,"target_cum":null,"achieved":null,"achieved_cum":null,"rate":null,"status":"completed"},
{"row":"completion","pledge":null,"indicator":null,"year":null,"target":3,"target_cum":null,"achieved":2,"achieved_cum":null,"rate":66.67,"status":null}]' "$out"
out=$("$LC" budget "$db" --format json | tail -n 1)
check "NJ7 budget json: the total" '{"plan":"학습동아리 지원","year":"total","national":5,"province":0,"city":12.5,"other":0,"planned":17.5,"executed":7,"rate":40}]' "$out"
# D5: without the cap, P-1 would be (150 + 12.5) / 2 = 81.25
check "D5 the cap is what gives 56.25" "56.25|81.25" \
  "$(sql "$db" "SELECT round(pledge_rate(a, t), 2) || '|' || round(avg(100.0 * a / t), 2) FROM (SELECT 3 AS a, 2 AS t UNION ALL SELECT 1, 8)")"

# --- findings: rules tightened after the teams were written (NJ1, NJ6) ----------------
"$SQLITE3" "$db" "UPDATE program SET max_members = 3 WHERE id = 1; UPDATE program SET outsider_pct = 15 WHERE id = 2;"
run "NJ6 NJ1 teams: over_size and over_share are findings" 1 "\
program,round,team,leader,size,outsiders,outsider_share,max_members,max_share,status,withdrawn_on
exp-2026,1,\"A팀\",\"직원1\",4,0,0,3,0,over_size,
exp-2026,1,\"B팀\",\"직원5\",2,0,0,3,0,active,
exp-2026,2,\"C팀\",\"직원7\",3,0,0,3,0,withdrawn,2026-06-10
grp-2026,1,\"가팀\",\"직원10\",5,1,20,,15,over_share,
grp-2026,1,\"나팀\",\"직원14\",10,2,20,,15,over_share," teams "$db" 2026 --format csv
"$SQLITE3" "$db" "UPDATE program SET max_members = 4 WHERE id = 1; UPDATE program SET outsider_pct = 20 WHERE id = 2;"
run "teams 2027: no team, no output (issue 13 O2: '(no rows)' on stderr)" 0 "(no rows)" teams "$db" 2027
"$SQLITE3" "$db" "UPDATE budget_line SET executed = 2500000 WHERE year = 2027"
out=$("$LC" budget "$db" --format csv); rc=$?
check "NJ7 budget: execution at its plan is no finding" '"학습동아리 지원",2027,0,0,2.5,0,2.5,2.5,100|0' "$(grep ',2027,' <<<"$out")|$rc"
"$SQLITE3" "$db" "UPDATE budget_line SET executed = 3000000 WHERE year = 2027"

# --- bad arguments: exit 2, a message naming the argument, nothing changed ------------
sum=$("$SQLITE3" "$db" .dump | md5sum)
run "intake: bad year" 2 "learnclub intake: invalid year '2026-01'; expected YYYY" intake "$db" 2026-01
run "intake: SQL in the year" 2 "learnclub intake: invalid year '2026'); DROP TABLE team_call; --'; expected YYYY" intake "$db" "2026'); DROP TABLE team_call; --"
run "intake: missing year" 2 "learnclub intake: missing argument YYYY; see 'learnclub help'" intake "$db"
run "teams: bad year" 2 "learnclub teams: invalid year '26'; expected YYYY" teams "$db" 26
run "teams: unknown option" 2 "learnclub teams: unknown option '--round'" teams "$db" 2026 --round 1
run "adoption: bad year" 2 "learnclub adoption: invalid year 'all'; expected YYYY" adoption "$db" all
run "adoption: extra argument" 2 "learnclub adoption: unexpected argument 'x'" adoption "$db" 2026 x
run "adoption: missing database" 2 "learnclub adoption: missing argument DB; see 'learnclub help'" adoption
run "budget: extra argument" 2 "learnclub budget: unexpected argument '2026'" budget "$db" 2026
run "budget: bad --format" 2 "learnclub budget: invalid --format 'xml'; expected table, csv, json or xlsx" budget "$db" --format xml
run "pledge-report: bad --as-of" 2 "learnclub pledge-report: invalid --as-of date '2025-09-31'; expected YYYY-MM-DD" pledge-report "$db" --as-of 2025-09-31
run "pledge-report: SQL in --as-of" 2 "learnclub pledge-report: invalid --as-of date '2025-09-30'; DELETE FROM pledge; --'; expected YYYY-MM-DD" \
  pledge-report "$db" --as-of "2025-09-30'; DELETE FROM pledge; --"
run "pledge-report: a year is not an option" 2 "learnclub pledge-report: unexpected argument '2025'" pledge-report "$db" 2025
out=$(LEARNCLUB_TODAY=2025-13-01 "$LC" pledge-report "$db" 2>&1); rc=$?
check "pledge-report: bad LEARNCLUB_TODAY" "learnclub pledge-report: invalid LEARNCLUB_TODAY date '2025-13-01'; expected YYYY-MM-DD|2" "$out|$rc"
out=$(LEARNCLUB_TODAY=2026-12-31 "$LC" pledge-report "$db" --format csv | tail -n 1)
check "pledge-report: --as-of defaults to today (L8)" "completion,,,,3,,2,,66.67," "$out"
check "bad arguments changed nothing" "$sum" "$("$SQLITE3" "$db" .dump | md5sum)"
old=$(newdb naju-commands-v2); "$SQLITE3" "$old" "PRAGMA user_version = 2; CREATE TABLE club(x);"
run "S3 a version-2 database is refused until init" 2 "learnclub budget: database '$old' is at schema version 2, not 5; run 'learnclub init' on it" budget "$old"
