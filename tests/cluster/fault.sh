#!/usr/bin/env bash
# Issue 17: faults. (1) A COMMIT whose answer is lost is reported as
# "outcome unknown" and is safe to run again (remote.c RM6, db.c D7). (2) The
# leader is killed with SIGKILL during a stream of imports: a new leader
# takes over and the client carries on; every acknowledged import is there
# exactly once, every outcome-unknown one wholly or not at all, every one
# that said "nothing imported" (or "nothing was written") not at all; run again, every one is there
# exactly once; the killed node, restarted, catches up (60 s at most).
# make test runs FAULT_KILLS=1 (FAULT_IMPORTS=24); `make check-cluster`
# runs FAULT_KILLS=3 (FAULT_IMPORTS=60).
source "$(dirname "$0")/../lib.sh"
w="$TMPROOT/cluster-fault"; rm -rf "$w"; mkdir -p "$w"
source "$TESTS_DIR/cluster/lib.sh"
if [ ! -x "$NODE" ]; then
  check "the cluster node" "dist/bin/learnclub-node built" "missing: run scripts/install-deps"
  exit 0
fi
KILLS=${FAULT_KILLS:-1}
N=${FAULT_IMPORTS:-24}
W="$LEARNCLUB_ROOT/examples/walkthrough"
export LEARNCLUB_TODAY=2026-08-31
cluster 3 || { check "three nodes start and join" "3 voters" "$(cat "$w"/log*)"; exit 0; }
X() { timeout 60 "$LC" --cluster "$CLUSTER" "$@"; }
q() { timeout 30 "$NODE" query --cluster "$CLUSTER" office "$1"; }
X init office >/dev/null
X program-add office saesol-2026 --name 새솔 --from 2026-03-01 --to 2026-12-31 >/dev/null
X import-roster office "$W/roster.csv" >/dev/null
# meeting I: one extra meeting of 탄소제로연구회, its topic "stream I", two attendances
meeting() {
  printf '%s\n' "club,held_on,kind,hours,topic,attendees" \
    "탄소제로연구회,$(date -d "2026-03-10 +$1 days" +%F),extra,1,stream $1,2600011 2600012" >"$w/m$1.csv"
}
present() { q "SELECT count(*) || '/' || (SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.topic = 'stream $1') FROM meeting WHERE topic = 'stream $1'"; }

# ---- (1) the answer to COMMIT lost ----------------------------------------------------
meeting 0
out=$(REAL_NODE="$NODE" LEARNCLUB_NODE="$TESTS_DIR/cluster/lose-commit.py" LOSE_AT=2 X import-meetings office "$w/m0.csv" 2>&1); rc=$?
check "D7 a COMMIT whose answer is lost: outcome unknown, and what to do" \
  "learnclub import-meetings: office: the connection to the cluster's leader was lost (test: the answer to COMMIT was lost) during COMMIT: outcome unknown, the changes may or may not have been written; run the same command again: every write is idempotent, so what is there already is not written twice|2" \
  "$out|$rc"
check "D7 ... here the leader had committed: the meeting is there" "1/2" "$(present 0)"
out=$(X import-meetings office "$w/m0.csv" 2>&1); rc=$?
check "D7 run again: it succeeds and adds nothing" "$w/m0.csv: 1 meetings, 2 attendances|0|1/2" "$out|$rc|$(present 0)"
out=$(REAL_NODE="$NODE" LEARNCLUB_NODE="$TESTS_DIR/cluster/lose-commit.py" LOSE_AT=1 X import-meetings office "$w/m0.csv" 2>&1); rc=$?
check "RM6 lost at the temporary table's COMMIT: said as unknown too, nothing changed" "2|1/2" "$rc|$(present 0)"

meeting 200
out=$(REAL_NODE="$NODE" LEARNCLUB_NODE="$TESTS_DIR/cluster/lose-commit.py" LOSE_BEFORE="INSERT INTO main.change_log" X import-meetings office "$w/m200.csv" 2>&1); rc=$?
check "D7 lost before COMMIT (writing the change log's row): nothing imported, and true" \
  "learnclub import-meetings: office: the connection to the cluster's leader was lost (test: lost before INSERT INTO main.change_log); nothing imported|2|0/0" \
  "$out|$rc|$(present 200)"

# ---- (2) the leader killed during a stream of imports ----------------------------------
for ((i = 1; i <= N; i++)); do meeting "$i"; done
(
  for ((i = 1; i <= N; i++)); do
    out=$(X import-meetings office "$w/m$i.csv" 2>&1); rc=$?
    printf '%s\t%s\t%s\n' "$i" "$rc" "$(tr '\n' ' ' <<<"$out")"
  done
) >"$w/stream" &
stream=$!
killed=()
for ((k = 1; k <= KILLS; k++)); do
  # the next kill when the stream is a (k / (KILLS + 1)) part through
  until_ok 120 sh -c "[ \$(wc -l <'$w/stream') -ge $((N * k / (KILLS + 1))) ]"
  L=$(leader_id)
  p=$(pgrep -P "$(eval echo "\$pid$L")")
  kill -KILL "$p"
  killed+=("$L")
  wait "$(eval echo "\$pid$L")" 2>/dev/null
  # it comes back (a kill a round), from its folder, so that a quorum stays
  start "$L" "$(eval echo "\$A$L")"
done
wait "$stream"
check "the stream ran to its end" "$N" "$(wc -l <"$w/stream" | tr -d ' ')"
ok=0 unknown=0 failed=0 wrong=()
while IFS=$'\t' read -r i rc out; do
  got=$(present "$i")
  if [ "$rc" = 0 ]; then
    ok=$((ok + 1)); [ "$got" = "1/2" ] || wrong+=("acknowledged $i: $got")
  elif [[ $out == *"outcome unknown"* ]]; then
    unknown=$((unknown + 1)); [ "$got" = "1/2" ] || [ "$got" = "0/0" ] || wrong+=("unknown $i: $got")
  else
    failed=$((failed + 1))
    # what it said must be true: "nothing imported" or "nothing was written",
    # or no leader reached in LEARNCLUB_TIMEOUT_MS, so nothing was tried
    [[ $out == *"nothing imported"* || $out == *"nothing was written"* || $out == *"no leader reachable"* ]] &&
      [ "$got" = "0/0" ] || wrong+=("failed $i: $got: $out")
  fi
done <"$w/stream"
check "after $KILLS leader kill(s): acknowledged exactly once, unknown whole or absent, failed absent" "" "${wrong[*]}"
check "the client carried on after each kill: most imports acknowledged" "yes" "$([ "$ok" -ge $((N - 3 * KILLS)) ] && echo yes || echo "no: $ok of $N ($unknown unknown, $failed failed)")"
# every import once more: the retries are safe (idempotent), all there once
for ((i = 1; i <= N; i++)); do X import-meetings office "$w/m$i.csv" >/dev/null 2>&1 || echo "retry $i failed" >>"$w/retry"; done
check "run again, every import succeeds" "" "$(cat "$w/retry" 2>/dev/null)"
check "run again, every meeting is there exactly once" "$((N + 1)) $((2 * N + 2))" \
  "$(q "SELECT count(*), (SELECT count(*) FROM attendance a JOIN meeting m ON m.id = a.meeting_id WHERE m.topic LIKE 'stream %') FROM meeting WHERE topic LIKE 'stream %'" | tr '|' ' ')"
check "nothing is there twice" "" "$(q "SELECT topic FROM meeting WHERE topic LIKE 'stream %' GROUP BY topic HAVING count(*) > 1")"
# the restarted node catches up: it takes the leadership only with every
# committed entry (C6), and then serves what the others have
caught() { timeout 20 "$NODE" transfer --cluster "$CLUSTER" "${killed[-1]}" 2>"$w/transfer.err" && [ "$(leader_id)" = "${killed[-1]}" ]; }
check "the killed node, restarted, catches up within 60 s and leads" "yes" \
  "$(until_ok 60 caught && echo yes || { echo "no: $(cat "$w/transfer.err")"; timeout 20 "$LC" cluster status --cluster "$CLUSTER"; tail -n 5 "$w/log${killed[-1]}"; })"
check "... and serves every meeting" "$((N + 1))" "$(q "SELECT count(*) FROM meeting WHERE topic LIKE 'stream %'")"
check "the nodes that were not killed stayed up" "yes" \
  "$(for i in 1 2 3; do kill -0 "$(eval echo "\$pid$i")" 2>/dev/null || echo "node $i down"; done | grep -q down && echo no || echo yes)"
stop_all
