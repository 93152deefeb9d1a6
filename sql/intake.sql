-- sql/intake.sql: can the run of year @year go ahead? Its call for teams (NJ3).
--
-- Run by `learnclub intake DB YYYY` with @year bound. One row per call
-- (team_call) of a program running in @year: program, applications,
-- min_teams, max_teams, teams (selected so far), status, reason:
--   cancelled  the call was cancelled; reason as recorded (NJ3: 2024, 3 teams)
--   too_few    fewer applications than min_teams (NJ3)
--   open       applications not counted yet
--   go         the run went ahead (outcome 'run'), or has applications enough
--   none       no call for teams in @year (one row, program empty)
-- Findings (exit 1): cancelled, too_few, none: the run cannot go ahead.
BEGIN;

CREATE TEMP TABLE lc_arg AS
SELECT @year AS year, @year || '-01-01' AS first_day, @year || '-12-31' AS last_day;

CREATE TEMP TABLE lc_call AS
SELECT p.id AS program_id, p.code AS program, p.starts_on, t.applications, t.min_teams, t.max_teams,
       (SELECT count(*) FROM club c WHERE c.program_id = p.id) AS teams, t.outcome, t.reason
FROM team_call t JOIN program p ON p.id = t.program_id, lc_arg a
WHERE p.starts_on <= a.last_day AND p.ends_on >= a.first_day;

CREATE TEMP TABLE lc_out AS
SELECT program, applications, min_teams, max_teams, teams,
       CASE WHEN outcome = 'cancelled' THEN 'cancelled'
            WHEN outcome = 'run' THEN 'go'
            WHEN applications IS NULL THEN 'open'
            WHEN applications < min_teams THEN 'too_few'
            ELSE 'go' END AS status,
       CASE WHEN outcome = 'cancelled' THEN reason
            WHEN outcome = 'run' THEN coalesce(reason, 'ran with ' || teams || ' teams')
            WHEN applications IS NULL THEN 'applications not counted yet'
            WHEN applications < min_teams THEN
              applications || ' teams applied, fewer than the minimum of ' || min_teams || ' (NJ3)'
            ELSE applications || ' teams applied'
                 || CASE WHEN min_teams IS NOT NULL THEN ', at least the minimum of ' || min_teams ELSE '' END
                 || CASE WHEN applications > max_teams THEN '; select at most ' || max_teams || ' (NJ1)' ELSE '' END
       END AS reason,
       starts_on, program_id
FROM lc_call;
INSERT INTO lc_out(program, teams, status, reason)
SELECT NULL, 0, 'none', 'no call for teams in ' || a.year FROM lc_arg a WHERE NOT EXISTS (SELECT 1 FROM lc_call);

SELECT program, applications, min_teams, max_teams, teams, status, reason FROM lc_out ORDER BY starts_on, program_id;

COMMIT;

CREATE TEMP TABLE lc_status AS
SELECT count(*) AS findings FROM lc_out WHERE status IN ('cancelled', 'too_few', 'none');
