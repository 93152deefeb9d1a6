#!/usr/bin/env bash
# `make demo`: the main job on the example data, from the functions and the
# workflow scripts. Run from the repository root after `make`.
set -euo pipefail
cd "$(dirname "$0")/.."
SQLITE3="${SQLITE3:-sqlite3}"
EXT="$PWD/dist/learnclub"
q() { "$SQLITE3" -batch :memory: -cmd ".load $EXT" -cmd ".mode column" -cmd ".headers on" "$@"; }

echo "== Jung-gu 2015: the reports due (JG6 monthly by the 5th, JG7 research in July and December; D1 moves past holidays)"
q "SELECT period, kind, due, CASE WHEN due <> report_due(period, 'strict') THEN 'moved from ' || report_due(period, 'strict') ELSE '' END AS note
   FROM report_calendar('2015-03', '2015-12');"
echo
echo "== Jung-gu 2015: award tiers and prizes per half-year (JG8)"
q "SELECT tier, rank_from, rank_to, prize FROM award_table('junggu-2015');"
echo
echo "== Naju pledge 7-2-3: indicator rates and the pledge rate (NJ8, D5)"
q "WITH ind(indicator, achieved, target) AS (VALUES ('추진계획 수립', 4, 5), ('보고회 개최', 2, 3))
   SELECT indicator, achieved, target, round(indicator_rate(achieved, target), 2) AS rate FROM ind
   UNION ALL
   SELECT '공약 이행률', NULL, NULL, round(pledge_rate(achieved, target), 2) FROM ind;"
# issue 15: the second example office (한빛시, O1-O7) right after Jung-gu
for part in examples/demo-junggu.sh examples/demo-hanbit.sh examples/demo-naju.sh; do
  if [ -f "$part" ]; then echo; bash "$part"; fi
done

echo
echo "== The year on one page: learnclub report (open it in a browser)"
mkdir -p build
demo_db=$(mktemp "${TMPDIR:-/tmp}/learnclub-demo.XXXXXX.db")
cp examples/junggu2015.db "$demo_db"
LEARNCLUB_TODAY=2016-01-31 dist/bin/learnclub evaluate "$demo_db" 2015-H1 >/dev/null || true
LEARNCLUB_TODAY=2016-01-31 dist/bin/learnclub evaluate "$demo_db" 2015-H2 >/dev/null || true
dist/bin/learnclub report "$demo_db" 2015 --as-of 2016-01-31 --html build/report-junggu2015.html
dist/bin/learnclub report examples/naju.db 2025 --as-of 2025-09-30 --html build/report-naju2025.html
# issue 15: the second example office's year
cp examples/hanbit2026.db "$demo_db"
LEARNCLUB_TODAY=2027-01-31 dist/bin/learnclub evaluate "$demo_db" 2026-H2 >/dev/null || true
dist/bin/learnclub report "$demo_db" 2026 --as-of 2027-01-31 --html build/report-hanbit2026.html
rm -f "$demo_db"
