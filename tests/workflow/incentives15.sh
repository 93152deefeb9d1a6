#!/usr/bin/env bash
# Issue 15 (B2): incentives per tier as data (program setting `incentives`,
# sql/rules.sql IC1-IC5, sql/incentives.sql IN1-IN6; JG10, JG11, O1, O2) and
# support allocations (program setting `allocation`, AL1-AL3; O5) compared
# with spending by `summary` and `budget`.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
export LEARNCLUB_TODAY=2016-01-31
plain_error() {  # the message a plain sqlite3 (no extension) gives for SQL
  "$SQLITE3" -batch "$1" "$2" 2>&1 >/dev/null |
    sed -E -n '1{s/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Error: near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//; p}'
}
bad() {  # bad NAME MESSAGE ARGS… — exit 2 with MESSAGE on stderr
  local name=$1 want=$2 out rc; shift 2
  out=$("$LC" "$@" 2>&1 >/dev/null); rc=$?
  check "$name" "$want|2" "$out|$rc"
}
IC_MSG="program: incentives must be TIER:KIND[*N][/M] joined by + and separated by commas, each tier and kind once; KIND leave, transfer, trip, training, promotion or gift(NAME) (JG10, JG11, O1, O2)"
AL_MSG="program: allocation must be AMOUNT[,CLUB:AMOUNT...] in whole KRW, each club once (O5)"

# --- issue 15: incentives, written and checked (P8, IC1-IC5) -------------------------------------
db=$(newdb ic15); "$LC" init "$db" >/dev/null
"$LC" program-add "$db" o-2026 --name 연구모임 --from 2026-01-01 --to 2026-12-31 >/dev/null
check "issue 15: incentives: JG10/JG11's default" "최우수:leave*2+trip,우수:leave*2" "$("$SQLITE3" "$db" "SELECT incentives FROM program")"
out=$("$LC" program-set "$db" o-2026 'incentives= 최우수 : trip + promotion , 우수:training+promotion/1 , 장려:gift(문화 상품권)*2' 2>&1); rc=$?
check "issue 15: incentives: O1 and O2 written, spaces around separators cut (P8)" \
  "o-2026: updated (incentives)|0|최우수:trip+promotion,우수:training+promotion/1,장려:gift(문화 상품권)*2" \
  "$out|$rc|$("$SQLITE3" "$db" "SELECT incentives FROM program")"
check "issue 15: incentives: read as grants (IC1-IC3)" \
  "최우수|overseas_trip|||최우수|promotion_preference|||우수|domestic_training|||우수|promotion_preference||1|장려|문화 상품권|2|" \
  "$("$SQLITE3" "$db" "SELECT group_concat(tier || '|' || incentive || '|' || coalesce(per_club, '') || '|' || coalesce(clubs, ''), '|') FROM program_incentive")"
before=$("$SQLITE3" "$db" .dump | md5sum)
bad "issue 15: incentives: an unknown kind (IC1)" \
  "learnclub program-set: invalid incentives '최우수:holiday': $IC_MSG; nothing was written" program-set "$db" o-2026 'incentives=최우수:holiday'
bad "issue 15: incentives: N not a positive number (IC2)" \
  "learnclub program-set: invalid incentives '최우수:leave*0': $IC_MSG; nothing was written" program-set "$db" o-2026 'incentives=최우수:leave*0'
bad "issue 15: incentives: M not a number (IC3)" \
  "learnclub program-set: invalid incentives '우수:promotion/one': $IC_MSG; nothing was written" program-set "$db" o-2026 'incentives=우수:promotion/one'
bad "issue 15: incentives: a tier twice (IC4)" \
  "learnclub program-set: invalid incentives '최우수:leave*2,최우수:trip': $IC_MSG; nothing was written" program-set "$db" o-2026 'incentives=최우수:leave*2,최우수:trip'
bad "issue 15: incentives: a kind twice in a tier (IC4)" \
  "learnclub program-set: invalid incentives '최우수:trip+trip/1': $IC_MSG; nothing was written" program-set "$db" o-2026 'incentives=최우수:trip+trip/1'
bad "issue 15: incentives: an empty gift name (IC1)" \
  "learnclub program-set: invalid incentives '장려:gift()': $IC_MSG; nothing was written" program-set "$db" o-2026 'incentives=장려:gift()'
bad "issue 15: incentives: a tier the scheme lacks (P8)" \
  "learnclub program-set: invalid incentives '대상:trip': '대상' is not a tier of award_scheme 'junggu-2015'" program-set "$db" o-2026 'incentives=대상:trip'
bad "issue 15: incentives: a new scheme without the stored tiers (P8)" \
  "learnclub program-set: invalid award_scheme '금:1:0': the program's incentives names '최우수', not a tier of it; give incentives too" program-set "$db" o-2026 'award_scheme=금:1:0'
bad "issue 15: incentives and a shorthand together (P8)" \
  "learnclub program-set: give incentives or its shorthands leave_tiers and trip_tiers, not both" program-set "$db" o-2026 incentives=none trip_tiers=최우수
bad "issue 15: program-add: a scheme without the default incentives' tiers (P8)" \
  "learnclub program-add: invalid award_scheme '금:1:100': the program's incentives names '최우수', not a tier of it; give incentives too" program-add "$db" g-2026 --name 금은 --from 2026-01-01 --to 2026-12-31 award_scheme=금:1:100
check "issue 15: incentives: refusals write nothing" "$before" "$("$SQLITE3" "$db" .dump | md5sum)"
out=$("$LC" program-add "$db" g-2026 --name 금은 --from 2026-01-01 --to 2026-12-31 award_scheme=금:1:100 'incentives=금:gift(메달)' 2>&1); rc=$?
check "issue 15: program-add: a scheme with its incentives" "g-2026: added (award_scheme, incentives)|0|금:gift(메달)" "$out|$rc|$("$SQLITE3" "$db" "SELECT incentives FROM program WHERE code = 'g-2026'")"
"$LC" remove "$db" programs g-2026 >/dev/null
check "S1 issue 15: a plain sqlite3 refuses bad incentives (IC1)" "$IC_MSG" \
  "$(plain_error "$db" "UPDATE program SET incentives = '최우수:leave*2+'")"
check "S1 issue 15: a plain sqlite3 refuses a tier without grants (IC1)" "$IC_MSG" \
  "$(plain_error "$db" "INSERT INTO program(code, name, starts_on, ends_on, incentives) VALUES ('x', 'x', '2026-01-01', '2026-12-31', '최우수')")"
out=$("$LC" program-set "$db" o-2026 'award_scheme=금:1:0,은:2:0' 'incentives=금:gift(메달),은:gift(메달)/1' 2>&1); rc=$?
check "issue 15: incentives: a scheme of prizes in kind, with its incentives" "o-2026: updated (award_scheme, incentives)|0" "$out|$rc"
"$LC" program-set "$db" o-2026 award_scheme=junggu-2015 incentives=none >/dev/null
check "issue 15: incentives=none stores no incentive" "|none" \
  "$("$SQLITE3" "$db" "SELECT incentives FROM program")|$("$LC" program-show "$db" o-2026 --format csv | sed 1d | awk -F, '{ print $(NF-1) }')"
"$LC" program-set "$db" o-2026 'incentives=최우수:promotion+trip,우수:training' >/dev/null
"$LC" program-set "$db" o-2026 'leave_tiers=최우수, 우수' >/dev/null
check "IC5 leave_tiers, a shorthand: leave*2 for the tiers listed, the other grants kept" "최우수:leave*2+promotion+trip,우수:leave*2+training" \
  "$("$SQLITE3" "$db" "SELECT incentives FROM program")"
"$LC" program-set "$db" o-2026 trip_tiers=우수 leave_tiers= >/dev/null
check "IC5 trip_tiers moves the trip; an empty leave_tiers takes every leave away; grants in IC1's order of kinds" "최우수:promotion,우수:trip+training" \
  "$("$SQLITE3" "$db" "SELECT incentives FROM program")"

# --- issue 15: Jung-gu's incentives stay JG10's and JG11's (the default, IC-D4) --------------------
j0=$(newdb ic15-junggu-default); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$j0"
for h in 2015-H1 2015-H2; do
  "$LC" evaluate "$j0" "$h" >/dev/null
  # JG10 and JG11 written out directly: the nominees of 최우수 and 우수 clubs, then every member of the 최우수 club
  want=$("$SQLITE3" -separator , "$j0" "
    WITH h AS (SELECT '$h' AS p, CASE substr('$h', 6) WHEN 'H1' THEN substr('$h', 1, 4) || '-01-01' ELSE substr('$h', 1, 4) || '-07-01' END AS a,
                      CASE substr('$h', 6) WHEN 'H1' THEN substr('$h', 1, 4) || '-06-30' ELSE substr('$h', 1, 4) || '-12-31' END AS b),
    mem AS (SELECT m.club_id, m.person_id FROM membership m, h WHERE m.joined_on <= h.b AND coalesce(m.left_on, '9999-12-31') >= h.a)
    SELECT * FROM (
      SELECT 'special_leave', c.name, aw.tier, p.emp_no, p.name, u.name,
             CASE WHEN aw.tier IN ('최우수', '우수') THEN CASE WHEN EXISTS (SELECT 1 FROM mem WHERE mem.club_id = n.club_id AND mem.person_id = n.person_id) THEN 'ok' ELSE 'not_member' END
                  ELSE 'no_award' END
      FROM h JOIN nomination n ON n.period = h.p JOIN club c ON c.id = n.club_id JOIN person p ON p.id = n.person_id
      LEFT JOIN unit u ON u.id = p.unit_id LEFT JOIN award aw ON aw.club_id = n.club_id AND aw.period = h.p
      ORDER BY c.name, p.emp_no)
    UNION ALL
    SELECT * FROM (
      SELECT 'overseas_trip', c.name, aw.tier, p.emp_no, p.name, u.name, 'ok'
      FROM h JOIN award aw ON aw.period = h.p AND aw.tier = '최우수' JOIN club c ON c.id = aw.club_id
      JOIN mem ON mem.club_id = c.id JOIN person p ON p.id = mem.person_id LEFT JOIN unit u ON u.id = p.unit_id
      ORDER BY c.name, p.emp_no)")
  check "IC-D4 issue 15: Jung-gu $h: the default incentives grant what JG10 and JG11 say, as before" "$want" \
    "$("$LC" incentives "$j0" "$h" --format csv | sed 1d | tr -d '"')"
done

# --- issue 15: incentives granted (IN1-IN6) on Jung-gu's year ------------------------------------
j=$(newdb ic15-junggu); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$j"
"$LC" evaluate "$j" 2015-H2 >/dev/null
"$LC" program-set "$j" junggu-2015 'incentives=최우수:leave*1+training,우수:transfer*2+promotion/1,장려:gift(문화상품권)/1' >/dev/null
"$LC" incentives "$j" 2015-H2 --format csv >"$TMPROOT/ic15.csv"; rc=$?
check "IN1-IN6 issue 15: findings exit 1" 1 "$rc"
rows() { tr -d '"' <"$TMPROOT/ic15.csv" | awk -F, -v k="$1" '$1 == k { print $2 "|" $4 "|" $7 }' | LC_ALL=C sort | tr '\n' ' '; }
set_of() { printf '%s\n' $* | LC_ALL=C sort | tr '\n' ' '; }
nominees() {  # the club's nominees of 2015-H2, by emp_no, with STATUS
  "$SQLITE3" "$j" "SELECT group_concat(x, ' ') FROM (SELECT c.name || '|' || p.emp_no || '|$2' AS x FROM nomination n JOIN club c ON c.id = n.club_id
                   JOIN person p ON p.id = n.person_id WHERE n.period = '2015-H2' AND c.name = '$1' ORDER BY x)"
}
check "IN1 issue 15: leave*1 with two nominees: both too_many (JG10 per club N)" "$(set_of $(nominees 창의아이디어뱅크 too_many) $(nominees 안전도시연구회 no_award))" "$(rows special_leave)"
check "IN1 issue 15: transfer*2 for each 우수 club's nominees; a non-member not_member (JG10)" \
  "$(set_of "도시재생연구회|1502331|ok 도시재생연구회|1502405|ok 안전도시연구회|1503071|no_award 예산지킴이|1500037|ok 예산지킴이|1500555|not_member")" "$(rows transfer_preference)"
members() {  # the club's members during 2015-H2, with STATUS
  "$SQLITE3" "$j" "SELECT group_concat(x, ' ') FROM (SELECT c.name || '|' || p.emp_no || '|$2' AS x FROM membership m JOIN club c ON c.id = m.club_id
                   JOIN person p ON p.id = m.person_id WHERE c.name = '$1' AND m.joined_on <= '2015-12-31' AND coalesce(m.left_on, '9999') >= '2015-07-01' ORDER BY x)"
}
check "IN2 issue 15: training without *N: every member of the 최우수 club (O2)" "$(set_of $(members 창의아이디어뱅크 ok))" "$(rows domestic_training)"
check "IN6 issue 15: promotion/1: the first 우수 club by rank only (O1)" "$(set_of $(members 예산지킴이 ok))" "$(rows promotion_preference)"
check "IN2 IN6 issue 15: a gift goes to the club; /1 with two tied at the cut: both tied (D3)" "$(set_of "복지나눔연구회||tied 열린행정연구회||tied")" "$(rows 문화상품권)"
"$LC" program-set "$j" junggu-2015 'incentives=최우수:trip' >/dev/null
check "IN3 issue 15: a program granting nothing by nomination: its nominations are no_award 'nomination'" \
  "nomination|1|no_award" \
  "$("$LC" incentives "$j" 2015-H2 --format csv | tr -d '"' | awk -F, '$1 != "overseas_trip" && NR > 1 { n++; k = $1; s = $7 } END { print k "|" (n > 0) "|" s }')"

# --- issue 15: support allocations (AL1-AL3, O5) -----------------------------------------------------
a=$(newdb al15); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$a"
"$LC" summary "$a" 2015 --format csv >"$TMPROOT/al-before.txt"
"$LC" budget "$a" >/dev/null 2>&1; rc=$?
check "AL3 issue 15: without an allocation summary says nothing of it, budget nothing" "0|0" \
  "$(grep -c allocation "$TMPROOT/al-before.txt")|$rc"
out=$("$LC" program-set "$a" junggu-2015 'allocation=400000, 열린행정연구회 : 500000' 2>&1); rc=$?
check "AL1 issue 15: allocation written, spaces cut" "junggu-2015: updated (allocation)|0|400000,열린행정연구회:500000" \
  "$out|$rc|$("$SQLITE3" "$a" "SELECT allocation FROM program")"
spent() { "$SQLITE3" "$a" "SELECT coalesce(sum(e.amount), 0) FROM expense e JOIN club c ON c.id = e.club_id WHERE c.name = '$1'"; }
over=$("$SQLITE3" "$a" "SELECT group_concat(name || ' ' || (s - 400000), ', ') FROM (SELECT c.name, sum(e.amount) AS s FROM club c JOIN expense e ON e.club_id = c.id
                        WHERE c.name <> '열린행정연구회' GROUP BY c.id HAVING s > 400000 ORDER BY c.name)")
"$LC" summary "$a" 2015 --format csv >"$TMPROOT/al.csv"; rc=$?
check "AL3 issue 15: summary: allocated (12 × 400,000 + 500,000) and spent" "allocation,allocated,5300000 allocation,spent,$("$SQLITE3" "$a" 'SELECT sum(amount) FROM expense')" \
  "$(tr -d '"' <"$TMPROOT/al.csv" | grep '^allocation,' | tr '\n' ' ' | sed 's/ $//')"
check "AL3 issue 15: summary: each club over its allocation, by how much; a finding" "$over|1" \
  "$(tr -d '"' <"$TMPROOT/al.csv" | awk -F, '$1 == "over_allocation" { printf "%s%s %s", n++ ? ", " : "", $2, $3 }')|$rc"
check "AL3 issue 15: summary: the rows before stay as they were" "$(cat "$TMPROOT/al-before.txt")" \
  "$("$LC" summary "$a" 2015 --format csv | grep -v allocation)"
"$LC" budget "$a" --format csv >"$TMPROOT/al-budget.csv"; rc=$?
check "AL3 issue 15: budget: a club's row, in million KRW, no sources" "junggu-2015 열린행정연구회,2015,,,,,0.5,$(awk -v s="$(spent 열린행정연구회)" 'BEGIN { print s / 1e6 }'),84" \
  "$(tr -d '"' <"$TMPROOT/al-budget.csv" | grep '^junggu-2015 열린행정연구회,')"
check "AL3 issue 15: budget: the program's total and the finding; a row per club (13) and the total" "junggu-2015,total,,,,,5.3,$("$SQLITE3" "$a" 'SELECT sum(amount) / 1e6 FROM expense'),$("$SQLITE3" "$a" 'SELECT round(100.0 * sum(amount) / 5300000, 2) FROM expense')|1|14" \
  "$(tr -d '"' <"$TMPROOT/al-budget.csv" | grep '^junggu-2015,total')|$rc|$(($(wc -l <"$TMPROOT/al-budget.csv") - 1))"
"$LC" program-set "$a" junggu-2015 allocation=1000000 >/dev/null
"$LC" summary "$a" 2015 >/dev/null; r1=$?; "$LC" budget "$a" >/dev/null; r2=$?
check "AL3 issue 15: nobody over: no finding" "0|0" "$r1|$r2"
before=$("$SQLITE3" "$a" .dump | md5sum)
bad "AL1 issue 15: thousands commas" \
  "learnclub program-set: invalid allocation '2,000,000': $AL_MSG; nothing was written" program-set "$a" junggu-2015 allocation=2,000,000
bad "AL1 issue 15: no amount for every club" \
  "learnclub program-set: invalid allocation '예산지킴이:1': $AL_MSG; nothing was written" program-set "$a" junggu-2015 allocation=예산지킴이:1
bad "AL2 issue 15: a club twice" \
  "learnclub program-set: invalid allocation '1,예산지킴이:1,예산지킴이:2': $AL_MSG; nothing was written" program-set "$a" junggu-2015 allocation=1,예산지킴이:1,예산지킴이:2
bad "AL1 issue 15: a club not in the program (P8)" \
  "learnclub program-set: invalid allocation '1,예산지킴:1': '예산지킴' is not a club of program 'junggu-2015'" program-set "$a" junggu-2015 allocation=1,예산지킴:1
check "AL1 issue 15: refusals write nothing" "$before" "$("$SQLITE3" "$a" .dump | md5sum)"
check "S1 AL1 issue 15: a plain sqlite3 refuses a bad allocation" "$AL_MSG" "$(plain_error "$a" "UPDATE program SET allocation = '2000000,:5'")"
"$LC" program-set "$a" junggu-2015 allocation=none >/dev/null
check "AL1 issue 15: allocation=none is NULL" "1" "$("$SQLITE3" "$a" "SELECT allocation IS NULL FROM program")"
