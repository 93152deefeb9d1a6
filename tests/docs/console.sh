#!/usr/bin/env bash
# Every command example in docs/ runs, so the command pages cannot drift.
# In docs/**/*.md, each ```console block runs in a fresh folder holding copies
# of examples/*.db and examples/templates/, with `learnclub` on the PATH and
# LEARNCLUB_TODAY=2016-01-31. A line `$ COMMAND` runs COMMAND with bash; the
# lines after it, up to the next `$ ` line, are exactly what it prints
# (stdout and stderr), and a last line `[exit N]` is its exit status
# (0 when absent).
source "$(dirname "$0")/../lib.sh"
cd "$LEARNCLUB_ROOT" || exit 1
bin="$TMPROOT/console-bin"; mkdir -p "$bin"; ln -sf "$LEARNCLUB" "$bin/learnclub"
for doc in $(find docs -name '*.md' | LC_ALL=C sort); do
  rm -f "$TMPROOT"/conblock.*
  awk -v dir="$TMPROOT" '
    /^```console[ ]*$/ { inb = 1; n++; next }
    /^```/ && inb { inb = 0; next }
    inb { print NR "\t" $0 > (dir "/conblock." n) }' "$doc"
  for block in "$TMPROOT"/conblock.*; do
    [ -f "$block" ] || continue
    work="$TMPROOT/console-work"; rm -rf "$work"; mkdir -p "$work/examples"
    cp "$LEARNCLUB_ROOT"/examples/*.db "$work/examples/" 2>/dev/null
    cp -r "$LEARNCLUB_ROOT/examples/templates" "$work/examples/"
    cmdline=""; lineno=""; expect=""; have=0
    flush() {
      [ -n "$cmdline" ] || return 0
      local want_rc=0 got rc
      if [[ "$expect" =~ (^|$'\n')\[exit\ ([0-9]+)\]$ ]]; then
        want_rc=${BASH_REMATCH[2]}; expect=${expect%\[exit *}; expect=${expect%$'\n'}
      fi
      got=$(cd "$work" && PATH="$bin:$PATH" LEARNCLUB_TODAY=2016-01-31 bash -c "$cmdline" 2>&1); rc=$?
      check "$doc:$lineno: \$ ${cmdline:0:70}" "$expect[exit $want_rc]" "$got[exit $rc]"
      cmdline=""; expect=""; have=0
    }
    while IFS=$'\t' read -r n text; do
      if [[ "$text" == '$ '* ]]; then
        flush; cmdline="${text#\$ }"; lineno=$n
      elif [ -n "$cmdline" ]; then
        if [ "$have" = 1 ]; then expect+=$'\n'"$text"; else expect="$text"; have=1; fi
      fi
    done <"$block"
    flush
  done
done
