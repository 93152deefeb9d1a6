-- sql/hours.sql: recognised constant-learning hours (상시학습) per person for
-- half-year @period (JG9, D4, KR6), the list General Affairs (총무과) records.
--
-- Run by `learnclub hours DB YYYY-H1|YYYY-H2 [--as-of YYYY-MM-DD]` with @period
-- and @as_of (the --as-of date, else today in Korean time) bound.
--   HO1 Only regular meetings count (JG9: 정기 모임 참여자); extra meetings never do.
--   HO2 A person's hours are the exact sum of the hours of the regular meetings
--      they attended in the half-year, per program, capped by the program's
--      hours_cap (12 by default) with learning_hours(); no rounding (KR6).
--   HO3 Withdrawn clubs' meetings count: the hours were spent (D6 keeps history).
--   HO4 (issue 14, H3) One "today": only meetings held on or before @as_of
--      count, so a half-year still running shows its hours so far.
--   HO5 (issue 15, A) The unit is the person's unit on the half-year's last
--      day (person_unit_span, dated units): a later roster does not rewrite it.
-- Columns: emp_no, name, unit, half_year, hours, education_type
-- (기관주관교육/학습동아리); one row per person and program, by emp_no.
-- Never a finding: exit 0.
BEGIN;  -- one snapshot for every statement below

CREATE TEMP TABLE lc_arg AS
SELECT @period AS period, period_start(@period) AS first_day,
       min(period_end(@period), @as_of) AS last_day,  -- HO4
       period_end(@period) AS unit_day;  -- HO5

CREATE TEMP TABLE lc_out AS
SELECT pe.emp_no, pe.name, u.name AS unit, a.period AS half_year,
       learning_hours(mt.hours, p.hours_cap) AS hours, p.education_type
FROM lc_arg a
JOIN meeting mt ON mt.kind = 'regular' AND mt.held_on BETWEEN a.first_day AND a.last_day
JOIN attendance at ON at.meeting_id = mt.id
JOIN club c ON c.id = mt.club_id
JOIN program p ON p.id = c.program_id
JOIN person pe ON pe.id = at.person_id
LEFT JOIN person_unit_span pu ON pu.person_id = pe.id AND a.unit_day BETWEEN pu.first_day AND pu.last_day  -- HO5
LEFT JOIN unit u ON u.id = pu.unit_id
GROUP BY pe.id, p.id
ORDER BY pe.emp_no, p.id;

SELECT emp_no, name, unit, half_year, hours, education_type FROM lc_out ORDER BY rowid;

COMMIT;

CREATE TEMP TABLE lc_status AS SELECT 0 AS findings;
