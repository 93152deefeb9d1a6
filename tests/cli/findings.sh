#!/usr/bin/env bash
# Issue 13: each finding against the bash command (H1-H4, M1, M3, M4, M6,
# M9, L1, L2, L5-L8, L12-L16) has a case here that failed against it and
# passes with the C program. Disk-full cases use a small tmpfs when the test
# runs as root, and are reported as SKIP otherwise.
source "$(dirname "$0")/../lib.sh"
# The schema version this learnclub writes (sql/schema.sql sets it).
SV=$(sed -n 's/^PRAGMA user_version = \([0-9]*\);$/\1/p' "$LEARNCLUB_ROOT/sql/schema.sql")
LC="$LEARNCLUB"
w="$TMPROOT/findings"; rm -rf "$w"; mkdir -p "$w"
fresh() { local d="$w/$1.db"; rm -f "$d" "$d-wal" "$d-shm" "$d-journal"; cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$d"; printf '%s' "$d"; }
dump() { "$SQLITE3" -cmd ".timeout 10000" "$1" .dump | md5sum; }
MH="club,held_on,kind,hours,topic,attendees"

# small tmpfs mounts, root only; all unmounted on exit
MOUNTS=()
cleanup() { local m; for m in "${MOUNTS[@]}"; do umount "$m" 2>/dev/null; done; }
trap cleanup EXIT
# tmpfs DIR KB — a tmpfs of KB kilobytes at DIR; fails when not possible
tmpfs() { mkdir -p "$1" && [ "$(id -u)" = 0 ] && mount -t tmpfs -o "size=${2}k" tmpfs "$1" 2>/dev/null && MOUNTS+=("$1"); }
# fill DIR [KB_LEFT] — fill the tmpfs at DIR, leaving about KB_LEFT kilobytes
fill() { head -c 100M /dev/zero >"$1/.fill" 2>/dev/null; [ "${2:-0}" = 0 ] || truncate -s "-${2}K" "$1/.fill"; }

# --- H1: no path or environment value ever reaches a script ----------------------
db=$(fresh h1)
d="$w/x"$'\n'".shell touch $w/PWNED"$'\n'"y"; mkdir -p "$d"
out=$("$LC" backup "$db" "$d/b.db" 2>&1); rc=$?
check "H1 backup to a path with a newline and a dot-command: written" "learnclub backup: wrote $d/b.db|0" "$out|$rc"
check "H1 ... and no dot-command ran" "absent" "$([ -e "$w/PWNED" ] && echo present || echo absent)"
# valgrind keeps its own files in TMPDIR: under make check-valgrind the cases
# with a strange or full TMPDIR are skipped (LC_UNDER_VALGRIND)
if [ -n "${LC_UNDER_VALGRIND:-}" ]; then
  skip "H1 H3 M3 M4 TMPDIR cases" "valgrind itself needs a working TMPDIR"
else
out=$(TMPDIR="$w/t"$'\n'".shell touch $w/PWNED2"$'\n' LEARNCLUB_EXT="x"$'\n'".shell touch $w/PWNED3" \
      "$LC" monthly-check "$db" 2015-05 --as-of 2015-06-30 --format csv 2>&1 | head -n 1)
check "H1 TMPDIR and LEARNCLUB_EXT with a dot-command: the check runs" "club,president,due,submitted,status,meeting,regular,members,size" "$out"
check "H1 ... and no dot-command ran" "absent absent" \
  "$([ -e "$w/PWNED2" ] && echo present || echo absent) $([ -e "$w/PWNED3" ] && echo present || echo absent)"
fi

# --- H2, L15: no output file may be the database or one of its files ----------------
db=$(fresh h2); before=$(dump "$db")
out=$(cd "$w" && "$LC" report h2.db 2015 --html h2.db 2>&1); rc=$?
check "H2 report --html onto the database itself: refused" "learnclub report: 'h2.db' is the database 'h2.db'; refusing to write over it|2" "$out|$rc"
check "H2 ... and the database is intact" "$before" "$(dump "$db")"
out=$("$LC" report "$db" 2015 --html "$db-wal" 2>&1); rc=$?
check "H2 report onto the database's -wal: refused" "learnclub report: '$db-wal' is the database '$db' (its wal file); refusing to write over it|2" "$out|$rc"
other=$(fresh h2-other)
out=$("$LC" report "$db" 2015 --html "$other" 2>&1); rc=$?
check "H2 report onto another SQLite database: refused" "learnclub report: '$other' is a SQLite database; refusing to write over it|2" "$out|$rc"
ln -sf "$db" "$w/link.html"
out=$("$LC" report "$db" 2015 --html "$w/link.html" 2>&1); rc=$?
check "H2 report onto a link to the database: refused" "2" "$rc"
out=$("$LC" backup "$db" "$db-journal" 2>&1); rc=$?
check "L15 a backup named DB-journal: refused" "learnclub backup: '$db-journal' is the database '$db' (its journal file); refusing to write over it|2" "$out|$rc"
check "L15 ... no such file made, the database intact" "absent|$before" "$([ -e "$db-journal" ] && echo present || echo absent)|$(dump "$db")"

# --- H3, M3, M4: a full TMPDIR changes nothing: the command needs none -----------------
db=$(fresh h3)
good_check=$("$LC" monthly-check "$db" 2015-05 --as-of 2015-06-30 2>&1; echo "exit $?")
good_hours=$("$LC" hours "$db" 2015-H1 --format csv 2>&1; echo "exit $?")
LEARNCLUB_TODAY=2016-01-31 "$LC" report "$db" 2015 --html "$w/good.html" >/dev/null 2>&1
if [ -n "${LC_UNDER_VALGRIND:-}" ]; then
  : # skipped above
elif tmpfs "$w/fulltmp" 64; then
  fill "$w/fulltmp"
  got=$(TMPDIR="$w/fulltmp" "$LC" monthly-check "$db" 2015-05 --as-of 2015-06-30 2>&1; echo "exit $?")
  check "H3 monthly-check with TMPDIR full: the same result, exit 1" "$good_check" "$got"
  got=$(TMPDIR="$w/fulltmp" "$LC" hours "$db" 2015-H1 --format csv 2>&1; echo "exit $?")
  check "H3 hours --format csv with TMPDIR full: whole" "$good_hours" "$got"
  cp "$w/good.html" "$w/page.html"
  out=$(TMPDIR="$w/fulltmp" LEARNCLUB_TODAY=2016-01-31 "$LC" report "$db" 2015 --html "$w/page.html" 2>&1); rc=$?
  check "H3 report with TMPDIR full: the same page" "0|same" "$rc|$(cmp -s "$w/good.html" "$w/page.html" && echo same || echo differs)"
  fill "$w/fulltmp" 8
  printf '%s\n%s\n' "$MH" "예산지킴이,2015-03-19,extra,2,m3,$("$SQLITE3" "$db" "SELECT p.emp_no FROM membership m JOIN person p ON p.id = m.person_id JOIN club c ON c.id = m.club_id WHERE c.name = '예산지킴이' AND m.role = 'president'")" >"$w/m3.csv"
  out=$(TMPDIR="$w/fulltmp" "$LC" import-meetings "$db" "$w/m3.csv" 2>&1); rc=$?
  check "M3 import with 8 kB left in TMPDIR: imported, and says so" "$w/m3.csv: 1 meetings, 1 attendances|0|1" \
    "$out|$rc|$("$SQLITE3" "$db" "SELECT count(*) FROM meeting WHERE topic = 'm3'")"
  fill "$w/fulltmp"
  cp "$LEARNCLUB_ROOT/examples/templates/meetings.csv" "$w/m4.csv"
  out=$(TMPDIR="$w/fulltmp" "$LC" import-meetings "$db" "$w/m4.csv" 2>&1)
  check "M4 import with TMPDIR full: not 'neither UTF-8 nor CP949'" "" "$(grep -o 'neither UTF-8' <<<"$out")"
else
  skip "H3 M3 M4 full TMPDIR" "needs root for a 64 kB tmpfs"
fi

# --- H4, M4: a full disk where the files are ------------------------------------------
if tmpfs "$w/full" 512; then
  cp "$w/good.html" "$w/full/page.html"
  fill "$w/full"
  out=$(LEARNCLUB_TODAY=2016-01-31 "$LC" report "$(fresh h4)" 2015 --html "$w/full/page.html" 2>&1); rc=$?
  check "H4 report on a full disk: refused, the old page kept" \
    "learnclub report: cannot write '$w/full/page.html': disk is full; it was left as it was|2|same" \
    "$out|$rc|$(cmp -s "$w/good.html" "$w/full/page.html" && echo same || echo differs)"
  check "H4 ... and no fragment left in the folder" "page.html" "$(ls -A "$w/full" | grep -v '^\.fill$')"
  out=$("$LC" backup "$(fresh h4b)" "$w/full/b.db" 2>&1); rc=$?
  check "M4 backup on a full disk: disk full, nothing written" \
    "learnclub backup: cannot write '$w/full/b.db': disk is full; nothing was written|2|absent" \
    "$out|$rc|$([ -e "$w/full/b.db" ] && echo present || echo absent)"
  out=$("$LC" init "$w/full/new.db" 2>&1); rc=$?
  check "M4 init of a new database on a full disk: 'disk is full', nothing changed" \
    "learnclub init: $w/full/new.db: disk is full; nothing was written|2" "$out|$rc"
  rm -f "$w/full/.fill" "$w/full/page.html" "$w/full/new.db"
  cp "$(fresh m4full)" "$w/full/db.db"
  big="$w/m4big.csv"; who=$("$SQLITE3" "$w/full/db.db" "SELECT p.emp_no FROM membership m JOIN person p ON p.id = m.person_id JOIN club c ON c.id = m.club_id WHERE c.name = '예산지킴이' AND m.role = 'president'")
  { echo "$MH"; for i in $(seq 0 299); do printf '예산지킴이,%s,extra,1,%0200d,%s\n' "$(date -u -d "2015-03-01 + $i days" +%Y-%m-%d)" "$i" "$who"; done; } >"$big"
  before=$(dump "$w/full/db.db")
  fill "$w/full"
  out=$("$LC" import-meetings "$w/full/db.db" "$big" 2>&1); rc=$?
  check "M4 import into a database on a full disk: 'disk is full', nothing imported" \
    "learnclub import-meetings: $w/full/db.db: disk is full; nothing was written|2" "$out|$rc"
  rm -f "$w/full/.fill"
  check "M4 ... and nothing was" "$before" "$(dump "$w/full/db.db")"
  # a WAL database whose -shm cannot grow: SQLite's I/O error, its errno ENOSPC
  "$SQLITE3" "$w/full/db.db" "PRAGMA journal_mode = WAL;" >/dev/null; rm -f "$w/full/db.db-wal" "$w/full/db.db-shm"
  fill "$w/full"
  out=$("$LC" monthly-check "$w/full/db.db" 2015-05 --as-of 2015-06-30 2>&1); rc=$?
  check "M4 a check of a WAL database on a full disk: 'disk is full', not an I/O error" \
    "learnclub monthly-check: $w/full/db.db: disk is full|2" "$out|$rc"
  rm -f "$w/full/.fill"
else
  skip "H4 M4 full disk" "needs root for a 512 kB tmpfs"
fi

# --- M4: a WAL database in a read-only folder is not "not a SQLite database" ----------
if tmpfs "$w/ro" 1024; then
  cp "$(fresh m4ro)" "$w/ro/db.db"; "$SQLITE3" "$w/ro/db.db" "PRAGMA journal_mode = WAL;" >/dev/null
  mount -o remount,ro "$w/ro"
  out=$("$LC" monthly-check "$w/ro/db.db" 2015-05 --as-of 2015-06-30 2>&1); rc=$?
  check "M4 WAL database in a read-only folder: says why" \
    "learnclub monthly-check: $w/ro/db.db: cannot open the database or its -wal/-shm files; check the permissions of the file and its folder|2" "$out|$rc"
else
  skip "M4 read-only folder" "needs root for a tmpfs"
fi

# --- M4: a read-only database, a damaged one: each says so ------------------------------
if tmpfs "$w/rodb" 2048; then
  cp "$(fresh m4rodb)" "$w/rodb/db.db"   # rollback journal: readable on a read-only file system
  mount -o remount,ro "$w/rodb"
  out=$("$LC" evaluate "$w/rodb/db.db" 2015-H1 2>&1); rc=$?
  check "M4 evaluate on a read-only file system: read-only, nothing written" \
    "learnclub evaluate: $w/rodb/db.db: cannot write: the database or its folder is read-only; nothing was written|2" "$out|$rc"
  out=$("$LC" monthly-check "$w/rodb/db.db" 2015-05 --as-of 2015-06-30 2>/dev/null | head -n 1); 
  check "M4 ... while the checks still read it" "club              president  due         submitted   status   meeting  regular  members  size" "$out"
else
  skip "M4 read-only database" "needs root for a tmpfs"
fi
db=$(fresh m4bad); printf 'garbagegarbagegarbage' | dd of="$db" bs=1 seek=110 conv=notrunc 2>/dev/null
out=$("$LC" monthly-check "$db" 2015-05 2>&1); rc=$?
check "M4 a damaged database: damaged, not 'not a SQLite database'" \
  "learnclub monthly-check: $db: the database file is damaged; restore it from a backup|2" "$out|$rc"

# --- M4, M6: a locked database is reported as locked, by each kind of command --------
db=$(fresh m6)   # rollback journal: a writer's lock keeps readers out
rm -f "$w/locked" "$w/unlock"
"$SQLITE3" "$db" "BEGIN EXCLUSIVE; INSERT INTO holiday_override VALUES ('2030-01-02', 'lock', 1);" ".shell touch $w/locked; while [ ! -e $w/unlock ]; do sleep 0.05; done" "ROLLBACK;" &
holder=$!
while [ ! -e "$w/locked" ]; do sleep 0.05; done
for c in "monthly-check $db 2015-05 --as-of 2015-06-30" "summary $db 2015" "pledge-report $db --as-of 2015-06-30" "hours $db 2015-H1"; do
  set -- $c
  out=$(LEARNCLUB_TODAY=2016-01-31 LEARNCLUB_TIMEOUT_MS=50 "$LC" "$@" 2>&1); rc=$?
  check "M4 M6 $1 on a locked database: locked, not 'not a SQLite database' nor a function's error" \
    "learnclub $1: $db: database is locked (waited 50 ms)|2" "$out|$rc"
done
cp "$LEARNCLUB_ROOT/examples/templates/meetings.csv" "$w/m6.csv"
out=$(LEARNCLUB_TIMEOUT_MS=50 "$LC" import-meetings "$db" "$w/m6.csv" 2>&1); rc=$?
check "M4 import into a locked database: locked" \
  "learnclub import-meetings: $db: database is locked (waited 50 ms)|2" "$out|$rc"
touch "$w/unlock"; wait "$holder"

# --- M9: a line over 1 MiB is refused at once, naming it ------------------------------
db=$(fresh m9)
{ echo "$MH"; printf '예산지킴이,2015-03-19,regular,2,x,'; head -c 30000000 /dev/zero | tr '\0' '1'; echo; } >"$w/m9.csv"
f=${TEST_TIME_FACTOR:-1}   # make check-valgrind stretches time and memory limits
start=$(date +%s%N)
out=$(/usr/bin/time -f '%M' -o "$w/m9.rss" "$LC" import-meetings "$db" "$w/m9.csv" 2>&1); rc=$?
ms=$(( ($(date +%s%N) - start) / 1000000 )); kb=$(tail -n 1 "$w/m9.rss")
check "M9 a 30 MB line: refused, its line named" "learnclub import-meetings: $w/m9.csv: line 2 is longer than 1 MiB (1048576 bytes); nothing imported|2" "$out|$rc"
check "M9 ... at once: under $((2 * f)) s and $((50 * f)) MB" "yes" \
  "$([ "$ms" -lt $((2000 * f)) ] && [ "$kb" -lt $((50000 * f)) ] && echo yes || echo "no: $ms ms, $kb kB")"
rm -f "$w/m9.csv"

# --- M1: init checks foreign keys before it commits --------------------------------------
db="$w/m1.db"; rm -f "$db"
"$SQLITE3" -bail "$db" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/schema-v2.sql" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/small.sql.in" \
  "DROP TABLE committee_place; PRAGMA user_version = 1; PRAGMA foreign_keys = OFF; INSERT INTO attendance VALUES (999, 1);"
before=$(dump "$db")
out=$("$LC" init "$db" 2>&1); rc=$?
check "M1 init with an orphan row: refused, nothing changed" \
  "learnclub init: foreign key violations after the upgrade (table 'attendance', row $("$SQLITE3" "$db" "SELECT rowid FROM attendance WHERE meeting_id = 999"), refers to a missing 'meeting' row); nothing was changed|2" "$out|$rc"
check "M1 ... and it is still at version 1, unchanged" "1|$before" "$("$SQLITE3" "$db" 'PRAGMA user_version')|$(dump "$db")"

# --- L6, L7: init killed anywhere, and two at once ------------------------------------------
# ms CMD... — how long CMD takes, in milliseconds (at least 1), to spread kills over it
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; s=$(( ($(date +%s%N) - s) / 1000000 )); echo $((s > 0 ? s : 1)); }
# kill_after MS CMD... — CMD in its own process group, killed with SIGKILL after MS ms
kill_after() {
  local t=$1 pid; shift
  setsid "$@" >/dev/null 2>&1 & pid=$!
  sleep "$(printf '%d.%03d' $((t / 1000)) $((t % 1000)))"; kill -KILL -- "-$pid" 2>/dev/null; wait "$pid" 2>/dev/null
}
bad=""; rm -f "$w/l6.db"*; full=$(ms "$LC" init "$w/l6.db")
for i in $(seq 1 16); do
  db="$w/l6.db"; rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
  kill_after $((RANDOM % (full + 1))) "$LC" init "$db"
  "$LC" init "$db" >/dev/null 2>&1 || bad+="init after kill $i failed; "
  [ "$("$SQLITE3" "$db" 'PRAGMA journal_mode')|$("$SQLITE3" "$db" 'PRAGMA user_version')" = "wal|$SV" ] || bad+="run $i: not WAL at $SV; "
done
check "L6 init killed at random points, then run again: WAL mode, the current version" "" "$bad"
bad=""
for i in 1 2 3 4 5; do
  db="$w/l7.db"; rm -f "$db" "$db-wal" "$db-shm"
  "$SQLITE3" -bail "$db" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/schema-v2.sql" "DROP TABLE committee_place; PRAGMA user_version = 1;"
  "$LC" init "$db" >"$w/l7a" 2>&1 & a=$!
  "$LC" init "$db" >"$w/l7b" 2>&1 & b=$!
  wait "$a"; ra=$?; wait "$b"; rb=$?
  got=$(cat "$w/l7a" "$w/l7b" | sort | tr '\n' ';')
  [ "$ra|$rb|$got" = "0|0|$db: schema version $SV, up to date;$db: upgraded from schema version 1 to $SV;" ] || bad+="run $i: $ra $rb $got; "
done
check "L7 two inits at once on a v1 database: one upgrades, the other finds it up to date" "" "$bad"

# --- L8: bad schema versions get clear messages ---------------------------------------------
db=$(newdb l8neg); "$SQLITE3" "$db" "PRAGMA user_version = -1;"
out=$("$LC" monthly-check "$db" 2015-05 2>&1); rc=$?
check "L8 a negative version: not a learnclub database" "learnclub monthly-check: database '$db' has schema version -1, which learnclub never uses; it is not a learnclub database|2" "$out|$rc"
out=$("$LC" init "$db" 2>&1); rc=$?
check "L8 init on a negative version: refused untouched" "learnclub init: database '$db' has schema version -1, which learnclub never uses; refusing to touch it|2|-1" "$out|$rc|$("$SQLITE3" "$db" 'PRAGMA user_version')"
db=$(newdb l8new); "$SQLITE3" "$db" "PRAGMA user_version = $((SV + 1));"
out=$("$LC" hours "$db" 2015-H1 2>&1); rc=$?
check "L8 a newer version: not 'run learnclub init'" "learnclub hours: database '$db' is at schema version $((SV + 1)), newer than this learnclub ($SV); use a newer learnclub|2" "$out|$rc"

# --- L1, L12, L13: what the table, CSV and JSON show ------------------------------------------
db=$(newdb text); "$LC" init "$db" >/dev/null
"$SQLITE3" -bail "$db" ".read $LEARNCLUB_ROOT/tests/workflow/fixtures/small.sql.in"
"$SQLITE3" "$db" "UPDATE person SET name = '김'||char(9)||'가'||char(10)||'람' WHERE emp_no = 'E001';
                  UPDATE person SET name = char(27)||'[31m이하나' WHERE emp_no = 'E002';
                  UPDATE person SET name = 'a\":1.00000000000000000001,\"b' WHERE emp_no = 'E003';
                  UPDATE person SET name = CAST(x'ffc3' AS TEXT)||'최' WHERE emp_no = 'E004';"
out=$("$LC" hours "$db" 2015-H1 | head -n 6)
check "L1 L12 L13 table: control characters escaped, bad UTF-8 replaced, columns aligned" "\
emp_no  name                          unit        half_year  hours  education_type           program  club  uncapped_hours
------  ----------------------------  ----------  ---------  -----  -----------------------  -------  ----  --------------
E001    김\\t가\\n람                    기획예산과  2015-H1     12.0  기관주관교육/학습동아리  t2015    가람            16.0
E002    \\x1b[31m이하나                기획예산과  2015-H1     12.0  기관주관교육/학습동아리  t2015    가람            12.0
E003    a\":1.00000000000000000001,\"b  총무과      2015-H1     12.0  기관주관교육/학습동아리  t2015    가람            12.0
E004    ��최                          총무과      2015-H1      9.5  기관주관교육/학습동아리  t2015    나래             9.5" "$out"
out=$("$LC" hours "$db" 2015-H1 --format json)
check "L2 JSON: a name is never rewritten" "yes" "$(grep -qF '"name":"a\":1.00000000000000000001,\"b"' <<<"$out" && echo yes || echo no)"
check "L13 JSON: valid, with U+FFFD for the bad bytes" "ok|��최" \
  "$(python3 -c 'import json,sys; d=json.load(sys.stdin); print("ok|" + d[3]["name"])' <<<"$out" 2>&1)"
out=$("$LC" hours "$db" 2015-H1 --format csv | grep '^E004')
check "L13 CSV: U+FFFD for the bad bytes" 'E004,"��최","총무과",2015-H1,9.5,"기관주관교육/학습동아리",t2015,"나래",9.5' "$out"
check "L13 CSV: no invalid UTF-8 anywhere" "yes" "$("$LC" hours "$db" 2015-H1 --format csv | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 && echo yes || echo no)"
printf '%s\n%s\n' "$MH" $'가람,2015-03-12,\e[2J\e[31mred,3,x,E001' >"$w/l12.csv"
out=$("$LC" import-meetings "$db" "$w/l12.csv" 2>&1)
check "L12 a terminal escape in a CSV cell is shown escaped in the message" \
  "learnclub import-meetings: $w/l12.csv: line 2, column kind: invalid value '\\x1b[2J\\x1b[31mred'; expected regular or extra (JG5); nothing imported" "$out"

# --- L16: CSV always has its header line -------------------------------------------------------
check "L16 an empty CSV result has its header line" "emp_no,name,unit,half_year,hours,education_type,program,club,uncapped_hours" \
  "$("$LC" hours "$db" 2015-H2 --format csv)"
check "L16 ... and JSON is an empty array" "[]" "$("$LC" hours "$db" 2015-H2 --format json)"

# --- L5, L14: backups: never two winners, never leftovers ---------------------------------------
db=$(fresh l5); bad=""
for i in 1 2 3 4 5 6; do
  "$LC" backup "$db" "$w/same$i.db" >"$w/l5a" 2>&1 & a=$!
  "$LC" backup "$db" "$w/same$i.db" >"$w/l5b" 2>&1 & b=$!
  wait "$a"; ra=$?; wait "$b"; rb=$?
  got=$(cat "$w/l5a" "$w/l5b" | sort | tr '\n' ';')
  [ "$((ra + rb))|$got" = "2|learnclub backup: '$w/same$i.db' already exists; a backup never overwrites;learnclub backup: wrote $w/same$i.db;" ] || bad+="run $i: $ra $rb $got; "
done
check "L5 two backups at once to one name: one wrote, one refused" "" "$bad"
mkdir -p "$w/l14"; left=""; full=$(ms "$LC" backup "$db" "$w/l14-full.db")
for i in $(seq 1 12); do
  kill_after $((RANDOM % (full + 1))) "$LC" backup "$db" "$w/l14/b$i.db"
done
check "L14 killed backups leave no hidden files" "" "$(ls -A "$w/l14" | grep '^\.')"
for f in "$w"/l14/b*.db; do
  [ -e "$f" ] || continue
  [ "$("$SQLITE3" "$f" 'PRAGMA integrity_check')" = ok ] || left+="$f; "
done
check "L14 ... and a backup that is there is whole" "" "$left"
