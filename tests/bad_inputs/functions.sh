#!/usr/bin/env bash
# Issue 6, the catalogue of bad inputs — every function and table-valued
# function. Each case is an expression that must fail with the exact message,
# inside an INSERT, and the check that nothing was written: the statement is
# atomic, so the table it wrote to stays empty. (Script arguments and import
# files: commands.sh beside this file.)
source "$(dirname "$0")/../lib.sh"
db=$(newdb bad_functions)
"$SQLITE3" "$db" "CREATE TABLE log(v);"
n=0
bad() {  # EXPRESSION EXPECTED-MESSAGE
  local got
  got=$("$SQLITE3" -batch "$db" -cmd ".load $LEARNCLUB_EXT" "INSERT INTO log SELECT $1;" 2>&1 >/dev/null |
    sed -E -n '1{s/^(Error: (stepping|in prepare), |Runtime error near line [0-9]+: |Error: )//; s/ \([0-9]+\)$//; p}')
  check "$1" "$2" "$got"
  n=$((n + 1))
}
bad_tvf() {  # FROM-CLAUSE EXPECTED-MESSAGE
  bad "count(*) FROM $1" "$2"
}
bad 'half_year('\''2015-02-29'\'')' 'half_year(): invalid date '\''2015-02-29'\'''
bad 'half_year('\'''\'')' 'half_year(): invalid date '\'''\'''
bad 'half_year(printf('\''%.5000c'\'', '\''9'\''))' 'half_year(): invalid date '\''999999999999999999999999999999999999999999999999999999999999'\''... (5000 bytes)'
bad 'half_year(CAST(x'\''3230313500'\'' AS TEXT))' 'half_year(): invalid date '\''2015\x00'\'''
bad 'half_year(CAST(x'\''32303135ff2d30312d3031'\'' AS TEXT))' 'half_year(): invalid date '\''2015\xFF-01-01'\'''
bad 'half_year(x'\'''\'')' 'half_year(): invalid date x'\'''\'''
bad 'half_year(1e999)' 'half_year(): invalid date Inf'
bad 'half_year(-1e999)' 'half_year(): invalid date -Inf'
bad 'half_year(9223372036854775807)' 'half_year(): invalid date 9223372036854775807'
bad 'half_year('\''2015-01-01 12:00+15:00'\'')' 'half_year(): invalid date '\''2015-01-01 12:00+15:00'\'''
bad 'half_year('\''2015-01-01T'\'')' 'half_year(): invalid date '\''2015-01-01T'\'''
bad 'half_year('\''１２３４-01-01'\'')' 'half_year(): invalid date '\''１２３４-01-01'\'''
bad 'is_working_day('\''2051-01-01'\'')' 'is_working_day(): date '\''2051-01-01'\'' is outside the calendar (2000-01-01 to 2050-12-31)'
bad 'is_working_day('\''0001-01-01'\'')' 'is_working_day(): date '\''0001-01-01'\'' is outside the calendar (2000-01-01 to 2050-12-31)'
bad 'is_working_day('\''9999-12-31'\'')' 'is_working_day(): date '\''9999-12-31'\'' is outside the calendar (2000-01-01 to 2050-12-31)'
bad 'is_working_day('\''2015.13.1.'\'')' 'is_working_day(): invalid date '\''2015.13.1.'\'''
bad 'is_working_day(CAST(x'\''00'\'' AS TEXT))' 'is_working_day(): invalid date '\''\x00'\'''
bad 'report_due('\''2015-13'\'')' 'report_due(): invalid period '\''2015-13'\'''
bad 'report_due('\''0000-01'\'')' 'report_due(): invalid period '\''0000-01'\'''
bad 'report_due('\''2015-H0'\'')' 'report_due(): invalid period '\''2015-H0'\'''
bad 'report_due(printf('\''%.300c'\'', '\''x'\''))' 'report_due(): invalid period '\''xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'\''... (300 bytes)'
bad 'report_due('\''2015-03'\'', '\''day='\'')' 'report_due(): invalid rule setting '\''day='\'''
bad 'report_due('\''2015-03'\'', '\''day=-1'\'')' 'report_due(): unknown rule setting '\''day=-1'\'''
bad 'report_due('\''2015-03'\'', '\''day=007'\'')' 'report_due(): invalid rule setting '\''day=007'\'''
bad 'report_due('\''2015-03'\'', '\''day=99999999999999999999'\'')' 'report_due(): invalid rule setting '\''day=99999999999999999999'\'''
bad 'report_due('\''2015-03'\'', '\''strict,strict;drop'\'')' 'report_due(): unknown rule setting '\''strict;drop'\'''
bad 'report_due('\''2015-03'\'', x'\''737472696374'\'')' 'report_due(): invalid rule x'\''737472696374'\'''
bad 'report_due('\''2015-03'\'', '\''STRICT'\'')' 'report_due(): unknown rule setting '\''STRICT'\'''
# issue 15 (deadlines.c R10): h1= and h2=
bad 'report_due('\''2026-H1'\'', '\''h1=02-30'\'')' 'report_due(): invalid rule setting '\''h1=02-30'\'''
bad 'report_due('\''2026-H2'\'', '\''h2=1-20'\'')' 'report_due(): invalid rule setting '\''h2=1-20'\'''
bad 'report_due('\''2026-H2'\'', '\''h2=01-20일'\'')' 'report_due(): unknown rule setting '\''h2=01-20일'\'''
bad 'deadline_ok('\''2015-03'\'', '\''2015-04-06 23:59:59.'\'')' 'deadline_ok(): invalid date '\''2015-04-06 23:59:59.'\'''
bad 'deadline_ok('\''2015-03'\'', '\''tomorrow'\'')' 'deadline_ok(): invalid date '\''tomorrow'\'''
bad 'deadline_ok(x'\''323031352d3033'\'', '\''2015-04-01'\'')' 'deadline_ok(): invalid period x'\''323031352D3033'\'''
bad 'deadline_ok('\''2015-03'\'', 1e999)' 'deadline_ok(): invalid date Inf'
bad 'award_tier(0.5)' 'award_tier(): invalid rank 0.5'
bad 'award_tier(9223372036854775808)' 'award_tier(): invalid rank 9.22337203685478e+18'
bad 'award_tier(-9223372036854775808)' 'award_tier(): invalid rank -9223372036854775808'
bad 'award_tier('\''NaN'\'')' 'award_tier(): invalid rank '\''NaN'\'''
bad 'award_tier(1, '\''우수'\'')' 'award_tier(): unknown scheme '\''우수'\'''
bad 'award_tier(1, '\''a:1:1,,b:1:1'\'')' 'award_tier(): invalid scheme '\''a:1:1,,b:1:1'\'': tier '\'''\'' is not name:count:prize'
bad 'award_tier(1, '\''a:1:99999999999999999'\'')' 'award_tier(): invalid scheme '\''a:1:99999999999999999'\'': prize '\''99999999999999999'\'' is not a whole number of won'
bad 'award_tier(1, x'\''6e616a752d32303235'\'')' 'award_tier(): invalid scheme x'\''6E616A752D32303235'\'''
bad 'award_prize(1, '\'' : : '\'')' 'award_prize(): invalid scheme '\'' : : '\'': tier '\'': :'\'' is not name:count:prize'
bad 'learning_hours('\''NaN'\'')' 'learning_hours(): invalid hours '\''NaN'\'''
bad 'learning_hours(1e999)' 'learning_hours(): invalid hours Inf'
bad 'learning_hours(-0.000001)' 'learning_hours(): invalid hours -1.0e-06'
bad 'learning_hours(1, 1e999)' 'learning_hours(): invalid cap Inf'
bad 'learning_hours(1, x'\''01'\'')' 'learning_hours(): invalid cap x'\''01'\'''
bad 'indicator_rate('\''inf'\'', 1)' 'indicator_rate(): invalid achieved '\''inf'\'''
bad 'indicator_rate(1, -1e999)' 'indicator_rate(): invalid target -Inf'
bad 'pledge_rate(1, 1, 1e-400)' 'pledge_rate(): invalid weight 0.0'
bad 'pledge_rate(1, 1, -1e999)' 'pledge_rate(): invalid weight -Inf'
bad 'half_year('\''9999-12-31T20:00:00Z'\'')' 'half_year(): invalid date '\''9999-12-31T20:00:00Z'\'''
bad 'period_start('\''2015-13'\'')' 'period_start(): invalid period '\''2015-13'\'''
bad 'period_end('\''2015-H3'\'')' 'period_end(): invalid period '\''2015-H3'\'''
bad 'period_end(x'\''323031352d3033'\'')' 'period_end(): invalid period x'\''323031352D3033'\'''
bad 'period_start(CAST(x'\''3230313500'\'' AS TEXT))' 'period_start(): invalid period '\''2015\x00'\'''
bad 'kr_date('\''2015-02-29'\'')' 'kr_date(): invalid date '\''2015-02-29'\'''
bad 'kr_date(1e999)' 'kr_date(): invalid date Inf'
bad 'kr_date('\''9999-12-31 10:00-05:00'\'')' 'kr_date(): invalid date '\''9999-12-31 10:00-05:00'\'''
bad 'kr_datetime('\''2015-04-06 23:59:59.'\'')' 'kr_datetime(): invalid date '\''2015-04-06 23:59:59.'\'''
bad 'kr_datetime('\''0001-01-01T00:30+10:00'\'')' 'kr_datetime(): invalid date '\''0001-01-01T00:30+10:00'\'''
bad 'report_status('\''2015-03'\'', '\''2015-02-30'\'', '\''2015-12-31'\'')' 'report_status(): invalid date '\''2015-02-30'\'''
bad 'report_status('\''2015-03'\'', NULL, x'\''00'\'')' 'report_status(): invalid date x'\''00'\'''
bad 'report_status('\''2015-H3'\'', NULL, '\''2015-12-31'\'')' 'report_status(): invalid period '\''2015-H3'\'''
bad 'report_status(NULL, '\''soon'\'', NULL)' 'report_status(): invalid date '\''soon'\'''
bad 'report_status('\''2015-03'\'', NULL, '\''2015-12-31'\'', '\''day=0'\'')' 'report_status(): invalid rule setting '\''day=0'\'''
bad 'report_status('\''9999-12'\'', NULL, '\''9999-12-31'\'', '\''strict'\'')' 'report_status(): the due date of period '\''9999-12'\'' is after 9999-12-31'
bad 'report_due('\''9999-12'\'')' 'report_due(): the due date of period '\''9999-12'\'' is after 9999-12-31'
bad 'deadline_ok(CAST(x'\''00000000000000'\'' AS TEXT), '\''2015-04-01'\'')' 'deadline_ok(): invalid period '\''\x00\x00\x00\x00\x00\x00\x00'\'''
bad 'learning_hours(column1, column2) FROM (VALUES (5, 20), (10, NULL))' 'learning_hours(): cap NULL (the default 12) differs from cap 20 of an earlier row'
bad 'pledge_rate(1, 1, 1e308)' 'pledge_rate(): invalid weight 1.0e+308: the sum of weights overflows'
bad 'pledge_rate(1, 1, column1) FROM (VALUES (1e306), (1e306))' 'pledge_rate(): invalid weight 1.0e+306: the sum of weights overflows'
bad_tvf 'report_calendar('\''9999-12'\'', '\''9999-12'\'', '\''strict'\'')' 'report_calendar(): the due date of period '\''9999-12'\'' is after 9999-12-31'
bad_tvf 'holidays(1999)' 'holidays(): year 1999 is outside the calendar (2000 to 2050)'
bad_tvf 'holidays('\''2025-01-01'\'')' 'holidays(): to_date is required unless from_date is a year'
bad_tvf 'holidays('\''2025-01-01'\'', '\''2025-02-30'\'')' 'holidays(): invalid to_date '\''2025-02-30'\'''
bad_tvf 'holidays(x'\''00'\'', '\''2025-01-01'\'')' 'holidays(): invalid from_date x'\''00'\'''
bad_tvf 'holidays('\''2000-01-01'\'', '\''2051-01-01'\'')' 'holidays(): date '\''2051-01-01'\'' is outside the calendar (2000-01-01 to 2050-12-31)'
bad_tvf 'report_calendar('\''2015-13'\'', '\''2015-12'\'')' 'report_calendar(): invalid from_period '\''2015-13'\'''
bad_tvf 'report_calendar('\''2015-03'\'', x'\''00'\'')' 'report_calendar(): invalid to_period x'\''00'\'''
bad_tvf 'report_calendar('\''2015-03'\'', '\''2015-12'\'', '\''day=0'\'')' 'report_calendar(): invalid rule setting '\''day=0'\'''
bad_tvf 'report_calendar('\''2050-01'\'', '\''2050-12'\'')' 'report_calendar(): date '\''2051-01-01'\'' is outside the calendar (2000-01-01 to 2050-12-31)'
bad_tvf 'award_table('\''nope'\'')' 'award_table(): unknown scheme '\''nope'\'''
bad_tvf 'award_table('\''a:0:1'\'')' 'award_table(): invalid scheme '\''a:0:1'\'': count '\''0'\'' is not a positive integer or *'
bad_tvf 'award_table(3.5)' 'award_table(): invalid scheme 3.5'
check "nothing was written by any of them" "0" "$("$SQLITE3" "$db" "SELECT count(*) FROM log;")"
check "at least 60 function cases" "yes" "$([ "$n" -ge 60 ] && echo yes || echo "no: $n")"
