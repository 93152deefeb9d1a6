#!/usr/bin/env bash
# learnclub.c E1: loading refuses on a SQLite older than 3.31.0.
source "$(dirname "$0")/../lib.sh"
bin="$TMPROOT/old_sqlite"
${CC:-cc} -o "$bin" "$LEARNCLUB_ROOT/tests/core/old_sqlite.c" -ldl
check "E1 refuses SQLite 3.30.1" "1 learnclub: SQLite 3.31.0 or later is required (this is 3.30.1)" "$("$bin" "$LEARNCLUB_EXT.so")"
check "E1 loads without a message on this SQLite" "" "$("$SQLITE3" -batch :memory: -cmd ".load $LEARNCLUB_EXT" "SELECT 1;" 2>&1 | grep -v '^1$')"
