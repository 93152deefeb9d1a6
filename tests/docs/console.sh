#!/usr/bin/env bash
# Every command example in docs/ runs, so the command pages cannot drift.
# In docs/**/*.md, each ```console block runs in a fresh folder holding copies
# of examples/*.db, examples/templates/ and examples/walkthrough/, with
# `learnclub` on the PATH and LEARNCLUB_TODAY=2016-01-31. A line `$ COMMAND`
# runs COMMAND with bash; the lines after it, up to the next `$ ` line, are
# exactly what it prints (stdout and stderr), and a last line `[exit N]` is
# its exit status (0 when absent). docs/walkthrough.md is one story on one database:
# tests/docs/walkthrough.sh runs it.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/console-lib.bash"
cd "$LEARNCLUB_ROOT" || exit 1
for doc in $(find docs -name '*.md' | LC_ALL=C sort); do
  [ "$doc" = docs/walkthrough.md ] && continue
  console_doc "$doc" 2016-01-31 0
done
