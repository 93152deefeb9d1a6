#!/usr/bin/env bash
# Every kind of record listed and removed, and a club's withdrawal (issue 14,
# H1; cli/cmd_list.c R1-R4), on copies of the example databases.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
j=$(newdb records-junggu); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$j"
n=$(newdb records-naju); cp "$LEARNCLUB_ROOT/examples/naju.db" "$n"
count() { "$SQLITE3" "$1" "SELECT count(*) FROM $2"; }
lines() { "$LC" list "$@" --format csv | sed 1d | wc -l | tr -d ' '; }

# --- R1, R2: list, every kind, its header; filters ----------------------------------------
while IFS='|' read -r kind db header; do
  [ -n "$kind" ] || continue
  out=$("$LC" list "${!db}" "$kind" --format csv); rc=$?
  check "R1 list $kind: header" "$header|0" "$(printf '%s' "$out" | head -n 1)|$rc"
done <<'EOF_KINDS'
programs|j|code,name,office,starts_on,ends_on,clubs
clubs|j|club,program,kind,bureau,status,withdrawn_on,round,members,track
people|j|emp_no,name,unit,kind,email,phone
members|j|club,emp_no,name,role,joined_on,left_on,program
meetings|j|club,held_on,kind,hours,topic,attendees
reports|j|club,kind,period,submitted_at,board_ref,title
scores|j|club,period,judge,criterion,points,panel,judge_emp_no,stage
awards|j|club,period,rank,tier,prize
nominations|j|club,period,emp_no,name,note
places|j|club,period,place,note
expenses|j|id,club,spent_on,kind,amount,note
overrides|j|day,name,is_holiday
pledges|n|code,title,status,completion,total_budget,indicators
indicators|n|pledge,indicator,seq,unit,weight,kind,year,target,achieved,achieved_on
budget|n|plan,year,source,planned,executed,pledge
calls|n|program,opens_on,closes_on,applications,min_teams,max_teams,outcome,reason
proposals|n|id,club,title,field,department,adopted,decided_on
EOF_KINDS
check "R1 list: every row of a kind" "$(count "$j" club)|$(count "$j" meeting)|$(count "$j" report)|$(count "$n" proposal)|$(count "$n" budget_line)" \
  "$(lines "$j" clubs)|$(lines "$j" meetings)|$(lines "$j" reports)|$(lines "$n" proposals)|$(lines "$n" budget)"
check "R2 --club and --period (a month)" "\"예산지킴이\",2015-03-14,regular,3.0,\"연구과제 선정\",8" \
  "$("$LC" list "$j" meetings --club 예산지킴이 --period 2015-03 --format csv | sed 1d)"
check "R2 --period a half-year: the months in it" "$("$SQLITE3" "$j" "SELECT count(*) FROM report WHERE period BETWEEN '2015-07' AND '2015-12' OR period = '2015-H2'")" "$(lines "$j" reports --period 2015-H2)"
check "R2 --period a year" "$(count "$n" "indicator_year WHERE year = 2024")" "$(lines "$n" indicators --period 2024)"
check "R2 --program" "$(count "$n" "club c JOIN program p ON p.id = c.program_id WHERE p.code = 'naju-ddeuseum-2011'")" "$(lines "$n" clubs --program naju-ddeuseum-2011)"
check "R2 people of a club: its members" "$(count "$j" "membership m JOIN club c ON c.id = m.club_id WHERE c.name = '예산지킴이'")" "$(lines "$j" people --club 예산지킴이)"
e=$(newdb records-email); "$LC" init "$e" >/dev/null
printf '%s\n' "program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on,kind,email,phone" \
  "t-2026,동아리,integrated,,총무과,2600001,한사람,president,2026-03-02,,expert,han@example.kr,031-555-0101" >"$TMPROOT/records-email.csv"
"$LC" import-roster "$e" "$TMPROOT/records-email.csv" >/dev/null 2>&1
check "R1 list people: the kind, email and phone the roster recorded (IR6)" '2600001,"한사람","총무과",expert,han@example.kr,031-555-0101' \
  "$("$LC" list "$e" people --format csv | sed 1d)"
out=$("$LC" list "$j" awards 2>&1 >/dev/null); rc=$?
check "R2 nothing to list is said: (no rows) on stderr" "(no rows)|0" "$out|$rc"
check "R2 nothing to list, csv: the header" "club,period,rank,tier,prize" "$("$LC" list "$j" awards --format csv)"
check "R2 nothing to list, json: []" "[]" "$("$LC" list "$j" awards --format json)"

# --- bad input: exact messages, exit 2 --------------------------------------------------------
bad() {
  local name=$1 want=$2 out rc; shift 2
  out=$("$LC" "$@" 2>&1 >/dev/null); rc=$?
  check "$name" "$want|2" "$out|$rc"
}
before=$("$SQLITE3" "$j" .dump | md5sum)
club="club c WHERE c.name = '예산지킴이'"
need=$("$SQLITE3" "$j" "SELECT printf('%d members, %d meetings, %d reports, %d scores, %d nominations, %d expenses',
  (SELECT count(*) FROM membership WHERE club_id = c.id), (SELECT count(*) FROM meeting WHERE club_id = c.id),
  (SELECT count(*) FROM report WHERE club_id = c.id), (SELECT count(*) FROM score WHERE club_id = c.id),
  (SELECT count(*) FROM nomination WHERE club_id = c.id), (SELECT count(*) FROM expense WHERE club_id = c.id)) FROM $club")
att=$(count "$j" "attendance WHERE person_id = (SELECT id FROM person WHERE emp_no = '1500037')")
bad "R1 unknown kind" "learnclub list: unknown kind 'club'; expected one of programs, clubs, people, members, meetings, reports, scores, awards, nominations, places, expenses, overrides, pledges, indicators, budget, calls, proposals" list "$j" club
bad "R2 unknown program" "learnclub list: unknown program 'jg-2015'" list "$j" clubs --program jg-2015
bad "R2 unknown club" "learnclub list: no club '예산'" list "$j" meetings --club 예산
bad "R2 club not in the program" "learnclub list: no club '예산지킴이' in program 'naju-ddeuseum-2011'" list "$n" meetings --club 예산지킴이 --program naju-ddeuseum-2011
bad "R2 bad period" "learnclub list: invalid --period '2015-H3'; expected YYYY, YYYY-H1, YYYY-H2 or YYYY-MM" list "$j" reports --period 2015-H3
bad "R2 a filter the kind has no use for" "learnclub list: list pledges takes no --club" list "$n" pledges --club x
bad "R2 overrides take no --program" "learnclub list: list overrides takes no --program" list "$j" overrides --program junggu-2015
bad "R2 missing kind" "learnclub list: missing argument KIND; see 'learnclub help'" list "$j"
bad "R3 remove: key count" "learnclub remove: remove meetings takes 3 keys, CLUB HELD_ON KIND; got 2" remove "$j" meetings 예산지킴이 2015-03-14
bad "R3 remove: no such row" "learnclub remove: no extra meeting of club '예산지킴이' on 2015-03-14" remove "$j" meetings 예산지킴이 2015-03-14 extra
bad "R3 remove: a club with records, counted" "learnclub remove: club '예산지킴이' is still needed by $need; remove them first" remove "$j" clubs 예산지킴이
bad "R3 remove: a program with clubs" "learnclub remove: program 'junggu-2015' is still needed by 13 clubs; remove them first" remove "$j" programs junggu-2015
bad "R3 remove: a person with memberships" "learnclub remove: person '1500037' is still needed by 1 memberships, $att attendance rows, 1 nominations; remove them first" remove "$j" people 1500037
bad "R3 remove: a member who attended" "learnclub remove: member '1500037' of club '예산지킴이' is still needed by $att attendance rows, 1 nominations; remove them first" remove "$j" members 예산지킴이 1500037
bad "R3 remove: expense id not a number" "learnclub remove: no expense 01" remove "$j" expenses 01
bad "R3 remove: --program where no club is named" "learnclub remove: remove people takes no --program" remove "$j" people 1 --program junggu-2015
bad "R4 withdraw: meetings after the day, counted" "learnclub withdraw: club '예산지킴이' has 7 meetings after 2015-06-30; remove them first" withdraw "$j" 예산지킴이 --on 2015-06-30
bad "R4 withdraw: outside the program" "learnclub withdraw: club '예산지킴이': 2016-01-04 is outside its program 'junggu-2015' (2015-02-01 to 2015-12-31)" withdraw "$j" 예산지킴이 --on 2016-01-04
bad "R4 withdraw: no --on" "learnclub withdraw: missing option --on" withdraw "$j" 예산지킴이
bad "R4 withdraw: bad date" "learnclub withdraw: invalid --on date '2015-02-30'; expected YYYY-MM-DD" withdraw "$j" 예산지킴이 --on 2015-02-30
bad "R4 withdraw: unknown club" "learnclub withdraw: no club '예산'" withdraw "$j" 예산 --on 2015-06-30
check "R3 R4 refusals: nothing written" "$before" "$("$SQLITE3" "$j" .dump | md5sum)"

# --- R3: remove, with what belongs to it -----------------------------------------------------
matt=$("$SQLITE3" "$j" "SELECT count(*) FROM attendance at JOIN meeting mt ON mt.id = at.meeting_id JOIN club c ON c.id = mt.club_id WHERE c.name = '예산지킴이' AND mt.held_on = '2015-03-14'")
out=$("$LC" remove "$j" meetings 예산지킴이 2015-03-14 regular 2>&1); rc=$?
check "R3 issue 14: a meeting goes with its attendance" "removed the regular meeting of club '예산지킴이' on 2015-03-14, with its $matt attendance rows|0" "$out|$rc"
check "R3 no orphan attendance" "0" "$(count "$j" "attendance WHERE meeting_id NOT IN (SELECT id FROM meeting)")"
out=$("$LC" remove "$j" reports 예산지킴이 monthly 2015-03 2>&1); rc=$?
check "R3 a report filed under the wrong club goes" "removed the monthly report of club '예산지킴이' for 2015-03|0|0" \
  "$out|$rc|$(count "$j" "report r JOIN club c ON c.id = r.club_id WHERE c.name = '예산지킴이' AND r.period = '2015-03'")"
out=$("$LC" remove "$j" scores 건강도시연구회 2015-H1 심사위원1 성과 2>&1); rc=$?
check "R3 a judge's mistyped score goes" "removed the score of club '건강도시연구회' for 2015-H1 by judge '심사위원1' on '성과'|0" "$out|$rc"
out=$("$LC" remove "$n" indicators 7-2-3 '추진계획 수립' 2>&1); rc=$?
check "R3 an indicator goes with its years" "removed indicator '추진계획 수립' of pledge '7-2-3', with its 5 yearly rows|0|0" \
  "$out|$rc|$(count "$n" "indicator_year WHERE indicator_id NOT IN (SELECT id FROM indicator)")"
bad "R3 a pledge a budget plan names" "learnclub remove: pledge '7-2-3' is still needed by 1 budget plans; remove them first" remove "$n" pledges 7-2-3
out=$("$LC" remove "$n" calls naju-ddeuseum-2011 2>&1); rc=$?
check "R3 a call" "removed the call for teams of program 'naju-ddeuseum-2011'|0" "$out|$rc"
out=$("$LC" remove "$n" proposals 1 2>&1); rc=$?
check "R3 a proposal by id" "removed proposal 1|0|0" "$out|$rc|$(count "$n" "proposal WHERE id = 1")"
out=$("$LC" remove "$n" budget '뜻세움운영 활성화' 2022 city 2>&1); rc=$?
check "R3 a budget line" "removed the budget line of plan '뜻세움운영 활성화' for 2022 from city|0" "$out|$rc"
e=$(newdb records-empty); "$LC" init "$e" >/dev/null
"$LC" program-add "$e" a-2026 --name a --from 2026-01-01 --to 2026-12-31 >/dev/null
"$SQLITE3" "$e" "INSERT INTO team_call(program_id, min_teams) VALUES (1, 3)"
out=$("$LC" remove "$e" programs a-2026 2>&1); rc=$?
check "R3 a program without clubs goes with its call" "removed program 'a-2026' and its call for teams|0|0" "$out|$rc|$(count "$e" team_call)"

# --- R4: withdraw (D6) -------------------------------------------------------------------------
out=$("$LC" withdraw "$j" 세입발굴단 --on 2015.12.31. 2>&1); rc=$?
check "R4 withdraw" "club '세입발굴단' withdrawn on 2015-12-31 (D6): left out of checks and awards from then|0" "$out|$rc"
check "R4 withdraw: stored" "withdrawn|2015-12-31" "$("$SQLITE3" "$j" "SELECT status, withdrawn_on FROM club WHERE name = '세입발굴단'")"
bad "R4 withdraw: again" "learnclub withdraw: club '세입발굴단' withdrew on 2015-12-31 already" withdraw "$j" 세입발굴단 --on 2015-12-31

# --- the change log (issue 14, H3's cli/changelog.c): a row per command that wrote ------------
check "change log: a row for each remove and withdraw that wrote, none for a refusal" "remove|3 withdraw|1" \
  "$("$SQLITE3" "$j" "SELECT group_concat(command || '|' || n, ' ') FROM (SELECT command, count(*) AS n FROM change_log WHERE command LIKE 'program-%' OR command IN ('remove', 'withdraw') GROUP BY command ORDER BY command)")"
check "change log: the meeting's attendance in the row" "$matt" \
  "$("$SQLITE3" "$j" "SELECT json_extract(changes, '\$.attendance.removed') FROM change_log WHERE command = 'remove' AND args LIKE '%meetings%'")"
