#!/usr/bin/env bash
# Issue 14, "Done when": the fictional-office walk-through, docs/walkthrough.md,
# runs from an empty file to the year's report. Its ```console blocks run in
# order in one folder (copies of examples/walkthrough/ and the rest, as for
# tests/docs/console.sh), with today fixed to 2026-08-31; each command's output
# and exit status must be what the page shows. No step may call sqlite3.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/console-lib.bash"
cd "$LEARNCLUB_ROOT" || exit 1
doc=docs/walkthrough.md
check "walkthrough: the page exists" "yes" "$([ -f "$doc" ] && echo yes || echo no)"
check "walkthrough: no step calls sqlite3" "" \
  "$(awk '/^```console/ { b = 1; next } /^```/ { b = 0 } b && /^\$ / && /sqlite3/' "$doc")"
console_doc "$doc" 2026-08-31 1
