#!/usr/bin/env bash
# Issue 15 (helper C): membership, meetings and hours as program settings;
# issue 16: the hours file per person, as General Affairs records it. Exact
# figures throughout; every refusal by its exact message.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
W="$TMPROOT/settings15"; rm -rf "$W"; mkdir -p "$W"
RH='program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on,kind'
MH='club,held_on,kind,hours,topic,attendees'
bad() {  # bad CASE MESSAGE ARGS... — exit 2 and the exact message on stderr
  local name=$1 want=$2 out rc; shift 2
  out=$("$LC" "$@" 2>&1 >/dev/null); rc=$?
  check "$name" "$want|2" "$out|$rc"
}
plain_error() {  # the message a plain sqlite3 (no extension) gets
  "$SQLITE3" -batch "$1" "$2" 2>&1 >/dev/null | sed -E -n '1{s/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Error: near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//; p}'
}

# --- settings: stored, shown, checked (cli/cmd_program.c P8) -----------------------------------
db=$(newdb settings15-program)
"$LC" init "$db" >/dev/null
out=$("$LC" program-add "$db" o6-2026 --name 연구모임 --from 2026-01-01 --to 2026-12-31 min_members=10 clubs_per_person=3 \
      max_from_one_unit=5 'outsiders=citizen, 전문가' regular_per_month=2 hours_cap_year=20 hours_per_meeting_cap=2.5 hours_shared_cap=0 2>&1); rc=$?
check "issue 15: program-add takes the new settings" \
  "o6-2026: added (min_members, clubs_per_person, max_from_one_unit, outsiders, regular_per_month, hours_cap_year, hours_per_meeting_cap, hours_shared_cap)|0" "$out|$rc"
check "issue 15: stored as given; outsiders in the schema's order" "10|3|5|expert,citizen|2|20.0|2.5|0" \
  "$("$SQLITE3" "$db" "SELECT min_members, clubs_per_person, max_from_one_unit, outsiders, regular_per_month, hours_cap_year, hours_per_meeting_cap, hours_shared_cap FROM program")"
check "issue 15: the defaults are today's rules" "none|1|none|expert,citizen|1|none|none|1" \
  "$("$LC" program-add "$db" d-2026 --name d --from 2026-01-01 --to 2026-12-31 >/dev/null && "$LC" program-show "$db" d-2026 --format json |
     python3 -c 'import json,sys; d=json.load(sys.stdin)[0]; print("|".join(str(d[k]) for k in ("min_members","clubs_per_person","max_from_one_unit","outsiders","regular_per_month","hours_cap_year","hours_per_meeting_cap","hours_shared_cap")))')"
"$LC" program-set "$db" o6-2026 min_members=none max_from_one_unit=none hours_cap_year=none hours_per_meeting_cap=none >/dev/null
check "issue 15: none is NULL" "1|1|1|1" \
  "$("$SQLITE3" "$db" "SELECT min_members IS NULL, max_from_one_unit IS NULL, hours_cap_year IS NULL, hours_per_meeting_cap IS NULL FROM program WHERE code = 'o6-2026'")"
bad "issue 15: min_members 0" "learnclub program-set: invalid min_members '0': expected a positive whole number" program-set "$db" o6-2026 min_members=0
bad "issue 15: clubs_per_person none" "learnclub program-set: invalid clubs_per_person 'none': expected a positive whole number" program-set "$db" o6-2026 clubs_per_person=none
bad "issue 15: max_from_one_unit text" "learnclub program-set: invalid max_from_one_unit 'five': expected a positive whole number" program-set "$db" o6-2026 max_from_one_unit=five
bad "issue 15: outsiders unknown kind" "learnclub program-set: invalid outsiders 'resident': expected person kinds official, expert, citizen, each at most once, separated by commas" program-set "$db" o6-2026 outsiders=resident
bad "issue 15: outsiders twice" "learnclub program-set: invalid outsiders 'expert,전문가': expected person kinds official, expert, citizen, each at most once, separated by commas" program-set "$db" o6-2026 outsiders=expert,전문가
bad "issue 15: outsiders empty" "learnclub program-set: invalid outsiders '': expected person kinds official, expert, citizen, each at most once, separated by commas" program-set "$db" o6-2026 outsiders=
bad "issue 15: regular_per_month 0" "learnclub program-set: invalid regular_per_month '0': expected a positive whole number" program-set "$db" o6-2026 regular_per_month=0
bad "issue 15: hours_cap_year negative" "learnclub program-set: invalid hours_cap_year '-1': expected a number, 0 or more" program-set "$db" o6-2026 hours_cap_year=-1
bad "issue 15: hours_per_meeting_cap 0" "learnclub program-set: invalid hours_per_meeting_cap '0': expected a number more than 0" program-set "$db" o6-2026 hours_per_meeting_cap=0
bad "issue 16: hours_shared_cap 2" "learnclub program-set: invalid hours_shared_cap '2': expected 1 (shared) or 0 (apart)" program-set "$db" o6-2026 hours_shared_cap=2
# the schema holds a plain sqlite3 to the same (S1, S2)
for c in "min_members = 0|program: min_members must be a positive integer (O6, O7)" \
         "clubs_per_person = 0|program: clubs_per_person must be a positive integer (W-D2, O6)" \
         "max_from_one_unit = 2.5|program: max_from_one_unit must be a positive integer (O6)" \
         "outsiders = 'citizen,expert'|program: outsiders must be person kinds from official, expert, citizen, in that order, separated by commas (NJ1, O7)" \
         "regular_per_month = NULL|NOT NULL constraint failed: program.regular_per_month" \
         "hours_cap_year = -1|program: hours_cap_year must be a number, 0 or more (KR6)" \
         "hours_per_meeting_cap = 0|program: hours_per_meeting_cap must be a number more than 0 (D4)" \
         "hours_shared_cap = 2|program: hours_shared_cap must be 1 (shared) or 0 (apart) (D7)"; do
  want=${c#*|}; case $want in NOT*) ;; *) want="CHECK constraint failed: $want" ;; esac
  check "issue 15 S2: sqlite3 refuses ${c%%|*}" "$want" "$(plain_error "$db" "UPDATE program SET ${c%%|*} WHERE code = 'o6-2026'")"
done

# --- membership: clubs_per_person (W-D2, O6) ---------------------------------------------------
db=$(newdb settings15-clubs)
"$LC" init "$db" >/dev/null
"$LC" program-add "$db" o6-2026 --name 연구모임 --from 2026-01-01 --to 2026-12-31 >/dev/null
printf '%s\n' "$RH" "o6-2026,가람,integrated,,총무과,E1,김일,president,2026-01-05,," \
  "o6-2026,나래,integrated,,총무과,E1,김일,president,2026-01-05,," >"$W/two.csv"
bad "issue 15 clubs_per_person 1: two clubs at once refused at import" \
  "learnclub import-roster: $W/two.csv: line 3, column club: emp_no E1 is already in club '가람' on line 2; nothing imported" import-roster "$db" "$W/two.csv"
printf '%s\n' "$RH" "o6-2026,가람,integrated,,총무과,E1,김일,president,2026-01-05,2026-03-31," \
  "o6-2026,나래,integrated,,총무과,E1,김일,president,2026-04-01,," >"$W/move.csv"
out=$("$LC" import-roster "$db" "$W/move.csv" 2>&1); rc=$?
check "issue 15 clubs_per_person 1: a move (days apart) is one club at a time" "$W/move.csv: 2 rows: 2 clubs, 1 people|0" "$out|$rc"
"$LC" program-set "$db" o6-2026 clubs_per_person=3 >/dev/null
printf '%s\n' "$RH" "o6-2026,다솜,integrated,,총무과,E2,이이,president,2026-01-05,," "o6-2026,라온,integrated,,총무과,E2,이이,president,2026-01-05,," \
  "o6-2026,마루,integrated,,총무과,E2,이이,president,2026-02-01,," "o6-2026,바다,integrated,,총무과,E2,이이,president,2026-06-01,," >"$W/four.csv"
bad "issue 15 clubs_per_person 3 (O6): a fourth club at once refused at import" \
  "learnclub import-roster: $W/four.csv: line 5, column club: emp_no E2 is already in 3 other clubs of program 'o6-2026' at once (lines 2,3,4); its clubs_per_person is 3 (O6); nothing imported" import-roster "$db" "$W/four.csv"
head -n 4 "$W/four.csv" >"$W/three.csv"
out=$("$LC" import-roster "$db" "$W/three.csv" 2>&1); rc=$?
check "issue 15 clubs_per_person 3 (O6): three clubs at once allowed" "$W/three.csv: 3 rows: 3 clubs, 1 people|0" "$out|$rc"
printf '%s\n' "$RH" "o6-2026,바다,integrated,,총무과,E2,이이,member,2026-06-01,," >"$W/fourth.csv"
bad "issue 15 clubs_per_person 3: a fourth club beside the stored three refused (the trigger)" \
  "learnclub import-roster: $W/fourth.csv: membership: the person would be in more clubs of this program at once than its clubs_per_person (W-D2, O6); nothing imported" import-roster "$db" "$W/fourth.csv"
check "issue 15 clubs_per_person: sqlite3 is held to it too (S1)" \
  "membership: the person would be in more clubs of this program at once than its clubs_per_person (W-D2, O6)" \
  "$(plain_error "$db" "INSERT INTO club(program_id, name, kind) VALUES (1, '사랑', 'integrated'); INSERT INTO membership VALUES ((SELECT id FROM club WHERE name = '사랑'), (SELECT id FROM person WHERE emp_no = 'E2'), 'member', '2026-03-01', NULL)")"
check "issue 15 clubs_per_person: after the others left, a fourth is fine" "" \
  "$(plain_error "$db" "UPDATE membership SET left_on = '2026-05-31' WHERE person_id = (SELECT id FROM person WHERE emp_no = 'E2') AND club_id = (SELECT id FROM club WHERE name = '마루'); INSERT INTO membership VALUES ((SELECT id FROM club WHERE name = '사랑'), (SELECT id FROM person WHERE emp_no = 'E2'), 'member', '2026-06-01', NULL)")"
check "issue 15 clubs_per_person: check finds nothing wrong" "(no rows)" "$("$LC" check "$db" 2>&1)"
"$SQLITE3" "$db" "UPDATE program SET clubs_per_person = 2"
out=$("$LC" check "$db" --format csv 2>&1); rc=$?
check "issue 15 clubs_per_person lowered to 2: check names the memberships over it (CK3)" \
  "check,table,row,problem
rules,membership,\"club_id 3, person_id 2\",\"membership: the person would be in more clubs of this program at once than its clubs_per_person (W-D2, O6)\"
rules,membership,\"club_id 4, person_id 2\",\"membership: the person would be in more clubs of this program at once than its clubs_per_person (W-D2, O6)\"
rules,membership,\"club_id 5, person_id 2\",\"membership: the person would be in more clubs of this program at once than its clubs_per_person (W-D2, O6)\"
rules,membership,\"club_id 6, person_id 2\",\"membership: the person would be in more clubs of this program at once than its clubs_per_person (W-D2, O6)\"|1" "$out|$rc"

# --- membership: max_from_one_unit (O6: at most 5 from one committee) ------------------------------
db=$(newdb settings15-unit)
"$LC" init "$db" >/dev/null
"$LC" program-add "$db" o6-2026 --name 연구모임 --from 2026-01-01 --to 2026-12-31 max_from_one_unit=2 >/dev/null
printf '%s\n' "$RH" "o6-2026,가람,integrated,,행정위원회,E1,김일,president,2026-01-05,," "o6-2026,가람,integrated,,행정위원회,E2,이이,member,2026-01-05,," \
  "o6-2026,가람,integrated,,재정위원회,E3,박삼,member,2026-01-05,," >"$W/unit-ok.csv"
out=$("$LC" import-roster "$db" "$W/unit-ok.csv" 2>&1); rc=$?
check "issue 15 max_from_one_unit 2: two of one unit and one of another" "$W/unit-ok.csv: 3 rows: 1 clubs, 3 people|0" "$out|$rc"
printf '%s\n' "$RH" "o6-2026,가람,integrated,,행정위원회,E4,최사,member,2026-02-01,," >"$W/unit-third.csv"
bad "issue 15 max_from_one_unit 2: a third of one unit refused" \
  "learnclub import-roster: $W/unit-third.csv: membership: the club would have more members of one unit than its program's max_from_one_unit (O6); nothing imported" import-roster "$db" "$W/unit-third.csv"
check "issue 15 max_from_one_unit: a dated move into the full unit refused (sqlite3 too)" \
  "person: in this unit the person would put a club over its program's max_from_one_unit (O6)" \
  "$(plain_error "$db" "INSERT INTO person_unit(person_id, since, unit_id) SELECT pe.id, '2026-03-01', u.id FROM person pe, unit u WHERE pe.emp_no = 'E3' AND u.name = '행정위원회'")"
printf '%s\n' "$RH,since" "o6-2026,가람,integrated,,행정위원회,E3,박삼,member,2026-01-05,,,2026-03-01" >"$W/unit-move.csv"
bad "issue 15 max_from_one_unit: a dated move (since, IR9) into the full unit refused" \
  "learnclub import-roster: $W/unit-move.csv: person: in this unit the person would put a club over its program's max_from_one_unit (O6); nothing imported" import-roster "$db" "$W/unit-move.csv"
check "issue 15 max_from_one_unit: the refused moves left E3 in 재정위원회" "재정위원회" \
  "$("$SQLITE3" "$db" "SELECT u.name FROM person_unit d JOIN person pe ON pe.id = d.person_id JOIN unit u ON u.id = d.unit_id WHERE pe.emp_no = 'E3' ORDER BY d.since DESC LIMIT 1")"
"$SQLITE3" "$db" "UPDATE program SET max_from_one_unit = 1"
out=$("$LC" teams "$db" 2026 --format csv 2>&1); rc=$?
check "issue 15 max_from_one_unit tightened: teams reports over_unit (N-D4)" "over_unit|1" "$(tail -n 1 <<<"$out" | cut -d, -f10)|$rc"

# --- membership: who is an outsider (NJ1; O7 counts residents) ------------------------------------
db=$(newdb settings15-outsiders)
"$LC" init "$db" >/dev/null
"$LC" program-add "$db" o7-2026 --name 시민학습 --from 2026-01-01 --to 2026-12-31 outsider_pct=40 outsiders=official,expert >/dev/null
printf '%s\n' "$RH" "o7-2026,이웃,integrated,,,C1,주민일,president,2026-01-05,,citizen" "o7-2026,이웃,integrated,,,C2,주민이,member,2026-01-05,,citizen" \
  "o7-2026,이웃,integrated,,,C3,주민삼,member,2026-01-05,,citizen" "o7-2026,이웃,integrated,,총무과,E1,김일,member,2026-01-05,,official" \
  "o7-2026,이웃,integrated,,,X1,전문일,member,2026-01-05,,expert" >"$W/o7.csv"
out=$("$LC" import-roster "$db" "$W/o7.csv" 2>&1); rc=$?
check "issue 15 outsiders=official,expert (O7: 60% residents): 3 residents of 5 allowed" "$W/o7.csv: 5 rows: 1 clubs, 5 people|0" "$out|$rc"
printf '%s\n' "$RH" "o7-2026,이웃,integrated,,총무과,E2,이공,member,2026-02-01,,official" >"$W/o7-more.csv"
bad "issue 15 outsiders: an official is an outsider there (3 of 6 = 50% > 40%)" \
  "learnclub import-roster: $W/o7-more.csv: membership: outsiders (the person kinds in the program's outsiders) would be more than the program's outsider_pct of the team (NJ1); nothing imported" import-roster "$db" "$W/o7-more.csv"
check "issue 15 outsiders: removing a resident refused (2 of 4 left would be 50%)" \
  "membership: without this member, outsiders would be more than the program's outsider_pct of the team (NJ1)" \
  "$(plain_error "$db" "DELETE FROM membership WHERE person_id = (SELECT id FROM person WHERE emp_no = 'C3')")"
check "issue 15 outsiders: a resident who becomes an expert refused" \
  "person: as an outsider the person would put a team over its program's outsider_pct (NJ1)" \
  "$(plain_error "$db" "UPDATE person SET kind = 'expert' WHERE emp_no = 'C3'")"
check "issue 15 outsiders: teams counts the program's outsiders (2 of 5, 40%)" "2,40" \
  "$("$LC" teams "$db" 2026 --format csv | tail -n 1 | cut -d, -f6,7)"

"$LC" program-set "$db" o7-2026 min_members=6 >/dev/null
out=$("$LC" teams "$db" 2026 --format csv); rc=$?
check "issue 15 min_members 6 (O6, O7): teams reports a run's team of 5 as under_min, a finding" "5,under_min|1" "$(tail -n 1 <<<"$out" | cut -d, -f5,10)|$rc"
"$LC" program-set "$db" o7-2026 min_members=5 >/dev/null
out=$("$LC" teams "$db" 2026 --format csv); rc=$?
check "issue 15 min_members 5: a team of 5 is active" "5,active|0" "$(tail -n 1 <<<"$out" | cut -d, -f5,10)|$rc"

# --- hours per person (issue 16; issue 15 hours settings; JG9, D4, D7, D8) -------------------------
# Two programs at once: 가람 (ha-2026) and 나래 (hb-2026). E1 attends 13 h of
# regular meetings in 가람 (and a 3 h extra one) and 9 h in 나래; E2 9 h and
# 6 h; E3 4 h; the expert X1 and the citizen C1 attend 가람 too.
db=$(newdb settings15-hours)
"$LC" init "$db" >/dev/null
"$LC" program-add "$db" ha-2026 --name 학습동아리 --from 2026-01-01 --to 2026-12-31 >/dev/null
"$LC" program-add "$db" hb-2026 --name 연구모임 --from 2026-01-01 --to 2026-12-31 >/dev/null
printf '%s\n' "$RH" "ha-2026,가람,integrated,,총무과,E1,김일,president,2026-01-05,,official" "ha-2026,가람,integrated,,재무과,E2,이이,member,2026-01-05,,official" \
  "ha-2026,가람,integrated,,재무과,E3,박삼,member,2026-01-05,,official" "ha-2026,가람,integrated,,,X1,전문일,member,2026-01-05,,expert" \
  "ha-2026,가람,integrated,,,C1,주민일,member,2026-01-05,,citizen" \
  "hb-2026,나래,integrated,,총무과,E1,김일,president,2026-01-05,,official" "hb-2026,나래,integrated,,재무과,E2,이이,member,2026-01-05,,official" >"$W/h-roster.csv"
printf '%s\n' "$MH" "가람,2026-02-10,regular,5,,E1 E2 X1 C1" "가람,2026-03-10,regular,4,,E1 E2 X1" "가람,2026-04-10,regular,4,,E1 E3" \
  "가람,2026-04-20,extra,3,,E1" "나래,2026-02-12,regular,6,,E1 E2" "나래,2026-03-12,regular,3,,E1" \
  "가람,2026-09-10,regular,5,,E1" "가람,2026-10-08,regular,5,,E1" "가람,2026-11-12,regular,5,,E1" >"$W/h-meetings.csv"
"$LC" import-roster "$db" "$W/h-roster.csv" >/dev/null && "$LC" import-meetings "$db" "$W/h-meetings.csv" >/dev/null
hours() { "$LC" hours "$db" "$@" --format csv; }
check "issue 16: two programs, one row per official, capped once at 12 (not 12 + 9); program, club, uncapped hours listed; no expert or citizen" \
'emp_no,name,unit,half_year,hours,education_type,program,club,uncapped_hours
E1,"김일","총무과",2026-H1,12.0,"기관주관교육/학습동아리","ha-2026; hb-2026","가람; 나래","13.0; 9.0"
E2,"이이","재무과",2026-H1,12.0,"기관주관교육/학습동아리","ha-2026; hb-2026","가람; 나래","9.0; 6.0"
E3,"박삼","재무과",2026-H1,4.0,"기관주관교육/학습동아리",ha-2026,"가람",4.0' "$(hours 2026-H1)"
check "issue 16: json keeps today's names first, then program, club, uncapped_hours" \
  '{"emp_no":"E1","name":"김일","unit":"총무과","half_year":"2026-H1","hours":12.0,"education_type":"기관주관교육/학습동아리","program":"ha-2026; hb-2026","club":"가람; 나래","uncapped_hours":"13.0; 9.0"}' \
  "$("$LC" hours "$db" 2026-H1 --format json | head -n 1 | sed 's/^\[//; s/,$//')"
check "issue 15 D8: the expert and the citizen attended, and earn no hours anywhere: summary sums the file (12 + 12 + 4)" "28.0" \
  "$("$LC" summary "$db" 2026 --format csv | grep '^hours,2026-H1,' | cut -d, -f3)"
check "issue 16 HO4: --as-of counts the meetings so far (5 + 6 for E1, under the cap)" \
  'E1,"김일","총무과",2026-H1,11.0,"기관주관교육/학습동아리","ha-2026; hb-2026","가람; 나래","5.0; 6.0"' \
  "$("$LC" hours "$db" 2026-H1 --as-of 2026-02-28 --format csv | grep '^E1,')"
"$LC" program-set "$db" hb-2026 hours_cap=10 >/dev/null
check "issue 16 D7: two caps, the smallest applies (10) to the person's hours" "E1 10.0|E2 10.0|E3 4.0" \
  "$(hours 2026-H1 | sed 1d | cut -d, -f1,5 | tr ',' ' ' | paste -sd'|')"
"$LC" program-set "$db" hb-2026 hours_shared_cap=0 >/dev/null
check "issue 16: hours_shared_cap=0 caps the program apart, added: E1 12 + 9, E2 9 + 6" "E1 21.0|E2 15.0|E3 4.0" \
  "$(hours 2026-H1 | sed 1d | cut -d, -f1,5 | tr ',' ' ' | paste -sd'|')"
"$LC" program-set "$db" hb-2026 hours_shared_cap=1 hours_cap=12 >/dev/null
"$LC" program-set "$db" ha-2026 hours_per_meeting_cap=3 >/dev/null
check "issue 15 hours_per_meeting_cap 3: hours above it do not count (가람: E1 3+3+3, E2 3+3, E3 3)" \
  'E1,"김일","총무과",2026-H1,12.0,"기관주관교육/학습동아리","ha-2026; hb-2026","가람; 나래","9.0; 9.0"
E2,"이이","재무과",2026-H1,12.0,"기관주관교육/학습동아리","ha-2026; hb-2026","가람; 나래","6.0; 6.0"
E3,"박삼","재무과",2026-H1,3.0,"기관주관교육/학습동아리",ha-2026,"가람",3.0' "$(hours 2026-H1 | sed 1d)"
"$LC" program-set "$db" ha-2026 hours_per_meeting_cap=none >/dev/null
check "issue 15: no yearly cap: the second half-year has its own 12 (15 h capped)" 'E1,12.0' "$(hours 2026-H2 | sed 1d | cut -d, -f1,5)"
"$LC" program-set "$db" ha-2026 hours_cap_year=20 >/dev/null
check "issue 15 hours_cap_year 20: the second half-year gets what the first left (20 - 12)" 'E1,8.0,15.0' \
  "$(hours 2026-H2 | sed 1d | cut -d, -f1,5,9)"
"$LC" program-set "$db" ha-2026 hours_cap_year=10 >/dev/null
check "issue 15 hours_cap_year 10: the first half-year is capped at 10, the second gets nothing" "E1 10.0|E2 10.0|E3 4.0 / E1,0.0" \
  "$(hours 2026-H1 | sed 1d | cut -d, -f1,5 | tr ',' ' ' | paste -sd'|') / $(hours 2026-H2 | sed 1d | cut -d, -f1,5)"
check "issue 15 hours_cap_year: summary agrees with the file (10 + 10 + 4)" "24.0|0.0" \
  "$("$LC" summary "$db" 2026 --format csv | grep '^hours,' | cut -d, -f3 | paste -sd'|')"
"$LC" program-set "$db" ha-2026 hours_cap_year=none >/dev/null
"$LC" program-set "$db" hb-2026 education_type=기관주관교육/연구모임 >/dev/null
check "issue 16: another education_type is another kind of learning, a row of its own" \
  'E1,"김일","총무과",2026-H1,9.0,"기관주관교육/연구모임",hb-2026,"나래",9.0
E1,"김일","총무과",2026-H1,12.0,"기관주관교육/학습동아리",ha-2026,"가람",13.0' "$(hours 2026-H1 | grep '^E1,')"

# --- meetings: regular_per_month (JG5: 1; O7: 2); membership: min_members (O6, O7) in monthly-check ---
db=$(newdb settings15-monthly)
"$LC" init "$db" >/dev/null
"$LC" program-add "$db" o7-2026 --name 시민학습 --from 2026-01-01 --to 2026-12-31 >/dev/null
printf '%s\n' "$RH" "o7-2026,가람,integrated,,총무과,E1,김일,president,2026-01-05,," "o7-2026,가람,integrated,,총무과,E2,이이,member,2026-01-05,2026-03-15," \
  "o7-2026,나래,integrated,,총무과,E3,박삼,president,2026-01-05,," "o7-2026,다솜,integrated,,총무과,E4,최사,president,2026-01-05,," >"$W/m-roster.csv"
printf '%s\n' "$MH" "가람,2026-02-03,regular,2,,E1 E2" "가람,2026-02-17,regular,2,,E1 E2" "나래,2026-02-10,regular,2,,E3" \
  "나래,2026-02-24,extra,2,,E3" "가람,2026-03-03,regular,2,,E1" >"$W/m-meetings.csv"
"$LC" import-roster "$db" "$W/m-roster.csv" >/dev/null && "$LC" import-meetings "$db" "$W/m-meetings.csv" >/dev/null
mc() { "$LC" monthly-check "$db" "$@" --format csv | cut -d, -f1,6-; }
out=$(mc 2026-02 --as-of 2026-03-31); rc=$?
check "issue 15 regular_per_month 1 (JG5): two regular meetings are held, and shown as 2, not summed away" \
  'club,meeting,regular,members,size
"가람",held,2,2,ok
"나래",held,1,1,ok
"다솜",none,0,1,ok' "$out"
"$LC" program-set "$db" o7-2026 regular_per_month=2 min_members=2 >/dev/null
"$LC" monthly-check "$db" 2026-02 --as-of 2026-03-31 >/dev/null; rc=$?
out=$(mc 2026-02 --as-of 2026-03-31)
check "issue 15 regular_per_month 2 (O7): one is fewer (the extra meeting does not count), none is none; min_members 2: under_min" \
  'club,meeting,regular,members,size
"가람",held,2,2,ok
"나래",fewer,1,1,under_min
"다솜",none,0,1,under_min|1' "$out|$rc"
check "issue 15 min_members: members on the month's last day (E2 left on 03-15)" '"가람",fewer,1,1,under_min' \
  "$(mc 2026-03 --as-of 2026-04-30 | grep '가람')"
check "issue 15 min_members: as of a day within the month, that day's members; meetings pending" '"가람",pending,1,2,ok' \
  "$(mc 2026-03 --as-of 2026-03-10 | grep '가람')"
"$SQLITE3" "$db" "UPDATE program SET min_members = NULL, regular_per_month = 1;
                  INSERT INTO meeting(club_id, held_on, hours, kind) SELECT id, '2026-02-20', 1, 'regular' FROM club WHERE name = '다솜';
                  INSERT INTO report(club_id, kind, period, submitted_at) SELECT id, 'monthly', '2026-02', '2026-03-03' FROM club"
"$LC" monthly-check "$db" 2026-02 --as-of 2026-03-31 >/dev/null; rc=$?
check "issue 15 monthly-check: reports on time, meetings held, no min_members: no finding" '"가람",held,2,2,ok "나래",held,1,1,ok "다솜",held,1,1,ok |0' \
  "$(mc 2026-02 --as-of 2026-03-31 | sed 1d | tr '\n' ' ')|$rc"
"$LC" program-set "$db" o7-2026 min_members=2 >/dev/null
"$LC" monthly-check "$db" 2026-02 --as-of 2026-03-31 >/dev/null; rc=$?
check "issue 15 monthly-check: under_min alone is a finding (exit 1)" "1" "$rc"
"$LC" program-set "$db" o7-2026 min_members=none regular_per_month=2 >/dev/null
"$LC" monthly-check "$db" 2026-02 --as-of 2026-03-31 >/dev/null; rc=$?
check "issue 15 monthly-check: fewer alone is a finding (exit 1)" "1" "$rc"

# --- migration (C-D10): an older database keeps what it says, with today's rules as the defaults -----
m=$(newdb settings15-v3)
"$SQLITE3" -bail "$m" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/schema-v3.sql" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/naju-small.sql.in"
"$LC" init "$m" >/dev/null
check "C-D10 migrate: every program gets today's rules" "$("$SQLITE3" "$m" 'SELECT count(*) FROM program')" \
  "$("$SQLITE3" "$m" "SELECT count(*) FROM program WHERE min_members IS NULL AND clubs_per_person = 1 AND max_from_one_unit IS NULL
                      AND outsiders = 'expert,citizen' AND regular_per_month = 1 AND hours_cap_year IS NULL
                      AND hours_per_meeting_cap IS NULL AND hours_shared_cap = 1")"
check "C-D10 migrate: the outsider rule still holds on the migrated triggers (NJ1)" \
  "membership: outsiders (the person kinds in the program's outsiders) would be more than the program's outsider_pct of the team (NJ1)" \
  "$(plain_error "$m" "INSERT INTO membership VALUES ((SELECT club_id FROM membership m JOIN person p ON p.id = m.person_id WHERE p.kind = 'expert' LIMIT 1), 33, 'member', '2026-04-01', NULL)")"
check "C-D10 migrate: check finds nothing the new rules refuse" "(no rows)" "$("$LC" check "$m" 2>&1)"
