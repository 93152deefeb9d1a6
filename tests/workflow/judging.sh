#!/usr/bin/env bash
# Issue 15 (B1), judging: panels with weights (EV8), recusal (EV9), stages
# (EV10), criterion maximum points (IS7) and tracks (EV11, IR7), through the
# commands, with exact figures; and the migration of a version 4 database
# (its scores become final-stage scores without panel, and evaluate says what
# it said before).
. "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
db=$(newdb judging)
d="$TMPROOT/judging"; mkdir -p "$d"
"$LC" init "$db" >/dev/null

# run CASE EXPECTED_STATUS EXPECTED_OUTPUT ARGS... — stdout and stderr together
run() {
  local name="$1" st="$2" exp="$3" out rc; shift 3
  out=$("$LC" "$@" 2>&1); rc=$?
  check "$name" "$exp" "$out"
  check "$name: exit $st" "$st" "$rc"
}
# file NAME LINE... — a CSV file of those lines; prints its path
file() { local p="$d/$1"; shift; printf '%s\n' "$@" >"$p"; printf '%s' "$p"; }

"$LC" program-add "$db" o3-2015 --name "경연 2015" --from 2015-01-01 --to 2015-12-31 reports_from=none \
  award_scheme=최우수:1:500000,우수:1:300000 tie_break=성과 >/dev/null
RH="program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on"
"$LC" import-roster "$db" "$(file roster.csv "$RH" \
  "o3-2015,가람,integrated,,,E001,김가람,president,2015-02-01," \
  "o3-2015,가람,integrated,,,E002,이가람,member,2015-02-01,2015-05-31" \
  "o3-2015,나래,integrated,,,E003,최나래,president,2015-02-01," \
  "o3-2015,나래,integrated,,,E004,박나래,member,2015-02-01,")" >/dev/null
"$LC" import-reports "$db" "$(file reports.csv "club,kind,period,submitted_at,board_ref,title" \
  "가람,research,2015-H1,2015-07-10,," "나래,research,2015-H1,2015-07-10,,")" >/dev/null

# The O3 contest: 5 experts score 추진실적 and 성과 out of 100, 9 audience jurors
# one mark out of 10. 가람: experts 80 82 84 86 88, jurors 10 10 10 10 9 9 9.96 9 5;
# 나래: experts 70 72 74 76 78, every juror 10. The tie-break 성과 is half an expert's total.
scores() {  # scores WITH_PANEL WITH_EMP_NO — the contest's rows, optional columns added
  local h="club,period,judge,criterion,points" c j t e x
  [ "$1" = 1 ] && h+=",panel"; [ "$2" = 1 ] && h+=",judge_emp_no"
  printf '%s\n' "$h"
  for c in 가람 나래; do
    for j in 1 2 3 4 5; do
      t=$([ $c = 가람 ] && echo $((39 + j)) || echo $((34 + j)))
      for x in 추진실적 성과; do
        printf '%s,2015-H1,전문가%s,%s,%s' "$c" "$j" "$x" "$t"
        [ "$1" = 1 ] && printf ',전문가'; [ "$2" = 1 ] && printf ','
        printf '\n'
      done
    done
    set -- "$1" "$2" 10 10 10 10 9 9 9.96 9 5
    for j in 1 2 3 4 5 6 7 8 9; do
      t=$([ $c = 가람 ] && eval echo "\${$((j + 2))}" || echo 10)
      e=$(case $j in 9) echo E001 ;; 2) echo E002 ;; 3) echo E003 ;; esac)
      printf '%s,2015-H1,청중%s,청중평가,%s' "$c" "$j" "$t"
      [ "$1" = 1 ] && printf ',청중'; [ "$2" = 1 ] && printf ',%s' "$e"
      printf '\n'
    done
  done
}
scores 0 0 >"$d/today.csv"
run "issue 15: panels — today's file, without a panel column" 0 "$d/today.csv: 38 scores, 2 clubs, 14 judges" import-scores "$db" "$d/today.csv"
run "issue 15: panels — today 14 judges on two scales are one pool: 34.08 (EV2)" 0 "\
rank  club  report   judges  score  tie_break  tier    prize   status   track  set_aside
----  ----  -------  ------  -----  ---------  ------  ------  -------  -----  ---------
   1  가람  on_time      14  34.08       42.0  최우수  500000  awarded                 0
   2  나래  on_time      14   31.0       37.0  우수    300000  awarded                 0" evaluate "$db" 2015-H1 --as-of 2015-12-31

scores 1 0 >"$d/panels.csv"
"$LC" import-scores "$db" "$d/panels.csv" --replace >/dev/null
check "issue 15: panels — the panel column replaces today's rows (IS5)" "38|20|18|0" \
  "$("$SQLITE3" "$db" "SELECT count(*), count(*) FILTER (WHERE panel = '전문가'), count(*) FILTER (WHERE panel = '청중'), count(*) FILTER (WHERE panel = '') FROM score")"
run "issue 15: panels — a panel column without panel_weights is today's result (EV8)" 0 "\
rank,club,report,judges,score,tie_break,tier,prize,status,track,set_aside
1,\"가람\",on_time,14,34.08,42.0,\"최우수\",500000,awarded,,0
2,\"나래\",on_time,14,31.0,37.0,\"우수\",300000,awarded,,0" evaluate "$db" 2015-H1 --as-of 2015-12-31 --format csv
run "issue 15: panels — program-set panel_weights" 0 "o3-2015: updated (panel_weights)" program-set "$db" o3-2015 "panel_weights=전문가:70, 청중:30"
# 가람: experts trimmed (82 84 86) 84, jurors trimmed (10 10 10 9.96 9 9 9) 9.565714…;
# 0.7 × 84 + 0.3 × 9.565714 = 61.669714…; 나래: 0.7 × 74 + 0.3 × 10 = 54.8. The
# tie-break 성과 only the experts scored: their pool alone, 42 and 37.
run "issue 15: panels — each panel trimmed apart, the weighted mean of their means (EV8)" 0 "\
rank,club,report,judges,score,tie_break,tier,prize,status,track,set_aside
1,\"가람\",on_time,14,61.67,42.0,\"최우수\",500000,awarded,,0
2,\"나래\",on_time,14,54.8,37.0,\"우수\",300000,awarded,,0" evaluate "$db" 2015-H1 --as-of 2015-12-31 --format csv
run "issue 15: panels — a panel panel_weights does not name is refused (IS6)" 2 \
  "learnclub import-scores: $d/p_bad.csv: line 2, column panel: invalid panel '심사단'; expected one of the panels of program 'o3-2015': 전문가, 청중 (O3); nothing imported" \
  import-scores "$db" "$(file p_bad.csv "club,period,judge,criterion,points,panel" "가람,2015-H1,청중1,청중평가,10,심사단")"
run "issue 15: panels — with panel_weights a row without panel is refused (IS6)" 2 \
  "learnclub import-scores: $d/p_none.csv: line 2, column panel: invalid panel ''; expected one of the panels of program 'o3-2015': 전문가, 청중 (O3); nothing imported" \
  import-scores "$db" "$(file p_none.csv "club,period,judge,criterion,points" "가람,2015-H1,청중1,청중평가,10")"
"$LC" program-set "$db" o3-2015 panel_weights=전문가:60,청중:40 >/dev/null
check "issue 15: stale — panel_weights changed after evaluate: the awards are stale" "judging settings changed" \
  "$("$SQLITE3" "$db" "SELECT stale_reason FROM evaluation WHERE period = '2015-H1'")"
"$LC" program-set "$db" o3-2015 panel_weights=전문가:70,청중:30 >/dev/null
# a panel the setting no longer names (changed after the import) is set aside
"$SQLITE3" "$db" "UPDATE program SET panel_weights = '전문가:100' WHERE code = 'o3-2015'"
run "issue 15: panels — a panel no longer in panel_weights is set aside (EV8)" 0 "\
rank,club,report,judges,score,tie_break,tier,prize,status,track,set_aside
1,\"가람\",on_time,5,84.0,42.0,\"최우수\",500000,awarded,,9
2,\"나래\",on_time,5,74.0,37.0,\"우수\",300000,awarded,,9" evaluate "$db" 2015-H1 --as-of 2015-12-31 --format csv
"$SQLITE3" "$db" "UPDATE program SET panel_weights = '전문가:70,청중:30' WHERE code = 'o3-2015'"

# --- recusal: 청중9 (E001) is a member of 가람 on 2015-06-30, 청중3 (E003) of 나래;
# 청중2 (E002) left 가람 on 2015-05-31 and counts for it
scores 1 1 >"$d/recusal.csv"
run "issue 15: recusal — judge_emp_no imported" 0 "$d/recusal.csv: 38 scores, 2 clubs, 14 judges" import-scores "$db" "$d/recusal.csv"
check "issue 15: recusal — the jurors' emp_no stored" "청중2|E002|2 청중3|E003|2 청중9|E001|2" \
  "$("$SQLITE3" "$db" "SELECT group_concat(x, ' ') FROM (SELECT judge || '|' || judge_emp_no || '|' || count(*) AS x FROM score WHERE judge_emp_no IS NOT NULL GROUP BY judge ORDER BY judge)")"
# 가람 without 청중9's 5: jurors trimmed (10 10 10 9.96 9 9) 9.66; 0.7 × 84 + 0.3 × 9.66 = 61.698
run "issue 15: recusal — a judge who is a member of the club on the half-year's last day is set aside (EV9)" 0 "\
rank  club  report   judges  score  tie_break  tier    prize   status   track  set_aside
----  ----  -------  ------  -----  ---------  ------  ------  -------  -----  ---------
   1  가람  on_time      13   61.7       42.0  최우수  500000  awarded                 1
   2  나래  on_time      13   54.8       37.0  우수    300000  awarded                 1" evaluate "$db" 2015-H1 --as-of 2015-12-31
"$SQLITE3" "$db" "UPDATE membership SET left_on = '2015-06-29' WHERE person_id = (SELECT id FROM person WHERE emp_no = 'E001')"
run "issue 15: recusal — a member who left before the last day counts (EV9, membership_span)" 0 "\
rank,club,report,judges,score,tie_break,tier,prize,status,track,set_aside
1,\"가람\",on_time,14,61.67,42.0,\"최우수\",500000,awarded,,0
2,\"나래\",on_time,13,54.8,37.0,\"우수\",300000,awarded,,1" evaluate "$db" 2015-H1 --as-of 2015-12-31 --format csv
"$SQLITE3" "$db" "UPDATE membership SET left_on = NULL WHERE person_id = (SELECT id FROM person WHERE emp_no = 'E001')"
run "issue 15: recusal — an unknown judge_emp_no is refused (IS6)" 2 \
  "learnclub import-scores: $d/e_bad.csv: line 2, column judge_emp_no: no person with emp_no 'E999'; nothing imported" \
  import-scores "$db" "$(file e_bad.csv "club,period,judge,criterion,points,panel,judge_emp_no" "가람,2015-H1,청중1,청중평가,10,청중,E999")"
run "issue 15: recusal — one judge, two emp_no is refused (IS6)" 2 \
  "learnclub import-scores: $d/e_two.csv: line 3, column judge_emp_no: judge '청중1' is given another emp_no on line 2; nothing imported" \
  import-scores "$db" "$(file e_two.csv "club,period,judge,criterion,points,panel,judge_emp_no" "가람,2015-H1,청중1,청중평가,10,청중,E003" "나래,2015-H1,청중1,청중평가,10,청중,E004")"
{ head -n 1 "$d/recusal.csv"; grep -v '^가람,2015-H1,청중9,' "$d/recusal.csv" | sed 1d; } >"$d/recusal-fixed.csv"
run "issue 15: --replace names a removed score's panel (IS5)" 0 "$d/recusal-fixed.csv: 37 scores, 2 clubs, 14 judges
$d/recusal-fixed.csv: removed score 가람 2015-H1 청중9 청중평가 5.0 panel 청중" import-scores "$db" "$d/recusal-fixed.csv" --replace
run "issue 15: stages — screening without finalists is refused (IS6)" 2 \
  "learnclub import-scores: $d/s_none.csv: line 2, column stage: program 'o3-2015' has no finalists setting, so no screening (O3); nothing imported" \
  import-scores "$db" "$(file s_none.csv "club,period,judge,criterion,points,stage,panel" "가람,2015-H1,서면1,성과,50,screening,전문가")"

# --- stages and criteria: a written screening, then a final (O3); maximum points (O5)
"$LC" program-add "$db" o3-2016 --name "경연 2016" --from 2016-01-01 --to 2016-12-31 reports_from=none \
  award_scheme=대상:1:1000000,최우수:1:500000 incentives=none tie_break=성과 finalists=2 criteria=추진실적:40,성과:60 >/dev/null
"$LC" import-roster "$db" "$(file roster16.csv "$RH" \
  "o3-2016,가람,integrated,,,E001,김가람,president,2016-02-01," "o3-2016,나래,integrated,,,E003,최나래,president,2016-02-01," \
  "o3-2016,다솜,integrated,,,E005,강다솜,president,2016-02-01," "o3-2016,라온,integrated,,,E006,한라온,president,2016-02-01,")" >/dev/null
"$LC" import-reports "$db" "$(file reports16.csv "club,kind,period,submitted_at,board_ref,title" \
  "가람,research,2016-H1,2016-07-10,," "나래,research,2016-H1,2016-07-10,," "다솜,research,2016-H1,2016-07-10,," "라온,research,2016-H1,2016-07-10,,")" >/dev/null
SH="club,period,judge,criterion,points,stage"
run "issue 15: criteria — a score above its criterion's maximum is refused (IS7)" 2 \
  "learnclub import-scores: $d/c_max.csv: line 3, column points: invalid points '40.5'; above the maximum 40 of criterion '추진실적' (O5); nothing imported" \
  import-scores "$db" "$(file c_max.csv "$SH" "가람,2016-H1,서면1,추진실적,40,screening" "나래,2016-H1,서면1,추진실적,40.5,screening")"
run "issue 15: criteria — a criterion the program does not list is refused (IS7)" 2 \
  "learnclub import-scores: $d/c_name.csv: line 2, column criterion: invalid criterion '창의성'; expected one of the criteria of program 'o3-2016': 추진실적, 성과 (O5); nothing imported" \
  import-scores "$db" "$(file c_name.csv "$SH" "가람,2016-H1,서면1,창의성,10,screening")"
run "issue 15: stages — an unknown stage is refused (IS6)" 2 \
  "learnclub import-scores: $d/s_bad.csv: line 2, column stage: invalid stage 'semi'; expected screening or final (O3); nothing imported" \
  import-scores "$db" "$(file s_bad.csv "$SH" "가람,2016-H1,서면1,성과,50,semi")"
# screening: 가람 90, 나래 80, 다솜 80 (tied with 나래, tie-break too), 라온 70;
# final: 가람 80, 나래 90, 다솜 none yet. At each criterion's maximum: accepted.
run "issue 15: stages — screening and final scores, 예선 and 본선 as names (IS6)" 0 "$d/stages.csv: 16 scores, 4 clubs, 3 judges" \
  import-scores "$db" "$(file stages.csv "$SH" \
  "가람,2016-H1,서면1,추진실적,36,screening" "가람,2016-H1,서면1,성과,54,예선" "나래,2016-H1,서면1,추진실적,32,screening" "나래,2016-H1,서면1,성과,48,screening" \
  "다솜,2016-H1,서면1,추진실적,32,screening" "다솜,2016-H1,서면1,성과,48,screening" "라온,2016-H1,서면1,추진실적,28,screening" "라온,2016-H1,서면1,성과,42,screening" \
  "가람,2016-H1,본선1,추진실적,30,final" "가람,2016-H1,본선1,성과,50,본선" "가람,2016-H1,본선2,추진실적,30," "가람,2016-H1,본선2,성과,50," \
  "나래,2016-H1,본선1,추진실적,35,final" "나래,2016-H1,본선1,성과,55,final" "나래,2016-H1,본선2,추진실적,35,final" "나래,2016-H1,본선2,성과,55,final")"
run "issue 15: stages — the best 2 of the screening (a tie on 2nd: 3) go to the final; 라온 screened_out; 다솜 unscored (EV10)" 1 "\
rank  club  report   judges  score  tie_break  tier    prize    status        track  set_aside
----  ----  -------  ------  -----  ---------  ------  -------  ------------  -----  ---------
   1  나래  on_time       2   90.0       55.0  대상    1000000  awarded                      0
   2  가람  on_time       2   80.0       50.0  최우수   500000  awarded                      0
      다솜  on_time       0                                     unscored                     0
      라온  on_time       1   70.0       42.0                   screened_out                 0" evaluate "$db" 2016-H1 --as-of 2016-12-31
"$LC" import-scores "$db" "$(file final.csv "$SH" "다솜,2016-H1,본선1,추진실적,40,final" "다솜,2016-H1,본선1,성과,60,final")" >/dev/null
run "issue 15: stages — only the final ranks; screened_out is no finding (EV10)" 0 "\
rank,club,report,judges,score,tie_break,tier,prize,status,track,set_aside
1,\"다솜\",on_time,1,100.0,60.0,\"대상\",1000000,awarded,,0
2,\"나래\",on_time,2,90.0,55.0,\"최우수\",500000,awarded,,0
3,\"가람\",on_time,2,80.0,50.0,,,unplaced,,0
,\"라온\",on_time,1,70.0,42.0,,,screened_out,,0" evaluate "$db" 2016-H1 --as-of 2016-12-31 --format csv
check "issue 15: stages — the awards stored are the final's" "다솜|1|대상 나래|2|최우수" \
  "$("$SQLITE3" "$db" "SELECT group_concat(c.name || '|' || a.rank || '|' || a.tier, ' ') FROM award a JOIN club c ON c.id = a.club_id WHERE a.period = '2016-H1'")"
"$LC" program-set "$db" o3-2016 finalists=1 >/dev/null
run "issue 15: stages — finalists=1: 나래 and 다솜 are screened out, their final scores not counted (EV10)" 0 "\
rank,club,report,judges,score,tie_break,tier,prize,status,track,set_aside
1,\"가람\",on_time,2,80.0,50.0,\"대상\",1000000,awarded,,0
,\"나래\",on_time,1,80.0,48.0,,,screened_out,,0
,\"다솜\",on_time,1,80.0,48.0,,,screened_out,,0
,\"라온\",on_time,1,70.0,42.0,,,screened_out,,0" evaluate "$db" 2016-H1 --as-of 2016-12-31 --format csv
"$LC" program-set "$db" o3-2016 finalists=none >/dev/null
run "issue 15: stages — without finalists only the final counts: 라온 is unscored again (EV10)" 1 "\
rank,club,report,judges,score,tie_break,tier,prize,status,track,set_aside
1,\"다솜\",on_time,1,100.0,60.0,\"대상\",1000000,awarded,,0
2,\"나래\",on_time,2,90.0,55.0,\"최우수\",500000,awarded,,0
3,\"가람\",on_time,2,80.0,50.0,,,unplaced,,0
,\"라온\",on_time,0,,,,,unscored,,0" evaluate "$db" 2016-H1 --as-of 2016-12-31 --format csv
run "issue 15: --replace names a removed score's stage (IS5)" 0 "$d/r16.csv: 1 scores, 1 clubs, 1 judges
$d/r16.csv: removed score 라온 2016-H1 서면1 성과 42.0 stage screening
$d/r16.csv: removed score 라온 2016-H1 서면1 추진실적 28.0 stage screening" \
  import-scores "$db" "$(file r16.csv "$SH" "라온,2016-H1,본선1,추진실적,28,")" --replace

# --- tracks: two research types ranked apart (O2), awards per track ----------------------
"$LC" program-add "$db" o2-2017 --name "연구모임 2017" --from 2017-01-01 --to 2017-12-31 reports_from=none \
  award_scheme=최우수:1:500000,우수:1:300000 >/dev/null
run "issue 15: tracks — rows of one club give one track (IR7)" 2 \
  "learnclub import-roster: $d/t_two.csv: line 3, column track: club '가람' is given track '정책연구' on line 2; nothing imported" \
  import-roster "$db" "$(file t_two.csv "$RH,track" "o2-2017,가람,integrated,,,E001,김가람,president,2017-02-01,,정책연구" "o2-2017,가람,integrated,,,E002,이가람,member,2017-02-01,,학습")"
run "issue 15: tracks — the roster's track column (IR7)" 0 "$d/tracks.csv: 5 rows: 4 clubs, 5 people" \
  import-roster "$db" "$(file tracks.csv "$RH,track" \
  "o2-2017,가람,integrated,,,E001,김가람,president,2017-02-01,,정책연구" "o2-2017,가람,integrated,,,E002,이가람,member,2017-02-01,," \
  "o2-2017,나래,integrated,,,E003,최나래,president,2017-02-01,,정책연구" "o2-2017,다솜,integrated,,,E005,강다솜,president,2017-02-01,,학습" \
  "o2-2017,라온,integrated,,,E006,한라온,president,2017-02-01,,학습")"
check "issue 15: tracks — stored on the club" "가람|정책연구 나래|정책연구 다솜|학습 라온|학습" \
  "$("$SQLITE3" "$db" "SELECT group_concat(c.name || '|' || c.track, ' ') FROM club c JOIN program p ON p.id = c.program_id WHERE p.code = 'o2-2017'")"
"$LC" import-reports "$db" "$(file reports17.csv "club,kind,period,submitted_at,board_ref,title" \
  "가람,research,2017-H1,2017-07-10,," "나래,research,2017-H1,2017-07-10,," "다솜,research,2017-H1,2017-07-10,," "라온,research,2017-H1,2017-07-10,,")" >/dev/null
"$LC" import-scores "$db" "$(file scores17.csv "club,period,judge,criterion,points" \
  "가람,2017-H1,A,성과,90" "나래,2017-H1,A,성과,80" "다솜,2017-H1,A,성과,70" "라온,2017-H1,A,성과,60")" >/dev/null
run "issue 15: tracks — each track ranked apart, the whole scheme per track (EV11)" 0 "\
rank  club  report   judges  score  tie_break  tier    prize   status   track     set_aside
----  ----  -------  ------  -----  ---------  ------  ------  -------  --------  ---------
   1  가람  on_time       1   90.0             최우수  500000  awarded  정책연구          0
   2  나래  on_time       1   80.0             우수    300000  awarded  정책연구          0
   1  다솜  on_time       1   70.0             최우수  500000  awarded  학습              0
   2  라온  on_time       1   60.0             우수    300000  awarded  학습              0" evaluate "$db" 2017-H1 --as-of 2017-12-31
"$LC" import-roster "$db" "$(file tracks2.csv "$RH" "o2-2017,다솜,integrated,,,E005,강다솜,president,2017-02-01,")" >/dev/null
check "issue 15: stale — a club's track unchanged: the awards stay up to date" "" "$("$SQLITE3" "$db" "SELECT stale_reason FROM evaluation WHERE period = '2017-H1'")"
"$LC" import-roster "$db" "$(file tracks3.csv "$RH,track" "o2-2017,라온,integrated,,,E006,한라온,president,2017-02-01,,정책연구")" >/dev/null
check "issue 15: stale — a club's track changed after evaluate: the awards are stale" "tracks changed" \
  "$("$SQLITE3" "$db" "SELECT stale_reason FROM evaluation WHERE period = '2017-H1'")"
check "issue 15: tracks — a roster without the column keeps the track (IR7)" "학습" \
  "$("$SQLITE3" "$db" "SELECT track FROM club WHERE name = '다솜' AND program_id = (SELECT id FROM program WHERE code = 'o2-2017')")"

# --- the settings, checked when written (cli/cmd_program.c P8, sql/rules.sql) -------------
run "issue 15: settings — panel_weights must add up to 100 (B1-D1)" 2 \
  "learnclub program-set: invalid panel_weights '전문가:70,청중:20': program: panel_weights must be panels name:weight separated by commas, each name once, each weight a whole number more than 0, the weights adding up to 100 (O3); nothing was written" \
  program-set "$db" o3-2015 panel_weights=전문가:70,청중:20
run "issue 15: settings — a panel named twice" 2 \
  "learnclub program-set: invalid panel_weights '전문가:50,전문가:50': program: panel_weights must be panels name:weight separated by commas, each name once, each weight a whole number more than 0, the weights adding up to 100 (O3); nothing was written" \
  program-set "$db" o3-2015 panel_weights=전문가:50,전문가:50
run "issue 15: settings — a weight of 0" 2 \
  "learnclub program-set: invalid panel_weights '전문가:100,청중:0': program: panel_weights must be panels name:weight separated by commas, each name once, each weight a whole number more than 0, the weights adding up to 100 (O3); nothing was written" \
  program-set "$db" o3-2015 panel_weights=전문가:100,청중:0
run "issue 15: settings — a panel without a name" 2 \
  "learnclub program-set: invalid panel_weights ':100': program: panel_weights must be panels name:weight separated by commas, each name once, each weight a whole number more than 0, the weights adding up to 100 (O3); nothing was written" \
  program-set "$db" o3-2015 panel_weights=:100
run "issue 15: settings — criteria: a maximum above 100" 2 \
  "learnclub program-set: invalid criteria '추진실적:40,성과:160': program: criteria must be criteria name:maximum separated by commas, each name once, each maximum a number more than 0 and at most 100 (O5); nothing was written" \
  program-set "$db" o3-2016 criteria=추진실적:40,성과:160
run "issue 15: settings — criteria: a maximum that is no number" 2 \
  "learnclub program-set: invalid criteria '추진실적:40점': program: criteria must be criteria name:maximum separated by commas, each name once, each maximum a number more than 0 and at most 100 (O5); nothing was written" \
  program-set "$db" o3-2016 criteria=추진실적:40점
run "issue 15: settings — finalists 0" 2 "learnclub program-set: invalid finalists '0': expected a positive whole number" program-set "$db" o3-2016 finalists=0
run "issue 15: settings — program-set, then none" 0 "o3-2016: updated (panel_weights, finalists, criteria)" \
  program-set "$db" o3-2016 "panel_weights=전문가:60 , 청중:40" finalists=3 criteria=none
check "issue 15: settings — stored without spaces around commas, none as NULL" "전문가:60,청중:40|3|1" \
  "$("$SQLITE3" "$db" "SELECT panel_weights, finalists, criteria IS NULL FROM program WHERE code = 'o3-2016'")"
check "issue 15: settings — program-show" "전문가:60,청중:40|3|none" \
  "$("$LC" program-show "$db" o3-2016 --format json >"$d/show.json"
     "$SQLITE3" :memory: "SELECT j->>'\$[0].panel_weights', j->>'\$[0].finalists', j->>'\$[0].criteria' FROM (SELECT readfile('$d/show.json') AS j)")"
check "issue 15: settings — S1 a plain sqlite3 is refused too" "program: criteria must be criteria name:maximum separated by commas, each name once, each maximum a number more than 0 and at most 100 (O5)" \
  "$(sql_error "$db" "UPDATE program SET criteria = 'x:0' WHERE code = 'o3-2016'")"
check "issue 15: settings — S1 score.stage checked by the schema" "CHECK constraint failed: score: stage must be screening or final (O3)" \
  "$(sql_error "$db" "INSERT INTO score(club_id, period, judge, criterion, points, stage) VALUES (1, '2015-H1', 'x', 'y', 1, 'semi')")"
"$SQLITE3" "$db" "DROP TRIGGER program_criteria_update; UPDATE program SET criteria = '추진실적' WHERE code = 'o3-2016'"
run "issue 15: settings — check lists a criteria the trigger would refuse (CK3)" 1 "\
check,table,row,problem
rules,program,\"id 2\",\"program: criteria must be criteria name:maximum separated by commas, each name once, each maximum a number more than 0 and at most 100 (O5)\"" check "$db" --format csv
"$SQLITE3" "$db" "UPDATE program SET criteria = NULL WHERE code = 'o3-2016'"; "$SQLITE3" "$db" ".read $LEARNCLUB_ROOT/sql/rules.sql"
check "issue 15: settings — S1 club.track not empty" "CHECK constraint failed: club: track must not be empty; NULL for none (O2)" \
  "$(sql_error "$db" "UPDATE club SET track = '' WHERE id = 1")"

# --- migration: a version 4 database keeps its scores as final-stage scores without
# panel, and evaluates as it did -------------------------------------------------------
V4="$LEARNCLUB_ROOT/tests/workflow/fixtures/schema-v4.sql.in"
FIXTURE="$LEARNCLUB_ROOT/tests/workflow/fixtures/small.sql.in"
old=$(newdb judging-v4); fresh=$(newdb judging-v5)
"$SQLITE3" -bail "$old" ".read $V4" ".read $FIXTURE"
"$LC" init "$fresh" >/dev/null; "$SQLITE3" -bail "$fresh" ".read $FIXTURE"
before=$("$SQLITE3" "$old" "SELECT group_concat(club_id || period || judge || criterion || points, ' ') FROM (SELECT * FROM score ORDER BY rowid)")
run "issue 15: migrate — 4 -> 5" 0 "$old: upgraded from schema version 4 to 5" init "$old"
check "issue 15: migrate — every score kept, in order" "$before" \
  "$("$SQLITE3" "$old" "SELECT group_concat(club_id || period || judge || criterion || points, ' ') FROM (SELECT * FROM score ORDER BY rowid)")"
check "issue 15: migrate — final-stage scores without panel or emp_no; no program setting, no track" "32|32|0|0" \
  "$("$SQLITE3" "$old" "SELECT count(*), count(*) FILTER (WHERE stage = 'final' AND panel = '' AND judge_emp_no IS NULL),
     (SELECT count(*) FROM program WHERE panel_weights IS NOT NULL OR finalists IS NOT NULL OR criteria IS NOT NULL),
     (SELECT count(*) FROM club WHERE track IS NOT NULL) FROM score")"
check "issue 15: migrate — evaluate says what a fresh database says" \
  "$("$LC" evaluate "$fresh" 2015-H1 --as-of 2015-12-31 --format csv)" "$("$LC" evaluate "$old" 2015-H1 --as-of 2015-12-31 --format csv)"
