#!/usr/bin/env bash
# Issue 6, concurrency: writers (meeting imports, report submissions) and
# readers (monthly checks, consistency queries) run as separate processes on
# one WAL database for a bounded time. No writer loses a row, no reader sees
# a half-applied import, and no "database is locked" reaches a user.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
db=$(newdb concurrency); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
"$SQLITE3" -cmd ".timeout 10000" "$db" "PRAGMA journal_mode = WAL;" >/dev/null
work="$TMPROOT/concurrency"; mkdir -p "$work"
ROUNDS=${CONCURRENCY_ROUNDS:-12}

# A writer imports ROUNDS files of 3 extra meetings each (2 attendees each),
# for its own club, all in one transaction per file.
members() { "$SQLITE3" -cmd ".timeout 10000" "$db" "SELECT group_concat(p.emp_no, ' ') FROM (SELECT p.emp_no FROM membership m JOIN person p ON p.id = m.person_id JOIN club c ON c.id = m.club_id WHERE c.name = '$1' ORDER BY p.emp_no LIMIT 2) p;"; }
writer() {  # NAME CLUB FIRST_DAY_OFFSET
  local name=$1 club=$2 off=$3 i j who f
  who=$(members "$club")
  for ((i = 1; i <= ROUNDS; i++)); do
    f="$work/$name-$i.csv"
    { echo "club,held_on,kind,hours,topic,attendees"
      for j in 0 1 2; do
        printf '%s,%s,extra,1,conc-%s-%d,"%s"\n' "$club" "$(date -u -d "2015-03-01 + $((off + i * 3 + j)) days" +%Y-%m-%d)" "$name" "$i" "$who"
      done; } >"$f"
    "$LC" import-meetings "$db" "$f" >>"$work/$name.out" 2>>"$work/$name.err" || echo "exit $? on $f" >>"$work/$name.fail"
  done
}
# A submitter re-files the monthly reports of one club, each round with a new board reference.
submitter() {
  local i f
  for ((i = 1; i <= ROUNDS; i++)); do
    f="$work/sub-$i.csv"
    { echo "club,kind,period,submitted_at,board_ref,title"
      for m in 03 04 05 06 07 08 09 10 11; do
        printf '세입발굴단,monthly,2015-%s,2015-%s-02 09:00,conc-%d,%s월 활동보고서\n' "$m" "$(printf '%02d' $((10#$m + 1)))" "$i" "$m"
      done; } >"$f"
    "$LC" import-reports "$db" "$f" >>"$work/sub.out" 2>>"$work/sub.err" || echo "exit $? on $f" >>"$work/sub.fail"
  done
}
# A reader runs the monthly check and looks for half-applied imports until told to stop.
reader() {
  local name=$1 n=0 bad
  while [ ! -e "$work/stop" ]; do
    "$LC" monthly-check "$db" 2015-05 --as-of 2015-06-30 --format csv >/dev/null 2>>"$work/$name.err"
    case $? in 0|1) ;; *) echo "monthly-check exit $?" >>"$work/$name.fail" ;; esac
    bad=$("$SQLITE3" -batch "$db" -cmd ".timeout 10000" "
      SELECT count(*) FROM (SELECT topic FROM meeting WHERE topic LIKE 'conc-%' GROUP BY topic HAVING count(*) <> 3)
      + (SELECT count(*) FROM meeting m WHERE topic LIKE 'conc-%' AND (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id) <> 2)
      + (SELECT count(DISTINCT board_ref) - 1 FROM report r JOIN club c ON c.id = r.club_id WHERE c.name = '세입발굴단' AND r.period BETWEEN '2015-03' AND '2015-11' AND board_ref LIKE 'conc-%');" 2>>"$work/$name.err")
    [ "${bad:-0}" = 0 ] || echo "half-applied state seen: $bad" >>"$work/$name.fail"
    n=$((n + 1))
  done
  echo "$n" >"$work/$name.count"
}
rm -f "$work/stop"
reader r1 & r1=$!
reader r2 & r2=$!
writer w1 예산지킴이 0 & w1=$!
writer w2 창의아이디어뱅크 100 & w2=$!
submitter & s1=$!
wait "$w1" "$w2" "$s1"
touch "$work/stop"; wait "$r1" "$r2"
check "no writer failed" "" "$(cat "$work"/w*.fail "$work"/sub.fail 2>/dev/null)"
check "no reader failed" "" "$(cat "$work"/r*.fail 2>/dev/null)"
check "no 'database is locked' reached a user" "" "$(grep -ih 'locked\|busy' "$work"/*.err 2>/dev/null | head -3)"
check "every imported meeting is there (2 writers x $ROUNDS files x 3)" "$((2 * ROUNDS * 3))" "$("$SQLITE3" -cmd ".timeout 10000" "$db" "SELECT count(*) FROM meeting WHERE topic LIKE 'conc-%';")"
check "every attendance row is there" "$((2 * ROUNDS * 3 * 2))" "$("$SQLITE3" -cmd ".timeout 10000" "$db" "SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.topic LIKE 'conc-%';")"
check "the last submission won" "conc-$ROUNDS" "$("$SQLITE3" -cmd ".timeout 10000" "$db" "SELECT group_concat(DISTINCT board_ref) FROM report r JOIN club c ON c.id = r.club_id WHERE c.name = '세입발굴단' AND r.period BETWEEN '2015-03' AND '2015-11';")"
check "readers ran while writers wrote" "yes" "$( [ "$(cat "$work/r1.count")" -ge 2 ] && [ "$(cat "$work/r2.count")" -ge 2 ] && echo yes || echo "no: $(cat "$work"/r*.count)")"
check "integrity" "ok" "$("$SQLITE3" -cmd ".timeout 10000" "$db" "PRAGMA integrity_check;")"
echo "concurrency: 3 writers x $ROUNDS imports, readers ran $(cat "$work/r1.count") + $(cat "$work/r2.count") checks" >"$TMPROOT/concurrency.summary"
