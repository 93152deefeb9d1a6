#!/usr/bin/env bash
# issue 16, the HTML report (sql/report-html.sql RH0-RH9, cli/cmd_files.c
# RP1): the page names the office and the programs, each heading states the
# program's own rule, ties waiting for the committee are shown, research
# reports per half-year, and at national scale --program and --office narrow
# it and the whole page summarises by program. The page's own numbers are
# checked against the commands that compute them another way (monthly-check,
# evaluate). Chromium's rendering and the PDF print: tests/report/report.sh.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
export LEARNCLUB_TODAY=2016-01-31
q() { "$SQLITE3" -batch "$1" "$2"; }
# text_of PAGE ID — the text of the element with that id
text_of() { sed -n "s/.*id=\"$2\">\([^<]*\)<.*/\1/p" "$1" | head -n 1; }
# one line per table row of PAGE that matches the pattern given (rows are on one line)
rows_of() { sed 's/<tr/\n<tr/g' "$1" | grep -E "$2"; }
# table_rows PAGE ID — the rows of the table with that id, one a line
table_rows() { sed 's/<tr/\n<tr/g' "$1" | sed -n "/id=\"$2\"/,/<\/table>\(<\/div>\|$\)/p" | grep '^<tr'; }

db=$(newdb report16_jg); cp "$LEARNCLUB_ROOT/examples/junggu2015.db" "$db"
"$LC" evaluate "$db" 2015-H1 --format csv >"$TMPROOT/ev-h1.csv" 2>/dev/null
"$LC" evaluate "$db" 2015-H2 --format csv >"$TMPROOT/ev-h2.csv" 2>/dev/null
page="$TMPROOT/r16.html"
"$LC" report "$db" 2015 --html "$page" >/dev/null; rc=$?
check "issue 16: the page is written" "0" "$rc"

# --- RH0: the office and the program(s) ------------------------------------------
check "issue 16 RH0: the page names the office" "$(q "$db" "SELECT office FROM program WHERE code = 'junggu-2015'")" "$(text_of "$page" office)"
check "issue 16 RH0: the page names the program, by name and code" \
  "$(q "$db" "SELECT name || ' (' || code || ')' FROM program WHERE code = 'junggu-2015'")" "$(text_of "$page" programs)"
# a second program of another office, the same year: both named; --office and --program narrow
"$LC" program-add "$db" extra-2015 --name '2015 연구모임' --from 2015-03-01 --to 2015-12-31 --office 총무과 >/dev/null
"$LC" report "$db" 2015 --html "$TMPROOT/two.html" >/dev/null
check "issue 16 RH0: two programs: both offices named" "기획예산과, 총무과" "$(text_of "$TMPROOT/two.html" office)"
check "issue 16 RH0: two programs: both named" "2015 연구모임 (extra-2015), 2015 창의지식 학습동아리 (junggu-2015)" "$(text_of "$TMPROOT/two.html" programs)"
"$LC" report "$db" 2015 --html "$TMPROOT/office.html" --office 총무과 >/dev/null
check "issue 16 RH0: --office names only that office's program" "총무과|2015 연구모임 (extra-2015)" \
  "$(text_of "$TMPROOT/office.html" office)|$(text_of "$TMPROOT/office.html" programs)"
"$LC" report "$db" 2015 --html "$TMPROOT/prog.html" --program junggu-2015 >/dev/null
check "issue 16 RH0: --program names only that program" "$(text_of "$page" programs)" "$(text_of "$TMPROOT/prog.html" programs)"
check "issue 16 RH0: --program: the page is the one-program page" "$(grep -v 'learnclub ' "$page" | md5sum)" "$(grep -v 'learnclub ' "$TMPROOT/prog.html" | md5sum)"
"$LC" report "$db" 2016 --html "$TMPROOT/none.html" --program junggu-2015 >/dev/null; rc=$?
check "issue 16 RH0: a program not running in the year: the page says so" "0|해당 연도에 운영된 사업이 없습니다" "$rc|$(text_of "$TMPROOT/none.html" programs)"
"$LC" remove "$db" programs extra-2015 >/dev/null

# --- RH1: each club's row, month by month, is monthly-check's ----------------------
want=$(for m in 03 04 05 06 07 08 09 10 11 12; do
         "$LC" monthly-check "$db" 2015-$m --format csv | awk -F, -v m="$m" 'NR > 1 { gsub(/"/, "", $1); print $1 "|" m "|" $5 }'
       done | sort)
got=$(rows_of "$page" '^<tr><th class="club">[^<]*</th><td class="[a-z_]*" title=' |
      awk '{ club = $0; sub(/^<tr><th class="club">/, "", club); sub(/<.*/, "", club)
             n = split($0, c, "<td class=\""); for (i = 2; i <= n; i++) { st = c[i]; sub(/".*/, "", st)
               if (st != "withdrawn") printf "%s|%02d|%s\n", club, i + 1, st } }' | sort)
check "issue 16 RH1: every cell of the grid is monthly-check's, in month order" "$want" "$got"

# --- RH7: each heading states the program's rule --------------------------------
rule_of() { sed -n 's/.*<h3 class="program" data-program="junggu-2015">[^<]*<span class="rule">(\([^)]*\))<\/span><\/h3><p class="counts">.*/\1/p' "$1"; }
research_rule_of() { sed -n 's/.*<h3 class="program" data-program="junggu-2015">[^<]*<span class="rule">(\([^)]*\))<\/span><\/h3><table class="research".*/\1/p' "$1"; }
check "issue 16 RH7: the default rule: the 5th, moved past holidays" "익월 5일까지, 주말·공휴일이면 다음 근무일" "$(rule_of "$page")"
check "issue 16 RH7: research reports' rule (JG7)" "상반기 7월 31일, 하반기 12월 31일까지, 주말·공휴일이면 다음 근무일" "$(research_rule_of "$page")"
rdb=$(newdb report16_rule); cp "$db" "$rdb"
"$LC" program-set "$rdb" junggu-2015 report_rule=day=10 >/dev/null
"$LC" report "$rdb" 2015 --html "$TMPROOT/day10.html" >/dev/null
check "issue 16 RH7: day=10 says 익월 10일까지" "익월 10일까지, 주말·공휴일이면 다음 근무일" "$(rule_of "$TMPROOT/day10.html")"
check "issue 16 RH7: day=10: 익월 5일 nowhere on the page" "0" "$(grep -c '익월 5일' "$TMPROOT/day10.html")"
# the grid follows the rule too: its counts are monthly-check's under day=10
for st in on_time late missing; do
  want=$(for m in 03 04 05 06 07 08 09 10 11 12; do "$LC" monthly-check "$rdb" 2015-$m --format csv; done | grep -c ",$st,")
  check "issue 16 RH7: day=10: the count of $st is monthly-check's" "$want" "$(text_of "$TMPROOT/day10.html" "count-${st//_/-}")"
done
"$LC" program-set "$rdb" junggu-2015 "report_rule=day=31, strict" >/dev/null
"$LC" report "$rdb" 2015 --html "$TMPROOT/day31.html" >/dev/null
check "issue 16 RH7: day=31, strict: the month's last day, not moved" "익월 31일까지, 31일이 없는 달은 말일" "$(rule_of "$TMPROOT/day31.html")"
check "issue 16 RH7: strict: research reports not moved either" "상반기 7월 31일, 하반기 12월 31일까지" "$(research_rule_of "$TMPROOT/day31.html")"
# the research dates of h1=/h2= (deadlines.c R10, O6), one falling in the next year
"$LC" program-set "$rdb" junggu-2015 "report_rule=h1=01-20,h2=07-20" >/dev/null
"$LC" report "$rdb" 2015 --html "$TMPROOT/h12.html" >/dev/null
check "issue 16 RH7: h1=01-20,h2=07-20 (O6)" "상반기 1월 20일, 하반기 7월 20일까지, 주말·공휴일이면 다음 근무일" "$(research_rule_of "$TMPROOT/h12.html")"
"$LC" program-set "$rdb" junggu-2015 "report_rule=h2=01-15, strict" >/dev/null
"$LC" report "$rdb" 2015 --html "$TMPROOT/h2next.html" >/dev/null
check "issue 16 RH7: h2=01-15: the next year's day" "상반기 7월 31일, 하반기 이듬해 1월 15일까지" "$(research_rule_of "$TMPROOT/h2next.html")"

# --- RH2: ties waiting for the committee -----------------------------------------
# evaluate's tie rows: club and the places they share (rank .. rank + tied - 1)
want=$(awk -F, 'NR > 1 && $9 == "tie" { gsub(/"/, "", $2); n[$1]++; c[NR] = $1 SUBSEP $2 }
  END { for (i in c) { split(c[i], x, SUBSEP); print "2015-H1|" x[1] "–" x[1] + n[x[1]] - 1 "|" x[2] } }' "$TMPROOT/ev-h1.csv" | sort)
got=$(rows_of "$page" '^<tr class="tie">' | sed -E 's/<tr class="tie"><td>([^<]*)<\/td><td class="num">([^<]*)<\/td><td class="text">([^<]*)<\/td><td>동점 – 위원회 결정 대기<\/td>.*/\1|\2|\3/' | sort)
check "issue 16 RH2: the tie is on the page, each club with the places it shares" "$want" "$got"
check "issue 16 RH2: there is a tie to show (the example's 2015-H1)" "2" "$(awk -F, 'NR > 1 && $9 == "tie"' "$TMPROOT/ev-h1.csv" | wc -l)"
check "issue 16 RH2: the count of clubs waiting" "$(awk -F, 'NR > 1 && $9 == "tie"' "$TMPROOT/ev-h1.csv" | wc -l)" "$(text_of "$page" tie-count)"
check "issue 16 RH2: every stored award is a row too" "$(q "$db" "SELECT count(*) FROM award WHERE period LIKE '2015-%'")" \
  "$(rows_of "$page" '^<tr><td>2015-H[12]</td>' | wc -l)"
# the committee decides: the places are imported, evaluate runs again, the tie is gone
ties=$(awk -F, 'NR > 1 && $9 == "tie" { gsub(/"/, "", $2); print $2 }' "$TMPROOT/ev-h1.csv")
{ echo "club,period,place,note"; i=0; for c in $ties; do i=$((i + 1)); echo "$c,2015-H1,$i,위원회"; done; } >"$TMPROOT/places.csv"
"$LC" import-places "$db" "$TMPROOT/places.csv" >/dev/null
"$LC" report "$db" 2015 --html "$TMPROOT/stale.html" >/dev/null; rc=$?
check "issue 16 RH2: places given but not evaluated: the tie still shows, the awards are stale (exit 1)" "1|2|1" \
  "$rc|$(text_of "$TMPROOT/stale.html" tie-count)|$(grep -c '<p class="stale" id="stale-2015-H1">⚠ ' "$TMPROOT/stale.html")"
"$LC" evaluate "$db" 2015-H1 >/dev/null
"$LC" report "$db" 2015 --html "$TMPROOT/decided.html" >/dev/null; rc=$?
check "issue 16 RH2: decided and evaluated: no tie, no warning, exit 0" "0|0|0" \
  "$rc|$(text_of "$TMPROOT/decided.html" tie-count)|$(grep -c 'class="tie"' "$TMPROOT/decided.html")"
check "issue 16 RH2: decided: the tied clubs are awarded rows now" "$(q "$db" "SELECT count(*) FROM award WHERE period LIKE '2015-%'")" \
  "$(rows_of "$TMPROOT/decided.html" '^<tr><td>2015-H[12]</td>' | wc -l)"
check "issue 16 EV12: evaluate stores the ties it leaves ('[]': none)" "[]" "$(q "$db" "SELECT ties FROM evaluation WHERE period = '2015-H1'")"
# an evaluation stored before version 5 has no ties recorded (NULL): nothing shown, no error
q "$db" "UPDATE evaluation SET ties = NULL" >/dev/null
"$LC" report "$db" 2015 --html "$TMPROOT/v4.html" >/dev/null; rc=$?
check "issue 16 RH2: ties not recorded (evaluated before version 5): none shown" "0|0" "$rc|$(text_of "$TMPROOT/v4.html" tie-count)"
out=$("$SQLITE3" "$db" "UPDATE evaluation SET ties = '{\"club_id\": 1}'" 2>&1 | sed -E 's/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//')
check "issue 16 EV12: ties must be a JSON array, also from a plain sqlite3 (S1)" "CHECK constraint failed: evaluation: ties must be a JSON array" "$out"

# --- RH8: research reports per half-year --------------------------------------------
# evaluate sees the same reports as of the same day (EV6): its report column, club by club
for h in 1 2; do
  want=$(awk -F, 'NR > 1 { gsub(/"/, "", $2); print $2 "|" $3 }' "$TMPROOT/ev-h$h.csv" | sort)
  got=$(rows_of "$page" '^<tr><th class="club">' | grep -F '</td></tr>' | grep -E '<td class="(on_time|late|missing|pending)">[^<]*</td><td' |
        sed -E "s/<tr><th class=\"club\">([^<]*)<\/th><td( class=\"([a-z_]*)\")?>[^<]*<\/td><td( class=\"([a-z_]*)\")?>[^<]*<\/td><\/tr>.*/\1|\\$((h * 2 + 1))/" | grep -v '|$' | sort)
  check "issue 16 RH8: 2015-H$h research report of each club as evaluate sees it" "$want" "$got"
done
for st in on_time late missing pending; do
  want=$(cat "$TMPROOT/ev-h1.csv" "$TMPROOT/ev-h2.csv" | awk -F, -v s="$st" 'NR > 1 && $3 == s' | wc -l)
  check "issue 16 RH8: the count of research reports $st" "$want" "$(text_of "$page" "research-${st//_/-}")"
done
check "issue 16 RH8: a club withdrawn by the half-year's end owes no report (D6)" \
  "$(q "$db" "SELECT name FROM club WHERE withdrawn_on <= '2015-12-31'")" \
  "$(rows_of "$page" '^<tr><th class="club">[^<]*</th><td class="[a-z_]*">[^<]*</td><td>-</td></tr>' | sed -E 's/<tr><th class="club">([^<]*)<.*/\1/')"

# --- RH9: national scale ------------------------------------------------------------
# bench/gen.sh's shape (issue 7): 11 governments of 20 clubs, 220 clubs, one year
ndb="$TMPROOT/national16.db"; rm -f "$ndb"
bash "$LEARNCLUB_ROOT/bench/gen.sh" "$ndb" 2025 1 11 20 3 1 >/dev/null 2>&1
check "issue 16 RH9: the national-shape database" "11|220" "$(q "$ndb" "SELECT (SELECT count(*) FROM program), (SELECT count(*) FROM club)")"
"$LC" evaluate "$ndb" 2025-H1 --as-of 2025-12-31 >/dev/null
"$LC" report "$ndb" 2025 --as-of 2025-12-31 --html "$TMPROOT/nat.html" >/dev/null; rc=$?
check "issue 16 RH9: more than 200 clubs: summarised by program, no club grid" "0|0|11" \
  "$rc|$(grep -c 'class="report-grid"' "$TMPROOT/nat.html")|$(table_rows "$TMPROOT/nat.html" program-summary | grep -c '^<tr data-program=')"
check "issue 16 RH9, RH7: the summary states the rule once, for the programs that share it" \
  '<h3 class="rule-group">제출 기한: 익월 5일까지, 주말·공휴일이면 다음 근무일 <span class="n">(11개 사업)</span></h3><table class="program-summary">' \
  "$(sed 's/<h3/\n<h3/g' "$TMPROOT/nat.html" | sed -n '/id="program-summary"/,$p' | grep -o '^<h3 class="rule-group">.*<table class="program-summary">')"
check "issue 16 RH9: the page says why and how to narrow it" "동아리가 220개로 200개를 넘어 사업별로 요약합니다. 동아리별 표는 --program CODE 또는 --office로 좁혀 만드십시오." \
  "$(text_of "$TMPROOT/nat.html" summary-notice)"
check "issue 16 RH9: 11 programs: counted in the heading" "11개 사업 (사업별 요약 참조)" "$(text_of "$TMPROOT/nat.html" programs)"
for st in on_time late missing pending; do
  want=$(for m in 03 04 05 06 07 08 09 10 11 12; do "$LC" monthly-check "$ndb" 2025-$m --as-of 2025-12-31 --format csv; done | grep -c ",$st,")
  check "issue 16 RH9: summary: the count of $st is monthly-check's" "$want" "$(text_of "$TMPROOT/nat.html" "count-${st//_/-}")"
done
# one program's row: its counts are what the one-program page counts
row=$(table_rows "$TMPROOT/nat.html" program-summary | grep '^<tr data-program="lg003">' | grep -o '<td class="num">[^<]*' | sed 's/.*>//' | paste -sd'|')
"$LC" report "$ndb" 2025 --as-of 2025-12-31 --html "$TMPROOT/lg003.html" --program lg003 >/dev/null
check "issue 16 RH9: --program lg003: club by club, 20 rows" "1|20" \
  "$(grep -c 'class="report-grid" data-program="lg003"' "$TMPROOT/lg003.html")|$(rows_of "$TMPROOT/lg003.html" '^<tr><th class="club">.*title=' | wc -l)"
check "issue 16 RH9: a program's summary row: clubs and counts as on its own page" \
  "20|$(text_of "$TMPROOT/lg003.html" count-on-time)|$(text_of "$TMPROOT/lg003.html" count-late)|$(text_of "$TMPROOT/lg003.html" count-missing)|$(text_of "$TMPROOT/lg003.html" count-pending)" "$row"
for st in on_time late missing pending; do  # RH8 summed by program
  check "issue 16 RH9: research summary: the halves' $st add up to the page's count" "$(text_of "$TMPROOT/nat.html" "research-${st//_/-}")" \
    "$(table_rows "$TMPROOT/nat.html" research-summary | grep '^<tr data-program=' | grep -o '<td class="num">[^<]*' | sed 's/.*>//' |
       awk -v k="$st" 'BEGIN { split("on_time late missing pending", a, " "); for (i in a) if (a[i] == k) c = i } { n++; i = (n - 1) % 10 } i == c || i == c + 5 { s += $1 } END { print s + 0 }')"
done
check "issue 16 RH9: research summary: a program's row is its own page's counts" \
  "20|$(text_of "$TMPROOT/lg003.html" research-on-time)" \
  "$(table_rows "$TMPROOT/nat.html" research-summary | grep '^<tr data-program="lg003">' | grep -o '<td class="num">[^<]*' | sed 's/.*>//' |
     awk '{ v[NR] = $1 } END { print v[1] "|" v[2] + v[7] }')"
# RH2 summed by program: clubs awarded, prizes, ties waiting
check "issue 16 RH9: award summary: clubs awarded, prizes and ties add up" \
  "$(q "$ndb" "SELECT count(*) FROM award")|$(text_of "$TMPROOT/nat.html" award-total | tr -d ,)|$(text_of "$TMPROOT/nat.html" tie-count)" \
  "$(table_rows "$TMPROOT/nat.html" award-summary | grep '^<tr data-program=' | grep -o '<td class="num">[^<]*' | sed 's/.*>//' | tr -d , |
     awk '{ i = (NR - 1) % 3; s[i] += $1 } END { print s[0] + 0 "|" s[1] + 0 "|" s[2] + 0 }')"
check "issue 16 RH9: award summary: the awards are there to add" "1" "$(q "$ndb" "SELECT count(*) > 0 FROM award")"
# a program with another rule: a heading of its own
"$LC" program-set "$ndb" lg002 report_rule=day=10 >/dev/null
"$LC" report "$ndb" 2025 --as-of 2025-12-31 --html "$TMPROOT/nat10.html" >/dev/null
check "issue 16 RH9, RH7: two rules, two headings, each with its programs" \
  "제출 기한: 익월 10일까지, 주말·공휴일이면 다음 근무일 (1개 사업) lg002|제출 기한: 익월 5일까지, 주말·공휴일이면 다음 근무일 (10개 사업) lg001" \
  "$(sed 's/<h3/\n<h3/g; s/<\/table>/\n/g' "$TMPROOT/nat10.html" | sed -n '/id="program-summary"/,/<\/div>/p' | grep '^<h3 class="rule-group">' |
     sed -E 's/<h3 class="rule-group">([^<]*) <span class="n">([^<]*)<\/span><\/h3>.*<\/thead><tr data-program="([^"]*)">.*/\1 \2 \3/; s/<[^>]*>//g' | paste -sd'|')"
"$LC" program-set "$ndb" lg002 report_rule= >/dev/null
# the threshold: 200 clubs are drawn club by club, 201 and more summarised
q "$ndb" "UPDATE program SET office = '시범기관' WHERE code <> 'lg011'" >/dev/null
"$LC" report "$ndb" 2025 --as-of 2025-12-31 --html "$TMPROOT/200.html" --office 시범기관 >/dev/null
check "issue 16 RH9: --office: 10 programs, 200 clubs: club by club" "10|0" \
  "$(grep -o 'class="report-grid"' "$TMPROOT/200.html" | wc -l)|$(grep -c 'summary-notice' "$TMPROOT/200.html")"
check "issue 16 RH9: both offices named on the whole page" "기획예산과, 시범기관" "$(cd "$TMPROOT" && "$LC" report "$ndb" 2025 --as-of 2025-12-31 --html nat2.html >/dev/null; text_of nat2.html office)"
# hours by program (summary) and by unit (club by club) count the same hours
sum_rows=$(table_rows "$TMPROOT/nat.html" hours-summary | sed -nE 's/^<tr data-program="[^"]*">.*<td class="num">([0-9.]+)<\/td><\/tr>.*/\1/p' | awk '{ s += $1 } END { printf "%g", s }')
check "issue 16 RH9: hours by program add up to the page's total" "$(text_of "$TMPROOT/nat.html" hours-total)" "$sum_rows"
"$LC" report "$ndb" 2025 --as-of 2025-12-31 --html "$TMPROOT/lg011.html" --program lg011 >/dev/null
check "issue 16 RH9: the summary's hours are the unit charts' of its parts" "$(text_of "$TMPROOT/nat.html" hours-total)" \
  "$(awk -v a="$(text_of "$TMPROOT/200.html" hours-total)" -v b="$(text_of "$TMPROOT/lg011.html" hours-total)" 'BEGIN { printf "%g", a + b }')"
