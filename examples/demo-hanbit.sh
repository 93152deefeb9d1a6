#!/usr/bin/env bash
# The 한빛시 part of `make demo` (called by examples/demo.sh): the second example
# office (issue 15), whose rules come from other offices (DOMAIN.md O1-O7),
# through the learnclub command (dist/bin/learnclub), on a copy
# (examples/demo-lib.sh): the contest's evaluation beside Jung-gu's, the
# incentives per tier, the support allocations and the hours capped.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
source examples/demo-lib.sh
demo_copy hanbit2026
export LEARNCLUB_TODAY=2027-01-31

echo "== 한빛시 2026: its rules as program settings (O1-O7; docs/workflows.md \"Other offices\")"
lc program-show "$db" hanbit-2026 --format json
echo
echo "== 한빛시 2026: May's reports and meetings; twice a month (O7), at least 10 members (O6)"
lc monthly-check "$db" 2026-05
echo
echo "== 한빛시 2026: the contest (O3: a screening, then a final of 10 before experts and a jury; four tiers, prizes in kind O2)"
lc evaluate "$db" 2026-H2
echo
echo "== 한빛시 2026: incentives per tier (O1: promotion for the best and one 우수 group; O2: trip, training), people per incentive and group"
echo "\$ learnclub incentives hanbit2026.db 2026-H2 --format csv   # counted by incentive, group, tier and status"
dist/bin/learnclub incentives "$db" 2026-H2 --format csv >"$work/incentives.csv"; rc=$?
[ "$rc" -le 1 ] || exit "$rc"
sed 1d "$work/incentives.csv" | cut -d, -f1-3,7 | tr -d '"' | LC_ALL=C sort | uniq -c
echo
echo "== 한빛시 2026: the year in numbers; 2,000,000 KRW a group (O5), one over it"
lc summary "$db" 2026
echo
echo "== 한빛시 2026: the second half's hours: officials only, at most 20 a year on top of 12 a half-year (first 5 lines)"
echo "\$ learnclub hours hanbit2026.db 2026-H2 | head -n 5"
dist/bin/learnclub hours "$db" 2026-H2 >"$work/hours.txt" || exit 2
head -n 5 "$work/hours.txt"
