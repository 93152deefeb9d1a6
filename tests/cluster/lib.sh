# Sourced by tests/cluster/*.sh after tests/lib.sh (issue 17): nodes on free
# loopback ports, each started with `timeout` and stopped by its PID.
LC="$LEARNCLUB"
export LEARNCLUB_NODE="${LEARNCLUB_NODE:-$LEARNCLUB_ROOT/dist/bin/learnclub-node}"
NODE="$LEARNCLUB_NODE"
# free_ports N: N free loopback ports
free_ports() {
  python3 -c '
import socket, sys
s = [socket.socket() for _ in range(int(sys.argv[1]))]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])' "$1"
}
pids=()
trap 'for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done' EXIT
# start ID ADDRESS [ARGS]: a node in the background (at most LIFE seconds),
# its log in $w/logID, its pid in $pidID
: "${LIFE:=300}"
start() {
  local id=$1 a=$2; shift 2
  timeout "$LIFE" "$LC" serve --id "$id" --address "$a" --dir "$w/d$id" "$@" 2>>"$w/log$id" &
  pids+=($!); eval "pid$id=$!"
}
# until_ok SECONDS CMD...: runs CMD every 0.2 s until it succeeds
until_ok() { local end=$((SECONDS + $1)); shift; until "$@" >/dev/null 2>&1; do [ $SECONDS -lt $end ] || return 1; sleep 0.2; done; }
# cluster N: N nodes (1 to 3) on free ports, joined; $A1.. their addresses,
# $CLUSTER the list; returns when they are N voters
cluster() {
  local n=$1 i ports
  read -r -a ports < <(free_ports "$n")
  CLUSTER=
  for ((i = 1; i <= n; i++)); do
    eval "A$i=127.0.0.1:${ports[$((i - 1))]}"
    CLUSTER="${CLUSTER:+$CLUSTER,}127.0.0.1:${ports[$((i - 1))]}"
  done
  start 1 "$A1"
  until_ok 20 grep -q ready "$w/log1" || return 1
  for ((i = 2; i <= n; i++)); do start "$i" "$(eval echo "\$A$i")" --join "$A1"; done
  until_ok 60 voters_are "$n"
}
voters_are() { [ "$(timeout 20 "$LC" cluster status --cluster "$CLUSTER" | awk '$3 == "voter"' | wc -l | tr -d ' ')" = "$1" ]; }
leader_id() { timeout 20 "$LC" cluster status --cluster "$CLUSTER" | awk 'NR > 1 && $4 == "leader" { print $1 }'; }
# stop_all: SIGTERM to every node, and wait
stop_all() { local p; for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done; pids=(); }
