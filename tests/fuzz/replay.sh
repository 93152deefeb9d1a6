#!/usr/bin/env bash
# Replays every fuzz input kept in the repository (issue 6): the seed corpus
# tests/fuzz/corpus/<target>/ and the regression inputs
# tests/fuzz/regressions/<target>/ (each a crash or broken invariant found by
# `make fuzz`, fixed since). Each target (tests/fuzz/<target>.c) is built
# with $CC and tests/fuzz/replay.c as main() — no libFuzzer needed — with
# the extension's sources compiled in (-DSQLITE_CORE), against the system
# libsqlite3. make check-asan sets CC to clang with the sanitizers; make
# check-valgrind runs the replays under valgrind (LC_BIN_WRAPPER). A crash
# or a broken invariant (fuzz.h: abort with a message) fails the target.
source "$(dirname "$0")/../lib.sh"
here="$LEARNCLUB_ROOT/tests/fuzz"
obj="$TMPROOT/fuzz-obj"; mkdir -p "$obj"
cc=${CC:-cc}
build_log="$TMPROOT/fuzz-build.log"
ok=1
# the command's CSV reader (fuzz_csv, issue 13) is linked into every target
for f in "$LEARNCLUB_ROOT"/ext/*.c "$LEARNCLUB_ROOT"/cli/csv.c "$LEARNCLUB_ROOT"/cli/text.c "$here/replay.c"; do
  b=$(basename "$f" .c)
  $cc -O1 -g -DSQLITE_CORE -I"$LEARNCLUB_ROOT/ext" -I"$LEARNCLUB_ROOT/cli" -c -o "$obj/$b.o" "$f" 2>>"$build_log" || ok=0
done
check "fuzz replay: the extension builds with -DSQLITE_CORE" "" "$( [ "$ok" = 1 ] || tail -n 5 "$build_log")"
[ "$ok" = 1 ] || exit 0
for src in "$here"/fuzz_*.c; do
  t=$(basename "$src" .c)
  bin="$TMPROOT/$t-replay"
  if ! out=$($cc -O1 -g -DSQLITE_CORE -I"$LEARNCLUB_ROOT/ext" -I"$LEARNCLUB_ROOT/cli" -o "$bin" "$src" "$obj"/*.o -lsqlite3 -lm 2>&1); then
    check "fuzz replay: $t builds" "" "$out"
    continue
  fi
  for kind in corpus regressions; do
    files=("$here/$kind/$t"/*)
    [ -e "${files[0]}" ] || continue
    out=$(${LC_BIN_WRAPPER:-} "$bin" "${files[@]}" 2>&1 | tail -n 4)
    check "fuzz replay: $t $kind" "${#files[@]} inputs" "$out"
  done
done
