-- sql/hours.sql: recognised constant-learning hours (상시학습) per official
-- for half-year @period (JG9, D4, D7, D8, KR6), the list General Affairs
-- (총무과) records (issue 16: "hours per person, as General Affairs records
-- them").
--
-- Run by `learnclub hours DB YYYY-H1|YYYY-H2 [--as-of YYYY-MM-DD]` with @period
-- and @as_of (the --as-of date, else today in Korean time) bound.
--   HO1 Only regular meetings count (JG9: 정기 모임 참여자); extra meetings never do.
--   HO2 What an attendance earns and under which cap is the view
--      hours_counted (sql/rules.sql HR1-HR4): officials only (D8), a meeting
--      for at most its program's hours_per_meeting_cap, the programs that
--      share the cap (hours_shared_cap 1) capped once with the smallest
--      hours_cap (D7), a program with hours_shared_cap 0 apart, and
--      hours_cap_year over the year. Each group is capped with
--      learning_hours() (exact sum, no rounding, KR6); a person's hours are
--      the sum of their groups'.
--   HO3 Withdrawn clubs' meetings count: the hours were spent (D6 keeps history).
--   HO4 (issue 14, H3) One "today": only meetings held on or before @as_of
--      count, so a half-year still running shows its hours so far.
--   HO5 (issue 16) One row per official, half-year and education_type (one
--      row per official when the programs share the default type), by
--      emp_no. unit is the person's unit on the half-year's last day (issue 15,
--      A: person_unit_span, dated units: a later roster does not rewrite it). After today's columns: program, club and
--      uncapped_hours list the sources of the hours, one entry per club the
--      person attended, in the same order (program code, then club name),
--      separated by '; '; uncapped_hours is each club's counted hours before
--      the person's cap (text: a list).
-- Columns: emp_no, name, unit, half_year, hours, education_type
-- (기관주관교육/학습동아리), program, club, uncapped_hours.
-- Never a finding: exit 0.
BEGIN;  -- one snapshot for every statement below

CREATE TEMP TABLE lc_arg AS
SELECT @period AS period, period_start(@period) AS first_day,
       min(period_end(@period), @as_of) AS last_day,  -- HO4
       period_end(@period) AS unit_day;               -- HO5: the unit on the half-year's last day

-- The unit of each person on the day that matters (issue 15, A: person_unit_span,
-- the one home of dated units), read once into a table: a join to the view for
-- each row is planned as a scan of every person per row (minutes at national scale).
CREATE TEMP TABLE lc_unit AS
SELECT pu.person_id, pu.unit_id FROM lc_arg a JOIN person_unit_span pu ON a.unit_day BETWEEN pu.first_day AND pu.last_day;
CREATE INDEX temp.lc_unit_person ON lc_unit(person_id);

-- HO1, HO2, HO4: the half-year's counted attendances, with their group's cap
CREATE TEMP TABLE lc_att AS
SELECT h.person_id, h.program_id, h.club_id, h.education_type, h.cap_group, h.hours, h.cap
FROM lc_arg a JOIN hours_counted h ON h.held_on BETWEEN a.first_day AND a.last_day AND h.half_year = a.period;

-- HO2: each group capped once
CREATE TEMP TABLE lc_group AS
SELECT person_id, education_type, cap_group, learning_hours(hours, cap) AS hours
FROM lc_att GROUP BY person_id, education_type, cap_group;

-- HO5: the sources, uncapped: learning_hours() with a cap no sum reaches is
-- the exact sum (hours.c H3)
CREATE TEMP TABLE lc_source AS
SELECT t.person_id, t.education_type, p.code AS program, c.name AS club,
       learning_hours(t.hours, 1e308) AS uncapped
FROM lc_att t JOIN program p ON p.id = t.program_id JOIN club c ON c.id = t.club_id
GROUP BY t.person_id, t.education_type, t.club_id
ORDER BY t.person_id, t.education_type, p.code, c.name;

CREATE TEMP TABLE lc_sources AS
SELECT person_id, education_type, group_concat(program, '; ') AS program, group_concat(club, '; ') AS club,
       group_concat(CAST(uncapped AS TEXT), '; ') AS uncapped_hours
FROM (SELECT * FROM lc_source ORDER BY rowid) GROUP BY person_id, education_type;
-- the join below reads it by person: without this index it was planned as a
-- scan per person (minutes at national scale)
CREATE INDEX temp.lc_sources_person ON lc_sources(person_id, education_type);

CREATE TEMP TABLE lc_out AS
SELECT pe.emp_no, pe.name,
       u.name AS unit,  -- the unit on a.unit_day (HO5; issue 15, A: person_unit_span, dated units)
       a.period AS half_year, g.hours, g.education_type, s.program, s.club, s.uncapped_hours
FROM (SELECT person_id, education_type, total(hours) AS hours FROM lc_group GROUP BY person_id, education_type) g
JOIN lc_sources s ON s.person_id = g.person_id AND s.education_type = g.education_type
JOIN person pe ON pe.id = g.person_id CROSS JOIN lc_arg a
LEFT JOIN lc_unit pu ON pu.person_id = pe.id
LEFT JOIN unit u ON u.id = pu.unit_id
ORDER BY pe.emp_no, g.education_type;

SELECT emp_no, name, unit, half_year, hours, education_type, program, club, uncapped_hours FROM lc_out ORDER BY rowid;

COMMIT;

CREATE TEMP TABLE lc_status AS SELECT 0 AS findings;
