#!/usr/bin/env bash
# Issue 6, backups: `learnclub backup DB FILE` makes a consistent copy while
# others write; the copy restores (opens, passes integrity_check, has whole
# imports only) and, once the writers stop, a new copy equals the database.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
db=$(newdb backup); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
"$SQLITE3" -cmd ".timeout 10000" "$db" "PRAGMA journal_mode = WAL;" >/dev/null
work="$TMPROOT/backup"; mkdir -p "$work"
# A writer adds 3 meetings a file, 10 files, while backups are taken.
who=$("$SQLITE3" -cmd ".timeout 10000" "$db" "SELECT p.emp_no FROM membership m JOIN person p ON p.id = m.person_id JOIN club c ON c.id = m.club_id WHERE c.name = '예산지킴이' AND m.role = 'president';")
( for i in $(seq 1 10); do
    { echo "club,held_on,kind,hours,topic,attendees"
      for j in 0 1 2; do echo "예산지킴이,$(date -u -d "2015-03-01 + $((i * 3 + j)) days" +%Y-%m-%d),extra,1,bk-$i,$who"; done
    } >"$work/m$i.csv"
    "$LC" import-meetings "$db" "$work/m$i.csv" >/dev/null 2>>"$work/writer.err" || echo "fail $i" >>"$work/writer.err"
  done ) &
wpid=$!
n=0; bad=""
while kill -0 "$wpid" 2>/dev/null && [ $n -lt 20 ]; do
  n=$((n + 1))
  out=$("$LC" backup "$db" "$work/copy$n.db" 2>&1) || bad+="backup $n: $out; "
  [ -f "$work/copy$n.db" ] || continue
  [ "$("$SQLITE3" "$work/copy$n.db" 'PRAGMA integrity_check;')" = ok ] || bad+="copy $n not ok; "
  part=$("$SQLITE3" "$work/copy$n.db" "SELECT count(*) FROM (SELECT topic FROM meeting WHERE topic LIKE 'bk-%' GROUP BY topic HAVING count(*) <> 3);")
  [ "$part" = 0 ] || bad+="copy $n has a half import; "
done
wait "$wpid"
check "backups taken while writing are consistent" "" "$bad"
check "the writer never failed" "" "$(cat "$work/writer.err" 2>/dev/null)"
check "backups were taken during the writes" "yes" "$([ "$n" -ge 1 ] && echo yes || echo no)"
"$LC" backup "$db" "$work/final.db" >/dev/null
# Restore: the copy, opened as the database, gives the same dump.
cp "$work/final.db" "$work/restored.db"
check "a restored copy equals the database" "$("$SQLITE3" -cmd ".timeout 10000" "$db" .dump | md5sum)" "$("$SQLITE3" "$work/restored.db" .dump | md5sum)"
check "a restored copy works with the commands" "0" "$("$LC" hours "$work/restored.db" 2015-H1 >/dev/null 2>&1; echo $?)"
# Refusals: exit 2, nothing written.
check "an existing file is never overwritten" "2" "$("$LC" backup "$db" "$work/final.db" >/dev/null 2>&1; echo $?)"
check "a missing folder is refused" "learnclub backup: folder '$work/none' of '$work/none/x.db' does not exist|2" "$("$LC" backup "$db" "$work/none/x.db" 2>&1)|$?"
check "a path with quotes and SQL is written as a plain name" "0" "$("$LC" backup "$db" "$work/a\"b'; DROP TABLE club; --.db" >/dev/null 2>&1; echo $?)"
check "and the database still has its clubs" "13" "$("$SQLITE3" -cmd ".timeout 10000" "$db" "SELECT count(*) FROM club;")"
check "no temporary file is left" "" "$(ls -a "$work" | grep '^\.learnclub-backup')"
