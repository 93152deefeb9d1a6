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
NODE="$LEARNCLUB_NODE"
w="$TMPROOT/cluster-rollup"; rm -rf "$w"; mkdir -p "$w"

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

# ---- a node ----------------------------------------------------------------
read -r P1 P2 < <(python3 -c '
import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
A1=127.0.0.1:$P1
pids=()
trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done' EXIT
timeout 120 "$LC" serve --id 1 --address "$A1" --dir "$w/d1" 2>"$w/log1" &
pid1=$!; pids+=($pid1)
until_ok() { local end=$((SECONDS + $1)); shift; until "$@" >/dev/null 2>&1; do [ $SECONDS -lt $end ] || return 1; sleep 0.2; done; }
until_ok 20 grep -q ready "$w/log1"
x() { timeout 20 "$NODE" exec --cluster "$A1" "$@"; }

out=$(timeout 20 "$LC" rollup --cluster "$A1" summary 2015 2>&1); rc=$?
check "R2 a new cluster (no table office): no offices, exit 2" "learnclub rollup: the cluster's catalogue lists no office databases|2" "$out|$rc"
out=$(LEARNCLUB_TIMEOUT_MS=1000 timeout 20 "$LC" rollup --cluster "127.0.0.1:$P2" summary 2015 2>&1); rc=$?
check "R2 no node at the address: the node's message as rollup's, exit 2" \
  "learnclub rollup: the cluster's catalogue: _learnclub: failed to create dqlite connection: no available dqlite leader server found|2" "$out|$rc"

kill -TERM "$pid1"; wait "$pid1" 2>/dev/null
pids=()
