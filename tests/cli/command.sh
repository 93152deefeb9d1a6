#!/usr/bin/env bash
# Issue 13, the command's own rules not covered by the workflow tests:
# cli/db.c D5 (LEARNCLUB_SQL_DIR), the scripts embedded (no sql/ needed),
# output.c O1 (nothing on stdout when the command fails; a stdout that cannot
# be written is an error, the usage's too) and O5.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
w="$TMPROOT/command"; rm -rf "$w"; mkdir -p "$w"
db="$w/db.db"; cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"

# the scripts are embedded: the command runs from a folder with no sql/, copied elsewhere
cp "$LC" "$w/learnclub"
out=$(cd "$w" && env -u LEARNCLUB_SQL_DIR ./learnclub monthly-check db.db 2015-05 --as-of 2015-06-30 --format csv 2>&1 | head -n 1)
check "the scripts are embedded: a copy of the binary alone runs" "club,president,due,submitted,status,meeting,regular,members,size" "$out"
# D5: LEARNCLUB_SQL_DIR reads the scripts from a folder instead
mkdir -p "$w/sql"; cp "$LEARNCLUB_ROOT"/sql/*.sql "$w/sql/"
sed -i 's/SELECT emp_no, name, unit, half_year, hours, education_type, program, club, uncapped_hours FROM lc_out/SELECT emp_no, name AS person FROM lc_out/' "$w/sql/hours.sql"
check "D5 LEARNCLUB_SQL_DIR: a changed script is run" "emp_no,person" \
  "$(LEARNCLUB_SQL_DIR="$w/sql" "$LC" hours "$db" 2015-H1 --format csv | head -n 1)"
out=$(LEARNCLUB_SQL_DIR="$w/none" "$LC" hours "$db" 2015-H1 2>&1); rc=$?
check "D5 LEARNCLUB_SQL_DIR without the script: refused" "learnclub hours: cannot read '$w/none/hours.sql' (LEARNCLUB_SQL_DIR)|2" "$out|$rc"
# O1: a failure prints nothing on stdout, even when rows came before it
sed -i 's/^COMMIT;/SELECT award_tier(1, '"'"'bad'"'"');\nCOMMIT;/' "$w/sql/monthly-check.sql"
out=$(LEARNCLUB_SQL_DIR="$w/sql" "$LC" monthly-check "$db" 2015-05 --as-of 2015-06-30 2>/dev/null); rc=$?
check "O1 an error after the rows: nothing on stdout, exit 2" "|2" "$out|$rc"
# O1: stdout that cannot be written is an error, for a command's rows and for the usage
if [ -w /dev/full ]; then
  out=$("$LC" hours "$db" 2015-H1 --format csv 2>&1 >/dev/full); rc=$?
  check "O1 rows to a full stdout: refused, exit 2" "learnclub hours: cannot write the output: No space left on device|2" "$out|$rc"
  for a in help --help "hours $db --help"; do
    # shellcheck disable=SC2086
    out=$("$LC" $a 2>&1 >/dev/full); rc=$?
    check "O1 learnclub $a to a full stdout: refused, exit 2" "learnclub: cannot write the output: No space left on device|2" "$out|$rc"
  done
else
  skip "O1 full stdout" "no writable /dev/full"
fi
# O5 (the report page): the page is the script's one value, with its line end
LEARNCLUB_TODAY=2016-01-31 "$LC" report "$db" 2015 --html "$w/page.html" >/dev/null
check "O5 the report page is the script's value and a line end" \
  "$("$SQLITE3" -batch "$db" -cmd ".load $LEARNCLUB_EXT" -cmd ".parameter set @year \"'2015'\"" -cmd ".parameter set @as_of \"'2016-01-31'\"" ".read $LEARNCLUB_ROOT/sql/report-html.sql" | md5sum)" \
  "$(md5sum <"$w/page.html")"
# every command once, in every format, on the example databases (what
# make check-asan and make check-valgrind run the command through)
jg="$w/jg.db"; nj="$w/nj.db"
cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$jg"; cp "$LEARNCLUB_ROOT/examples/naju.db" "$nj"
bad=""
for fmt in table csv json; do
  while read -r c d args; do
    [ -n "$c" ] || continue
    db=$jg; [ "$d" = nj ] && db=$nj
    # shellcheck disable=SC2086
    LEARNCLUB_TODAY=2016-01-31 "$LC" "$c" "$db" $args --format "$fmt" >"$w/out" 2>"$w/err"; rc=$?
    { [ "$rc" -le 1 ] && { [ -s "$w/out" ] || [ "$(cat "$w/err")" = "(no rows)" ]; }; } || bad+="$c $fmt: exit $rc $(head -c 200 "$w/err"); "
  done <<'CMDS'
monthly-check jg 2015-05 --as-of 2015-06-30
evaluate jg 2015-H1
hours jg 2015-H1
incentives jg 2015-H1
summary jg 2015
intake nj 2024
teams nj 2025
adoption nj
budget nj
pledge-report nj --as-of 2025-09-30
remind jg --as-of 2015-07-29
check nj
log jg
CMDS
done
check "every command runs in every format" "" "$bad"
i="$w/init.db"; rm -f "$i"
check "init, then an import of each template" "0 0 0 0 0" "$("$LC" init "$i" >/dev/null; printf '%s' $?; for k in roster meetings reports scores; do "$LC" import-$k "$i" "$LEARNCLUB_ROOT/examples/templates/$k.csv" >/dev/null 2>&1; printf ' %s' $?; done)"
