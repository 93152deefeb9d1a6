# The runner of ```console examples, sourced by tests/docs/console.sh and
# tests/docs/walkthrough.sh (after tests/lib.sh); see console.sh for the form.
# console_doc DOC TODAY SHARED — runs every ```console block of DOC with
# `learnclub` on the PATH and LEARNCLUB_TODAY=TODAY, in a folder holding copies
# of examples/*.db, examples/templates/ and examples/walkthrough/. SHARED=0: a
# fresh folder per block; SHARED=1: one folder for the whole page, so that its
# blocks are the steps of one story on one database.
console_doc() {
  local doc="$1" today="$2" shared="$3" bin="$TMPROOT/console-bin" work="$TMPROOT/console-work"
  mkdir -p "$bin"; ln -sf "$LEARNCLUB" "$bin/learnclub"
  rm -f "$TMPROOT"/conblock.*
  awk -v dir="$TMPROOT" '
    /^```console[ ]*$/ { inb = 1; n++; next }
    /^```/ && inb { inb = 0; next }
    inb { print NR "\t" $0 > (dir "/conblock." n) }' "$doc"
  local block i=0 n text fresh=1
  while block="$TMPROOT/conblock.$((++i))"; [ -f "$block" ]; do
    if [ "$fresh" = 1 ]; then
      rm -rf "$work"; mkdir -p "$work/examples"
      cp "$LEARNCLUB_ROOT"/examples/*.db "$work/examples/" 2>/dev/null
      cp -r "$LEARNCLUB_ROOT/examples/templates" "$LEARNCLUB_ROOT/examples/walkthrough" "$work/examples/"
      [ "$shared" = 1 ] && fresh=0
    fi
    cmdline=""; lineno=""; expect=""; have=0
    while IFS=$'\t' read -r n text; do
      if [[ "$text" == '$ '* ]]; then
        _console_flush; cmdline="${text#\$ }"; lineno=$n
      elif [ -n "$cmdline" ]; then
        if [ "$have" = 1 ]; then expect+=$'\n'"$text"; else expect="$text"; have=1; fi
      fi
    done <"$block"
    _console_flush
  done
}

_console_flush() {
  [ -n "$cmdline" ] || return 0
  local want_rc=0 got rc
  if [[ "$expect" =~ (^|$'\n')\[exit\ ([0-9]+)\]$ ]]; then
    want_rc=${BASH_REMATCH[2]}; expect=${expect%\[exit *}; expect=${expect%$'\n'}
  fi
  got=$(cd "$work" && PATH="$bin:$PATH" LEARNCLUB_TODAY="$today" bash -c "$cmdline" 2>&1); rc=$?
  check "$doc:$lineno: \$ ${cmdline:0:70}" "$expect[exit $want_rc]" "$got[exit $rc]"
  cmdline=""; expect=""; have=0
}
