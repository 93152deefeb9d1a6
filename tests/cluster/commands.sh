#!/usr/bin/env bash
# Issue 17: every command against a cluster (cli/remote.c RM1-RM7,
# cluster/bridge.go B1-B6). Three nodes on loopback; the walk-through's
# office (examples/walkthrough/) is built by the same commands on a local
# file and, through --cluster, in the cluster, and the three example offices
# are pushed; every workflow's output must be byte-identical (table, CSV,
# JSON, the workbook's cells, the HTML page), and the bad inputs must give
# the same messages and write nothing.
source "$(dirname "$0")/../lib.sh"
w="$TMPROOT/cluster-commands"; rm -rf "$w"; mkdir -p "$w"
source "$TESTS_DIR/cluster/lib.sh"
if [ ! -x "$NODE" ]; then
  check "the cluster node" "dist/bin/learnclub-node built" "missing: run scripts/install-deps"
  exit 0
fi
W="$LEARNCLUB_ROOT/examples/walkthrough"
READ="$LEARNCLUB_ROOT/tests/tools/xlsx-read.py"
export LEARNCLUB_TODAY=2026-08-31
cluster 3 || { check "three nodes start and join" "3 voters" "$(cat "$w"/log*)"; exit 0; }
check "three nodes start, join and serve" "3" "$(timeout 20 "$LC" cluster status --cluster "$CLUSTER" | awk '$3 == "voter"' | wc -l | tr -d ' ')"

db="$w/saesol.db"
# on TARGET ARGS...: the command on the local file (TARGET=file) or in the
# cluster (TARGET=cluster), the database's name shown as "DB"; stdout, then
# stderr, then the exit status
on() {
  local t=$1 out err rc; shift
  local args=() a
  for a in "$@"; do
    if [ "$a" = DB ]; then [ "$t" = file ] && args+=("$db") || args+=(saesol); else args+=("$a"); fi
  done
  if [ "$t" = file ]; then
    out=$(timeout 60 "$LC" "${args[@]}" 2>"$w/err"); rc=$?
  else
    out=$(timeout 60 "$LC" --cluster "$CLUSTER" "${args[@]}" 2>"$w/err"); rc=$?
  fi
  err=$(cat "$w/err")
  # the change log's arguments name the database as given
  printf '%s\n--stderr--\n%s\n--exit %s--\n' "$out" "$err" "$rc" |
    sed -e "s|$db|DB|g" -e "s|'saesol'|'DB'|g" -e "s|saesol:|DB:|g" -e 's|"saesol |"DB |g' -e 's|,saesol,|,DB,|g'
}
# same NAME ARGS...: the output on the file and in the cluster, byte for byte
same() {
  local name=$1; shift
  local a b
  a=$(on file "$@"); b=$(on cluster "$@")
  check "same output: $name" "$a" "$b"
}

# ---- the office, built by the same commands on both ---------------------------
same "init" init DB
same "program-add" program-add DB saesol-2026 --name 새솔 --from 2026-03-01 --to 2026-06-30 --office 새솔시청 'leave_tiers=최우수, 우수' trip_tiers=최우수
for f in roster meetings reports reports-june scores; do
  same "import-${f%%-*} $f.csv" "import-${f%%-*}" DB "$W/$f.csv"
done
same "evaluate (stores the awards)" evaluate DB 2026-H1
same "import-scores --replace scores-fixed.csv" import-scores DB "$W/scores-fixed.csv" --replace
same "evaluate again" evaluate DB 2026-H1
same "import-nominations" import-nominations DB "$W/nominations.csv"
printf '%s\n' "club,period,place,note" "탄소제로연구회,2026-H1,1,심사위원회 결정" >"$w/places.csv"
same "import-places" import-places DB "$w/places.csv"
printf '%s\n' "day,name,is_holiday" "2026-05-06,개청 기념일,1" >"$w/overrides.csv"
same "import-overrides" import-overrides DB "$w/overrides.csv"
same "program-set" program-set DB saesol-2026 min_members=2
same "withdraw" withdraw DB 골목상권연구회 --on 2026-06-20

# ---- every workflow, every format ------------------------------------------------
for fmt in table csv json; do
  same "monthly-check $fmt" monthly-check DB 2026-04 --format "$fmt"
  same "monthly-check as-of $fmt" monthly-check DB 2026-05 --as-of 2026-06-05 --format "$fmt"
  same "evaluate $fmt" evaluate DB 2026-H1 --format "$fmt"
  same "hours $fmt" hours DB 2026-H1 --format "$fmt"
  same "incentives $fmt" incentives DB 2026-H1 --format "$fmt"
  same "summary $fmt" summary DB 2026 --format "$fmt"
  same "intake $fmt" intake DB 2026 --format "$fmt"
  same "teams $fmt" teams DB 2026 --format "$fmt"
  same "adoption $fmt" adoption DB --format "$fmt"
  same "budget $fmt" budget DB --format "$fmt"
  same "pledge-report $fmt" pledge-report DB --format "$fmt"
  same "remind $fmt" remind DB --as-of 2026-05-01 --format "$fmt"
  same "check $fmt" check DB --format "$fmt"
  same "program-show $fmt" program-show DB --format "$fmt"
  for kind in programs clubs people members meetings reports scores awards nominations places overrides; do
    same "list $kind $fmt" list DB "$kind" --format "$fmt"
  done
done
same "log (csv: the change log itself, written through the cluster)" log DB --format csv
same "csv --bom" hours DB 2026-H1 --format csv --bom

# xlsx: the cells, read by openpyxl
for c in "evaluate DB 2026-H1" "hours DB 2026-H1" "monthly-check DB 2026-04"; do
  read -r -a args <<<"$c"
  on file "${args[@]}" --format xlsx --output "$w/file.xlsx" >/dev/null
  on cluster "${args[@]}" --format xlsx --output "$w/cluster.xlsx" >/dev/null
  # the properties name the database: DB's path against its name
  check "same workbook cells: ${args[0]}" "$(python3 "$READ" "$w/file.xlsx" | grep -v '^property')" \
    "$(python3 "$READ" "$w/cluster.xlsx" | grep -v '^property')"
done
# the HTML page
on file report DB 2026 --html "$w/file.html" >/dev/null
on cluster report DB 2026 --html "$w/cluster.html" >/dev/null
check "same HTML page: report" "$(md5sum <"$w/file.html")" "$(md5sum <"$w/cluster.html")"
check "the HTML page is the year's page" "yes" "$(grep -q '새솔' "$w/cluster.html" && echo yes || echo no)"

# ---- bad input: the same messages, nothing written ---------------------------------
# state TARGET: every table's rows in order, each value quote()d by SQLite
# itself (so that no client's number formatting shows), and the schema
state() {
  local t=$1 tb cols
  rq() { if [ "$t" = file ]; then "$SQLITE3" "$db" "$1"; else timeout 20 "$NODE" query --cluster "$CLUSTER" saesol "$1"; fi; }
  rq "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name" | while read -r tb; do
    echo "== $tb"
    cols=$(rq "SELECT group_concat('quote(\"' || name || '\")', ' || ''|'' || ') FROM pragma_table_info('$tb')")
    rq "SELECT $cols FROM \"$tb\" ORDER BY rowid"
  done | sed "s|\\[\"$db\"|[\"saesol\"|" # the change log's arguments name the database as given
}
before=$(state cluster | md5sum)
beforeFile=$(state file | md5sum)
check "the cluster's office holds what the file holds" "$beforeFile" "$before"
bad() { # bad NAME ARGS...: the same message and exit 2 on both
  local name=$1 a b; shift
  a=$(on file "$@"); b=$(on cluster "$@")
  check "bad input, same message: $name" "$a" "$b"
  check "bad input exits 2: $name" "--exit 2--" "$(tail -n 1 <<<"$b")"
}
bad "month 13" monthly-check DB 2015-13
bad "month with SQL" monthly-check DB "2015-05'; DROP TABLE club; --"
bad "as-of impossible" monthly-check DB 2026-05 --as-of 2026-02-30
bad "half-year H3" evaluate DB 2026-H3
bad "unknown option" hours DB 2026-H1 --bogus
bad "xlsx without --output" evaluate DB 2026-H1 --format xlsx
bad "program-set: unknown setting" program-set DB saesol-2026 bogus=1
bad "program-set: bad report_rule" program-set DB saesol-2026 report_rule=whenever
bad "program-set: unknown program" program-set DB nosuch min_members=2
bad "program-add: twice" program-add DB saesol-2026 --name 새솔 --from 2026-03-01 --to 2026-06-30
bad "withdraw: unknown club" withdraw DB 없는모임 --on 2026-06-20
bad "remove: unknown club" remove DB clubs 없는모임
mk() { printf '%s\n' "$@" >"$w/bad.csv"; }
mk "club,held_on,kind,hours,topic,attendees" "탄소제로연구회,2026-13-01,regular,2,x,2600011"
bad "import-meetings: impossible date" import-meetings DB "$w/bad.csv"
mk "club,held_on,kind,hours,topic,attendees" "없는모임,2026-04-10,regular,2,x,2600011"
bad "import-meetings: unknown club" import-meetings DB "$w/bad.csv"
mk "club,held_on,kind,hours,topic,attendees" "탄소제로연구회,2026-04-10,regular,2,x,9999999"
bad "import-meetings: unknown person" import-meetings DB "$w/bad.csv"
mk "club,held_on,kind,hours,topic,attendees" "탄소제로연구회,2026-04-10,regular,two,x,2600011"
bad "import-meetings: hours not a number" import-meetings DB "$w/bad.csv"
mk "club,held_on,hours" "탄소제로연구회,2026-04-10,2"
bad "import-meetings: wrong header" import-meetings DB "$w/bad.csv"
mk "club,held_on,kind,hours,topic,attendees" "\"탄소제로연구회,2026-04-10,regular,2,x,2600011"
bad "import-meetings: unclosed quote" import-meetings DB "$w/bad.csv"
mk "club,period,judge,criterion,points" "탄소제로연구회,2026-H1,심사위원1,추진실적,101"
bad "import-scores: score over 100" import-scores DB "$w/bad.csv"
mk "club,period,judge,criterion,points" "탄소제로연구회,2026-H3,심사위원1,추진실적,40"
bad "import-scores: bad period" import-scores DB "$w/bad.csv"
mk "club,kind,period,submitted_at,board_ref,title" "탄소제로연구회,monthly,2026-04,2026-05-40 10:00,x,y"
bad "import-reports: impossible date" import-reports DB "$w/bad.csv"
mk "day,name,is_holiday" "2026-05-06,x,2"
bad "import-overrides: is_holiday 2" import-overrides DB "$w/bad.csv"
check "bad input wrote nothing to the cluster" "$before" "$(state cluster | md5sum)"
check "bad input wrote nothing to the file either" "$beforeFile" "$(state file | md5sum)"

# ---- the example offices: pushed, then every workflow of `make demo` and more ----
# (push: cmd_move.c; each office's file and its copy in the cluster give the
# same output, byte for byte, in every format)
ex() { # ex NAME TODAY ARGS...: the command on the example's file copy and on its office
  local name=$1 today=$2 a b; shift 2
  a=$(LEARNCLUB_TODAY=$today timeout 60 "$LC" "$1" "$w/$name.db" "${@:2}" 2>&1; echo "--exit $?--")
  b=$(LEARNCLUB_TODAY=$today timeout 60 "$LC" --cluster "$CLUSTER" "$1" "$name" "${@:2}" 2>&1; echo "--exit $?--")
  check "example $name, same output: $*" "$(sed "s|$w/$name.db|DB|g" <<<"$a")" "$(sed -e "s|'$name'|'DB'|g" -e "s|^$name:|DB:|" -e "s|\"$name |\"DB |" <<<"$b")"
}
for name in junggu2015 naju hanbit2026; do
  cp "$LEARNCLUB_ROOT/examples/$name.db" "$w/$name.db"
  timeout 120 "$LC" --cluster "$CLUSTER" push "$name" "$w/$name.db" >/dev/null
done
for fmt in table csv json; do
  ex junggu2015 2016-01-31 monthly-check 2015-05 --as-of 2015-06-30 --format $fmt
  ex junggu2015 2016-01-31 evaluate 2015-H1 --format $fmt
  ex junggu2015 2016-01-31 evaluate 2015-H2 --format $fmt
  ex junggu2015 2016-01-31 hours 2015-H1 --format $fmt
  ex junggu2015 2016-01-31 incentives 2015-H1 --format $fmt
  ex junggu2015 2016-01-31 summary 2015 --format $fmt
  ex junggu2015 2016-01-31 remind --as-of 2015-06-01 --format $fmt
  ex naju 2025-12-31 pledge-report --as-of 2025-09-30 --format $fmt
  ex naju 2025-12-31 budget --format $fmt
  ex naju 2025-12-31 adoption --format $fmt
  ex naju 2025-12-31 intake 2024 --format $fmt
  ex naju 2025-12-31 teams 2025 --format $fmt
  ex naju 2025-12-31 evaluate 2025-H1 --format $fmt
  ex hanbit2026 2027-01-31 program-show hanbit-2026 --format $fmt
  ex hanbit2026 2027-01-31 monthly-check 2026-05 --format $fmt
  ex hanbit2026 2027-01-31 evaluate 2026-H2 --format $fmt
  ex hanbit2026 2027-01-31 summary 2026 --format $fmt
  ex hanbit2026 2027-01-31 hours 2026-H2 --format $fmt
done
for name in junggu2015 naju hanbit2026; do
  ex "$name" 2027-01-31 check
  ex "$name" 2027-01-31 log --format csv
done
for pair in "junggu2015 2015" "naju 2025" "hanbit2026 2026"; do
  read -r name year <<<"$pair"
  LEARNCLUB_TODAY=2027-01-31 timeout 60 "$LC" report "$w/$name.db" "$year" --html "$w/$name-file.html" >/dev/null
  LEARNCLUB_TODAY=2027-01-31 timeout 60 "$LC" --cluster "$CLUSTER" report "$name" "$year" --html "$w/$name-cluster.html" >/dev/null
  check "example $name, same HTML page" "$(md5sum <"$w/$name-file.html")" "$(md5sum <"$w/$name-cluster.html")"
  LEARNCLUB_TODAY=2027-01-31 timeout 60 "$LC" evaluate "$w/$name.db" "$year-H1" --format xlsx --output "$w/$name-file.xlsx" >/dev/null
  LEARNCLUB_TODAY=2027-01-31 timeout 60 "$LC" --cluster "$CLUSTER" evaluate "$name" "$year-H1" --format xlsx --output "$w/$name-cluster.xlsx" >/dev/null
  check "example $name, same workbook cells (evaluate and its 심사표)" "$(python3 "$READ" "$w/$name-file.xlsx" | grep -v '^property')" \
    "$(python3 "$READ" "$w/$name-cluster.xlsx" | grep -v '^property')"
done

# ---- the cluster's own refusals -------------------------------------------------
err() { timeout 20 "$LC" "$@" 2>&1 >/dev/null; }
check "RM7 a database not in the cluster is refused, not created" \
  "learnclub monthly-check: database 'nosuch' is not in the cluster at '$CLUSTER'; create it with 'learnclub init' or 'learnclub push'" \
  "$(err --cluster "$CLUSTER" monthly-check nosuch 2026-04)"
check "RM7 ... and was not created" "" "$(timeout 20 "$NODE" query --cluster "$CLUSTER" _learnclub "SELECT name FROM office WHERE name = 'nosuch'")"
check "RM7 init takes an office name as push does (M1)" \
  "learnclub init: invalid office name '_learnclub'; expected 1 to 64 bytes of letters, digits, Korean letters, '-', '_' and '.', not starting with '_' or '.'" \
  "$(err --cluster "$CLUSTER" init _learnclub)"
check "RM1 a bad --cluster" "learnclub monthly-check: invalid --cluster address 'x'; expected HOST:PORT,..." \
  "$(err --cluster x monthly-check saesol 2026-04)"
check "RM1 LEARNCLUB_CLUSTER as --cluster" "$(timeout 20 "$LC" --cluster "$CLUSTER" monthly-check saesol 2026-04 2>&1)" \
  "$(LEARNCLUB_CLUSTER="$CLUSTER" timeout 20 "$LC" monthly-check saesol 2026-04 2>&1)"
check "C5 a plaintext client of a non-loopback address is refused" \
  "learnclub monthly-check: plaintext is allowed on loopback only; '192.0.2.1:9001' needs --cert, --key and --ca" \
  "$(err --cluster 192.0.2.1:9001 monthly-check saesol 2026-04)"
check "RM1 --cluster needs a value" "learnclub: option '--cluster' needs a value" "$(err --cluster)"
check "backup on a cluster points to pull" "learnclub backup: on a cluster, a backup is 'learnclub pull NAME FILE'" \
  "$(err --cluster "$CLUSTER" backup saesol "$w/copy.db")"

# ---- two writers at once both succeed (RM5, B4) -----------------------------------
printf '%s\n' "club,held_on,kind,hours,topic,attendees" "탄소제로연구회,2026-06-26,regular,2,x,2600011" >"$w/m1.csv"
printf '%s\n' "club,held_on,kind,hours,topic,attendees" "스마트민원모임,2026-06-27,regular,2,x,2600021" >"$w/m2.csv"
timeout 60 "$LC" --cluster "$CLUSTER" import-meetings saesol "$w/m1.csv" >"$w/w1" 2>&1 & p1=$!
timeout 60 "$LC" --cluster "$CLUSTER" import-meetings saesol "$w/m2.csv" >"$w/w2" 2>&1 & p2=$!
wait "$p1"; r1=$?; wait "$p2"; r2=$?
check "RM5 two concurrent writers both succeed" "0 0" "$r1 $r2"
check "RM5 both writes are there, once each" "1|1" \
  "$(timeout 20 "$NODE" query --cluster "$CLUSTER" saesol "SELECT (SELECT count(*) FROM meeting WHERE held_on = '2026-06-26'), (SELECT count(*) FROM meeting WHERE held_on = '2026-06-27')" | tr -d '\n')"
check "RM5 ... each logged once" "2" \
  "$(timeout 20 "$NODE" query --cluster "$CLUSTER" saesol "SELECT count(*) FROM change_log WHERE command = 'import-meetings' AND args LIKE '%/m_.csv%'")"

stop_all
