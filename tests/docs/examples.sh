#!/usr/bin/env bash
# Every example in the docs runs against the built extension, so the docs
# cannot drift. In README.md and docs/*.md, each ```sql block is run in a
# fresh database (or a copy of the one named by a first line
# `-- db: examples/NAME.db`). A statement followed by lines `-- → X` must
# print exactly those lines in the shell's list mode (columns separated by |,
# NULL shown as NULL, one line per row); `-- → error: M`
# means it must fail with message M. Statements without `-- →` lines run
# with the next one that has them (so they must print nothing), or at the end
# of the block, and must simply succeed.
source "$(dirname "$0")/../lib.sh"
cd "$LEARNCLUB_ROOT" || exit 1
for doc in README.md docs/*.md; do
  [ -f "$doc" ] || continue
  # Split the doc into blocks: block N's lines go to $TMPROOT/docblock.N
  rm -f "$TMPROOT"/docblock.*
  awk -v dir="$TMPROOT" '
    /^```sql[ ]*$/ { inb = 1; n++; line0 = NR; next }
    /^```/ && inb { inb = 0; next }
    inb { print NR "\t" $0 > (dir "/docblock." n) }
  ' "$doc"
  for block in "$TMPROOT"/docblock.*; do
    [ -f "$block" ] || continue
    # Statements of a block share one database: a fresh file, or a copy.
    db="$TMPROOT/docdb.db"
    rm -f "$db"
    first=$(head -n 1 "$block" | cut -f2-)
    if [[ "$first" == "-- db: "* ]]; then
      src="${first#-- db: }"
      cp "$src" "$db" 2>/dev/null || { check "$doc: block at line $(head -n1 "$block" | cut -f1)" "database $src" "missing"; continue; }
    fi
    stmt="" ; stmt_line="" ; expect="" ; have_expect=0
    run_stmt() {
      [ -n "$stmt" ] || return 0
      local out err name="$doc:$stmt_line: $(printf '%s' "$stmt" | head -n 1 | cut -c1-60)"
      out=$(printf '%s\n' "$stmt" | "$SQLITE3" -batch "$db" -cmd ".load $LEARNCLUB_EXT" -cmd ".mode list" -cmd ".nullvalue NULL" 2>"$TMPROOT/doc.err")
      err=$(sed -E -n '1{s/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Parse error near line [0-9]+: |Error: near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//; p}' "$TMPROOT/doc.err")
      if [ "$have_expect" = 1 ]; then
        if [[ "$expect" == "error: "* ]]; then check "$name" "$expect" "error: $err"
        else check "$name" "$expect" "$out${err:+ error: $err}"; fi
      else
        check "$name" "ok" "${err:-ok}"
      fi
      stmt="" ; expect="" ; have_expect=0
    }
    while IFS=$'\t' read -r lineno text; do
      if [[ "$text" == "-- → "* ]]; then
        if [ "$have_expect" = 1 ]; then expect+=$'\n'"${text#-- → }"; else expect="${text#-- → }"; have_expect=1; fi
        continue
      fi
      if [ "$have_expect" = 1 ]; then run_stmt; fi
      [[ "$text" == "-- db: "* ]] && continue
      [[ -z "$text" || "$text" == "--"* ]] && { [ -z "$stmt" ] && continue; }
      [ -z "$stmt" ] && stmt_line=$lineno
      stmt+="$text"$'\n'
    done <"$block"
    run_stmt
  done
done
