#!/usr/bin/env bash
# bench/gen.sh — the benchmark's national-scale learnclub database (issue 7),
# generated deterministically from a seed with the project's own schema.
#
#   bench/gen.sh OUT.db FIRST_YEAR YEARS GOVS CLUBS MEMBERS SEED
#
# `learnclub init` creates the schema (every CHECK, trigger and index
# of sql/schema.sql in place), then one transaction of INSERT … SELECT
# statements, foreign keys on, fills it:
#   program     one per local government (GOVS), running FIRST_YEAR-01-01 to
#               the last year's 12-31, monthly reports March–December (JG6),
#               tie-break 성과 (KR7); the Jung-gu defaults otherwise
#   bureau      4 per government; unit: one per club
#   club        CLUBS per government, 2 of them integrated (JG2)
#   person      MEMBERS per club, one president, all members for the whole run
#   meeting     one regular meeting a month, March–December, every year (JG5):
#               a pseudo-random day, 1.5–3 hours
#   attendance  each member attends a meeting with probability 5/6 (about
#               10 of 12: 243×20×12 members, 10 years → ~4.86 M rows)
#   report      monthly reports March–December, 98% filed, ~85% by the 5th of
#               the next month and the rest up to 12 days after; research
#               reports for H1 (July) and H2 (December), 98% filed, some late
#   score       5 judges × 3 criteria (내용, 성과, 참여) per club and half-year
# No function of the extension is used, so the output depends only on the
# arguments, this file and sql/schema.sql (the cache key, mk/bench.mk).
# Pseudo-random choices are a hash of the row's key and the seed: the same
# arguments give the same rows, byte for byte the same database.
# Writes OUT.db.tmp and renames it, so an interrupted run leaves no cache entry.
# Prints: rows per table, the generator's time (wall, CPU) and the file size.
set -euo pipefail
[ $# -eq 7 ] || { echo "usage: $0 OUT.db FIRST_YEAR YEARS GOVS CLUBS MEMBERS SEED" >&2; exit 2; }
OUT=$1 Y0=$2 NY=$3 NG=$4 NC=$5 NM=$6 SEED=$7
for v in "$Y0" "$NY" "$NG" "$NC" "$NM" "$SEED"; do
  [[ "$v" =~ ^[0-9]{1,6}$ ]] || { echo "$0: not a small non-negative integer: '$v'" >&2; exit 2; }
done
[ "$NC" -ge 3 ] && [ "$NM" -ge 2 ] && [ "$NY" -ge 1 ] || { echo "$0: need CLUBS >= 3, MEMBERS >= 2, YEARS >= 1" >&2; exit 2; }
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SQLITE3=${SQLITE3:-sqlite3}
YL=$((Y0 + NY - 1))
SALT=$((SEED * 1000003 + 12345))
TMP="$OUT.tmp"
rm -f "$TMP" "$TMP-journal"

source "$(dirname "$0")/hash.sh"  # h EXPR: the pseudo-random integer

start=$(date +%s.%N)
"${LEARNCLUB:-$ROOT/dist/bin/learnclub}" init "$TMP" >/dev/null

TIMEFILE=$(mktemp)
trap 'rm -f "$TIMEFILE"' EXIT
/usr/bin/time -f '%e %U %S' -o "$TIMEFILE" "$SQLITE3" -batch -bail "$TMP" <<SQL
PRAGMA foreign_keys = ON;
PRAGMA cache_size = -400000;
PRAGMA temp_store = MEMORY;
BEGIN;
CREATE TEMP TABLE seq(i INTEGER PRIMARY KEY);
WITH RECURSIVE s(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < max($NG * $NC, $NG * 4, $NM, $NY * 12, 15))
INSERT INTO seq SELECT i FROM s;

INSERT INTO program(id, code, name, office, starts_on, ends_on, reports_from, reports_to, tie_break)
SELECT i, printf('lg%03d', i), printf('지자체 %03d 학습동아리 %d-%d', i, $Y0, $YL), '기획예산과',
       '$Y0-01-01', '$YL-12-31', '$Y0-03', '$YL-12', '성과'
FROM seq WHERE i <= $NG;

INSERT INTO bureau(id, name) SELECT i, printf('lg%03d 국%d', (i - 1) / 4 + 1, (i - 1) % 4 + 1) FROM seq WHERE i <= $NG * 4;
INSERT INTO unit(id, name, bureau_id)
SELECT i, printf('lg%03d 과%02d', (i - 1) / $NC + 1, (i - 1) % $NC + 1), ((i - 1) / $NC) * 4 + (i - 1) % 4 + 1
FROM seq WHERE i <= $NG * $NC;

-- club i of government g = (i-1)/NC + 1; the last two of each are integrated
INSERT INTO club(id, program_id, name, kind, bureau_id)
SELECT i, (i - 1) / $NC + 1, printf('lg%03d 동아리%02d', (i - 1) / $NC + 1, (i - 1) % $NC + 1),
       CASE WHEN (i - 1) % $NC >= $NC - 2 THEN 'integrated' ELSE 'bureau' END,
       CASE WHEN (i - 1) % $NC >= $NC - 2 THEN NULL ELSE ((i - 1) / $NC) * 4 + (i - 1) % 4 + 1 END
FROM seq WHERE i <= $NG * $NC;

-- person (c-1)*NM + j is member j of club c; member 1 is the president
INSERT INTO person(id, emp_no, name, unit_id)
SELECT (c.id - 1) * $NM + m.i, printf('%08d', (c.id - 1) * $NM + m.i), printf('직원%d', (c.id - 1) * $NM + m.i), c.id
FROM club c JOIN seq m ON m.i <= $NM ORDER BY 1;
INSERT INTO membership(club_id, person_id, role, joined_on)
SELECT c.id, (c.id - 1) * $NM + m.i, CASE m.i WHEN 1 THEN 'president' ELSE 'member' END, '$Y0-01-01'
FROM club c JOIN seq m ON m.i <= $NM ORDER BY 1, 2;

-- meeting (c, year index y, month 3..12): id ((c-1)*NY + y)*10 + month - 2
CREATE TEMP TABLE ym(y INTEGER, m INTEGER);
INSERT INTO ym SELECT (i - 1) / 10, (i - 1) % 10 + 3 FROM seq WHERE i <= $NY * 10;
INSERT INTO meeting(id, club_id, held_on, hours, kind, topic)
SELECT ((c.id - 1) * $NY + ym.y) * 10 + ym.m - 2, c.id,
       printf('%04d-%02d-%02d', $Y0 + ym.y, ym.m, 1 + $(h "c.id * 1000 + ym.y * 16 + ym.m") % 28),
       1.5 + 0.5 * ($(h "c.id * 1000 + ym.y * 16 + ym.m + 7") % 4), 'regular', '월례 학습'
FROM club c, ym ORDER BY 1;

INSERT INTO attendance(meeting_id, person_id)
SELECT mt.id, (mt.club_id - 1) * $NM + m.i
FROM meeting mt JOIN seq m ON m.i <= $NM
WHERE $(h "mt.id * 64 + m.i") % 6 <> 0
ORDER BY 1, 2;

-- monthly reports: 2% not filed; day 1..5 of the next month (85%), else 6..12
INSERT INTO report(club_id, kind, period, submitted_at, board_ref, title)
SELECT c.id, 'monthly', printf('%04d-%02d', $Y0 + ym.y, ym.m),
       date(printf('%04d-%02d-01', $Y0 + ym.y, ym.m), '+1 month',
            printf('+%d days', CASE WHEN $(h "c.id * 977 + ym.y * 16 + ym.m") % 100 < 85
                                    THEN $(h "c.id * 977 + ym.y * 16 + ym.m + 3") % 5
                                    ELSE 5 + $(h "c.id * 977 + ym.y * 16 + ym.m + 3") % 7 END))
         || printf(' %02d:%02d', 9 + $(h "c.id * 31 + ym.y * 16 + ym.m") % 10, $(h "c.id * 37 + ym.y * 16 + ym.m") % 60),
       printf('board-%d-%d-%d', c.id, ym.y, ym.m), '월별 활동보고서'
FROM club c, ym
WHERE $(h "c.id * 991 + ym.y * 16 + ym.m") % 50 <> 0
ORDER BY c.id, ym.y, ym.m;

-- research reports: H1 from 10 July (due 31 July), H2 from 1 December (due 31 December); 2% not filed
CREATE TEMP TABLE hy(y INTEGER, half INTEGER);
INSERT INTO hy SELECT (i - 1) / 2, (i - 1) % 2 + 1 FROM seq WHERE i <= $NY * 2;
INSERT INTO report(club_id, kind, period, submitted_at, board_ref, title)
SELECT c.id, 'research', printf('%04d-H%d', $Y0 + hy.y, hy.half),
       date(printf('%04d-%s', $Y0 + hy.y, CASE hy.half WHEN 1 THEN '07-10' ELSE '12-01' END),
            printf('+%d days', $(h "c.id * 883 + hy.y * 4 + hy.half") % 26)) || ' 17:30',
       printf('board-%d-%d-H%d', c.id, hy.y, hy.half), '연구 성과보고서'
FROM club c, hy
WHERE $(h "c.id * 887 + hy.y * 4 + hy.half") % 50 <> 0
ORDER BY c.id, hy.y, hy.half;

-- scores: 5 judges × 3 criteria, 50..100 points, for every club and half-year
INSERT INTO score(club_id, period, judge, criterion, points)
SELECT c.id, printf('%04d-H%d', $Y0 + hy.y, hy.half), printf('심사위원%d', j.i), cr.name,
       50 + $(h "c.id * 4099 + hy.y * 64 + hy.half * 16 + j.i * 3 + cr.k") % 51
FROM club c, hy, seq j, (SELECT 1 AS k, '내용' AS name UNION ALL SELECT 2, '성과' UNION ALL SELECT 3, '참여') cr
WHERE j.i <= 5
ORDER BY 1, 2, 3, 4;

DROP TABLE seq; DROP TABLE ym; DROP TABLE hy;
COMMIT;
PRAGMA foreign_key_check;

SQL
read -r gw gu gs <"$TIMEFILE"
mv "$TMP" "$OUT"
end=$(date +%s.%N)
size=$(stat -c %s "$OUT")
"$SQLITE3" -batch "$OUT" "SELECT 'rows ' || group_concat(t || '=' || n, ' ') FROM (
  SELECT 'program' t, count(*) n FROM program UNION ALL SELECT 'club', count(*) FROM club
  UNION ALL SELECT 'person', count(*) FROM person UNION ALL SELECT 'meeting', count(*) FROM meeting
  UNION ALL SELECT 'attendance', count(*) FROM attendance UNION ALL SELECT 'report', count(*) FROM report
  UNION ALL SELECT 'score', count(*) FROM score);"
awk -v s0="$start" -v s1="$end" -v gw="$gw" -v gu="$gu" -v gs="$gs" -v size="$size" -v out="$OUT" 'BEGIN {
  printf "generated %s: %.1f s wall (inserts %.1f s wall, %.1f s CPU), %.1f MB\n", out, s1 - s0, gw, gu + gs, size / 1048576 }'
