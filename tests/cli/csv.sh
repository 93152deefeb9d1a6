#!/usr/bin/env bash
# Issue 13, the CSV reader of the imports (cli/csv.c C1-C5; cmd_import.c
# M1-M3): RFC 4180 quoting, line ends inside quoted fields, BOM, CP949, the
# 1 MiB line limit, and the messages for what it refuses, by exact text.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
w="$TMPROOT/csv"; rm -rf "$w"; mkdir -p "$w"
db="$w/db.db"; cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
MH="club,held_on,kind,hours,topic,attendees"
who=$("$SQLITE3" "$db" "SELECT p.emp_no FROM membership m JOIN person p ON p.id = m.person_id JOIN club c ON c.id = m.club_id WHERE c.name = '예산지킴이' AND m.role = 'president'")
topic() { "$SQLITE3" "$db" "SELECT topic FROM meeting WHERE held_on = '$1' AND kind = 'extra'"; }

# C1: quotes, commas, doubled quotes and line ends inside a quoted field
printf '%s\r\n%s\r\n' "$MH" "예산지킴이,2015-03-20,extra,1,\"a, \"\"b\"\""$'\r\n'"c\",$who" >"$w/quoted.csv"
out=$("$LC" import-meetings "$db" "$w/quoted.csv" 2>&1); rc=$?
check "C1 a quoted field with a comma, quotes and a CRLF line end: imported" "$w/quoted.csv: 1 meetings, 1 attendances|0" "$out|$rc"
check "C1 ... its text exact (CR before LF dropped)" $'a, "b"\nc' "$(topic 2015-03-20)"
printf '%s\n%s\n' "$MH" "예산지킴이,2015-03-21,extra,1,say \"hi\",$who" >"$w/inner-quote.csv"
"$LC" import-meetings "$db" "$w/inner-quote.csv" >/dev/null 2>&1
check "C1 a quote inside an unquoted field is kept" 'say "hi"' "$(topic 2015-03-21)"
# M2: a record after a multi-line record is named by its own first line
printf '%s\n%s\n%s\n' "$MH" "예산지킴이,2015-03-22,extra,1,\"one
two
three\",$who" "예산지킴이,2015-02-30,extra,1,x,$who" >"$w/lines.csv"
out=$("$LC" import-meetings "$db" "$w/lines.csv" 2>&1); rc=$?
check "M2 the line of a record after a three-line field" "learnclub import-meetings: $w/lines.csv: line 5, column held_on: invalid date '2015-02-30'; expected YYYY-MM-DD; nothing imported|2" "$out|$rc"
printf '%s\n%s\n%s\n' "$MH" "예산지킴이,2015-03-22,extra,1,\"one
two\",$who" "예산지킴이,2015-03-23,extra,1,x" >"$w/short.csv"
out=$("$LC" import-meetings "$db" "$w/short.csv" 2>&1); rc=$?
check "M1 a short record after a two-line field: its line" "learnclub import-meetings: $w/short.csv: line 4: 5 fields, expected 6; nothing imported|2" "$out|$rc"
# C2
printf '%s\n%s\n%s\n' "$MH" "예산지킴이,2015-03-24,extra,1,x,$who" "예산지킴이,2015-03-25,extra,1,\"open,$who" >"$w/unclosed.csv"
out=$("$LC" import-meetings "$db" "$w/unclosed.csv" 2>&1); rc=$?
check "C2 an unclosed quote: its record's line" "learnclub import-meetings: $w/unclosed.csv: line 3: a quoted field is not closed; nothing imported|2" "$out|$rc"
printf '%s\n%s\n' "$MH" "예산지킴이,2015-03-24,extra,1,\"x\"y,$who" >"$w/after.csv"
out=$("$LC" import-meetings "$db" "$w/after.csv" 2>&1); rc=$?
check "C2 text after a closing quote" "learnclub import-meetings: $w/after.csv: line 2: text after a closing quote; nothing imported|2" "$out|$rc"
# C3: blank lines at the end are dropped, in the middle they are records
printf '%s\n%s\n\n  \n\t\n' "$MH" "예산지킴이,2015-03-26,extra,1,blank-end,$who" >"$w/blank-end.csv"
out=$("$LC" import-meetings "$db" "$w/blank-end.csv" 2>&1); rc=$?
check "C3 blank lines at the end: dropped" "$w/blank-end.csv: 1 meetings, 1 attendances|0" "$out|$rc"
printf '%s\n\n%s\n' "$MH" "예산지킴이,2015-03-27,extra,1,x,$who" >"$w/blank-mid.csv"
out=$("$LC" import-meetings "$db" "$w/blank-mid.csv" 2>&1); rc=$?
check "C3 a blank line in the middle: a record of one field" "learnclub import-meetings: $w/blank-mid.csv: line 2: 1 fields, expected 6; nothing imported|2" "$out|$rc"
# C4: BOM, CP949
{ printf '\xef\xbb\xbf%s\n' "$MH"; echo "예산지킴이,2015-03-28,extra,1,보고서 검토,$who"; } >"$w/bom.csv"
out=$("$LC" import-meetings "$db" "$w/bom.csv" 2>&1); rc=$?
check "C4 UTF-8 with a BOM" "$w/bom.csv: 1 meetings, 1 attendances|0|보고서 검토" "$out|$rc|$(topic 2015-03-28)"
printf '%s\n%s\n' "$MH" "예산지킴이,2015-03-29,수시,1,\"정책, 토론\",$who" | iconv -f UTF-8 -t CP949 >"$w/cp949.csv"
out=$("$LC" import-meetings "$db" "$w/cp949.csv" 2>&1); rc=$?
check "C4 CP949 with a quoted field" "$w/cp949.csv: 1 meetings, 1 attendances|0|정책, 토론" "$out|$rc|$(topic 2015-03-29)"
# C5: 1 MiB a line, exactly; one byte more is refused before the database is opened
line="예산지킴이,2015-03-30,extra,1,"
# build the two files exactly: a last line of 1048576 bytes, and of 1048577
{ echo "$MH"; printf '%s' "$line"; head -c $((1048576 - $(printf '%s' "$line" | wc -c) - ${#who} - 1)) /dev/zero | tr '\0' 'x'; printf ',%s\n' "$who"; } >"$w/limit.csv"
check "C5 the test line is 1 MiB" "1048576" "$(($(tail -n 1 "$w/limit.csv" | wc -c) - 1))"
out=$("$LC" import-meetings "$db" "$w/limit.csv" 2>&1); rc=$?
check "C5 a line of exactly 1 MiB is imported" "$w/limit.csv: 1 meetings, 1 attendances|0" "$out|$rc"
{ echo "$MH"; printf '%s' "$line"; head -c $((1048577 - $(printf '%s' "$line" | wc -c) - ${#who} - 1)) /dev/zero | tr '\0' 'x'; printf ',%s\n' "$who"; } >"$w/over.csv"
out=$("$LC" import-meetings "$w/none.db" "$w/over.csv" 2>&1); rc=$?
check "C5 one byte over: refused, naming the line, before the database is looked at" \
  "learnclub import-meetings: $w/over.csv: line 2 is longer than 1 MiB (1048576 bytes); nothing imported|2" "$out|$rc"
