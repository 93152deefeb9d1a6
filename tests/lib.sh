# Helpers for shell tests (tests/**/*.sh), sourced; see tests/run for the protocol.
# Each check prints one line: PASS<US>file<US>case, or
# FAIL<US>file<US>case<US>expected<US>got, fields separated by the ASCII unit
# separator (0x1F, so that an empty field is kept), newlines shown as \n.
: "${SQLITE3:=sqlite3}"
: "${LEARNCLUB_ROOT:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${LEARNCLUB_EXT:=$LEARNCLUB_ROOT/dist/learnclub}"
# The learnclub command under test (issue 13): the one place tests name it.
: "${LEARNCLUB:=$LEARNCLUB_ROOT/dist/bin/learnclub}"
: "${TMPROOT:=$(mktemp -d)}"
TEST_FILE="${TEST_FILE:-${0#"$LEARNCLUB_ROOT"/}}"

_lc_flat() { printf '%s' "$1" | sed -e ':a;N;$!ba;s/\n/\\n/g' | tr '\t' ' '; }

# check CASE EXPECTED GOT — passes when the two strings are equal.
check() {
  if [ "$2" == "$3" ]; then
    printf 'PASS\x1f%s\x1f%s\n' "$TEST_FILE" "$1"
  else
    printf 'FAIL\x1f%s\x1f%s\x1f%s\x1f%s\n' "$TEST_FILE" "$1" "$(_lc_flat "$2")" "$(_lc_flat "$3")"
  fi
}

# skip CASE REASON — a case this machine cannot run; the runner shows it and counts it apart.
skip() { printf 'SKIP\x1f%s\x1f%s\x1f%s\n' "$TEST_FILE" "$1" "$2"; }

# sql DB SQL — run SQL with the extension loaded; prints list-mode output.
sql() { "$SQLITE3" -batch "$1" -cmd ".load $LEARNCLUB_EXT" "$2"; }

# sql_error DB SQL — the error message SQL raises, without the shell's prefixes.
sql_error() {
  "$SQLITE3" -batch "$1" -cmd ".load $LEARNCLUB_EXT" "$2" 2>&1 >/dev/null |
    sed -E -n '1{s/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Parse error near line [0-9]+: |Error: near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//; p}'
}

# newdb NAME — path of a fresh empty database file under this run's temp dir.
newdb() { local d="$TMPROOT/$1.db"; rm -f "$d" "$d-wal" "$d-shm" "$d-journal"; printf '%s' "$d"; }
