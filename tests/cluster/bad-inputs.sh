#!/usr/bin/env bash
# Issue 17: the bad-input catalogue (tests/bad_inputs/commands.sh) runs
# through a cluster, with the same messages, and writes nothing there: the
# catalogue's own cases, as written, with every command on its database sent
# to the Jung-gu example pushed into a 1-node cluster (tests/tools/via-cluster). This
# catches dqlite's wrong error message (bridge.go B3): an import's script
# failing in a query would name a column instead.
source "$(dirname "$0")/../lib.sh"
w="$TMPROOT/cluster-bad-inputs"; rm -rf "$w"; mkdir -p "$w"
source "$TESTS_DIR/cluster/lib.sh"
if [ ! -x "$NODE" ]; then
  check "the cluster node" "dist/bin/learnclub-node built" "missing: run scripts/install-deps"
  exit 0
fi
cluster 1 || { check "a node starts" "1 voter" "$(cat "$w"/log*)"; exit 0; }
cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$w/junggu.db"
timeout 120 "$LC" --cluster "$CLUSTER" push catalogue_office "$w/junggu.db" >/dev/null
# state: every table's rows, each value quote()d by SQLite itself
state() {
  local tb cols
  rq() { timeout 20 "$NODE" query --cluster "$CLUSTER" catalogue_office "$1"; }
  rq "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name" | while read -r tb; do
    echo "== $tb"
    cols=$(rq "SELECT group_concat('quote(\"' || name || '\")', ' || ''|'' || ') FROM pragma_table_info('$tb')")
    rq "SELECT $cols FROM \"$tb\" ORDER BY rowid"
  done | md5sum
}
before=$(state)
# the catalogue names its database bad_inputs.db under TMPROOT (tests/lib.sh
# newdb): its own folder here, apart from the catalogue's run on a file
mkdir -p "$w/tmp"
TMPROOT="$w/tmp" VIA_DB="$w/tmp/bad_inputs.db" VIA_NAME=catalogue_office VIA_CLUSTER="$CLUSTER" VIA_REAL="$LC" \
  LEARNCLUB="$TESTS_DIR/tools/via-cluster" TEST_FILE="$TEST_FILE: the catalogue through the cluster" \
  bash "$TESTS_DIR/bad_inputs/commands.sh"
check "the catalogue wrote nothing to the cluster's office" "$before" "$(state)"
stop_all
