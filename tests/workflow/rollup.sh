#!/usr/bin/env bash
# Issue 17: `learnclub rollup FILE... summary YYYY | monthly-check YYYY-MM`
# on local files (cli/cmd_rollup.c R1-R7). Each office's rows are compared
# with the workflow's own command run on that file: in CSV exactly (the
# office column stripped), in JSON value by value and type by type, in the
# table word by word; the workbook is read by python3-openpyxl
# (tests/tools/xlsx-read.py). Exit status 1 when any office has findings.
# The refusals, with their exact messages, print nothing on stdout.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
export LEARNCLUB_TODAY=2016-01-31
unset LEARNCLUB_CLUSTER
w="$TMPROOT/rollup"; rm -rf "$w"; mkdir -p "$w/a" "$w/b" "$w/out"
for f in junggu2015 hanbit2026 naju; do cp "$LEARNCLUB_ROOT/examples/$f.db" "$w/$f.db"; done
J="$w/junggu2015.db" H="$w/hanbit2026.db" N="$w/naju.db"
PY=/usr/bin/python3

# office FILE — the office of a file, as R3 says: no folder, no ".db"
office() { local b; b=$(basename "$1"); printf '%s' "${b%.db}"; }

# expected_csv WORKFLOW ARG [OPTIONS] -- FILE... : the workflow's own CSV on
# each file, its rows prefixed with the office, under one header.
expected_csv() {
  local wf=$1 arg=$2 opts=() f first=1 out; shift 2
  while [ "$1" != -- ]; do opts+=("$1"); shift; done; shift
  for f in "$@"; do
    out=$("$LC" "$wf" "$f" "$arg" "${opts[@]}" --format csv 2>/dev/null)
    [ "$first" = 1 ] && printf 'office,%s\n' "$(printf '%s\n' "$out" | head -n 1)"
    first=0
    printf '%s\n' "$out" | tail -n +2 | sed "s/^/$(office "$f"),/"
  done
}

# compare CASE WORKFLOW ARG [OPTIONS] -- FILE... : the rollup against each
# office's own command, in CSV, JSON and the table, and its exit status.
compare() {
  local name=$1 wf=$2 arg=$3 opts=() f rc want=0 got json; shift 3
  while [ "$1" != -- ]; do opts+=("$1"); shift; done; shift
  for f in "$@"; do "$LC" "$wf" "$f" "$arg" "${opts[@]}" >/dev/null 2>&1 || want=$?; done
  got=$("$LC" rollup "$@" "$wf" "$arg" "${opts[@]}" --format csv); rc=$?
  check "$name: CSV, every office's rows in order, office first (R3, R5)" \
    "$(expected_csv "$wf" "$arg" "${opts[@]}" -- "$@")" "$got"
  check "$name: exit status as the workflow's on its offices (R6)" "$want" "$rc"
  # JSON: grouped by office, each object without its first key "office" is
  # the command's object, with the same types
  json=""
  for f in "$@"; do
    json+="$(office "$f")"$'\t'"$("$LC" "$wf" "$f" "$arg" "${opts[@]}" --format json | tr -d '\n')"$'\n'
  done
  got=$("$LC" rollup "$@" "$wf" "$arg" "${opts[@]}" --format json |
    EXPECT="$json" "$PY" -c '
import json, os, sys
rows = json.load(sys.stdin)
want = []
for line in os.environ["EXPECT"].splitlines():
    office, text = line.split("\t", 1)
    want += [(office, r) for r in json.loads(text)]
bad = [r for r in rows if list(r)[:1] != ["office"]]
got = [(r["office"], {k: v for k, v in r.items() if k != "office"}) for r in rows]
same = len(got) == len(want) and all(g[0] == w[0] and g[1] == w[1] and
    [type(v) for v in g[1].values()] == [type(v) for v in w[1].values()] for g, w in zip(got, want))
print("same" if same and not bad else "differ: %d rows, want %d" % (len(got), len(want)))')
  check "$name: JSON, office the first key, values and types as each office's (R5)" "same" "$got"
  # the table: each line with the office cut is the command's line, word by word
  want=""
  for f in "$@"; do
    want+="$("$LC" "$wf" "$f" "$arg" "${opts[@]}" 2>/dev/null | tail -n +3 | sed "s/^ */$(office "$f") /")"$'\n'
  done
  got=$("$LC" rollup "$@" "$wf" "$arg" "${opts[@]}" 2>/dev/null | tail -n +3)
  check "$name: table, every office's lines (R5)" "$(printf '%s' "$want" | sed '/^$/d' | tr -s ' ')" \
    "$(printf '%s\n' "$got" | tr -s ' ')"
}

compare "summary 2026, three offices, one with findings" summary 2026 -- "$J" "$H" "$N"
compare "summary 2015, no findings" summary 2015 -- "$H" "$N" "$J"
compare "monthly-check 2015-05 --as-of" monthly-check 2015-05 --as-of 2015-06-30 -- "$N" "$J"
compare "monthly-check 2025-06, naju's rows" monthly-check 2025-06 -- "$J" "$N" "$H"
compare "monthly-check 2026-05, one office" monthly-check 2026-05 --as-of 2026-07-01 -- "$H"

check "R5 the header: office, then the workflow's columns" \
  "office      section     item         value|----------  ----------  -----------  -------" \
  "$("$LC" rollup "$J" "$N" summary 2015 | head -n 2 | paste -sd '|')"
check "R6 exit 1: one office's findings are enough" "1" \
  "$("$LC" rollup "$N" "$H" summary 2026 >/dev/null; echo $?)"
check "R6 exit 0: no office has findings" "0" \
  "$("$LC" rollup "$N" "$H" summary 2015 >/dev/null; echo $?)"
# R1: a file may be named like a workflow; R3: its office is its name
cp "$J" "$w/summary"
check "R1 R3 a file named 'summary' is an office, named by its file" "summary,clubs,total,13" \
  "$("$LC" rollup "$w/summary" summary 2015 --format csv | grep ',clubs,total,')"
check "R1 options anywhere, as every command's" "$("$LC" rollup "$J" "$H" monthly-check 2015-05 --as-of 2015-06-30 --format csv)" \
  "$("$LC" rollup --format=csv "$J" --as-of 2015-06-30 "$H" monthly-check -- 2015-05)"
# R1: no limit on the number of offices (more than a command's 32 arguments)
mkdir -p "$w/many"; "$LC" init "$w/many/o01.db" >/dev/null
for i in $(seq -w 2 40); do cp "$w/many/o01.db" "$w/many/o$i.db"; done
check "R1 forty offices: each one's rows, in the order given" "$(for i in $(seq -w 40 -1 1); do echo "o$i"; done)" \
  "$("$LC" rollup $(ls "$w"/many/*.db | sort -r) summary 2015 --format csv | awk -F, 'NR > 1 && $3 == "total" && $2 == "clubs" { print $1 }')"
# R5: no rows at all: the header in CSV, [] in JSON, "(no rows)" for the table
check "R5 no office has rows: CSV header" "office,club,president,due,submitted,status,meeting,regular,members,size" \
  "$("$LC" rollup "$J" "$H" monthly-check 2024-05 --format csv)"
check "R5 no office has rows: JSON" "[]" "$("$LC" rollup "$J" "$H" monthly-check 2024-05 --format json)"
check "R5 no office has rows: the table" "(no rows)|" "$("$LC" rollup "$J" monthly-check 2024-05 2>&1 >/dev/null)|$("$LC" rollup "$J" monthly-check 2024-05 2>/dev/null)"
# --output and --bom, as every command's (args.c A4)
out=$("$LC" rollup "$J" "$N" summary 2015 --format csv --bom --output "$w/out/r.csv"); rc=$?
check "A4 --output: written, stdout says so" "learnclub rollup: wrote $w/out/r.csv|0" "$out|$rc"
check "A4 --bom --output: the BOM, then the CSV" "$(printf '\xef\xbb\xbf'; "$LC" rollup "$J" "$N" summary 2015 --format csv)" "$(cat "$w/out/r.csv")"

# --- the workbook (xlsx.c X1-X5) ---------------------------------------------
if "$PY" -c 'import openpyxl' 2>/dev/null; then
  READ="$LEARNCLUB_ROOT/tests/tools/xlsx-read.py"
  x="$w/out/r.xlsx"
  out=$("$LC" rollup "$J" "$H" monthly-check 2015-05 --as-of 2015-06-30 --format xlsx --output "$x"); rc=$?
  check "R5 xlsx: written, exit as the JSON's" "learnclub rollup: wrote $x|1" "$out|$rc"
  "$LC" rollup "$J" "$H" monthly-check 2015-05 --as-of 2015-06-30 --format json >"$w/out/r.json"
  got=$("$PY" "$READ" "$x")
  check "R5 xlsx: cells typed as the JSON's values (X1)" "$("$PY" "$READ" --json "$w/out/r.json")" \
    "$(printf '%s\n' "$got" | grep '^row ' | grep -v '^row 1:')"
  "$LC" monthly-check "$J" 2015-05 --format xlsx --output "$w/out/own.xlsx" >/dev/null
  check "R5 xlsx: headers 기관, then the workflow's own labels (X5)" \
    "row 1: s:기관|$("$PY" "$READ" "$w/out/own.xlsx" | grep '^row 1:' | sed 's/^row 1: //')" \
    "$(printf '%s\n' "$got" | grep '^row 1:')"
  check "R5 xlsx: the sheet 'rollup monthly-check', frozen header" "sheet rollup monthly-check freeze=A2 formulas=0 fits=yes" \
    "$(printf '%s\n' "$got" | grep '^sheet ')"
  check "R5 X3 xlsx: title the command line, subject the offices' databases" \
    "property title=learnclub rollup $J $H monthly-check 2015-05 --as-of 2015-06-30 --format xlsx --output $x|property subject=$J, $H|property comments=as of 2015-06-30" \
    "$(printf '%s\n' "$got" | grep '^property' | paste -sd '|')"
else
  check "issue 17: the rollup workbook is read with python3-openpyxl" "openpyxl" "missing: run scripts/install-deps"
fi

# --- refusals: exact message, exit 2, nothing on stdout -----------------------
# bad NAME MESSAGE ARGS... (the message without "learnclub rollup: ")
bad() {
  local name=$1 want=$2 out err rc; shift 2
  out=$("$LC" rollup "$@" 2>"$w/err"); rc=$?
  err=$(cat "$w/err")
  check "$name" "learnclub rollup: $want|2|" "$err|$rc|$out"
}
bad "R1 unknown workflow" "unknown workflow 'hours'; rollup runs summary or monthly-check" "$J" hours 2015-H1
bad "R1 unknown workflow, one file" "unknown workflow 'evaluate'; rollup runs summary or monthly-check" "$J" "$H" evaluate 2015-H1
bad "R1 no workflow" "missing argument WORKFLOW; see 'learnclub help'" "$J"
bad "R1 nothing at all" "missing argument WORKFLOW; see 'learnclub help'"
bad "R1 summary without its year" "missing argument YYYY; see 'learnclub help'" "$J" "$H" summary
bad "R1 monthly-check without its month" "missing argument YYYY-MM; see 'learnclub help'" "$J" monthly-check
bad "R1 an argument too many" "unexpected argument '2016'" "$J" summary 2015 2016
bad "R1 the year checked as summary checks it" "invalid year '15'; expected YYYY" "$J" "$H" summary 15
bad "R1 the month checked as monthly-check checks it" "invalid month '2015-13'; expected YYYY-MM" "$J" monthly-check 2015-13
bad "R1 a half-year is not a month" "invalid month '2015-H1'; expected YYYY-MM" "$J" monthly-check 2015-H1
bad "R1 --as-of checked" "invalid --as-of date '2015-02-30'; expected YYYY-MM-DD" "$J" monthly-check 2015-05 --as-of 2015-02-30
bad "R1 an unknown option" "unknown option '--html'" "$J" summary 2015 --html x.html
bad "R1 --format checked" "invalid --format 'xml'; expected table, csv, json or xlsx" "$J" summary 2015 --format xml
bad "R2 no files, no cluster" "no office databases given; name them (FILE... summary) or give --cluster HOST:PORT,..." summary 2015
bad "R2 --cluster twice" "option '--cluster' given twice" --cluster 127.0.0.1:1 --cluster 127.0.0.1:2 summary 2015
bad "R2 --cluster checked (CL1)" "invalid --cluster address 'nowhere'; expected HOST:PORT,..." --cluster nowhere summary 2015
bad "R2 --cluster without value" "option '--cluster' needs a value" summary 2015 --cluster
bad "R4 a missing file: its message, nothing printed" "database '$w/none.db' does not exist; create it with 'learnclub init'" "$J" "$w/none.db" summary 2015
printf 'not a database\n' >"$w/text.db"
bad "R4 not a database, after a good one" "database '$w/text.db' is not a SQLite database" "$J" "$w/text.db" monthly-check 2015-05
"$SQLITE3" "$w/old.db" "PRAGMA user_version = 4; CREATE TABLE club(x);"
bad "R4 another schema version: the normal open check" "database '$w/old.db' is at schema version 4, not 5; run 'learnclub init' on it" "$H" "$w/old.db" summary 2026
bad "R3 the same file twice" "database '$J' is the same file as '$J'; give each office once" "$J" "$N" "$J" summary 2015
(cd "$w" && bad "R3 the same file by two paths" "database './junggu2015.db' is the same file as 'junggu2015.db'; give each office once" junggu2015.db ./junggu2015.db summary 2015)
cp "$J" "$w/a/x.db"; cp "$N" "$w/b/x.db"
bad "R3 two files, one office name" "databases '$w/a/x.db' and '$w/b/x.db' are both office 'x'; rename one" "$w/a/x.db" "$w/b/x.db" summary 2015
bad "R7 --output over an office's journal" "'$N-journal' is the database '$N' (its journal file); refusing to write over it" "$J" "$N" summary 2015 --format csv --output "$N-journal"
bad "R7 --output over an office's database" "'$H' is a SQLite database; refusing to write over it" "$J" summary 2015 --format csv --output "$H"
bad "A4 xlsx needs --output" "--format xlsx needs --output FILE; a workbook is not written to stdout" "$J" summary 2015 --format xlsx
check "R4 a refused rollup changed no office" "$(for f in junggu2015 hanbit2026 naju; do md5sum <"$LEARNCLUB_ROOT/examples/$f.db"; done)" \
  "$(for f in "$J" "$H" "$N"; do md5sum <"$f"; done)"
