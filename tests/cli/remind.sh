#!/usr/bin/env bash
# Issue 14 (H3): `learnclub remind DB [--as-of DATE] [--within N]`
# (sql/remind.sql RM1-RM3): reports due within N working days and not filed,
# late or missing, with the president's email and phone; exit 1 when anyone
# must be reminded.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
T="$LEARNCLUB_ROOT/examples/templates"
w="$TMPROOT/remind"; rm -rf "$w"; mkdir -p "$w"
db="$w/db.db"
"$LC" init "$db" >/dev/null
"$LC" import-roster "$db" "$T/roster.csv" >/dev/null
"$LC" import-reports "$db" "$T/reports.csv" >/dev/null
"$SQLITE3" "$db" "UPDATE person SET email = 'budget@junggu.go.kr', phone = '02-3396-0001' WHERE emp_no = '1500037'"
# March filed by both (the templates); April due 2015-05-06 (05-05 is a holiday, KR1)
rm_csv() { "$LC" remind "$db" --format csv "$@" | sed 1d | tr -d '"' | tr '\n' ' '; }

out=$("$LC" remind "$db" --as-of 2015-04-29 2>&1); rc=$?
check "RM2 on 04-29, 4 working days left (04-30, 05-01, 05-04, 05-06): (no rows), exit 0" "(no rows)|0" "$out|$rc"
check "RM2 due in 2 working days (05-04, 05-06): due_soon, with the president's email and phone (RM3)" \
  "예산지킴이,김예산,budget@junggu.go.kr,02-3396-0001,2015-04,2015-05-06,due_soon 창의아이디어뱅크,박창의,,,2015-04,2015-05-06,due_soon " \
  "$(rm_csv --as-of 2015-05-01)"
"$LC" remind "$db" --as-of 2015-05-01 >/dev/null; rc=$?
check "RM2 someone to remind: exit 1" 1 "$rc"
check "RM2 --within 1 on 05-01: 2 working days left, not yet" "" "$(rm_csv --as-of 2015-05-01 --within 1)"
check "RM2 --within 1 on 05-04: the holiday is not counted, 1 left" "2015-04,due_soon 2015-04,due_soon " \
  "$("$LC" remind "$db" --as-of 2015-05-04 --within 1 --format csv | sed 1d | cut -d, -f5,7 | tr '\n' ' ')"
check "RM2 --within 0 on the due day: due today" "2015-04,due_soon 2015-04,due_soon " \
  "$("$LC" remind "$db" --as-of 2015-05-06 --within 0 --format csv | sed 1d | cut -d, -f5,7 | tr '\n' ' ')"
check "RM2 after the due date: missing" "2015-04,missing 2015-04,missing " \
  "$("$LC" remind "$db" --as-of 2015-05-07 --format csv | sed 1d | cut -d, -f5,7 | tr '\n' ' ')"
printf 'club,kind,period,submitted_at,board_ref,title\n예산지킴이,monthly,2015-04,2015-05-08,,4월\n' >"$w/late.csv"
"$LC" import-reports "$db" "$w/late.csv" >/dev/null
check "RM2 a report filed late is listed late; a filed one is not due_soon" "예산지킴이,2015-04,late 창의아이디어뱅크,2015-04,missing " \
  "$("$LC" remind "$db" --as-of 2015-05-08 --format csv | sed 1d | cut -d, -f1,5,7 | tr -d '"' | tr '\n' ' ')"
check "RM1 research reports too: 2015-H1 due 07-31, 창의아이디어뱅크 filed none" "창의아이디어뱅크,2015-H1,2015-07-31,due_soon" \
  "$("$LC" remind "$db" --as-of 2015-07-29 --format csv | grep 'H1' | cut -d, -f1,5,6,7 | tr -d '"')"
"$SQLITE3" "$db" "UPDATE club SET status = 'withdrawn', withdrawn_on = '2015-04-30' WHERE name = '창의아이디어뱅크'"
check "RM1 a club that withdrew is asked for nothing after (D6)" "" \
  "$("$LC" remind "$db" --as-of 2015-07-29 --format csv | sed 1d | grep '창의' | grep -v ',2015-0[34],')"
check "json: the rows as objects" '{"club":"예산지킴이","president":"김예산","email":"budget@junggu.go.kr","phone":"02-3396-0001","period":"2015-04","due":"2015-05-06","status":"late"}' \
  "$("$LC" remind "$db" --as-of 2015-05-08 --format json | head -n 1 | sed 's/^\[//; s/[],]$//')"
LEARNCLUB_TODAY=2015-05-07 "$LC" remind "$db" --format csv >"$w/today.csv"
check "without --as-of: today (LEARNCLUB_TODAY)" "$("$LC" remind "$db" --as-of 2015-05-07 --format csv)" "$(cat "$w/today.csv")"
out=$("$LC" remind "$db" --within x 2>&1); rc=$?
check "--within not a number: refused" "learnclub remind: invalid --within 'x'; expected a number of working days, 0 to 99|2" "$out|$rc"
out=$("$LC" remind "$db" --within 100 2>&1); rc=$?
check "--within over 99: refused" "learnclub remind: invalid --within '100'; expected a number of working days, 0 to 99|2" "$out|$rc"
out=$("$LC" remind "$db" --as-of 2015-13-01 2>&1); rc=$?
check "--as-of invalid: refused" "learnclub remind: invalid --as-of date '2015-13-01'; expected YYYY-MM-DD|2" "$out|$rc"
out=$("$LC" remind 2>&1); rc=$?
check "DB missing: refused" "learnclub remind: missing argument DB; see 'learnclub help'|2" "$out|$rc"
