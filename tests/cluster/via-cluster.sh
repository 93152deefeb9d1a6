#!/usr/bin/env bash
# tests/cluster/via-cluster.sh — a LEARNCLUB for running a test written for a
# file through a cluster (issue 17: "the bad-input catalogue runs through the
# cluster with the same messages"). A command whose database argument is
# VIA_DB runs with --cluster VIA_CLUSTER on the office VIA_NAME instead, and
# what it prints names VIA_DB again, so the test's expected text holds as
# written. Commands about other files, and those whose other arguments name
# VIA_DB (an --output over the database, a pull), and backup and rollup
# (whose arguments are files), are about files and run on them. VIA_REAL is the learnclub command.
args=("$@")
case ${args[0]:-} in backup | rollup) exec "$VIA_REAL" "$@" ;; esac # about files
if [ "${#args[@]}" -ge 2 ] && [ "${args[1]}" = "$VIA_DB" ]; then
  for a in "${args[@]:2}"; do
    case $a in "$VIA_DB"*) exec "$VIA_REAL" "$@" ;; esac
  done
  args[1]=$VIA_NAME
  tmp=$(mktemp -d)
  "$VIA_REAL" --cluster "$VIA_CLUSTER" "${args[@]}" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  sed "s|$VIA_NAME|$VIA_DB|g" "$tmp/out"
  sed "s|$VIA_NAME|$VIA_DB|g" "$tmp/err" >&2
  rm -rf "$tmp"
  exit $rc
fi
exec "$VIA_REAL" "$@"
