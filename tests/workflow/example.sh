#!/usr/bin/env bash
# The Jung-gu 2015 example (examples/junggu2015.sql): built twice, identical
# (deterministic); JG2's counts; every command has something to show: a late
# and a missing report in May (JG6), the tie across a tier's last place in H1
# (D3), a tie inside a tier in H2, hours over the cap (JG9), incentives findings.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
build() {  # build DB — as the Makefile's examples/%.db rule does
  (cd "$LEARNCLUB_ROOT/examples" && "$SQLITE3" -batch -bail "$1" -cmd ".load $LEARNCLUB_EXT" ".read junggu2015.sql" >/dev/null)
}
db=$(newdb junggu-a); build "$db"
db2=$(newdb junggu-b); build "$db2"
check "example: builds deterministically" "$("$SQLITE3" "$db" .dump | md5sum)" "$("$SQLITE3" "$db2" .dump | md5sum)"
check "example: schema version" 5 "$("$SQLITE3" "$db" 'PRAGMA user_version')"
check "example: plain sqlite3 finds no violation" "ok" "$("$SQLITE3" "$db" 'PRAGMA foreign_key_check; PRAGMA integrity_check')"

out=$(LEARNCLUB_TODAY=2016-02-01 "$LC" summary "$db" 2015 --format csv | grep -E '^(clubs|members),')
check "JG2 example: 11 bureau clubs with 112, 2 integrated with 24" "\
clubs,bureau,11
clubs,integrated,2
clubs,total,13
clubs,withdrawn,1
members,bureau,112
members,integrated,24
members,total,136" "$out"

out=$("$LC" monthly-check "$db" 2015-05 --as-of 2015-06-30 --format csv); rc=$?
check "JG6 example 2015-05: one late, one missing" "1 late 1 missing 11 on_time|1" \
  "$(cut -d, -f5 <<<"$out" | tail -n +2 | sort | uniq -c | sort -k2 | awk '{printf "%s%s %s", (NR > 1 ? " " : ""), $1, $2}')|$rc"
out=$("$LC" monthly-check "$db" 2015-08 --as-of 2015-09-30 --format csv | grep ',none,[0-9]*,[0-9]*,[a-z_]*$' | cut -d, -f1)
check "JG5 example 2015-08: 깨끗한중구 held no regular meeting" '"깨끗한중구"' "$out"

out=$("$LC" evaluate "$db" 2015-H1 --format csv); rc=$?
check "D3 example H1: tie at 3rd across 우수's last place" '3,"건강도시연구회",on_time,5,88.0,43.67,,,tie,,0
3,"열린행정연구회",on_time,5,88.0,43.67,,,tie,,0|1' "$(grep ',tie,' <<<"$out")|$rc"
check "JG8 example H1: awards" "1|도시재생연구회|최우수|500000 2|창의아이디어뱅크|우수|300000 5|예산지킴이|장려|200000 6|복지나눔연구회|장려|200000" \
  "$("$SQLITE3" "$db" "SELECT group_concat(rank || '|' || name || '|' || tier || '|' || prize, ' ') FROM (SELECT a.rank, c.name, a.tier, a.prize FROM award a JOIN club c ON c.id = a.club_id WHERE period = '2015-H1' ORDER BY a.rank)")"
out=$("$LC" evaluate "$db" 2015-H2 --format csv); rc=$?
check "D6 JG8 example H2: withdrawn club left out, tie inside 장려 awarded" \
  '4,"복지나눔연구회",on_time,5,87.0,43.33,"장려",200000,awarded,,0
4,"열린행정연구회",on_time,5,87.0,43.33,"장려",200000,awarded,,0|12|0' \
  "$(grep '^4,' <<<"$out")|$(tail -n +2 <<<"$out" | wc -l)|$rc"

out=$("$LC" hours "$db" 2015-H2 --format csv | awk -F, 'NR > 1 { n[$5]++ } END { for (h in n) print h, n[h] }' | sort -n | tail -n 1)
check "JG9 example H2: nobody over 12 hours" "12.0" "${out% *}"

out=$("$LC" incentives "$db" 2015-H2 --format csv); rc=$?
check "JG10 example H2: a non-member and a club without award reported" '"안전도시연구회",,1503071,no_award
"예산지킴이","우수",1500555,not_member|1' "$(grep -E 'no_award|not_member' <<<"$out" | cut -d, -f2,3,4,7)|$rc"
check "JG11 example H2: the best club's 12 members for the trip" 12 "$(grep -c '^overseas_trip,"창의아이디어뱅크","최우수"' <<<"$out")"
