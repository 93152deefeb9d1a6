#!/usr/bin/env bash
# The Jung-gu 2015 part of `make demo` (called by examples/demo.sh): the real
# workflows on examples/junggu2015.db, through the learnclub command (dist/bin/learnclub), on a copy (examples/demo-lib.sh).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
source examples/demo-lib.sh
demo_copy junggu2015

echo "== Jung-gu 2015: May's monthly reports, checked at the end of June (JG5, JG6: one late, one missing)"
lc monthly-check "$db" 2015-05 --as-of 2015-06-30
echo
echo "== Jung-gu 2015: first-half evaluation (JG7, JG8, KR7; a tie across 우수's last place is left to the committee, D3)"
lc evaluate "$db" 2015-H1
echo
echo "== Jung-gu 2015: first-half constant-learning hours for General Affairs (JG9, D4; first 10 lines of the CSV)"
echo "\$ learnclub hours junggu2015.db 2015-H1 --format csv | head"
dist/bin/learnclub hours "$db" 2015-H1 --format csv >"$work/hours.csv" || exit 2
head -n 10 "$work/hours.csv"
