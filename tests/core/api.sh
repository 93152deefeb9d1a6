#!/usr/bin/env bash
# learnclub.c E3, E4: the exported API is locked. The functions (with their
# argument counts, kinds and flags) and the modules that loading adds are
# exactly these; anything appearing or disappearing fails here first.
source "$(dirname "$0")/../lib.sh"
q_funcs="SELECT name || '/' || narg || '/' || type || '/' ||
           CASE WHEN flags & 0x800 THEN 'deterministic ' ELSE '' END ||
           CASE WHEN flags & 0x200000 THEN 'innocuous' ELSE '' END
         FROM pragma_function_list ORDER BY 1;"
q_mods="SELECT name FROM pragma_module_list ORDER BY 1;"
before=$("$SQLITE3" -batch :memory: "$q_funcs")
after=$("$SQLITE3" -batch :memory: -cmd ".load $LEARNCLUB_EXT" "$q_funcs")
added=$(comm -13 <(printf '%s\n' "$before") <(printf '%s\n' "$after"))
removed=$(comm -23 <(printf '%s\n' "$before") <(printf '%s\n' "$after"))
check "E3 functions added" "award_prize/1/s/deterministic innocuous
award_prize/2/s/deterministic innocuous
award_tier/1/s/deterministic innocuous
award_tier/2/s/deterministic innocuous
deadline_ok/2/s/innocuous
deadline_ok/3/s/innocuous
half_year/1/s/deterministic innocuous
indicator_rate/2/s/deterministic innocuous
is_date/1/s/deterministic innocuous
is_working_day/1/s/innocuous
kr_date/1/s/deterministic innocuous
kr_datetime/1/s/deterministic innocuous
learnclub_version/0/s/deterministic innocuous
learning_hours/1/w/deterministic innocuous
learning_hours/2/w/deterministic innocuous
period_end/1/s/deterministic innocuous
period_start/1/s/deterministic innocuous
pledge_rate/2/w/deterministic innocuous
pledge_rate/3/w/deterministic innocuous
report_due/1/s/innocuous
report_due/2/s/innocuous
report_status/3/s/innocuous
report_status/4/s/innocuous" "$added"
check "E3 no function removed or changed" "" "$removed"
mbefore=$("$SQLITE3" -batch :memory: "$q_mods")
mafter=$("$SQLITE3" -batch :memory: -cmd ".load $LEARNCLUB_EXT" "$q_mods")
check "E3 modules added" "award_table
holidays
report_calendar" "$(comm -13 <(printf '%s\n' "$mbefore") <(printf '%s\n' "$mafter"))"
check "E2 learnclub_version" "0.1.0" "$(sql :memory: "SELECT learnclub_version();")"
check "E3 version matches the header" "$(sed -n 's/^#define LC_VERSION "\(.*\)"/\1/p' "$LEARNCLUB_ROOT/ext/learnclub.h")" "$(sql :memory: "SELECT learnclub_version();")"
# Loading twice replaces the functions cleanly.
check "E3 load twice" "2015-04-06" "$("$SQLITE3" -batch :memory: -cmd ".load $LEARNCLUB_EXT" -cmd ".load $LEARNCLUB_EXT" "SELECT report_due('2015-03');")"
# The entry point follows from the file name: no second argument needed.
check "E3 load_extension() with the path alone" "2015-H1" "$("$SQLITE3" -batch :memory: "SELECT load_extension('$LEARNCLUB_EXT') IS NULL; SELECT half_year('2015-01-01');" | tail -n 1)"
