-- sql/incentives.sql: who gets the incentives of half-year @period (JG10, JG11),
-- from the awards `learnclub evaluate` stored and the presidents' nominations.
--
-- Run by `learnclub incentives DB YYYY-H1|YYYY-H2 [--as-of YYYY-MM-DD]` with
-- @period and @as_of (the --as-of date, else today in Korean time) bound.
--   IN1 special_leave: each nominee of a club whose award tier is in the
--      program's leave_tiers (최우수, 우수): 1 day of special leave and a
--      recommendation for the department they wish at the next transfer (JG10).
--      The schema holds at most 2 nominations per club and half-year.
--   IN2 overseas_trip: every member (during the half-year) of a club whose tier
--      is in trip_tiers (최우수), recommended for the overseas trip (JG11).
--   IN4 (issue 14, H3) One "today": a member is one whose membership began
--      on or before @as_of.
--   IN5 (issue 14, H3) When the stored awards of the half-year are stale
--      (scores, research reports, committee places or the club list changed
--      after evaluate), a last row says so: incentive 'awards', status
--      'stale (REASON after evaluate)', a finding.
--   IN3 Reported, not granted: a nominee who was not a member of the club during
--      the half-year (status not_member), a nomination by a club without such
--      an award (status no_award).
--   IN6 (issue 15, A) unit: the person's unit on the half-year's last day
--      (person_unit_span, dated units); a member with several stints in the
--      club during the half-year is listed once.
-- Columns: incentive, club, tier, emp_no, name, unit, status (ok | not_member | no_award | stale (…)).
-- Findings (exit 1): not_member, no_award, stale.
BEGIN;  -- one snapshot for every statement below

CREATE TEMP TABLE lc_arg AS
SELECT @period AS period, period_start(@period) AS first_day, period_end(@period) AS last_day,
       @as_of AS as_of;

CREATE TEMP TABLE lc_out AS
WITH member AS (  -- members of a club during the half-year (membership_span, S5)
  SELECT DISTINCT m.club_id, m.person_id FROM membership_span m, lc_arg a  -- IN6: stints and roles are rows
  WHERE m.first_day <= min(a.last_day, a.as_of) AND m.last_day >= a.first_day  -- IN4
), granted AS (   -- the incentives each award of the half-year grants: its tier is listed
  SELECT aw.club_id, aw.tier, g.incentive
  FROM lc_arg a JOIN award aw ON aw.period = a.period
  JOIN club c ON c.id = aw.club_id JOIN program p ON p.id = c.program_id
  JOIN (SELECT 'special_leave' AS incentive UNION ALL SELECT 'overseas_trip') g
  WHERE instr(',' || CASE g.incentive WHEN 'special_leave' THEN p.leave_tiers ELSE p.trip_tiers END || ',',
              ',' || aw.tier || ',') > 0
)
SELECT * FROM (
  SELECT 'special_leave' AS incentive, c.name AS club, aw.tier, pe.emp_no, pe.name, u.name AS unit,
         CASE WHEN g.club_id IS NULL THEN 'no_award'
              WHEN NOT EXISTS (SELECT 1 FROM member m WHERE m.club_id = n.club_id AND m.person_id = n.person_id) THEN 'not_member'
              ELSE 'ok' END AS status
  FROM lc_arg a
  JOIN nomination n ON n.period = a.period
  JOIN club c ON c.id = n.club_id
  JOIN person pe ON pe.id = n.person_id
  LEFT JOIN person_unit_span pu ON pu.person_id = pe.id AND a.last_day BETWEEN pu.first_day AND pu.last_day  -- IN6
  LEFT JOIN unit u ON u.id = pu.unit_id
  LEFT JOIN award aw ON aw.club_id = n.club_id AND aw.period = a.period
  LEFT JOIN granted g ON g.club_id = n.club_id AND g.incentive = 'special_leave'
  UNION ALL
  SELECT g.incentive, c.name, g.tier, pe.emp_no, pe.name, u.name, 'ok'
  FROM granted g
  JOIN club c ON c.id = g.club_id
  JOIN member m ON m.club_id = g.club_id
  JOIN person pe ON pe.id = m.person_id
  CROSS JOIN lc_arg a
  LEFT JOIN person_unit_span pu ON pu.person_id = pe.id AND a.last_day BETWEEN pu.first_day AND pu.last_day  -- IN6
  LEFT JOIN unit u ON u.id = pu.unit_id
  WHERE g.incentive = 'overseas_trip'
) ORDER BY incentive = 'overseas_trip', club, emp_no;

-- IN5 (issue 14, H3): stale awards (sql/rules.sql) are said, a finding
INSERT INTO lc_out(incentive, status)
SELECT 'awards', 'stale (' || e.stale_reason || ' after evaluate)' FROM evaluation e, lc_arg a
WHERE e.period = a.period AND e.stale_reason IS NOT NULL;

SELECT incentive, club, tier, emp_no, name, unit, status FROM lc_out ORDER BY rowid;

COMMIT;

CREATE TEMP TABLE lc_status AS SELECT count(*) AS findings FROM lc_out WHERE status <> 'ok';
