#!/usr/bin/env bash
# The Jung-gu 2015 part of `make demo` (called by examples/demo.sh): the real
# workflows on examples/junggu2015.db, through scripts/learnclub, on a copy so
# that the built example stays as built. Exit status 1 of a check is expected
# here (it found what the example was made to show) and does not stop the demo.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
DB="examples/junggu2015.db"
[ -f "$DB" ] || { echo "demo-junggu: $DB not built; run make examples" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/learnclub-demo.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$DB" "$work/junggu2015.db"
lc() {
  echo "\$ learnclub $*" | sed "s|$work/||"
  scripts/learnclub "$@"
  local rc=$?
  echo "(exit $rc)"
  [ "$rc" -le 1 ] || exit "$rc"
}
db="$work/junggu2015.db"

echo "== Jung-gu 2015: May's monthly reports, checked at the end of June (JG5, JG6: one late, one missing)"
lc monthly-check "$db" 2015-05 --as-of 2015-06-30
echo
echo "== Jung-gu 2015: first-half evaluation (JG7, JG8, KR7; a tie across 우수's last place is left to the committee, D3)"
lc evaluate "$db" 2015-H1
echo
echo "== Jung-gu 2015: first-half constant-learning hours for General Affairs (JG9, D4; first 10 lines of the CSV)"
echo "\$ learnclub hours junggu2015.db 2015-H1 --format csv | head"
scripts/learnclub hours "$db" 2015-H1 --format csv >"$work/hours.csv" || exit 2
head -n 10 "$work/hours.csv"
