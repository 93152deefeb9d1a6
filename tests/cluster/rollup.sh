#!/usr/bin/env bash
# Issue 17: `learnclub rollup --cluster HOST:PORT,... summary YYYY |
# monthly-check YYYY-MM` (cli/cmd_rollup.c R2): the offices are the cluster
# catalogue's (database "_learnclub", table office), by name. Loopback only,
# ports chosen free at run time, every node stopped by its PID, every command
# bounded by `timeout`. The local-file rollup is tests/workflow/rollup.sh.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
export LEARNCLUB_NODE="${LEARNCLUB_NODE:-$LEARNCLUB_ROOT/dist/bin/learnclub-node}"
export LEARNCLUB_TODAY=2016-01-31
unset LEARNCLUB_CLUSTER LEARNCLUB_CERT LEARNCLUB_KEY LEARNCLUB_CA
w="$TMPROOT/cluster-rollup"; rm -rf "$w"; mkdir -p "$w"
NODE="$LEARNCLUB_NODE"

# ---- R2 with a stand-in node: what rollup asks for, and its messages -------
# The stand-in records its arguments and answers `query` as the node would:
# the catalogue has no table office yet (a new cluster).
cat >"$w/fake-node" <<'EOS'
#!/bin/sh
printf '%s\n' "$@" >>"$FAKE_LOG"
printf -- '--\n' >>"$FAKE_LOG"
[ "$1" = query ] && { echo 0; exit 0; }
echo "learnclub-node $1: stand-in" >&2; exit 2
EOS
chmod +x "$w/fake-node"
export FAKE_LOG="$w/fake.log"
out=$(LEARNCLUB_NODE="$w/fake-node" timeout 10 "$LC" rollup --cluster 127.0.0.1:1,127.0.0.1:2 summary 2015 2>&1); rc=$?
check "R2 a catalogue without offices: refused, exit 2" "learnclub rollup: the cluster's catalogue lists no office databases|2" "$out|$rc"
check "R2 the catalogue is asked once, whether it has its table; the cluster as given" \
  "query|--cluster|127.0.0.1:1,127.0.0.1:2|_learnclub|SELECT count(*) FROM sqlite_schema WHERE name = 'office' AND type = 'table'|--" \
  "$(paste -sd'|' "$FAKE_LOG")"
: >"$FAKE_LOG"
: >"$w/a b"
out=$(LEARNCLUB_NODE="$w/fake-node" LEARNCLUB_CLUSTER=127.0.0.1:3 LEARNCLUB_CERT="$w/a b" LEARNCLUB_KEY="$w/a b" LEARNCLUB_CA="$w/a b" \
  timeout 10 "$LC" rollup monthly-check 2015-05 2>&1); rc=$?
check "R2 LEARNCLUB_CLUSTER and the TLS files (main.c's --cert --key --ca) go to the node, one argument each" \
  "query|--cluster|127.0.0.1:3|--cert|$w/a b|--key|$w/a b|--ca|$w/a b|_learnclub" \
  "$(head -n 10 "$FAKE_LOG" | paste -sd'|')"
check "R2 --cluster wins over LEARNCLUB_CLUSTER" "127.0.0.1:4" \
  "$(: >"$FAKE_LOG"; LEARNCLUB_NODE="$w/fake-node" LEARNCLUB_CLUSTER=127.0.0.1:3 timeout 10 "$LC" rollup --cluster=127.0.0.1:4 summary 2015 >/dev/null 2>&1; sed -n 3p "$FAKE_LOG")"
out=$(LEARNCLUB_CLUSTER=x timeout 10 "$LC" rollup summary 2015 2>&1); rc=$?
check "R2 a bad LEARNCLUB_CLUSTER (CL1)" "learnclub rollup: invalid --cluster address 'x'; expected HOST:PORT,...|2" "$out|$rc"
err=$(LEARNCLUB_NODE="$w/none" timeout 10 "$LC" rollup --cluster 127.0.0.1:1 summary 2015 2>&1 >"$w/out"); rc=$?
check "R2 the node missing: how to build it, nothing on stdout" \
  "learnclub rollup: the cluster node '$w/none' is not there; build it with make (it needs golang-go, golang-github-canonical-go-dqlite-dev and libdqlite-dev)|2|" \
  "$err|$rc|$(cat "$w/out")"

out=$(LEARNCLUB_NODE="$w/fake-node" timeout 10 "$LC" rollup --cluster 127.0.0.1:1 naju junggu naju summary 2015 2>&1); rc=$?
check "R3 with a cluster, the names given are its databases: one twice is refused" "learnclub rollup: office 'naju' is given twice|2" "$out|$rc"

if [ ! -x "$NODE" ]; then
  check "the cluster node" "dist/bin/learnclub-node built" "missing: run scripts/install-deps"
  exit 0
fi

# ---- one node: the catalogue's offices, as the same offices' files -----------
source "$TESTS_DIR/cluster/lib.sh"
cluster 1 || { check "a node starts" "1 voter" "$(cat "$w"/log*)"; exit 0; }
out=$(timeout 20 "$LC" rollup --cluster "$CLUSTER" summary 2015 2>&1); rc=$?
check "R2 a new cluster (no table office): no offices, exit 2" "learnclub rollup: the cluster's catalogue lists no office databases|2" "$out|$rc"
read -r PFREE < <(free_ports 1)
out=$(LEARNCLUB_TIMEOUT_MS=1000 timeout 20 "$LC" rollup --cluster "127.0.0.1:$PFREE" summary 2015 2>&1); rc=$?
check "R2 no node at the address: the node's message as rollup's, exit 2" \
  "learnclub rollup: the cluster's catalogue: _learnclub: failed to create dqlite connection: no available dqlite leader server found|2" "$out|$rc"

# two offices built by the same commands in the cluster (NAME) and in files
# named NAME.db: the walk-through's saesol, and hanul with its roster only
W="$LEARNCLUB_ROOT/examples/walkthrough"
export LEARNCLUB_TODAY=2026-08-31
mkdir -p "$w/f"
build() { # build NAME FILE-OR-NAME [GLOBAL OPTIONS]: the office's commands
  local name=$1 d=$2; shift 2
  timeout 60 "$LC" "$@" init "$d" >/dev/null &&
  timeout 60 "$LC" "$@" program-add "$d" "$name-2026" --name "$name" --from 2026-03-01 --to 2026-06-30 >/dev/null &&
  timeout 60 "$LC" "$@" import-roster "$d" "$W/roster.csv" >/dev/null || return 1
  [ "$name" = hanul ] && return 0
  timeout 60 "$LC" "$@" import-meetings "$d" "$W/meetings.csv" >/dev/null &&
  timeout 60 "$LC" "$@" import-reports "$d" "$W/reports.csv" >/dev/null
}
for o in saesol hanul; do
  build "$o" "$w/f/$o.db" || check "the office $o as a file" "built" "not built"
  build "$o" "$o" --cluster "$CLUSTER" || check "the office $o in the cluster" "built" "not built"
done
# the rollup on the files (hanul, saesol: the catalogue's order) and on the cluster
both() { # both CASE ARGS...: byte-identical output and exit status
  local name=$1 a b; shift
  a=$(timeout 60 "$LC" rollup "$w/f/hanul.db" "$w/f/saesol.db" "$@" 2>&1; echo "[exit $?]")
  b=$(timeout 60 "$LC" rollup --cluster "$CLUSTER" "$@" 2>&1; echo "[exit $?]")
  check "R2 $name: the catalogue's offices by name, as their files" "$a" "$b"
}
for fmt in table csv json; do
  both "summary 2026 $fmt" summary 2026 --format "$fmt"
  both "monthly-check 2026-04 $fmt" monthly-check 2026-04 --format "$fmt"
  both "monthly-check 2026-06 --as-of $fmt" monthly-check 2026-06 --as-of 2026-06-10 --format "$fmt"
done
check "R6 the saesol office has findings: exit 1" "[exit 1]" \
  "$(timeout 60 "$LC" rollup --cluster "$CLUSTER" monthly-check 2026-04 >/dev/null 2>&1; echo "[exit $?]")"
check "R5 the office column is the database's name" "hanul saesol" \
  "$(timeout 60 "$LC" rollup --cluster "$CLUSTER" summary 2026 --format csv | awk -F, 'NR > 1 { print $1 }' | uniq | paste -sd' ')"
check "R2 the global --cluster (main.c) and LEARNCLUB_CLUSTER: the same" \
  "$(timeout 60 "$LC" rollup --cluster "$CLUSTER" summary 2026)|$(timeout 60 "$LC" rollup --cluster "$CLUSTER" summary 2026)" \
  "$(timeout 60 "$LC" --cluster "$CLUSTER" rollup summary 2026)|$(LEARNCLUB_CLUSTER="$CLUSTER" timeout 60 "$LC" rollup summary 2026)"
check "R2 R3 names given: those offices, in that order" \
  "$(timeout 60 "$LC" rollup "$w/f/saesol.db" "$w/f/hanul.db" monthly-check 2026-04 --format csv)" \
  "$(timeout 60 "$LC" rollup --cluster "$CLUSTER" saesol hanul monthly-check 2026-04 --format csv)"
err=$(timeout 60 "$LC" rollup --cluster "$CLUSTER" saesol nowhere summary 2026 2>&1 >"$w/out"); rc=$?
check "R4 a name not in the catalogue: the bridge's message (RM7), exit 2, nothing printed" \
  "learnclub rollup: database 'nowhere' is not in the cluster at '$CLUSTER'; create it with 'learnclub init' or 'learnclub push'|2|" \
  "$err|$rc|$(cat "$w/out")"
if /usr/bin/python3 -c 'import openpyxl' 2>/dev/null; then
  timeout 60 "$LC" rollup "$w/f/hanul.db" "$w/f/saesol.db" summary 2026 --format xlsx --output "$w/f.xlsx" >/dev/null
  timeout 60 "$LC" rollup --cluster "$CLUSTER" summary 2026 --format xlsx --output "$w/c.xlsx" >/dev/null
  check "R5 the workbook's cells: the cluster's as the files'" \
    "$(/usr/bin/python3 "$LEARNCLUB_ROOT/tests/tools/xlsx-read.py" "$w/f.xlsx" | grep -v '^property')" \
    "$(/usr/bin/python3 "$LEARNCLUB_ROOT/tests/tools/xlsx-read.py" "$w/c.xlsx" | grep -v '^property')"
  check "R5 the workbook's subject: the offices' names" "property subject=hanul, saesol" \
    "$(/usr/bin/python3 "$LEARNCLUB_ROOT/tests/tools/xlsx-read.py" "$w/c.xlsx" | grep '^property subject')"
fi
stop_all
