#!/usr/bin/env bash
# calendar.c C7, C9: a change to holiday_override made by another connection
# (another process) is seen by the next statement of a connection that has
# already cached the calendar.
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
exec 3>&-
wait "$pid"
