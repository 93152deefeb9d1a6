#!/usr/bin/env bash
# Issue 17: moving offices in and out of a cluster, `push NAME FILE` and
# `pull NAME FILE` (cli/cmd_move.c M1-M3, cluster/move.go P1-P6, D1). One
# node on loopback, a port chosen free at run time, stopped by its PID,
# every command bounded by `timeout`.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/lib.sh" # LC, NODE, start, cluster, stop_all
w="$TMPROOT/cluster-move"; rm -rf "$w"; mkdir -p "$w/tmp"
export TMPDIR="$w/tmp" # pull's private folder goes here: checked empty at the end (M3)
unset LEARNCLUB_CLUSTER
J="$w/junggu.db"; cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$J"
H="$w/hanbit.db"; cp "$LEARNCLUB_ROOT/examples/hanbit2026.db" "$H"
err() { timeout 20 "$LC" "$@" 2>&1 >/dev/null; }
exists() { [ -e "$1" ] && echo yes || echo no; }

# ---- M1, M2, CL1-CL3: refused before anything runs ---------------------------------
C=(--cluster 127.0.0.1:1) # never reached: every case below fails first
check "push without NAME" "learnclub push: missing argument NAME; see 'learnclub help'" "$(err push "${C[@]}")"
check "push without FILE" "learnclub push: missing argument FILE; see 'learnclub help'" "$(err push junggu "${C[@]}")"
check "pull without NAME" "learnclub pull: missing argument NAME; see 'learnclub help'" "$(err pull "${C[@]}")"
check "pull without FILE" "learnclub pull: missing argument FILE; see 'learnclub help'" "$(err pull junggu "${C[@]}")"
check "push: an extra argument" "learnclub push: unexpected argument 'x'" "$(err push junggu "$J" x "${C[@]}")"
check "push: an unknown option" "learnclub push: unknown option '--force'" "$(err push junggu "$J" --force "${C[@]}")"
check "push: which cluster" "learnclub push: which cluster? give --cluster HOST:PORT,... or set LEARNCLUB_CLUSTER" "$(err push junggu "$J")"
check "pull: a bad --cluster" "learnclub pull: invalid --cluster address 'x'; expected HOST:PORT,..." "$(err pull junggu "$w/p.db" --cluster x)"
rule="expected 1 to 64 bytes of letters, digits, Korean letters, '-', '_' and '.', not starting with '_' or '.'"
for n in "_learnclub" ".hidden" "" "a b" "a/b" "a'b" "중구;DROP" "$(printf 'a%.0s' {1..65})" "$(printf '\xff')"; do
  shown=$n; [ "$n" = "$(printf '\xff')" ] && shown=$'\xef\xbf\xbd' # lc_fail shows invalid UTF-8 as U+FFFD
  check "M1 NAME '$shown' refused" "learnclub push: invalid office name '$shown'; $rule" "$(err push "$n" "$J" "${C[@]}")"
done
check "M1 pull checks NAME the same way" "learnclub pull: invalid office name 'a/b'; $rule" "$(err pull a/b "$w/p.db" "${C[@]}")"
n="중구-2015_v.1$(printf 'a%.0s' {1..49})"
check "M1 64 bytes of Korean letters, digits, '-', '_', '.' pass the check (then the cluster is not there)" \
  "64|yes" "$(printf %s "$n" | wc -c | tr -d ' ')|$(LEARNCLUB_TIMEOUT_MS=300 err push "$n" "$J" "${C[@]}" | grep -q "^learnclub push: no leader reachable at '127.0.0.1:1'" && echo yes || echo no)"
printf 'club,person\n' >"$w/text.csv"
check "M2 push: FILE not a SQLite database" "learnclub push: database '$w/text.csv' is not a SQLite database" "$(err push junggu "$w/text.csv" "${C[@]}")"
"$SQLITE3" "$w/other.db" "CREATE TABLE t(x)"
check "M2 push: FILE not a learnclub database" "learnclub push: database '$w/other.db' is at schema version 0, not $("$SQLITE3" "$J" 'PRAGMA user_version'); run 'learnclub init' on it" \
  "$(err push junggu "$w/other.db" "${C[@]}")"
check "M2 push: FILE missing" "learnclub push: database '$w/none.db' does not exist; create it with 'learnclub init'" "$(err push junggu "$w/none.db" "${C[@]}")"
check "M3 pull over an existing file" "learnclub pull: '$J' already exists; a pull never overwrites" "$(err pull junggu "$J" "${C[@]}")"
check "M3 pull into a missing folder" "learnclub pull: folder '$w/no' of '$w/no/p.db' does not exist" "$(err pull junggu "$w/no/p.db" "${C[@]}")"

# CL4: the node gets NAME, FILE and the options one by one (no shell); the
# cluster of LEARNCLUB_CLUSTER is passed as --cluster
printf '#!/bin/sh\nprintf "%%s\\n" "$@"\n' >"$w/fake-node"; chmod +x "$w/fake-node"
cp "$J" "$w/a b.db"
check "CL4 push runs the node with NAME FILE and the options" "push|중구|$w/a b.db|--cluster|127.0.0.1:2" \
  "$(LEARNCLUB_NODE="$w/fake-node" LEARNCLUB_CLUSTER=127.0.0.1:2 timeout 10 "$LC" push "중구" "$w/a b.db" 2>&1 | paste -sd'|')"

if [ ! -x "$NODE" ]; then
  check "the cluster node" "dist/bin/learnclub-node built" "missing: run scripts/install-deps"
  exit 0
fi

# ---- one node ------------------------------------------------------------------------
LIFE=120 cluster 1
A=$A1
# the cluster named per command: the local commands below run on files
cl() { LEARNCLUB_CLUSTER=$A "$@"; }
q() { timeout 20 "$NODE" query --cluster "$A" "$@"; }
x() { timeout 20 "$NODE" exec --cluster "$A" "$@"; }
tables() { "$SQLITE3" "$1" "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\' ORDER BY name"; }
counts() { local t; for t in $(tables "$1"); do printf '%s %s\n' "$t" "$("$SQLITE3" "$1" "SELECT count(*) FROM \"$t\"")"; done; }
nrows=$(counts "$J" | awk '{ s += $2 } END { print s }'); ntables=$(tables "$J" | wc -l | tr -d ' ')

# P1-P6: push
check "P6 push says what it copied" "pushed $J as junggu: $ntables tables, $nrows rows" "$(cl timeout 60 "$LC" push junggu "$J" 2>&1)"
check "P4 the catalogue lists it: cluster status" "junggu" "$(cl timeout 20 "$LC" cluster status | awk '$1 == "junggu" && $2 > 0 { print $1 }')"
check "P2 user_version copied" "$("$SQLITE3" "$J" 'PRAGMA user_version')" "$(q junggu 'PRAGMA user_version')"
before=$(q junggu "SELECT count(*), total(length(name)) FROM sqlite_schema")
size=$(cl timeout 20 "$LC" cluster status | awk '$1 == "junggu" { print $2 }')
check "P1 push again: refused" "learnclub push: the cluster already has an office 'junggu'; a push never overwrites|2" \
  "$( (cl timeout 20 "$LC" push junggu "$J" 2>&1; echo "$?") | paste -sd"|")"
check "P1 push another file under the name: refused" "learnclub push: the cluster already has an office 'junggu'; a push never overwrites" \
  "$(cl err push junggu "$H")"

# D1, M3: pull
check "M3 pull says what it wrote" "pulled junggu to $w/pulled.db: $ntables tables, $nrows rows" "$(cl timeout 60 "$LC" pull junggu "$w/pulled.db" 2>&1)"
check "M3 the pulled file passes integrity_check" "ok" "$("$SQLITE3" "$w/pulled.db" 'PRAGMA integrity_check')"
check "M3 the pulled file's schema version" "$("$SQLITE3" "$J" 'PRAGMA user_version')" "$("$SQLITE3" "$w/pulled.db" 'PRAGMA user_version')"
check "P2 M3 row counts per table equal" "$(counts "$J")" "$(counts "$w/pulled.db")"
check "P2 M3 every row, rowid and schema statement equal (.dump --preserve-rowids)" \
  "$("$SQLITE3" "$J" '.dump --preserve-rowids' | md5sum)" "$("$SQLITE3" "$w/pulled.db" '.dump --preserve-rowids' | md5sum)"
# the local command on both files: byte-identical output (evaluate writes: on copies)
cp "$J" "$w/j1.db"; cp "$w/pulled.db" "$w/j2.db"
for c in "monthly-check 2015-03" "evaluate 2015-H1" "hours 2015-H1" "summary 2015" "monthly-check 2015-05 --format json"; do
  set -- $c; cmd=$1; shift
  a=$(timeout 30 "$LC" "$cmd" "$w/j1.db" "$@" 2>&1; echo "exit $?")
  b=$(timeout 30 "$LC" "$cmd" "$w/j2.db" "$@" 2>&1; echo "exit $?")
  check "M3 $c: the pulled file's output is the original's" "$a" "$b"
done
# the pulled file reads as the cluster's office reads, through the global
# --cluster of every command (the lead's part of issue 17: skipped until it is in)
a=$(timeout 30 "$LC" --cluster "$A" monthly-check junggu 2015-03 2>&1; echo "exit $?")
if grep -q "unknown command '--cluster'" <<<"$a"; then
  skip "M3 monthly-check: the pulled file's output is the cluster's" "no global --cluster in this build yet"
else
  check "M3 monthly-check: the pulled file's output is the cluster's" "$a" \
    "$(cp "$w/pulled.db" "$w/j3.db"; timeout 30 "$LC" monthly-check "$w/j3.db" 2015-03 2>&1; echo "exit $?")"
fi
# the global --cluster of every command (main.c sets LEARNCLUB_CLUSTER): FILE stays local
check "M2 learnclub --cluster A push: FILE read locally, then refused by the cluster" \
  "learnclub push: the cluster already has an office 'junggu'; a push never overwrites" \
  "$(timeout 20 "$LC" --cluster "$A" push junggu "$J" 2>&1 >/dev/null)"
check "M3 learnclub --cluster A pull: the dump opened locally" "pulled junggu to $w/pulled3.db: $ntables tables, $nrows rows|yes" \
  "$(timeout 20 "$LC" --cluster "$A" pull junggu "$w/pulled3.db" 2>&1)|$(cmp -s <("$SQLITE3" "$w/pulled.db" .dump) <("$SQLITE3" "$w/pulled3.db" .dump) && echo yes || echo no)"
check "P1 an office made by init on the cluster: push refused" \
  "learnclub push: the cluster already has an office 'fresh'; a push never overwrites" \
  "$(timeout 20 "$LC" --cluster "$A" init fresh >/dev/null 2>&1; cl err push fresh "$J")"
check "P1 the refused pushes changed nothing" "$before|$size" \
  "$(q junggu "SELECT count(*), total(length(name)) FROM sqlite_schema")|$(cl timeout 20 "$LC" cluster status | awk '$1 == "junggu" { print $2 }')"
check "M3 pull over an existing file (the pulled one)" "learnclub pull: '$w/pulled.db' already exists; a pull never overwrites" "$(cl err pull junggu "$w/pulled.db")"
check "D1 pull of a NAME not in the catalogue" "learnclub pull: no office 'nosuch' in the cluster's catalogue; nothing was written|2|no" \
  "$( (cl timeout 20 "$LC" pull nosuch "$w/nosuch.db" 2>&1; echo "$?"; exists "$w/nosuch.db") | paste -sd'|')"
check "M3 --cluster given, not LEARNCLUB_CLUSTER" "yes" \
  "$(LEARNCLUB_CLUSTER= timeout 20 "$LC" pull junggu "$w/pulled2.db" --cluster "$A" >/dev/null && cmp -s <("$SQLITE3" "$w/pulled.db" .dump) <("$SQLITE3" "$w/pulled2.db" .dump) && echo yes || echo no)"

# P2, P3: storage classes, rowids, sqlite_sequence, WITHOUT ROWID, triggers
# that must not fire on the copy, more rows than one batch of 255 values
T="$w/types.db"; cp "$J" "$T"
"$SQLITE3" "$T" "
CREATE TABLE zz_types(a, b REAL, c TEXT, d BLOB, e INTEGER, f NUMERIC);
INSERT INTO zz_types VALUES (1, 2.5, 'x', X'00ff', NULL, '1.50'), (1.0, 0.1 + 0.2, '', X'', 9223372036854775807, 'abc'),
  ('007', -1e308, '한글 ''quoted'' \"x\"', zeroblob(3), -9223372036854775808, 3.0), (NULL, NULL, NULL, NULL, NULL, NULL);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 700)
  INSERT INTO zz_types SELECT i, i / 7.0, 'row ' || i, randomblob(i % 5), i * 1000003, NULL FROM n;
DELETE FROM zz_types WHERE rowid % 3 = 0;
CREATE TABLE zz_seq(id INTEGER PRIMARY KEY AUTOINCREMENT, v);
INSERT INTO zz_seq(v) VALUES (0), (0), (0); DELETE FROM zz_seq WHERE id = 3;
CREATE TABLE zz_wr(k TEXT PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO zz_wr VALUES ('b', 2), ('a', X'01'), ('가', 1.5);
CREATE TABLE zz_gen(a INTEGER, b AS (a * 2) STORED, c AS (a + 1));
INSERT INTO zz_gen(a) VALUES (1), (5);
-- 8 MB: more than SQLite's page cache, which dqlite's WAL cannot take spilled (P2)
CREATE TABLE zz_big(b BLOB);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 80) INSERT INTO zz_big SELECT randomblob(100000) FROM n;
CREATE INDEX zz_types_c ON zz_types(c);
CREATE VIEW zz_v AS SELECT count(*) AS n FROM zz_types;
CREATE TRIGGER zz_t AFTER INSERT ON zz_types BEGIN UPDATE zz_seq SET v = v + 1; END;"
check "P2 the types file is a learnclub file at the current version" "ok" "$("$LC" check "$T" >/dev/null 2>&1; "$SQLITE3" "$T" 'PRAGMA integrity_check')"
check "P2 push a file with every storage class and 8 MB of blobs, under a Korean name" "pushed $T as 중구-형식.v2: $((ntables + 5)) tables, $((nrows + $("$SQLITE3" "$T" 'SELECT (SELECT count(*) FROM zz_types) + 2 + 3 + 2 + 80'))) rows" \
  "$(cl timeout 60 "$LC" push 중구-형식.v2 "$T" 2>&1)"
cl timeout 60 "$LC" pull 중구-형식.v2 "$w/types-pulled.db" >/dev/null 2>&1
check "P2 M3 every value with its storage class, rowids, sqlite_sequence, schema" \
  "$("$SQLITE3" "$T" '.dump --preserve-rowids')" "$("$SQLITE3" "$w/types-pulled.db" '.dump --preserve-rowids')"
check "P2 the typeof of each value" "$("$SQLITE3" "$T" "SELECT group_concat(typeof(a)||typeof(b)||typeof(c)||typeof(d)||typeof(e)||typeof(f), ' ') FROM zz_types")" \
  "$(q 중구-형식.v2 "SELECT group_concat(typeof(a)||typeof(b)||typeof(c)||typeof(d)||typeof(e)||typeof(f), ' ') FROM zz_types")"
check "P2 the trigger did not fire on the copy; sqlite_sequence as in FILE" "0|0|3" \
  "$(q 중구-형식.v2 "SELECT (SELECT v FROM zz_seq WHERE id = 1), (SELECT v FROM zz_seq WHERE id = 2), (SELECT seq FROM sqlite_sequence WHERE name = 'zz_seq')")"
"$SQLITE3" "$w/nul.db" "PRAGMA user_version = $("$SQLITE3" "$J" 'PRAGMA user_version'); CREATE TABLE t(x); INSERT INTO t VALUES ('a' || char(0) || 'b')"
check "P2 text with a NUL byte: refused, nothing written" \
  "learnclub push: table 't' of '$w/nul.db': column 'x' holds text with a NUL byte, which dqlite cannot carry; nothing was written|0" \
  "$(cl err push nul "$w/nul.db")|$(q nul "SELECT count(*) FROM sqlite_schema")"

# P4, P5: a copy there but not in the catalogue (a catalogue write that failed)
x _learnclub "DELETE FROM office WHERE name = 'junggu'"
check "P5 push again after a lost catalogue row: completes it" \
  "pushed $J as junggu: $ntables tables, $nrows rows (the copy was there already: now in the catalogue)" "$(cl timeout 60 "$LC" push junggu "$J" 2>&1)"
check "P5 the catalogue lists it again" "junggu" "$(cl timeout 20 "$LC" cluster status | awk '$1 == "junggu" { print $1 }')"
x _learnclub "DELETE FROM office WHERE name = 'junggu'"
check "P1 P5 another file over a database with tables, not in the catalogue: refused" \
  "learnclub push: the cluster's database 'junggu' already has tables; a push never overwrites" "$(cl err push junggu "$H")"
check "P1 P5 ... and nothing was written" "$before|" \
  "$(q junggu "SELECT count(*), total(length(name)) FROM sqlite_schema")|$(q _learnclub "SELECT name FROM office WHERE name = 'junggu'")"
x junggu "UPDATE club SET name = name || '*' WHERE rowid = (SELECT min(rowid) FROM club)"
check "P5 one value changed: not the same copy, refused" \
  "learnclub push: the cluster's database 'junggu' already has tables; a push never overwrites" "$(cl err push junggu "$J")"

# three nodes: push and pull through a follower's address reach the leader
read -r P2 P3 < <(free_ports 2); A2=127.0.0.1:$P2 A3=127.0.0.1:$P3
start 2 "$A2" --join "$A1"; start 3 "$A3" --join "$A1"
CLUSTER="$A1,$A2,$A3"
until_ok 60 voters_are 3
F=$(timeout 20 "$LC" cluster status --cluster "$CLUSTER" | awk 'NR > 1 && $3 == "voter" && $4 != "leader" { print $2; exit }')
check "three voters, a follower's address" "yes" "$([ -n "$F" ] && echo yes || echo no)"
check "P6 push through a follower's address" "pushed $H as hanbit: $(tables "$H" | wc -l | tr -d ' ') tables, $(counts "$H" | awk '{ s += $2 } END { print s }') rows" \
  "$(timeout 60 "$LC" push hanbit "$H" --cluster "$F" 2>&1)"
check "D1 M3 pull through a follower's address: the leader's copy, every row" "$("$SQLITE3" "$H" '.dump --preserve-rowids' | md5sum)" \
  "$(timeout 60 "$LC" pull hanbit "$w/hanbit-pulled.db" --cluster "$F" >/dev/null 2>&1; "$SQLITE3" "$w/hanbit-pulled.db" '.dump --preserve-rowids' | md5sum)"

check "M3 pull leaves no private folder behind" "" "$(ls -A "$w/tmp")"
stop_all
