#!/usr/bin/env bash
# Issue 13, the command's own rules not covered by the workflow tests:
# cli/db.c D5 (LEARNCLUB_SQL_DIR), the scripts embedded (no sql/ needed),
# output.c O1 (nothing on stdout when the command fails) and O5.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
w="$TMPROOT/command"; rm -rf "$w"; mkdir -p "$w"
db="$w/db.db"; cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"

# the scripts are embedded: the command runs from a folder with no sql/, copied elsewhere
cp "$LC" "$w/learnclub"
out=$(cd "$w" && env -u LEARNCLUB_SQL_DIR ./learnclub monthly-check db.db 2015-05 --as-of 2015-06-30 --format csv 2>&1 | head -n 1)
check "the scripts are embedded: a copy of the binary alone runs" "club,president,due,submitted,status,meeting" "$out"
# D5: LEARNCLUB_SQL_DIR reads the scripts from a folder instead
mkdir -p "$w/sql"; cp "$LEARNCLUB_ROOT"/sql/*.sql "$w/sql/"
sed -i 's/SELECT emp_no, name, unit, half_year, hours, education_type FROM lc_out/SELECT emp_no, name AS person FROM lc_out/' "$w/sql/hours.sql"
check "D5 LEARNCLUB_SQL_DIR: a changed script is run" "emp_no,person" \
  "$(LEARNCLUB_SQL_DIR="$w/sql" "$LC" hours "$db" 2015-H1 --format csv | head -n 1)"
out=$(LEARNCLUB_SQL_DIR="$w/none" "$LC" hours "$db" 2015-H1 2>&1); rc=$?
check "D5 LEARNCLUB_SQL_DIR without the script: refused" "learnclub hours: cannot read '$w/none/hours.sql' (LEARNCLUB_SQL_DIR)|2" "$out|$rc"
# O1: a failure prints nothing on stdout, even when rows came before it
sed -i 's/^COMMIT;/SELECT award_tier(1, '"'"'bad'"'"');\nCOMMIT;/' "$w/sql/monthly-check.sql"
out=$(LEARNCLUB_SQL_DIR="$w/sql" "$LC" monthly-check "$db" 2015-05 --as-of 2015-06-30 2>/dev/null); rc=$?
check "O1 an error after the rows: nothing on stdout, exit 2" "|2" "$out|$rc"
# O5 (the report page): the page is the script's one value, with its line end
LEARNCLUB_TODAY=2016-01-31 "$LC" report "$db" 2015 --html "$w/page.html" >/dev/null
check "O5 the report page is the script's value and a line end" \
  "$("$SQLITE3" -batch "$db" -cmd ".load $LEARNCLUB_EXT" -cmd ".parameter set @year \"'2015'\"" -cmd ".parameter set @as_of \"'2016-01-31'\"" ".read $LEARNCLUB_ROOT/sql/report-html.sql" | md5sum)" \
  "$(md5sum <"$w/page.html")"
