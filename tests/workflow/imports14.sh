#!/usr/bin/env bash
# Issue 14 (H2): the imports for what had none (nominations, places, expenses,
# overrides, pledges, budget, calls, proposals), the roster's optional columns
# kind, email, phone (IR6), and --replace on import-meetings, import-reports
# and import-scores (M5). Each template imports as it is, twice changes
# nothing, a bad row rejects the whole file with its line and column.
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
T="$LEARNCLUB_ROOT/examples/templates"
D="$TMPROOT/imports14"; mkdir -p "$D"
dump() { "$SQLITE3" "$1" .dump | md5sum; }
q() { "$SQLITE3" "$db" "$1"; }
run() {  # run CASE EXPECTED_STATUS EXPECTED_OUTPUT ARGS...
  local name="$1" st="$2" exp="$3" out rc; shift 3
  out=$("$LC" "$@" 2>&1); rc=$?
  check "$name" "$exp" "$out"
  check "$name: exit $st" "$st" "$rc"
}
bad() {  # bad CASE KIND MESSAGE_AFTER_FILE CSV_TEXT
  local name="$1" kind="$2" msg="$3" f="$D/bad.csv" before out rc
  printf '%s' "$4" >"$f"
  before=$(dump "$db")
  out=$("$LC" "import-$kind" "$db" "$f" 2>&1); rc=$?
  check "$name" "learnclub import-$kind: $f: $msg|2" "$out|$rc"
  check "$name: database unchanged" "$before" "$(dump "$db")"
}

db=$(newdb imports14)
"$LC" init "$db" >/dev/null
"$LC" import-roster "$db" "$T/roster.csv" >/dev/null

# --- roster: optional columns kind, email, phone (IR6, NJ1) -------------------------
RH="program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on"
printf '%s\n' "$RH,phone,kind,email" \
  "junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,1500037,김예산,president,2015-02-16,,02-3396-4321,official,kim@junggu.go.kr" \
  "junggu-2015,예산지킴이,bureau,기획재정국,재무과,1500074,이절감,member,2015-02-16,,,전문가," >"$D/roster-opt.csv"
run "IR6 roster with optional columns in any order" 0 "$D/roster-opt.csv: 2 rows: 1 clubs, 2 people" import-roster "$db" "$D/roster-opt.csv"
check "IR6 kind, email, phone stored (NJ1: 전문가 is expert)" \
  "1500037|official|kim@junggu.go.kr|02-3396-4321 1500074|expert||" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT emp_no || '|' || kind || '|' || coalesce(email, '') || '|' || coalesce(phone, '') AS x FROM person WHERE emp_no IN ('1500037', '1500074') ORDER BY emp_no)")"
"$LC" import-roster "$db" "$T/roster.csv" >/dev/null
check "IR6 a file without the columns keeps what is stored" \
  "1500037|official|kim@junggu.go.kr|02-3396-4321 1500074|expert||" \
  "$(q "SELECT group_concat(x, ' ') FROM (SELECT emp_no || '|' || kind || '|' || coalesce(email, '') || '|' || coalesce(phone, '') AS x FROM person WHERE emp_no IN ('1500037', '1500074') ORDER BY emp_no)")"
R1="junggu-2015,예산지킴이,bureau,기획재정국,기획예산과,1500037,김예산,president,2015-02-16,"
bad "IR6 roster: unknown kind" roster "line 2, column kind: invalid value 'student'; expected official, expert or citizen (NJ1); nothing imported" \
  "$RH,kind"$'\n'"$R1,student"$'\n'
bad "IR6 roster: bad email" roster "line 2, column email: invalid email 'kim.junggu.go.kr'; expected NAME@DOMAIN; nothing imported" \
  "$RH,email"$'\n'"$R1,kim.junggu.go.kr"$'\n'
bad "IR6 roster: bad phone" roster "line 2, column phone: invalid phone '02-3396-432x'; expected digits, with + - . ( ) or spaces; nothing imported" \
  "$RH,phone"$'\n'"$R1,02-3396-432x"$'\n'
bad "M4 roster: an optional column twice" roster "line 1: header must be '$RH[,kind][,email][,phone]', not '$RH,kind,kind'; nothing imported" \
  "$RH,kind,kind"$'\n'"$R1,official,official"$'\n'
bad "M4 roster: an unknown extra column" roster "line 1: header must be '$RH[,kind][,email][,phone]', not '$RH,mobile'; nothing imported" \
  "$RH,mobile"$'\n'"$R1,010"$'\n'
bad "M4 roster: a short row with optional columns" roster "line 2: 11 fields, expected 12; nothing imported" \
  "$RH,kind,email"$'\n'"$R1,official"$'\n'
