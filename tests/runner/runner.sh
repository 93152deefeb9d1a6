#!/usr/bin/env bash
# tests/run, the runner itself (issue 12, defect 7): fed the fixture
# tests/fixtures/runner/cases.sql, it reports each case as it should, and a
# case that gives no row fails instead of vanishing.
source "$(dirname "$0")/../lib.sh"
fixture=tests/fixtures/runner/cases.sql
out=$(cd "$LEARNCLUB_ROOT" && TEST_FILTER= bash tests/run "$fixture" 2>&1)
status=$?
check "a failing case is reported with expected and got" \
  "1" "$(grep -cxF "FAIL $fixture: fails: expected 2, got 1" <<<"$out")"
check "a case that gives no row fails" \
  "1" "$(grep -cxF "FAIL $fixture: gives no row: expected a row, got none" <<<"$out")"
check "a case spread over lines that gives no row fails" \
  "1" "$(grep -cxF "FAIL $fixture: spans lines, gives no row: expected a row, got none" <<<"$out")"
check "two cases of one name need two rows" \
  "1" "$(grep -cxF "FAIL $fixture: two cases of one name: expected a row, got none" <<<"$out")"
check "a quoted name is matched to its row" \
  "0" "$(grep -c "a name with a quote" <<<"$out")"
check "the count: passing rows and failures" "3 passed, 4 failed" "$(tail -n 1 <<<"$out")"
check "the runner's status is 1 on a failure" "1" "$status"
