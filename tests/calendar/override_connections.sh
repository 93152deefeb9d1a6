#!/usr/bin/env bash
# calendar.c C7, C9: a change to holiday_override made by another connection
# (another process) is seen by the next statement of a connection that has
# already cached the calendar; and by deadline_ok()'s fast path, which answers
# the rows after the first of a statement (deadline_fast.c F4).
source "$(dirname "$0")/../lib.sh"
db=$(newdb override_conn)
"$SQLITE3" "$db" "CREATE TABLE holiday_override(day TEXT PRIMARY KEY, name TEXT, is_holiday INTEGER NOT NULL);"
fifo_in="$TMPROOT/ov_in"; fifo_out="$TMPROOT/ov_out"
mkfifo "$fifo_in" "$fifo_out"
# A long-lived shell connection reading statements from a pipe.
"$SQLITE3" -batch "$db" -cmd ".load $LEARNCLUB_EXT" <"$fifo_in" >"$fifo_out" 2>&1 &
pid=$!
exec 3>"$fifo_in" 4<"$fifo_out"
ask() { printf '%s\n' "$1" >&3; IFS= read -r -t 10 line <&4; printf '%s' "$line"; }
check "C7 first statement: built-in" "1" "$(ask "SELECT is_working_day('2015-05-06');")"
"$SQLITE3" "$db" "INSERT INTO holiday_override VALUES ('2015-05-06', '개청 기념일', 1);"
check "C9 another connection's insert is seen by the next statement" "0" "$(ask "SELECT is_working_day('2015-05-06');")"
check "C9 and by report_due" "2015-05-07" "$(ask "SELECT report_due('2015-04');")"
"$SQLITE3" "$db" "CREATE TABLE sub(period TEXT, submitted TEXT); INSERT INTO sub VALUES ('2015-04', '2015-05-07');"
check "C9 a statement that reads a table sees the earlier commit" "1" "$(ask "SELECT deadline_ok(period, submitted) FROM sub;")"
"$SQLITE3" "$db" "DELETE FROM holiday_override;"
check "C9 and the next delete" "0" "$(ask "SELECT deadline_ok(period, submitted) FROM sub;")"
"$SQLITE3" "$db" "INSERT INTO holiday_override VALUES ('2015-05-06', '개청 기념일', 1);"
"$SQLITE3" "$db" "UPDATE holiday_override SET is_holiday = 0 WHERE day = '2015-05-06';"
check "C9 another connection's update is seen" "1" "$(ask "SELECT is_working_day('2015-05-06');")"
"$SQLITE3" "$db" "DROP TABLE holiday_override;"
check "C9 another connection's DROP TABLE is seen" "2015-05-06" "$(ask "SELECT report_due('2015-04');")"
# F4: ten submissions, 2015-05-01 to 2015-05-10, of the April report; the rows
# after the first are the fast path's. 2015-04 is due 2015-05-06, or 05-07 with
# 2015-05-06 a holiday.
"$SQLITE3" "$db" "CREATE TABLE holiday_override(day TEXT PRIMARY KEY, name TEXT, is_holiday INTEGER NOT NULL);
  CREATE TABLE subs(period TEXT, submitted TEXT);
  WITH RECURSIVE d(day) AS (SELECT '2015-05-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2015-05-10')
  INSERT INTO subs SELECT '2015-04', day FROM d;"
fast="SELECT group_concat(deadline_ok(period, submitted), '') FROM subs;"
check "F4 the fast path's tables built, no override" "1111110000" "$(ask "$fast")"
"$SQLITE3" "$db" "INSERT INTO holiday_override VALUES ('2015-05-06', '개청 기념일', 1);"
check "F4 the fast path sees another connection's insert" "1111111000" "$(ask "$fast")"
"$SQLITE3" "$db" "UPDATE holiday_override SET is_holiday = 0;"
check "F4 the fast path sees another connection's update" "1111110000" "$(ask "$fast")"
"$SQLITE3" "$db" "UPDATE holiday_override SET is_holiday = 1;"
check "F4 and the next" "1111111000" "$(ask "$fast")"
"$SQLITE3" "$db" "DROP TABLE holiday_override;"
check "F4 the fast path sees another connection's DROP TABLE" "1111110000" "$(ask "$fast")"
exec 3>&-
wait "$pid"
