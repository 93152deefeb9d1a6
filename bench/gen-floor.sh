#!/usr/bin/env bash
# bench/gen-floor.sh — the row tables of the per-call measurements (issue 7):
# ROWS submissions and ROWS pledge indicators, deterministic from SEED.
#
#   bench/gen-floor.sh OUT.db ROWS SEED
#
#   sub(period, submitted_at, day, rank)   ROWS rows, in no particular order:
#       period        a month YYYY-MM (5 in 6) or a half-year YYYY-H1/H2,
#                     2016–2025, as in the report table
#       submitted_at  'YYYY-MM-DD HH:MM' around the due date: day 1–12 of the
#                     next month for a month, 20 July/December + 0–14 days for
#                     a half-year, so both on-time and late rows occur
#       day           a date 2016-01-01 .. 2026-12-31 (is_working_day, half_year)
#       rank          1..10 (award_tier: 1–6 win under junggu-2015, 7–10 do not)
#   indicator(pledge, k, achieved, target)   ROWS rows, 5 indicators a pledge,
#       WITHOUT ROWID in pledge order so that GROUP BY pledge needs no sort;
#       target 0..10 (0 → no rate), achieved 0..target+2 (over-achieving is capped)
# No extension function is used: the output depends on the arguments and this
# file only. Writes OUT.tmp and renames it.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 OUT.db ROWS SEED" >&2; exit 2; }
OUT=$1 N=$2 SEED=$3
for v in "$N" "$SEED"; do
  [[ "$v" =~ ^[0-9]{1,9}$ ]] || { echo "$0: not a non-negative integer: '$v'" >&2; exit 2; }
done
SQLITE3=${SQLITE3:-sqlite3}
SALT=$((SEED * 1000003 + 54321))
TMP="$OUT.tmp"
rm -f "$TMP" "$TMP-journal"
source "$(dirname "$0")/hash.sh"  # h EXPR: the pseudo-random integer

start=$(date +%s.%N)
"$SQLITE3" -batch -bail "$TMP" >/dev/null <<SQL
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -200000;
BEGIN;
CREATE TABLE sub(period TEXT NOT NULL, submitted_at TEXT NOT NULL, day TEXT NOT NULL, rank INTEGER NOT NULL);
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < $N),
r AS (SELECT $(h i) AS a, $(h "i + 1000000007") AS b FROM s)
INSERT INTO sub
SELECT CASE WHEN a % 6 = 0 THEN printf('%04d-H%d', 2016 + b % 10, 1 + (a / 6) % 2)
            ELSE printf('%04d-%02d', 2016 + b % 10, 1 + (a / 6) % 12) END,
       CASE WHEN a % 6 = 0 THEN date(printf('%04d-%s', 2016 + b % 10, CASE (a / 6) % 2 WHEN 0 THEN '07-20' ELSE '12-20' END),
                                     printf('+%d days', (a / 72) % 15))
            ELSE date(printf('%04d-%02d-01', 2016 + b % 10, 1 + (a / 6) % 12), '+1 month', printf('+%d days', (a / 72) % 12)) END
         || printf(' %02d:%02d', 8 + (b / 10) % 12, (b / 120) % 60),
       date('2016-01-01', printf('+%d days', (a / 1080) % 4018)),
       1 + (b / 7200) % 10
FROM r;
CREATE TABLE indicator(pledge INTEGER NOT NULL, k INTEGER NOT NULL, achieved INTEGER NOT NULL, target INTEGER NOT NULL,
                       PRIMARY KEY (pledge, k)) WITHOUT ROWID;
WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < $N - 1),
r AS (SELECT i, $(h "i + 77") AS a FROM s)
INSERT INTO indicator SELECT i / 5 + 1, i % 5 + 1, (a / 11) % (a % 11 + 3), a % 11 FROM r;
COMMIT;
SQL
mv "$TMP" "$OUT"
end=$(date +%s.%N)
awk -v s0="$start" -v s1="$end" -v size="$(stat -c %s "$OUT")" -v out="$OUT" -v n="$N" 'BEGIN {
  printf "generated %s: %d submissions, %d indicators, %.1f s, %.1f MB\n", out, n, n, s1 - s0, size / 1048576 }'
