#!/usr/bin/env bash
# make install / uninstall (issue 8): install into a temporary DESTDIR, run
# the installed command from there (issue 13: it carries its SQL and the
# extension, so it needs neither this checkout nor the installed copies of
# sql/ and the .so), read the man page, then uninstall and leave nothing behind.
source "$(dirname "$0")/../lib.sh"
stage="$TMPROOT/stage"; prefix=/opt/learnclub-test
rm -rf "$stage"
out=$(make -s -C "$LEARNCLUB_ROOT" install DESTDIR="$stage" PREFIX="$prefix" 2>&1)
check "install runs" "installed learnclub in $stage$prefix" "$(printf '%s\n' "$out" | tail -n 1)"
root="$stage$prefix"
for f in bin/learnclub lib/learnclub/learnclub.so share/learnclub/sql/schema.sql \
         share/learnclub/sql/monthly-check.sql share/man/man1/learnclub.1; do
  check "installed $f" "yes" "$([ -e "$root/$f" ] && echo yes || echo no)"
done
# Run the installed command from elsewhere, with no hint of this checkout.
db="$TMPROOT/installed.db"; rm -f "$db"
(cd "$TMPROOT" && env -u LEARNCLUB_EXT "$root/bin/learnclub" init "$db" >/dev/null 2>&1)
check "installed init creates the schema" "yes" "$("$SQLITE3" "$db" "SELECT CASE WHEN user_version > 0 THEN 'yes' ELSE 'no' END FROM pragma_user_version;")"
cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$TMPROOT/example.db"
got=$(cd "$TMPROOT" && env -u LEARNCLUB_EXT "$root/bin/learnclub" monthly-check example.db 2015-05 --as-of 2015-06-30 --format csv 2>&1; echo "exit $?")
check "installed monthly-check finds a late report" "yes" "$(grep -q ',late,' <<<"$got" && echo yes || echo "no: $got")"
check "installed monthly-check exits 1 on findings" "exit 1" "$(tail -n 1 <<<"$got")"
mv "$root/share/learnclub" "$root/share/learnclub.away"; mv "$root/lib/learnclub" "$root/lib/learnclub.away"
got=$(cd "$TMPROOT" && env -u LEARNCLUB_EXT "$root/bin/learnclub" monthly-check example.db 2015-05 --as-of 2015-06-30 --format csv 2>&1 | grep -c ',late,')
check "installed command runs without the installed sql/ and .so (it carries them)" "1" "$got"
mv "$root/share/learnclub.away" "$root/share/learnclub"; mv "$root/lib/learnclub.away" "$root/lib/learnclub"
check "installed extension loads by its path" "2015-04-06" "$("$SQLITE3" -batch :memory: -cmd ".load $root/lib/learnclub/learnclub" "SELECT report_due('2015-03');")"
check "man page lists every command" "" "$(for c in $("$LEARNCLUB" help | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p'); do grep -q "^  $c" "$root/share/man/man1/learnclub.1" || echo "$c"; done)"
# every environment variable the command reads is in the man page and the README
vars=$(grep -ho 'getenv("LEARNCLUB_[A-Z_]*")' "$LEARNCLUB_ROOT"/cli/*.c | sed 's/getenv("\(.*\)")/\1/' | sort -u)
check "the command reads environment variables (the list below is not empty)" "yes" "$([ -n "$vars" ] && echo yes || echo no)"
check "man page and README name every LEARNCLUB_ variable the command reads" "" \
  "$(for v in $vars; do grep -q "^\.B $v\$" "$root/share/man/man1/learnclub.1" || echo "man: $v"; grep -q "\`$v\`" "$LEARNCLUB_ROOT/README.md" || echo "README: $v"; done | tr '\n' ' ')"
if command -v groff >/dev/null; then
  check "man page renders" "yes" "$(groff -man -Tutf8 -P-cbou "$root/share/man/man1/learnclub.1" 2>/dev/null | grep -q 'EXIT STATUS' && echo yes || echo no)"
fi
make -s -C "$LEARNCLUB_ROOT" uninstall DESTDIR="$stage" PREFIX="$prefix" >/dev/null 2>&1
check "uninstall leaves nothing" "" "$(find "$root" -type f -o -type l 2>/dev/null)"
