# Sourced by the parts of `make demo` (examples/demo-*.sh): run from the
# repository root, work on a copy of an example database so that the built
# example stays as built, and show each command as a user would type it.
# Exit status 1 of a check is expected in a demo (it found what the example
# was made to show) and does not stop it; 2 does.

# demo_copy NAME — a copy of examples/NAME.db in a temporary folder, in $db.
demo_copy() {
  local src="examples/$1.db"
  [ -f "$src" ] || { echo "demo: $src not built; run make examples" >&2; exit 2; }
  work=$(mktemp -d "${TMPDIR:-/tmp}/learnclub-demo.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  cp "$src" "$work/$1.db"
  db="$work/$1.db"
}

# lc ARGS… — run dist/bin/learnclub, echoing the command and its exit status.
lc() {
  echo "\$ learnclub $*" | sed "s|$work/||"
  dist/bin/learnclub "$@"
  local rc=$?
  echo "(exit $rc)"
  [ "$rc" -le 1 ] || exit "$rc"
}
