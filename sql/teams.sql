-- sql/teams.sql: the teams of the programs running in year @year, with their
-- composition against the program's rules (NJ1, NJ6, D6).
--
-- Run by `learnclub teams DB YYYY` with @year bound. One row per team (club):
--   program, round (selection_round, NJ6), team, leader (the president),
--   size (the roster: every membership, whatever its dates), outsiders
--   (the person kinds the program's outsiders names: experts and citizens by
--   default, NJ1; issue 15), outsider_share (% of size, 2 decimals),
--   max_members and max_share (the program's max_members and outsider_pct),
--   status: over_size, over_share, over_unit (issue 15: more people of one
--   unit than max_from_one_unit, O6), under_min (issue 15: a roster below
--   min_members, O6, O7; C-D1) (the program's rules were tightened after
--   the team was written: the triggers refuse any write that breaks them),
--   withdrawn (on withdrawn_on, D6: kept, left out of evaluation), or active.
-- Ordered by program, round, then the team's id (the order of selection).
-- Findings (exit 1): over_size, over_share, over_unit, under_min.
BEGIN;

CREATE TEMP TABLE lc_arg AS
SELECT @year AS year, @year || '-01-01' AS first_day, @year || '-12-31' AS last_day;

-- size, outsiders and the rules come from the view team_composition, the
-- rules' one home, which the schema's triggers read too (S5 in sql/rules.sql).
CREATE TEMP TABLE lc_team AS
SELECT p.id AS program_id, p.starts_on, p.code AS program, c.id AS club_id, c.selection_round AS round, c.name AS team,
       (SELECT group_concat(x.name, ', ') FROM (SELECT DISTINCT m.person_id FROM membership_span m
                                                  WHERE m.club_id = c.id AND m.role = 'president') m
        JOIN person x ON x.id = m.person_id) AS leader,  -- issue 15 (A): everyone who was president (dated roles)
       t.size, t.outsiders, t.max_members, t.outsider_pct, t.over_size, t.over_share, t.over_unit, t.under_min, c.status, c.withdrawn_on
FROM club c JOIN program p ON p.id = c.program_id JOIN team_composition t ON t.club_id = c.id, lc_arg a
WHERE p.starts_on <= a.last_day AND p.ends_on >= a.first_day;

CREATE TEMP TABLE lc_out AS
SELECT program, round, team, leader, size, outsiders,
       CASE WHEN size > 0 THEN round(100.0 * outsiders / size, 2) END AS outsider_share,
       max_members, outsider_pct AS max_share,
       CASE WHEN over_size THEN 'over_size'
            WHEN over_share THEN 'over_share'
            WHEN over_unit THEN 'over_unit'  -- issue 15: max_from_one_unit (O6)
            WHEN under_min AND status <> 'withdrawn' THEN 'under_min'  -- issue 15: min_members (O6, O7)
            WHEN status = 'withdrawn' THEN 'withdrawn'
            ELSE 'active' END AS status,
       withdrawn_on, starts_on, program_id, club_id
FROM lc_team;

SELECT program, round, team, leader, size, outsiders,
       CASE WHEN outsider_share = CAST(outsider_share AS INTEGER) THEN CAST(outsider_share AS INTEGER) ELSE outsider_share END AS outsider_share,
       max_members,
       CASE WHEN max_share = CAST(max_share AS INTEGER) THEN CAST(max_share AS INTEGER) ELSE max_share END AS max_share,
       status, withdrawn_on
FROM lc_out ORDER BY starts_on, program_id, round IS NULL, round, club_id;

COMMIT;

CREATE TEMP TABLE lc_status AS
SELECT count(*) AS findings FROM lc_out WHERE status IN ('over_size', 'over_share', 'over_unit', 'under_min');
