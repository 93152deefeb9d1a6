#!/usr/bin/env bash
# Issue 14, "every kind of record can be ... removed": the kinds records.sh
# does not remove (awards, nominations, committee places, holiday overrides),
# on the walk-through's office (examples/walkthrough/). Each: what it removed
# on stdout, exit 0, the row gone, a change_log row with its old values; the
# same key again: refused with exit 2 and the exact message.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
W="$LEARNCLUB_ROOT/examples/walkthrough"
export LEARNCLUB_TODAY=2026-08-31
db=$(newdb remove-kinds)
q() { "$SQLITE3" "$db" "$1"; }
"$LC" init "$db" >/dev/null
"$LC" program-add "$db" saesol-2026 --name 새솔 --from 2026-03-01 --to 2026-06-30 'leave_tiers=최우수, 우수' >/dev/null
for f in roster meetings reports reports-june scores-fixed; do "$LC" "import-${f%%-*}" "$db" "$W/$f.csv" >/dev/null; done
"$LC" evaluate "$db" 2026-H1 >/dev/null
"$LC" import-nominations "$db" "$W/nominations.csv" >/dev/null
printf '%s\n' "club,period,place,note" "탄소제로연구회,2026-H1,1,심사위원회 결정" >"$TMPROOT/rk-places.csv"
"$LC" import-places "$db" "$TMPROOT/rk-places.csv" >/dev/null
printf '%s\n' "day,name,is_holiday" "2026-05-06,개청 기념일,1" >"$TMPROOT/rk-overrides.csv"
"$LC" import-overrides "$db" "$TMPROOT/rk-overrides.csv" >/dev/null

# removes NAME EXPECTED-OUTPUT COUNT-SQL LOG-TABLES KEY... — removed, gone, logged; then refused
removes() {
  local name=$1 want=$2 count=$3 tables=$4 out rc; shift 4
  check "R3 $name: stored before" 1 "$(q "SELECT count(*) FROM $count")"
  out=$("$LC" remove "$db" "$@" 2>&1); rc=$?
  check "R3 $name: removed" "$want|0" "$out|$rc"
  check "R3 $name: gone" 0 "$(q "SELECT count(*) FROM $count")"
  check "R3 $name: logged with its rows removed" "remove,$tables" \
    "$("$LC" log "$db" --format csv | tail -n 1 | cut -d, -f4,6 | tr -d '"')"
}
removes "an award" "removed the award of club '골목상권연구회' for 2026-H1" \
  "award a JOIN club c ON c.id = a.club_id WHERE c.name = '골목상권연구회'" "award -1" awards 골목상권연구회 2026-H1
removes "a nomination (JG10)" "removed the nomination of '2600011' by club '탄소제로연구회' for 2026-H1" \
  "nomination n JOIN person p ON p.id = n.person_id WHERE p.emp_no = '2600011'" "nomination -1" nominations 탄소제로연구회 2026-H1 2600011
removes "a committee place (D3)" "removed the committee place of club '탄소제로연구회' for 2026-H1" \
  "committee_place" "committee_place -1" places 탄소제로연구회 2026-H1
check "R3 the holiday override moves report_due a day (KR5)" "2026-05-07" "$(sql "$db" "SELECT report_due('2026-04')")"
removes "a holiday override (KR5)" "removed the holiday override on 2026-05-06" \
  "holiday_override" "holiday_override -1" overrides 2026-05-06
check "R3 a removed holiday override: report_due back to the 6th (KR5)" "2026-05-06" \
  "$(sql "$db" "SELECT report_due('2026-04')")"

before=$(q .dump | md5sum)
while IFS='|' read -r name want args; do
  [ -n "$name" ] || continue
  read -r -a words <<<"$args"
  out=$("$LC" remove "$db" "${words[@]}" 2>&1); rc=$?
  check "R3 $name: refused" "learnclub remove: $want|2" "$out|$rc"
done <<'EOF_CASES'
an award removed already|no award of club '골목상권연구회' for 2026-H1|awards 골목상권연구회 2026-H1
a nomination removed already|no nomination of '2600011' by club '탄소제로연구회' for 2026-H1|nominations 탄소제로연구회 2026-H1 2600011
a place removed already|no committee place of club '탄소제로연구회' for 2026-H1|places 탄소제로연구회 2026-H1
an override removed already|no holiday override on 2026-05-06|overrides 2026-05-06
an award: one key short|remove awards takes 2 keys, CLUB PERIOD; got 1|awards 골목상권연구회
an override: two keys|remove overrides takes 1 key, DAY; got 2|overrides 2026-05-06 2026-05-07
EOF_CASES
check "R3 refusals: nothing written" "$before" "$(q .dump | md5sum)"
