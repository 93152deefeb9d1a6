#!/usr/bin/env bash
# Issue 14 (H3): one "today" everywhere. --as-of YYYY-MM-DD on evaluate
# (sql/evaluate.sql EV6), hours (HO4), incentives (IN4) and summary; without
# it, today in Korean time (LEARNCLUB_TODAY in tests). A research report not
# yet due is pending in evaluate: not ranked, no finding.
source "$(dirname "$0")/../lib.sh"
LC="$LEARNCLUB"
T="$LEARNCLUB_ROOT/examples/templates"
w="$TMPROOT/asof"; rm -rf "$w"; mkdir -p "$w"
db="$w/db.db"
"$LC" init "$db" >/dev/null
for k in roster meetings reports scores; do "$LC" import-$k "$db" "$T/$k.csv" >/dev/null; done
# the templates: 예산지킴이 filed its 2015-H1 research report on 2015-07-20,
# 창의아이디어뱅크 none; report_due('2015-H1') is 2015-07-31
ev() { "$LC" evaluate "$db" 2015-H1 --format csv "$@" | sed 1d | cut -d, -f2,3,9 | tr -d '"' | tr '\n' ' '; }

out=$(ev --as-of 2015-07-15); rc=$?
check "EV6 before the due date: both pending, neither ranked" "예산지킴이,pending,pending 창의아이디어뱅크,pending,pending " "$out"
"$LC" evaluate "$db" 2015-H1 --as-of 2015-07-15 >/dev/null; rc=$?
check "EV6 pending is no finding: exit 0" 0 "$rc"
check "EV6 pending: no award stored" 0 "$("$SQLITE3" "$db" "SELECT count(*) FROM award")"
check "EV6 on the due date: the filed one ranked, the other still pending" "예산지킴이,on_time,awarded 창의아이디어뱅크,pending,pending " "$(ev --as-of 2015-07-31)"
"$LC" evaluate "$db" 2015-H1 --as-of 2015-07-31 >/dev/null; rc=$?
check "EV6 on the due date: exit 0" 0 "$rc"
check "EV6 after the due date: the unfiled one missing" "예산지킴이,on_time,awarded 창의아이디어뱅크,missing,missing " "$(ev --as-of 2015-08-03)"
"$LC" evaluate "$db" 2015-H1 --as-of 2015-08-03 >/dev/null; rc=$?
check "EV6 missing is a finding: exit 1" 1 "$rc"
check "EV6 a report filed after --as-of is not seen yet" "예산지킴이,pending,pending" \
  "$("$LC" evaluate "$db" 2015-H1 --as-of 2015-07-19 --format csv | sed -n 2p | cut -d, -f2,3,9 | tr -d '"')"
check "EV6 without --as-of: today (LEARNCLUB_TODAY)" "$(ev --as-of 2015-07-15)" \
  "$(LEARNCLUB_TODAY=2015-07-15 "$LC" evaluate "$db" 2015-H1 --format csv | sed 1d | cut -d, -f2,3,9 | tr -d '"' | tr '\n' ' ')"

# HO4: hours count the meetings held on or before --as-of
hrs() { "$LC" hours "$db" 2015-H1 --format csv "$@" | sed 1d | cut -d, -f1,5 | tr '\n' ' '; }
check "HO4 hours --as-of 2015-03-15: only the meeting of 03-12" "1500037,3.0 1500074,3.0 " "$(hrs --as-of 2015-03-15)"
check "HO4 hours --as-of 2015-03-18: the meeting of that day counts" "1500037,3.0 1500074,3.0 1504181,2.5 1504218,2.5 " "$(hrs --as-of 2015-03-18)"
out=$("$LC" hours "$db" 2015-H1 --as-of 2015-03-01 2>&1); rc=$?
check "HO4 hours before any meeting: (no rows), exit 0" "(no rows)|0" "$out|$rc"
check "HO4 without --as-of: today" "$(hrs --as-of 2015-03-15)" "$(LEARNCLUB_TODAY=2015-03-15 "$LC" hours "$db" 2015-H1 --format csv | sed 1d | cut -d, -f1,5 | tr '\n' ' ')"

# summary --as-of: the reports as of that day (report_status), as monthly-check sees them
check "summary --as-of 2015-04-06: March on time, the rest pending" "monthly,on_time,2 monthly,late,0 monthly,missing,0 monthly,pending,18 " \
  "$("$LC" summary "$db" 2015 --as-of 2015-04-06 --format csv | grep '^monthly,' | tr '\n' ' ')"
check "summary --as-of 2016-01-31: the rest missing" "monthly,on_time,2 monthly,late,0 monthly,missing,18 monthly,pending,0 " \
  "$("$LC" summary "$db" 2015 --as-of 2016-01-31 --format csv | grep '^monthly,' | tr '\n' ' ')"
check "summary: the clubs' total beside bureau and integrated (JG2)" "clubs,bureau,1 clubs,integrated,1 clubs,total,2 clubs,withdrawn,0 " \
  "$("$LC" summary "$db" 2015 --as-of 2016-01-31 --format csv | grep '^clubs,' | tr '\n' ' ')"

# IN4: incentives see the members whose membership began by --as-of
"$LC" evaluate "$db" 2015-H1 --as-of 2015-08-03 >/dev/null
"$SQLITE3" "$db" "UPDATE membership SET joined_on = '2015-06-01' WHERE person_id = (SELECT id FROM person WHERE emp_no = '1500074')"
trip() { "$LC" incentives "$db" 2015-H1 --format csv "$@" | grep '^overseas_trip' | cut -d, -f4 | tr '\n' ' '; }
check "IN4 incentives --as-of 2015-05-31: a member from 06-01 is not one yet" "1500037 " "$(trip --as-of 2015-05-31)"
check "IN4 incentives --as-of 2015-06-01: now a member" "1500037 1500074 " "$(trip --as-of 2015-06-01)"

# bad values: refused, naming the option and quoting the value
for c in "evaluate $db 2015-H1" "hours $db 2015-H1" "incentives $db 2015-H1" "summary $db 2015"; do
  # shellcheck disable=SC2086
  out=$("$LC" $c --as-of 2015-02-30 2>&1); rc=$?
  check "${c%% *} --as-of an invalid date: refused" "learnclub ${c%% *}: invalid --as-of date '2015-02-30'; expected YYYY-MM-DD|2" "$out|$rc"
done
