#!/usr/bin/env bash
# Reuse from any SQLite tool (issue 8): Python's standard sqlite3 (Debian's
# python3), Node's better-sqlite3 (built from source; it bundles a newer SQLite
# than the system's, so this is also the compatibility test) and Tcl
# (libsqlite3-tcl) each load dist/learnclub.so, run the core functions and the
# monthly check's statements on the example database, and must print exactly
# what the sqlite3 shell prints for the same statements.
# scripts/install-deps installs the hosts; a missing one fails with a hint.
source "$(dirname "$0")/../lib.sh"
here="$LEARNCLUB_ROOT/tests/hosts"
src="$LEARNCLUB_ROOT/examples/junggu2015.db"
monthly="$LEARNCLUB_ROOT/sql/monthly-check.sql"
month=2015-05 ; as_of=2015-06-30
# make check-asan: the hosts are not instrumented, so they load the plain build
# (LEARNCLUB_HOST_EXT, mk/reliability.mk) while the shell gets the ASan one.
ext="${LEARNCLUB_HOST_EXT:-$LEARNCLUB_EXT}"

# The reference: the sqlite3 shell, same statements, list mode, NULL as ''.
db=$(newdb hosts_shell); cp "$src" "$db"
expected=$({
  grep -v '^--' "$here/queries.txt" | sed '/^$/d; s/$/;/'
  printf '.parameter set @month "%s"\n.parameter set @as_of "%s"\n' "'$month'" "'$as_of'"
  cat "$monthly"
} | "$SQLITE3" -batch "$db" -cmd ".load $ext" -cmd ".mode list" -cmd ".nullvalue ''" 2>&1)
check "shell reference ran" "yes" "$( [ "$(printf '%s\n' "$expected" | wc -l)" -ge 16 ] && echo yes || echo "no: $expected")"

run_host() {  # NAME COMMAND...
  local name="$1"; shift
  local db got; db=$(newdb "hosts_$name"); cp "$src" "$db"
  got=$("$@" "$ext" "$db" "$monthly" "$month" "$as_of" 2>&1)
  check "$name gives the shell's answers" "$expected" "$got"
}

py=/usr/bin/python3
if [ -x "$py" ] && "$py" -c "import sqlite3; sqlite3.connect(':memory:').enable_load_extension(True)" 2>/dev/null; then
  run_host python "$py" "$here/host.py"
  check "python uses the system SQLite" "$("$SQLITE3" -batch :memory: 'select sqlite_version();')" "$("$py" -c 'import sqlite3; print(sqlite3.sqlite_version)')"
else
  check "python host" "Debian's python3 with extension loading" "missing: run scripts/install-deps"
fi
if [ -d "$here/node/node_modules/better-sqlite3/build/Release" ] && command -v node >/dev/null; then
  run_host node node "$here/host.js"
  newer=$(node -e "const D=require('$here/node/node_modules/better-sqlite3'); console.log(new D(':memory:').prepare('select sqlite_version() v').get().v)")
  check "node bundles a SQLite other than the system's ($newer)" "different" "$( [ "$newer" != "$("$SQLITE3" -batch :memory: 'select sqlite_version();')" ] && echo different || echo same)"
else
  check "node host" "better-sqlite3 built in tests/hosts/node" "missing: run scripts/install-deps"
fi
if echo 'package require sqlite3' | tclsh >/dev/null 2>&1; then
  run_host tcl tclsh "$here/host.tcl"
else
  check "tcl host" "libsqlite3-tcl" "missing: run scripts/install-deps"
fi
