-- sql/incentives.sql: who gets the incentives of half-year @period (JG10,
-- JG11; issue 15: O1, O2), from the awards `learnclub evaluate` stored, the
-- presidents' nominations and the program setting `incentives` (its grants,
-- read through the view program_incentive, sql/rules.sql IC1-IC4).
--
-- Run by `learnclub incentives DB YYYY-H1|YYYY-H2 [--as-of YYYY-MM-DD]` with
-- @period and @as_of (the --as-of date, else today in Korean time) bound.
--   IN1 A grant KIND*N of the club's tier (JG10: leave*2): each nominee of
--       the club, one row per grant: special_leave is 1 day of special leave
--       (JG10: with it, a recommendation for the department they wish at the
--       next transfer), transfer_preference, promotion_preference,
--       overseas_trip, domestic_training, or the gift's name. The schema
--       holds at most 2 nominations per club and half-year; more nominees
--       than N are all reported with status too_many, a finding (the
--       president must choose).
--   IN2 A grant KIND without *N: every member (during the half-year) of the
--       club (JG11: trip, overseas_trip); a gift without *N goes to the club
--       itself, one row without a person.
--   IN6 (issue 15) A grant KIND/M goes only to the first M clubs of the tier
--       by rank (O1: promotion for one of the two 우수 teams); clubs tied
--       across the M-th place are all listed with status tied, a finding,
--       until the committee decides (D3).
--   IN4 (issue 14, H3) One "today": a member is one whose membership began
--       on or before @as_of.
--   IN5 (issue 14, H3) When the stored awards of the half-year are stale
--       (scores, research reports, committee places or the club list changed
--       after evaluate), a last row says so: incentive 'awards', status
--       'stale (REASON after evaluate)', a finding.
--   IN3 Reported, not granted: a nominee who was not a member of the club
--       during the half-year (status not_member); a nomination by a club
--       whose tier grants nothing by nomination (status no_award), once per
--       kind the program grants by nomination (nomination when it grants
--       none).
--   IN6 (issue 15, A) unit: the person's unit on the half-year's last day
--      (person_unit_span, dated units).
-- Rows: nominees first (IN1, IN3), then members and clubs (IN2), each by
-- kind (leave, transfer, promotion, trip, training, gifts), club, emp_no.
-- Columns: incentive, club, tier, emp_no, name, unit, status (ok | not_member | no_award | too_many | tied | stale (…)).
-- Findings (exit 1): every status but ok.
BEGIN;  -- one snapshot for every statement below

CREATE TEMP TABLE lc_arg AS
SELECT @period AS period, period_start(@period) AS first_day, period_end(@period) AS last_day,
       @as_of AS as_of;

-- The unit of each person on the day that matters (issue 15, A: person_unit_span,
-- the one home of dated units), read once into a table: a join to the view for
-- each row is planned as a scan of every person per row (minutes at national scale).
CREATE TEMP TABLE lc_unit AS
SELECT pu.person_id, pu.unit_id FROM lc_arg a JOIN person_unit_span pu ON a.last_day BETWEEN pu.first_day AND pu.last_day;
CREATE INDEX temp.lc_unit_person ON lc_unit(person_id);

CREATE TEMP TABLE lc_out AS
WITH member AS (  -- members of a club during the half-year (membership_span, S5)
  SELECT DISTINCT m.club_id, m.person_id FROM membership_span m, lc_arg a  -- IN6: stints and roles are rows
  WHERE m.first_day <= min(a.last_day, a.as_of) AND m.last_day >= a.first_day  -- IN4
), granted AS (   -- the grants each award of the half-year gets: its tier's (IN6: within the first M)
  SELECT aw.club_id, aw.tier, i.incentive, i.kind_order, i.per_club,
         CASE WHEN i.clubs IS NULL THEN 'ok'
              WHEN (SELECT count(*) FROM award x JOIN club xc ON xc.id = x.club_id
                    WHERE x.period = aw.period AND x.tier = aw.tier AND xc.program_id = c.program_id
                      AND x.rank <= aw.rank) <= i.clubs THEN 'ok'
              ELSE 'tied' END AS status
  FROM lc_arg a JOIN award aw ON aw.period = a.period
  JOIN club c ON c.id = aw.club_id
  JOIN program_incentive i ON i.program_id = c.program_id AND i.tier = aw.tier AND i.ok
  WHERE i.clubs IS NULL
     OR (SELECT count(*) FROM award x JOIN club xc ON xc.id = x.club_id
         WHERE x.period = aw.period AND x.tier = aw.tier AND xc.program_id = c.program_id
           AND x.rank < aw.rank) < i.clubs
), nominee AS (   -- each nomination with the grants by nomination of its club (IN1, IN3)
  SELECT n.club_id, n.person_id, g.incentive, g.kind_order, g.status AS club_status,
         (SELECT count(*) FROM nomination x WHERE x.club_id = n.club_id AND x.period = n.period) > g.per_club AS too_many
  FROM lc_arg a JOIN nomination n ON n.period = a.period
  JOIN granted g ON g.club_id = n.club_id AND g.per_club IS NOT NULL
), by_nomination AS (  -- the kinds each program grants by nomination (IN3's no_award rows)
  SELECT DISTINCT program_id, incentive, kind_order FROM program_incentive WHERE per_club IS NOT NULL AND ok
)
SELECT incentive, club, tier, emp_no, name, unit, status FROM (
  SELECT 0 AS part, g.kind_order, g.incentive, c.name AS club, aw.tier, pe.emp_no, pe.name, u.name AS unit,
         CASE WHEN NOT EXISTS (SELECT 1 FROM member m WHERE m.club_id = g.club_id AND m.person_id = g.person_id) THEN 'not_member'
              WHEN g.too_many THEN 'too_many'
              ELSE g.club_status END AS status
  FROM lc_arg a JOIN nominee g
  JOIN club c ON c.id = g.club_id
  JOIN person pe ON pe.id = g.person_id
  LEFT JOIN lc_unit pu ON pu.person_id = pe.id  -- IN6
  LEFT JOIN unit u ON u.id = pu.unit_id
  LEFT JOIN award aw ON aw.club_id = g.club_id AND aw.period = a.period
  UNION ALL
  SELECT 0, coalesce(b.kind_order, 0), coalesce(b.incentive, 'nomination'), c.name, aw.tier, pe.emp_no, pe.name, u.name, 'no_award'
  FROM lc_arg a
  JOIN nomination n ON n.period = a.period
  JOIN club c ON c.id = n.club_id
  JOIN person pe ON pe.id = n.person_id
  LEFT JOIN lc_unit pu ON pu.person_id = pe.id  -- IN6
  LEFT JOIN unit u ON u.id = pu.unit_id
  LEFT JOIN award aw ON aw.club_id = n.club_id AND aw.period = a.period
  LEFT JOIN by_nomination b ON b.program_id = c.program_id
  WHERE NOT EXISTS (SELECT 1 FROM granted g WHERE g.club_id = n.club_id AND g.per_club IS NOT NULL)
  UNION ALL
  SELECT 1, g.kind_order, g.incentive, c.name, g.tier, pe.emp_no, pe.name, u.name, g.status
  FROM granted g
  JOIN club c ON c.id = g.club_id
  JOIN member m ON m.club_id = g.club_id
  JOIN person pe ON pe.id = m.person_id
  LEFT JOIN lc_unit pu ON pu.person_id = pe.id  -- IN6
  LEFT JOIN unit u ON u.id = pu.unit_id
  WHERE g.per_club IS NULL AND g.kind_order < 6
  UNION ALL
  SELECT 1, g.kind_order, g.incentive, c.name, g.tier, NULL, NULL, NULL, g.status
  FROM granted g JOIN club c ON c.id = g.club_id
  WHERE g.per_club IS NULL AND g.kind_order = 6
) ORDER BY part, kind_order, incentive, club, emp_no;

-- IN5 (issue 14, H3): stale awards (sql/rules.sql) are said, a finding
INSERT INTO lc_out(incentive, status)
SELECT 'awards', 'stale (' || e.stale_reason || ' after evaluate)' FROM evaluation e, lc_arg a
WHERE e.period = a.period AND e.stale_reason IS NOT NULL;

SELECT incentive, club, tier, emp_no, name, unit, status FROM lc_out ORDER BY rowid;

COMMIT;

CREATE TEMP TABLE lc_status AS SELECT count(*) AS findings FROM lc_out WHERE status <> 'ok';
