#!/usr/bin/env bash
# The Naju part of `make demo` (called by examples/demo.sh): the pledge card
# of pledge 7-2-3 reproduced from examples/naju.db through the learnclub command (dist/bin/learnclub),
# on a copy (examples/demo-lib.sh). Every figure the card
# prints appears below: 73.33, 80, 66.67 (NJ8), 75.4 and 42 (NJ7), 9 runs,
# 70 teams and topics, 667 participants, 52 adopted, 74% (NJ3, NJ4), 9 teams
# and 8 evaluated (NJ6).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
source examples/demo-lib.sh
demo_copy naju

echo "== Naju pledge 7-2-3 as of 2025-09-30: indicators by year, rates 80 and 66.67, pledge 73.33 (NJ8, NJ9, D5, KR8)"
lc pledge-report "$db" --as-of 2025-09-30
echo
echo "== Naju budget plan in million KRW: 75.4 planned, 42 executed (NJ7)"
lc budget "$db"
echo
echo "== 뜻세움 since 2011: 9 runs, 70 teams and topics, 667 participants, 52 of 70 adopted = 74% (NJ3, NJ4)"
lc adoption "$db"
echo
echo "== 2024: the call for teams was cancelled, 3 teams applied (NJ3)"
lc intake "$db" 2024
echo
echo "== 2025 benchmarking expedition: 9 teams of at most 4, rounds 5, 2, 2; one withdrew (NJ6, D6)"
lc teams "$db" 2025
echo
echo "== 2025 expedition evaluation: the 8 remaining teams, naju-2025 prizes (NJ6, D6)"
lc evaluate "$db" 2025-H1
