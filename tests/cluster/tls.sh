#!/usr/bin/env bash
# Issue 17, first step: TLS (cluster/main.go N6, C5), with the certificate
# made by the command docs/cluster.md gives. One node on loopback, a port
# chosen free at run time, stopped by its PID, every command bounded.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
# the node beside the built command; named for the command under test too
# (check-asan runs a sanitized command from another folder: CL4)
export LEARNCLUB_NODE="${LEARNCLUB_NODE:-$LEARNCLUB_ROOT/dist/bin/learnclub-node}"
NODE="$LEARNCLUB_NODE"
w="$TMPROOT/cluster-tls"; rm -rf "$w"; mkdir -p "$w"
if [ ! -x "$NODE" ]; then
  check "the cluster node" "dist/bin/learnclub-node built" "missing: run scripts/install-deps"
  exit 0
fi
# the certificate command of docs/cluster.md, run as written there
cmd=$(sed -n '/^openssl req -x509/,/[^\\]$/p' "$LEARNCLUB_ROOT/docs/cluster.md")
check "docs/cluster.md gives the openssl command" "yes" "$([ -n "$cmd" ] && echo yes || echo no)"
(cd "$w" && eval "$cmd") >/dev/null 2>&1
mkdir -p "$w/other" && (cd "$w/other" && eval "$cmd") >/dev/null 2>&1
check "the command makes cluster.crt and cluster.key" "yes" "$([ -s "$w/cluster.crt" ] && [ -s "$w/cluster.key" ] && echo yes || echo no)"
T=(--cert "$w/cluster.crt" --key "$w/cluster.key" --ca "$w/cluster.crt")
read -r P < <(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
A=127.0.0.1:$P
timeout 60 "$LC" serve --id 1 --address "$A" --dir "$w/d1" "${T[@]}" 2>"$w/log1" &
pid=$!
trap 'kill -KILL "$pid" 2>/dev/null' EXIT
end=$((SECONDS + 20)); until grep -q ready "$w/log1" || [ $SECONDS -ge $end ]; do sleep 0.2; done
check "N6 a TLS node serves a client with the cluster's certificate" "1 $A voter leader" \
  "$(timeout 20 "$LC" cluster status --cluster "$A" "${T[@]}" | awk '$1 == 1 { print $1, $2, $3, $4 }')"
check "N6 a plaintext client gets nothing from a TLS node" \
  "learnclub cluster status: no leader reachable at '$A': no available dqlite leader server found" \
  "$(LEARNCLUB_TIMEOUT_MS=1500 timeout 20 "$LC" cluster status --cluster "$A" 2>&1)"
O=(--cert "$w/other/cluster.crt" --key "$w/other/cluster.key" --ca "$w/other/cluster.crt")
check "N6 a client with another CA's certificate gets nothing" \
  "learnclub cluster status: no leader reachable at '$A': no available dqlite leader server found" \
  "$(LEARNCLUB_TIMEOUT_MS=1500 timeout 20 "$LC" cluster status --cluster "$A" "${O[@]}" 2>&1)"
check "N6 a certificate that is not one" \
  "learnclub cluster status: cannot load the certificate '$w/log1' and key '$w/cluster.key': tls: failed to find any PEM data in certificate input" \
  "$(timeout 20 "$LC" cluster status --cluster "$A" --cert "$w/log1" --key "$w/cluster.key" --ca "$w/cluster.crt" 2>&1)"
# push and pull over TLS (cli/cmd_move.c, cluster/move.go); without the
# certificate, no leader
J="$LEARNCLUB_ROOT/examples/junggu2015.db"
check "push over TLS" "pushed $J as junggu: $("$SQLITE3" "$J" "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite%'") tables" \
  "$(timeout 30 "$LC" push junggu "$J" --cluster "$A" "${T[@]}" 2>&1 | sed 's/, [0-9]* rows$//')"
check "pull over TLS: the same rows" "$("$SQLITE3" "$J" .dump | md5sum)" \
  "$(timeout 30 "$LC" pull junggu "$w/pulled.db" --cluster "$A" "${T[@]}" >/dev/null 2>&1; "$SQLITE3" "$w/pulled.db" .dump | md5sum)"
check "pull with the global --cluster --cert --key --ca (LEARNCLUB_CERT, _KEY, _CA)" "pulled junggu to $w/pulled-g.db|yes" \
  "$(timeout 30 "$LC" --cluster "$A" "${T[@]}" pull junggu "$w/pulled-g.db" 2>&1 | sed 's/: [0-9]* tables.*//')|$(cmp -s <("$SQLITE3" "$w/pulled.db" .dump) <("$SQLITE3" "$w/pulled-g.db" .dump) && echo yes || echo no)"
check "pull without the certificate: no leader, nothing written" \
  "learnclub pull: no leader reachable at '$A': no available dqlite leader server found|no" \
  "$(LEARNCLUB_TIMEOUT_MS=1500 timeout 20 "$LC" pull junggu "$w/p2.db" --cluster "$A" 2>&1)|$([ -e "$w/p2.db" ] && echo yes || echo no)"
kill -TERM "$pid"; wait "$pid"; rc=$?
check "N4 the TLS node stops on SIGTERM" "0" "$rc"
trap - EXIT
