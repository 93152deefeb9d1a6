#!/usr/bin/env bash
# Issue 15 (helper A): migration. A version 4 database, as the released code
# made it (tests/workflow/fixtures/schema-v4.sql.in: sql/schema.sql and
# sql/rules.sql at commit 188942f; junggu2015-v4.sql.in: the example year of
# that commit), upgrades to version 5 and keeps what it says today:
# monthly-check, hours, incentives and summary print exactly what the
# released version 4 command printed on it (fixtures/junggu2015-v4.out, made
# by `git archive 188942f`, `make`, and the commands of outputs() below run
# with that build's dist/bin/learnclub on the version 4 database).
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
F="$LEARNCLUB_ROOT/tests/workflow/fixtures"
D="$TMPROOT/migrate15"; mkdir -p "$D"
outputs() {  # outputs DB: the reports the migration must keep, as the fixture holds them: the columns
  # version 4 printed (later issues add columns after them: cut keeps the first ones; no value here holds a comma)
  local m h
  for m in 03 04 05 06 07 08 09 10 11 12; do
    echo "## monthly-check 2015-$m"; "$LC" monthly-check "$1" 2015-$m --as-of 2016-01-31 --format csv | cut -d, -f1-6; echo "[exit ${PIPESTATUS[0]}]"
  done
  for h in H1 H2; do echo "## hours 2015-$h"; "$LC" hours "$1" 2015-$h --as-of 2016-01-31 --format csv | cut -d, -f1-6; echo "[exit ${PIPESTATUS[0]}]"; done
  for h in H1 H2; do echo "## incentives 2015-$h"; "$LC" incentives "$1" 2015-$h --as-of 2016-01-31 --format csv | cut -d, -f1-7; echo "[exit ${PIPESTATUS[0]}]"; done
  echo "## summary 2015"; "$LC" summary "$1" 2015 --as-of 2016-01-31 --format csv | cut -d, -f1-3; echo "[exit ${PIPESTATUS[0]}]"
}

db=$(newdb migrate15-v4)
(cd "$LEARNCLUB_ROOT/examples" && "$SQLITE3" -bail "$db" -cmd ".load $LEARNCLUB_EXT" ".read $F/schema-v4.sql.in" ".read $F/junggu2015-v4.sql.in")
check "issue 15: migration: a version 4 database to start from" "4|136|0" \
  "$("$SQLITE3" "$db" "PRAGMA user_version" "SELECT count(*) FROM membership" "SELECT count(*) FROM sqlite_master WHERE name IN ('person_unit', 'membership_role')" | tr '\n' '|' | sed 's/|$//')"
members_before=$("$SQLITE3" "$db" "SELECT * FROM membership ORDER BY rowid" | md5sum)
out=$("$LC" init "$db" 2>&1); rc=$?
check "issue 15: migration: existing databases migrate (4 -> 5)" "$db: upgraded from schema version 4 to 5|0" "$out|$rc"
check "issue 15: migration: every membership kept, as a stint" "$members_before" "$("$SQLITE3" "$db" "SELECT * FROM membership ORDER BY rowid" | md5sum)"
outputs "$db" >"$D/v5.out" 2>&1
check "issue 15: migration: monthly-check, hours, incentives and summary say what version 4 said" \
  "$(cat "$F/junggu2015-v4.out")" "$(cat "$D/v5.out")"
check "issue 15: migration: the comparison covers every report (15 runs)" "15" "$(grep -c '^\[exit [01]\]$' "$D/v5.out")"

# the issue's case on the migrated database: the 2016 roster moves a member
emp=$("$SQLITE3" "$db" "SELECT pe.emp_no FROM person pe JOIN unit u ON u.id = pe.unit_id WHERE u.name = '재무과' ORDER BY pe.emp_no LIMIT 1")
name=$("$SQLITE3" "$db" "SELECT name FROM person WHERE emp_no = '$emp'")
printf '%s\n' "program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on" \
  "junggu-2016,예산지킴이,bureau,기획재정국,기획예산과,$emp,$name,member,2016-02-15," >"$D/roster2016.csv"
"$LC" import-roster "$db" "$D/roster2016.csv" >/dev/null 2>&1
check "issue 15: migration: the 2016 roster imported into the migrated database" "기획예산과" \
  "$("$SQLITE3" "$db" "SELECT u.name FROM person_unit d JOIN unit u ON u.id = d.unit_id JOIN person pe ON pe.id = d.person_id WHERE pe.emp_no = '$emp' AND d.since = '2016-02-15'")"
outputs "$db" >"$D/v5-2016.out" 2>&1
check "issue 15: migration: after the 2016 roster the 2015 reports still say what version 4 said" \
  "$(cat "$F/junggu2015-v4.out")" "$(cat "$D/v5-2016.out")"
