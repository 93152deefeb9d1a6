#!/usr/bin/env bash
# deadlines.c R8 (issue 12, defect 6): the due days are memoised per rule, so
# three rules cycling in one statement cost about what two do. Before, two
# memos were kept and a third rule rebuilt one on every call: 60 000 calls took
# some 70 times as long as with two rules. Asserted loosely (four times, and
# 50 ms of slack) on CPU time, so that a busy machine does not fail it; the
# measurement proper is bench/run.sh's report_due_rules.
source "$(dirname "$0")/../lib.sh"
rows() {  # rows RULE-CASE — the statement: 60 000 report_due() calls
  printf "WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < 59999) SELECT count(report_due(printf('%%d-%%02d', 2016 + i %% 10, 1 + i %% 12), %s)) FROM s;" "$1"
}
three="CASE i % 3 WHEN 0 THEN 'strict' WHEN 1 THEN 'day=10' ELSE '' END"
two="CASE i % 3 WHEN 0 THEN 'strict' WHEN 1 THEN 'day=10' ELSE 'strict' END"
out=$(printf '%s\n' ".timer on" "$(rows "$two")" "$(rows "$three")" "$(rows "$two")" "$(rows "$three")" |
  "$SQLITE3" -batch :memory: -cmd ".load $LEARNCLUB_EXT" 2>&1)
check "R8 every call gives a due date" "60000 60000 60000 60000" "$(grep -v '^Run Time' <<<"$out" | tr '\n' ' ' | sed 's/ $//')"
# the faster of two runs of each, user CPU seconds
t2=$(awk '/^Run Time/ { n++; if (n % 2 == 1 && (t == "" || $6 < t)) t = $6 } END { print t }' <<<"$out")
t3=$(awk '/^Run Time/ { n++; if (n % 2 == 0 && (t == "" || $6 < t)) t = $6 } END { print t }' <<<"$out")
check "R8 three rules cycling cost at most four times two rules" "yes" \
  "$(awk -v a="$t3" -v b="$t2" 'BEGIN { print (a <= 4 * b + 0.05) ? "yes" : "no: three " a " s, two " b " s" }')"
