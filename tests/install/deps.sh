#!/usr/bin/env bash
# A fresh machine (issue 12): `make test` runs scripts/install-deps first.
# When it may not install (not root, no sudo) it names what is missing and
# exits 0, so the rest of the suite still runs; when nothing is missing it
# only checks.
source "$(dirname "$0")/../lib.sh"
root="$LEARNCLUB_ROOT"
fake="$TMPROOT/deps-bin"; mkdir -p "$fake"
# A user who is not root and has no sudo: `id -u` says 1000, sudo is absent.
printf '#!/bin/sh\n[ "$1" = "-u" ] && { echo 1000; exit 0; }\nexec /usr/bin/id "$@"\n' >"$fake/id"
printf '#!/bin/sh\nexit 1\n' >"$fake/sudo"
chmod +x "$fake/id" "$fake/sudo"
out=$(PATH="$fake:$PATH" EXTRA_DEBIAN_PACKAGES=learnclub-no-such-package bash "$root/scripts/install-deps" 2>&1); rc=$?
check "no root, no sudo: exit 0" 0 "$rc"
check "no root, no sudo: names what is missing" \
  "install-deps: missing learnclub-no-such-package; not root and no sudo, so not installed (run scripts/install-deps as root)" \
  "$(printf '%s\n' "$out" | grep '^install-deps: missing')"
# Everything present: only a check, nothing installed.
out=$(bash "$root/scripts/install-deps" 2>&1); rc=$?
check "all present: exit 0" 0 "$rc"
check "all present: says nothing" "" "$out"
check "make test runs install-deps first" "deps" "$(sed -n 's/^test: *\(deps\).*/\1/p' "$root/Makefile")"
