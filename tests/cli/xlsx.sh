#!/usr/bin/env bash
# Issue 16: `--format xlsx --output FILE` on every command that prints a
# table (cli/xlsx.c X1-X6, args.c A4, output.c O6), the safe CSV (output.c
# O3, O3a: --bom, formula escaping) and evaluate's sheet for the committee
# (sql/evaluate-sheet.sql ES1-ES3). Every workbook is opened by a reader that
# is not ours: Debian's python3-openpyxl (tests/tools/xlsx-read.py), and its
# cells compared with the command's own JSON output, value and type.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
export LEARNCLUB_TODAY=2016-01-31
w="$TMPROOT/xlsx"; rm -rf "$w"; mkdir -p "$w/out"
db="$w/db.db"; cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
naju="$w/naju.db"; cp "$LEARNCLUB_ROOT/examples/naju.db" "$naju"
PY=/usr/bin/python3
READ="$LEARNCLUB_ROOT/tests/tools/xlsx-read.py"
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
  check "issue 16: the workbooks are read with python3-openpyxl" "openpyxl" "missing: run scripts/install-deps"
  exit 0
fi
read_xlsx() { "$PY" "$READ" "$1"; }

# --- every command that prints a table: the workbook holds what JSON holds ---
# The commands of `learnclub help` that take --format; the test knows each
# one's arguments, and fails for a command it does not know (so that a new
# table command cannot go untested).
args_of() {
  case "$1" in
    program-show|budget|pledge-report|check|log|adoption) echo "" ;;
    monthly-check) echo "2015-06" ;;
    evaluate|hours|incentives) echo "2015-H1" ;;
    summary|intake|teams) echo "2015" ;;
    remind) echo "--as-of 2015-07-01" ;;
    rollup) echo "summary 2015" ;; # issue 17: the offices are the file given
    list) echo "KIND" ;;
    *) echo "?" ;;
  esac
}
kinds=$("$LC" list "$db" none 2>&1 | sed 's/.*expected one of //; s/, / /g')
n_cmd=0
for cmd in $("$LC" help | sed -n 's/^  \([a-z-]*\).*/\1/p'); do
  [ "$cmd" = help ] && continue
  if ! "$LC" "$cmd" "$w/none.db" --format 2>&1 | grep -q "option '--format' needs a value"; then
    continue # no --format: it prints no table (imports, writes, report, backup)
  fi
  a=$(args_of "$cmd")
  if [ "$a" = "?" ]; then
    check "issue 16: xlsx test knows the arguments of '$cmd'" "known" "unknown"
    continue
  fi
  for d in "$db" "$naju"; do
    for k in $([ "$a" = KIND ] && echo "$kinds" || echo "-"); do
      # shellcheck disable=SC2086
      set -- $([ "$a" = KIND ] && echo "$k" || echo "$a")
      what="$cmd${1:+ $*} on $(basename "$d")"
      x="$w/out/$cmd-$k-$(basename "$d" .db).xlsx"
      "$LC" "$cmd" "$d" "$@" --format json >"$w/out/r.json" 2>/dev/null; rcj=$?
      out=$("$LC" "$cmd" "$d" "$@" --format xlsx --output "$x" 2>/dev/null); rcx=$?
      check "issue 16: $what --format xlsx: says where, same exit as json" "learnclub $cmd: wrote $x|$rcj" "$out|$rcx"
      got=$(read_xlsx "$x")
      check "issue 16: $what: cells typed as json's values (X1)" \
        "$("$PY" "$READ" --json "$w/out/r.json")" "$(printf '%s\n' "$got" | awk '/^sheet /{n++} n == 1 && /^row / && !/^row 1:/')"
      first=$(printf '%s\n' "$got" | grep -m1 '^sheet ')
      check "issue 16: $what: frozen header, no formula, widths fit (X2)" "freeze=A2 formulas=0 fits=yes" "$(printf '%s' "$first" | grep -o 'freeze=.*')"
      context=$cmd; [ "$a" = KIND ] && context="list $k"
      [ "$cmd" = evaluate ] && context="순위"
      asof=${2:-2016-01-31}
      [ "$cmd" = rollup ] && context="rollup $1" asof=2016-01-31 # issue 17 (cmd_rollup.c R5)
      check "issue 16: $what: the sheet's name (X4)" "sheet $context freeze" "$(printf '%s\n' "$first" | grep -o '^sheet .* freeze')"
      check "issue 16: $what: properties: command, database, as-of (X3)" \
        "property title=learnclub $cmd $d${1:+ $*} --format xlsx --output $x|property subject=$d|property comments=as of $asof" \
        "$(printf '%s\n' "$got" | grep '^property' | paste -sd '|')"
      n_cmd=$((n_cmd + 1))
    done
  done
done
check "issue 16: every table command was written as a workbook (and read back)" "yes" "$([ "$n_cmd" -ge 50 ] && echo yes || echo "only $n_cmd")"

# the headers: Korean labels, General Affairs' for hours (X5)
x="$w/out/hours.xlsx"
"$LC" hours "$db" 2015-H1 --format xlsx --output "$x" >/dev/null
check "issue 16: hours workbook headers are General Affairs' (X5)" \
  "row 1: s:직번|s:성명|s:소속|s:기간|s:인정시간|s:교육학습 유형|s:사업|s:동아리|s:상한 적용 전 시간" "$(read_xlsx "$x" | grep '^row 1:')"
"$LC" list "$db" meetings --format xlsx --output "$x" >/dev/null
check "issue 16: a label in one context (list meetings: hours is 모임 시간) (X5)" \
  "row 1: s:동아리|s:개최일|s:구분|s:모임 시간|s:주제|s:참석자" "$(read_xlsx "$x" | grep '^row 1:')"

# --- typed cells, the CSV escaping and --bom, from one script ----------------
# LEARNCLUB_SQL_DIR (db.c D5) runs a budget.sql that returns one row of every
# kind of value.
mkdir -p "$w/sql"; cp "$LEARNCLUB_ROOT"/sql/*.sql "$w/sql/"
cat >"$w/sql/budget.sql" <<'EOF'
SELECT -5 AS neg, -2.5 AS real, '-5' AS text_neg, '=1+1' AS eq, '+1' AS plus, '@SUM(A1)' AS at,
       char(9) || 'tab' AS tab, char(13) || 'cr' AS cr, 'a=b' AS mid, NULL AS nul, '' AS empty,
       '2015-02-29' AS not_day, '2016-02-29' AS leap_day, '1900-01-01' AS early,
       '2015-04-04 11:50' AS minutes, '2015-04-04 11:50:07' AS seconds, '2015-04-04 24:00' AS not_time,
       9007199254740993 AS big, 12 AS int;
CREATE TEMP TABLE lc_status AS SELECT 0 AS findings;
EOF
out=$(LEARNCLUB_SQL_DIR="$w/sql" "$LC" budget "$db" --format csv)
check "O3a CSV: text beginning = + - @ tab CR gets a leading '; numbers never change (issue 16)" \
  "neg,real,text_neg,eq,plus,at,tab,cr,mid,nul,empty,not_day,leap_day,early,minutes,seconds,not_time,big,int
-5,-2.5,\"'-5\",\"'=1+1\",\"'+1\",\"'@SUM(A1)\",\"'	tab\",\"'"$'\r'"cr\",a=b,,\"\",2015-02-29,2016-02-29,1900-01-01,\"2015-04-04 11:50\",\"2015-04-04 11:50:07\",\"2015-04-04 24:00\",9007199254740993,12" "$out"
LEARNCLUB_SQL_DIR="$w/sql" "$LC" budget "$db" --format xlsx --output "$w/out/typed.xlsx" >/dev/null
check "X1 xlsx: numbers, text never a formula, dates and date-times typed, empty for NULL and '' (issue 16)" \
  "row 2: n:-5.0|n:-2.5|s:-5|s:=1+1|s:+1|s:@SUM(A1)|s:	tab|s:"$'\r'"cr|s:a=b|e:|e:|s:2015-02-29|d:2016-02-29|s:1900-01-01|d:2015-04-04 11:50|d:2015-04-04 11:50:07|s:2015-04-04 24:00|s:9007199254740993|n:12.0" \
  "$(read_xlsx "$w/out/typed.xlsx" | grep '^row 2:')"
check "X1 xlsx: not one formula in the sheet's XML" "formulas=0" "$(read_xlsx "$w/out/typed.xlsx" | grep -o 'formulas=[0-9]*')"
LEARNCLUB_SQL_DIR="$w/sql" "$LC" budget "$db" --format json >"$w/out/typed.json"
check "O3a JSON is not changed: the text as stored (issue 16)" '"=1+1"' "$(grep -o '"=1+1"' "$w/out/typed.json")"
check "O3a the table is not changed: the text as stored (issue 16)" "=1+1" \
  "$(LEARNCLUB_SQL_DIR="$w/sql" "$LC" budget "$db" | sed -n 3p | grep -o '=1+1')"

# X6: a cell the library refuses (text over 32767 characters) leaves the old file and no temporary one
mkdir -p "$w/long" "$w/sql-long"; cp "$LEARNCLUB_ROOT"/sql/*.sql "$w/sql-long/"
printf '%s\n' "SELECT 1 AS n, printf('%.32767c', 'x') AS fits, printf('%.32768c', 'x') AS long;" \
  "CREATE TEMP TABLE lc_status AS SELECT 0 AS findings;" >"$w/sql-long/budget.sql"
echo old >"$w/long/b.xlsx"
out=$(LEARNCLUB_SQL_DIR="$w/sql-long" "$LC" budget "$db" --format xlsx --output "$w/long/b.xlsx" 2>&1); rc=$?
check "X6 a text too long for a cell: refused, naming the cell; the old file stays, no temporary file" \
  "learnclub budget: cannot write '$w/long/b.xlsx': the text of sheet 'budget', row 2, column long is longer than a cell holds (32767 characters); it was left as it was|2|old|b.xlsx" \
  "$out|$rc|$(cat "$w/long/b.xlsx")|$(ls -A "$w/long" | paste -sd ' ')"

# a roster name =1+1 and @SUM(A1) through hours (issue 16, 3. formula injection)
printf '%s\n' "program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on" \
  "junggu-2015,예산지킴이,bureau,기획재정국,재무과,1500037,=1+1,president,2015-02-16," \
  "junggu-2015,예산지킴이,bureau,기획재정국,세무1과,1500074,@SUM(A1),member,2015-02-16," >"$w/roster.csv"
"$LC" import-roster "$db" "$w/roster.csv" >/dev/null
check "O3a hours --format csv: the names =1+1 and @SUM(A1) come out with a leading '" \
  "1500037,\"'=1+1\",\"재무과\",2015-H1,12.0,\"기관주관교육/학습동아리\",junggu-2015,\"예산지킴이\",12.0|1500074,\"'@SUM(A1)\",\"세무1과\",2015-H1,12.0,\"기관주관교육/학습동아리\",junggu-2015,\"예산지킴이\",12.0" \
  "$("$LC" hours "$db" 2015-H1 --format csv | grep -E '^15000(37|74),' | paste -sd '|')"
"$LC" hours "$db" 2015-H1 --format xlsx --output "$x" >/dev/null
check "X1 hours --format xlsx: the names are text cells, as written, no formula" \
  "formulas=0|row 2: s:1500037|s:=1+1|s:재무과|s:2015-H1|n:12.0|s:기관주관교육/학습동아리|s:junggu-2015|s:예산지킴이|s:12.0|row 3: s:1500074|s:@SUM(A1)|s:세무1과|s:2015-H1|n:12.0|s:기관주관교육/학습동아리|s:junggu-2015|s:예산지킴이|s:12.0" \
  "$(read_xlsx "$x" | grep -E '^row [23]:|^sheet' | sed 's/^sheet.*\(formulas=[0-9]*\).*/\1/' | sort | paste -sd '|')"

# --bom (O3)
"$LC" hours "$db" 2015-H1 --format csv --bom >"$w/out/bom.csv"
check "O3 --bom: the CSV begins with a UTF-8 BOM, then the header" "efbbbf656d705f6e6f" "$(head -c 9 "$w/out/bom.csv" | od -An -tx1 | tr -d ' \n')"
check "O3 --bom: the rest is the CSV without it" "$("$LC" hours "$db" 2015-H1 --format csv)" "$(tail -c +4 "$w/out/bom.csv")"
check "O3 no BOM by default" "656d705f6e6f" "$("$LC" hours "$db" 2015-H1 --format csv | head -c 6 | od -An -tx1 | tr -d ' \n')"

# --- --output (A4, O6) -------------------------------------------------------
bad() {
  local name=$1 want=$2 out rc; shift 2
  out=$("$LC" "$@" 2>&1 >/dev/null); rc=$?
  check "$name" "$want|2" "$out|$rc"
}
bad "A4 xlsx without --output: refused" \
  "learnclub hours: --format xlsx needs --output FILE; a workbook is not written to stdout" hours "$db" 2015-H1 --format xlsx
bad "A4 --output -: refused" \
  "learnclub hours: invalid --output '-'; expected a file name (--output never writes to stdout)" hours "$db" 2015-H1 --format xlsx --output -
bad "A4 --output empty: refused" "learnclub hours: option '--output' needs a file name" hours "$db" 2015-H1 --output ""
bad "A4 --output twice: refused" "learnclub hours: option '--output' given twice" hours "$db" 2015-H1 --output a --output b
bad "A4 --bom with json: refused" "learnclub hours: option '--bom' is for --format csv" hours "$db" 2015-H1 --format json --bom
bad "A4 --bom with a value: refused" "learnclub hours: option '--bom' takes no value" hours "$db" 2015-H1 --format csv --bom=yes
bad "A4 --output where --format is not taken: refused" "learnclub backup: unknown option '--output'" backup "$db" "$w/b.db" --output x
bad "O6 --output to /dev/stdout: not a file" "learnclub hours: '/dev/stdout' is not a file" hours "$db" 2015-H1 --format xlsx --output /dev/stdout
bad "O6 --output in a folder that does not exist" "learnclub hours: folder '$w/no' of '$w/no/x.xlsx' does not exist" hours "$db" 2015-H1 --format xlsx --output "$w/no/x.xlsx"
before=$(sha256sum <"$db")
bad "O6 --output over the database: refused before evaluate writes" \
  "learnclub evaluate: '$db' is the database '$db'; refusing to write over it" evaluate "$db" 2015-H2 --format xlsx --output "$db"
bad "O6 --output over the database's -wal file: refused" \
  "learnclub hours: '$db-wal' is the database '$db' (its wal file); refusing to write over it" hours "$db" 2015-H1 --format csv --output "$db-wal"
check "O6 ... the database is as it was" "$before" "$(sha256sum <"$db")"
bad "O6 --output over another SQLite database: refused" \
  "learnclub hours: '$naju' is a SQLite database; refusing to write over it" hours "$db" 2015-H1 --format xlsx --output "$naju"
# written atomically: an old file is replaced whole, and nothing is left beside it
echo old >"$w/out/h.csv"
out=$("$LC" hours "$db" 2015-H1 --format csv --output "$w/out/h.csv"); rc=$?
check "O6 --output with csv: the file holds what stdout would, stdout says so" \
  "learnclub hours: wrote $w/out/h.csv|0|same" \
  "$out|$rc|$(cmp -s "$w/out/h.csv" <("$LC" hours "$db" 2015-H1 --format csv) && echo same)"
check "X6 no temporary file left in the folder" "" "$(ls -A "$w/out" | grep '^\.learnclub' || true)"
echo old >"$w/out/h.xlsx"
"$LC" hours "$db" 2015-H1 --format xlsx --output "$w/out/h.xlsx" >/dev/null
check "X6 an old file is replaced by the workbook" "sheet hours" "$(read_xlsx "$w/out/h.xlsx" | grep -o '^sheet hours')"
# a failure of the command leaves the old file as it was
cp "$w/out/h.xlsx" "$w/out/h.before"
"$LC" hours "$w/none.db" 2015-H1 --format xlsx --output "$w/out/h.xlsx" >/dev/null 2>&1
check "X6 a command that fails leaves the old workbook" "same" "$(cmp -s "$w/out/h.xlsx" "$w/out/h.before" && echo same)"

# --- evaluate: the committee's sheet (ES1-ES3) --------------------------------
# tests/tools/xlsx-committee.py checks the sheet by hand: every mean from the
# totals without a mark, every mark against the totals that count, and the
# ranks, tiers, prizes and statuses against evaluate's own JSON.
COMMITTEE="$LEARNCLUB_ROOT/tests/tools/xlsx-committee.py"
x="$w/out/evaluate.xlsx"
committee() { # DB PERIOD: the check's line for evaluate PERIOD on DB
  # as of a day when every report of the examples is seen (EV6)
  "$LC" evaluate "$1" "$2" --as-of 2030-12-31 --format json >"$w/out/ev.json" 2>/dev/null
  "$LC" evaluate "$1" "$2" --as-of 2030-12-31 --format xlsx --output "$x" >/dev/null 2>&1
  read_xlsx "$x" | "$PY" "$COMMITTEE" "$w/out/ev.json"
}
sheets_of() { sqlite3 "$1" "SELECT count(*) FROM (SELECT DISTINCT club_id, stage, panel, judge FROM score WHERE period = '$2')"; }
clubs_of() { "$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$w/out/ev.json"; }
n_ev=0
for d in "$db" "$naju"; do
  for p in $(sqlite3 "$d" "SELECT DISTINCT period FROM score ORDER BY 1"); do
    res=$(committee "$d" "$p")
    check "ES1-ES3 evaluate $p on $(basename "$d"): one row per club and judge's sheet, every number checks by hand" \
      "clubs=$(clubs_of) judges=$(sheets_of "$d" "$p") marked=최고점 제외,최저점 제외 scored=yes bad=none" "$res"
    n_ev=$((n_ev + 1))
  done
done
check "ES1 every half-year with scores in both examples was checked" "4" "$n_ev"
"$LC" evaluate "$db" 2015-H2 --format xlsx --output "$x" >/dev/null
check "ES1 the committee's sheet: its headers" \
  "row 1: s:사업|s:부문|s:순위|s:동아리|s:단계|s:심사단|s:심사위원|s:심사위원 합계|s:제외 사유|s:심사단 가중치|s:심사단 평균(절사)|s:점수(절사평균)|s:동점 기준 항목 점수|s:동점 기준 제외 사유|s:동점 기준 점수(절사평균)|s:등급|s:시상금|s:상태" \
  "$(read_xlsx "$x" | sed -n '/^sheet 심사표/,$p' | grep -m1 '^row 1:')"
check "ES2 a judge's total set aside as the highest is marked 최고점 제외 (by hand: 96 of 93, 92, 89, 96, 94)" \
  "row 5: s:junggu-2015|e:|n:1.0|s:창의아이디어뱅크|s:final|e:|s:심사위원4|n:96.0|s:최고점 제외|e:|e:|n:93.0|n:48.0|s:최고점 제외|n:46.33|s:최우수|n:500000.0|s:awarded" \
  "$(read_xlsx "$x" | sed -n '/^sheet 심사표/,$p' | grep -m1 '^row 5:')"

# ES2 recusal (issue 15, EV9): a sixth judge of 예산지킴이 is its member 1500074
rdb="$w/recusal.db"; cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$rdb"
{ echo "club,period,judge,criterion,points,judge_emp_no"
  sqlite3 -csv "$rdb" "SELECT '예산지킴이', '2015-H2', '위원6', criterion, 50, '1500074' FROM score s JOIN club c ON c.id = s.club_id
                       WHERE c.name = '예산지킴이' AND s.period = '2015-H2' AND s.judge = '심사위원1'"; } >"$w/recused.csv"
"$LC" import-scores "$rdb" "$w/recused.csv" >/dev/null
res=$(committee "$rdb" 2015-H2)
check "ES2 recusal: the member's sheet is marked 제척(동아리 회원) and left out; every number checks by hand" \
  "clubs=$(clubs_of) judges=$(sheets_of "$rdb" 2015-H2) marked=제척(동아리 회원),최고점 제외,최저점 제외 scored=yes bad=none" "$res"
check "ES2 recusal: the row of 위원6" "s:위원6|n:100.0|s:제척(동아리 회원)" \
  "$(read_xlsx "$x" | sed -n '/^sheet 심사표/,$p' | grep -o 's:위원6|n:[0-9.]*|s:[^|]*')"

# ES3 panels (issue 15, EV8): 전문가 70, 청중 30; judges 1-3 experts, 4-5 the audience
pdb="$w/panels.db"; cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$pdb"
"$LC" program-set "$pdb" junggu-2015 panel_weights=전문가:70,청중:30 judges_min=3 >/dev/null
{ echo "club,period,judge,criterion,points,panel"
  sqlite3 -csv "$pdb" "SELECT c.name, s.period, s.judge, s.criterion, s.points,
                              CASE WHEN s.judge IN ('심사위원1', '심사위원2', '심사위원3') THEN '전문가' ELSE '청중' END
                       FROM score s JOIN club c ON c.id = s.club_id WHERE s.period = '2015-H2'"; } >"$w/panels.csv"
"$LC" import-scores "$pdb" "$w/panels.csv" --replace >/dev/null
res=$(committee "$pdb" 2015-H2)
check "ES3 panels: each panel's weight and trimmed mean, the score their weighted mean; every number checks by hand" \
  "clubs=$(clubs_of) judges=$(sheets_of "$pdb" 2015-H2) marked=최고점 제외,최저점 제외 scored=yes bad=none" "$res"
check "ES3 panels: 창의아이디어뱅크's experts 93, 92, 89: the mean of 92 alone, weight 70" \
  "s:전문가|s:심사위원2|n:92.0|e:|n:70.0|n:92.0" \
  "$(read_xlsx "$x" | sed -n '/^sheet 심사표/,$p' | grep '창의아이디어뱅크' | grep -o 's:전문가|s:심사위원2|n:[^|]*|[^|]*|n:[^|]*|n:[^|]*')"
