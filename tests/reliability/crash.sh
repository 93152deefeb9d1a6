#!/usr/bin/env bash
# Issue 6, crashes: an import killed with SIGKILL at random points, many times.
# Afterwards PRAGMA integrity_check is ok and the import is either wholly there
# or wholly absent; a re-run then imports it whole.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
RUNS=${CRASH_RUNS:-20}
pristine=$(newdb crash-pristine); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$pristine"
"$SQLITE3" -cmd ".timeout 10000" "$pristine" "PRAGMA journal_mode = WAL;" >/dev/null
# A big import: one extra meeting a day from March to December for 6 clubs,
# each with the club's president attending.
csv="$TMPROOT/crash.csv"
"$SQLITE3" -batch "$pristine" "
  WITH RECURSIVE d(day) AS (SELECT '2015-03-02' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2015-12-20')
  SELECT 'club,held_on,kind,hours,topic,attendees'
  UNION ALL
  SELECT * FROM (SELECT c.name || ',' || d.day || ',extra,1,crash,' || p.emp_no
  FROM d, club c JOIN membership m ON m.club_id = c.id AND m.role = 'president' JOIN person p ON p.id = m.person_id
  WHERE c.status = 'active' AND c.id <= 6 ORDER BY c.id, d.day);" >"$csv"
rows=$(($(wc -l <"$csv") - 1))
check "the crash import is big" "yes" "$([ "$rows" -gt 1000 ] && echo yes || echo "no: $rows")"
# How long a whole import takes, to spread the kills over it.
db=$(newdb crash); cp "$pristine" "$db"
start=$(date +%s%N); "$LC" import-meetings "$db" "$csv" >/dev/null 2>&1; full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
check "an uninterrupted import is whole" "$rows" "$("$SQLITE3" -cmd ".timeout 10000" "$db" "SELECT count(*) FROM meeting WHERE topic = 'crash';")"
whole=0; absent=0; other=0; bad_integrity=0
for ((run = 1; run <= RUNS; run++)); do
  rm -f "$db" "$db-wal" "$db-shm"; cp "$pristine" "$db"
  delay_ms=$(( RANDOM % (full_ms > 0 ? full_ms : 1) ))
  setsid "$LC" import-meetings "$db" "$csv" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '0.%03d' "$delay_ms")" 2>/dev/null || sleep 0.1
  kill -KILL -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  # The killed sqlite3 may take a moment to go; WAL recovery then needs the
  # lock for an instant: the checks wait for it like any user would.
  n=$("$SQLITE3" -cmd ".timeout 10000" "$db" "SELECT count(*) FROM meeting WHERE topic = 'crash';" 2>&1)
  ok=$("$SQLITE3" -cmd ".timeout 10000" "$db" "PRAGMA integrity_check;" 2>&1)
  [ "$ok" = ok ] || bad_integrity=$((bad_integrity + 1))
  if [ "$n" = "$rows" ]; then whole=$((whole + 1)); elif [ "$n" = 0 ]; then absent=$((absent + 1))
  else other=$((other + 1)); others+="run $run after ${delay_ms} ms: '$n'; "; fi
done
check "integrity_check ok after every kill" "0" "$bad_integrity"
check "every killed import is wholly there or wholly absent" "" "${others:-}"
check "some kills landed before the commit" "yes" "$([ "$absent" -gt 0 ] && echo yes || echo "no: absent $absent, whole $whole")"
"$LC" import-meetings "$db" "$csv" >/dev/null 2>&1
check "a re-run after a kill imports it whole" "$rows" "$("$SQLITE3" -cmd ".timeout 10000" "$db" "SELECT count(*) FROM meeting WHERE topic = 'crash';")"
echo "crash: $RUNS SIGKILLs of a $rows-row import ($full_ms ms): $absent absent, $whole whole, $other partial, $bad_integrity integrity failures" >"$TMPROOT/crash.summary"
