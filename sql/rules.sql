-- sql/rules.sql: the rules of the learnclub database that span rows or
-- tables, as views and the triggers that read them (S1, S5 in sql/schema.sql).
-- Their one home: `learnclub init` runs this file after sql/schema.sql on a
-- new database, and after the migrations (sql/migrate/NNN.sql) on an older
-- one. Every statement is CREATE … IF NOT EXISTS, so running it again changes
-- nothing; a migration that changes a rule drops the old view or trigger
-- first, and this file creates the new one. In the sqlite3 shell:
--   .read sql/schema.sql
--   .read sql/rules.sql
-- Rules that span rows or tables (S1, S5). Each rule has one home: a view
-- that lists the rows breaking it, or the days a row covers. The triggers
-- only look the written row up in that view, after the write: SQLite needs a
-- trigger per event (INSERT, UPDATE, DELETE), and all the triggers of a rule
-- read the same view. A refusal raises "table: message (rule)" and undoes the
-- statement. Built-in SQL only: a plain sqlite3 enforces every rule (S1).
-- Added in schema version 4 (issue 12): the rules were written out in each
-- trigger before.

-- A membership's days: joined_on to left_on, both included; a NULL left_on
-- means still in. A membership overlaps the days a..b when
-- first_day <= b AND last_day >= a, and covers day d when
-- d BETWEEN first_day AND last_day. Every check and workflow reads the
-- days of a membership here.
-- issue 15 (A): a row is a piece of a stint (a membership row) with one
-- role: the stint's role from joined_on, then each dated change of
-- membership_role within the stint from its since, each piece up to the day
-- before the next change or the stint's last day. The role of a person in a
-- club on day d is the role of the piece that covers d (dated roles); a
-- person may have several stints in a club, one row each at least, so
-- "members during some days" is DISTINCT over these rows. joined_on names
-- the stint.
CREATE VIEW IF NOT EXISTS membership_span AS
SELECT m.club_id, m.person_id, m.role, m.joined_on AS first_day,
       (SELECT coalesce(date(min(r.since), '-1 day'), m.left_on, '9999-12-31') FROM membership_role r
         WHERE r.club_id = m.club_id AND r.person_id = m.person_id
           AND r.since > m.joined_on AND r.since <= coalesce(m.left_on, '9999-12-31')) AS last_day,
       m.joined_on
FROM membership m
UNION ALL
SELECT m.club_id, m.person_id, r.role, r.since,
       (SELECT coalesce(date(min(n.since), '-1 day'), m.left_on, '9999-12-31') FROM membership_role n
         WHERE n.club_id = r.club_id AND n.person_id = r.person_id
           AND n.since > r.since AND n.since <= coalesce(m.left_on, '9999-12-31')),
       m.joined_on
FROM membership m JOIN membership_role r ON r.club_id = m.club_id AND r.person_id = m.person_id
 AND r.since > m.joined_on AND r.since <= coalesce(m.left_on, '9999-12-31');

-- issue 15 (A): the unit of a person on a day (dated units): person.unit_id
-- on the days before the person's first person_unit row, then each row's
-- unit from its since up to the day before the next. Exactly one row covers
-- each day from 0001-01-01 to 9999-12-31: the unit on day d is the unit_id of
-- the row with d BETWEEN first_day AND last_day (NULL: no unit). Every report
-- that shows a unit reads it here, on the day that matters: a meeting's day,
-- a half-year's last day for hours.
CREATE VIEW IF NOT EXISTS person_unit_span AS
SELECT pe.id AS person_id, pe.unit_id, '0001-01-01' AS first_day,
       (SELECT coalesce(date(min(u.since), '-1 day'), '9999-12-31') FROM person_unit u WHERE u.person_id = pe.id) AS last_day
FROM person pe
UNION ALL
SELECT u.person_id, u.unit_id, u.since,
       (SELECT coalesce(date(min(n.since), '-1 day'), '9999-12-31') FROM person_unit n WHERE n.person_id = u.person_id AND n.since > u.since)
FROM person_unit u;

-- issue 15 (A): the stints of one person in one club do not overlap ...
CREATE VIEW IF NOT EXISTS membership_stint_overlap AS
SELECT a.club_id, a.person_id, a.joined_on
FROM membership a JOIN membership b ON b.club_id = a.club_id AND b.person_id = a.person_id AND b.joined_on <> a.joined_on
 AND b.joined_on <= coalesce(a.left_on, '9999-12-31') AND coalesce(b.left_on, '9999-12-31') >= a.joined_on;

-- ... and a dated role change lies within a stint, after its first day.
CREATE VIEW IF NOT EXISTS membership_role_outside_stint AS
SELECT r.club_id, r.person_id, r.since FROM membership_role r
WHERE NOT EXISTS (SELECT 1 FROM membership m WHERE m.club_id = r.club_id AND m.person_id = r.person_id
                    AND r.since > m.joined_on AND r.since <= coalesce(m.left_on, '9999-12-31'));

-- Pairs of different memberships whose days overlap.
CREATE VIEW IF NOT EXISTS membership_overlap AS
SELECT a.club_id, a.person_id, a.role, b.club_id AS other_club_id, b.person_id AS other_person_id, b.role AS other_role
FROM membership_span a JOIN membership_span b
  ON b.first_day <= a.last_day AND b.last_day >= a.first_day
 AND NOT (b.club_id = a.club_id AND b.person_id = a.person_id);

-- A club has at most one president at a time: presidencies that overlap another.
CREATE VIEW IF NOT EXISTS membership_second_president AS
SELECT club_id, person_id FROM membership_overlap
WHERE other_club_id = club_id AND role = 'president' AND other_role = 'president';

-- A person is in at most the program's clubs_per_person clubs of it at once
-- (W-D2: 1, JG2 counts people once; O6: 3; issue 15): the memberships during
-- which, on some day, the person is in more clubs of the program than that.
-- The most clubs at once fall on the first day of one of the memberships, so
-- each first day s within the membership m is counted.
CREATE VIEW IF NOT EXISTS membership_over_clubs AS
SELECT m.club_id, m.person_id
FROM membership_span m JOIN club c ON c.id = m.club_id JOIN program p ON p.id = c.program_id
JOIN membership_span s ON s.person_id = m.person_id AND s.first_day BETWEEN m.first_day AND m.last_day
JOIN club sc ON sc.id = s.club_id AND sc.program_id = c.program_id
WHERE (SELECT count(DISTINCT o.club_id) FROM membership_span o JOIN club oc ON oc.id = o.club_id
        WHERE o.person_id = m.person_id AND oc.program_id = c.program_id
          AND s.first_day BETWEEN o.first_day AND o.last_day) > p.clubs_per_person;

-- Only members of the club on the meeting's day attend it: attendance of a
-- known person at a known meeting (an unknown one is the foreign key's
-- refusal) by someone who was not a member that day.
CREATE VIEW IF NOT EXISTS attendance_not_member AS
SELECT at.meeting_id, at.person_id
FROM attendance at JOIN meeting mt ON mt.id = at.meeting_id JOIN person pe ON pe.id = at.person_id
WHERE NOT EXISTS (SELECT 1 FROM membership_span m WHERE m.club_id = mt.club_id AND m.person_id = at.person_id
                    AND mt.held_on BETWEEN m.first_day AND m.last_day);

-- A meeting lies within its club's program (JG1) ...
CREATE VIEW IF NOT EXISTS meeting_outside_program AS
SELECT mt.id FROM meeting mt JOIN club c ON c.id = mt.club_id JOIN program p ON p.id = c.program_id
WHERE mt.held_on NOT BETWEEN p.starts_on AND p.ends_on;

-- ... and not after its club withdrew (D6).
CREATE VIEW IF NOT EXISTS meeting_after_withdrawal AS
SELECT mt.id FROM meeting mt JOIN club c ON c.id = mt.club_id
WHERE mt.held_on > c.withdrawn_on;

-- A report's period as days: a month YYYY-MM from its 1st to its last day,
-- a half-year YYYY-H1 from January 1 to June 30, YYYY-H2 from July 1 to
-- December 31. The extension's period_start() and period_end(), in built-in
-- SQL for the rules below (S1); the workflows call the functions.
CREATE VIEW IF NOT EXISTS report_span AS
SELECT id, club_id, kind, period, submitted_at,
       CASE substr(period, 6) WHEN 'H1' THEN substr(period, 1, 4) || '-01-01'
                              WHEN 'H2' THEN substr(period, 1, 4) || '-07-01'
                              ELSE period || '-01' END AS first_day,
       CASE substr(period, 6) WHEN 'H1' THEN substr(period, 1, 4) || '-06-30'
                              WHEN 'H2' THEN substr(period, 1, 4) || '-12-31'
                              ELSE date(period || '-01', '+1 month', '-1 day') END AS last_day
FROM report;

-- A report's period is one the club's program asks for: a monthly report for a
-- month from reports_from to reports_to (JG6), a research report for a
-- half-year the program runs in (JG7).
CREATE VIEW IF NOT EXISTS report_outside_program AS
SELECT r.id FROM report_span r JOIN club c ON c.id = r.club_id JOIN program p ON p.id = c.program_id
WHERE CASE r.kind WHEN 'monthly' THEN coalesce(r.period NOT BETWEEN p.reports_from AND p.reports_to, 1)  -- NULL: no monthly reports (issue 14)
                  ELSE r.last_day < p.starts_on OR r.first_day > p.ends_on END;

-- A report is not submitted (on its Korean calendar day, D2) before its period began.
CREATE VIEW IF NOT EXISTS report_before_period AS
SELECT id FROM report_span WHERE substr(submitted_at, 1, 10) < first_day;

-- At most 2 nominated top contributors per club and half-year (JG10).
CREATE VIEW IF NOT EXISTS nomination_over_two AS
SELECT club_id, period FROM nomination GROUP BY club_id, period HAVING count(*) > 2;

-- holiday_override rows are real dates and a 0/1 flag (KR5).
CREATE VIEW IF NOT EXISTS holiday_override_invalid AS
SELECT day FROM holiday_override WHERE date(day, '+0 days') IS NOT day OR is_holiday NOT IN (0, 1);

-- Who is an outsider (NJ1; issue 15): a person whose kind the club's
-- program lists in its setting outsiders (experts and citizens by default;
-- O7, which asks for residents, counts officials and experts). One row per
-- club and person.
CREATE VIEW IF NOT EXISTS club_outsider AS
SELECT c.id AS club_id, x.id AS person_id, instr(',' || p.outsiders || ',', ',' || x.kind || ',') > 0 AS outsider
FROM club c JOIN program p ON p.id = c.program_id, person x;

-- Team composition (NJ1, NJ6, O6). A team's size is its roster: every
-- membership of the club, whatever its dates (N-D2). over_size: more members
-- than the program's max_members. over_share: outsiders (club_outsider) more
-- than outsider_pct of the roster, exactly: outsiders × 100 > outsider_pct ×
-- size, so 1 of 5 is 20% and allowed, 1 of 4 (25%) is not (N-D3). over_unit
-- (issue 15, O6): more people of one unit (the unit of each stint's last
-- day, its latest: person_unit_span) on the roster than
-- max_from_one_unit. under_min (issue 15, O6, O7): a roster below the
-- program's min_members, reported by `teams` (never refused: a team is
-- written one member at a time). NULL limits: no rule (over_* NULL).
-- `learnclub teams` reports from the same view.
CREATE VIEW IF NOT EXISTS team_composition AS
SELECT t.*, t.size > t.max_members AS over_size, t.outsiders * 100.0 > t.outsider_pct * t.size AS over_share,
       t.most_from_one_unit > t.max_from_one_unit AS over_unit, t.size < t.min_members AS under_min
FROM (SELECT c.id AS club_id, p.max_members, p.outsider_pct, p.max_from_one_unit, p.min_members,
             (SELECT count(DISTINCT m.person_id) FROM membership m WHERE m.club_id = c.id) AS size,  -- issue 15 (A): a person, whatever their stints
             (SELECT count(DISTINCT m.person_id) FROM membership m JOIN club_outsider o ON o.club_id = m.club_id AND o.person_id = m.person_id
               WHERE m.club_id = c.id AND o.outsider) AS outsiders,
             -- issue 15 (A, C): each stint counts in the unit the person is in on its last day:
             -- person_unit_span's rule (the latest person_unit row on or before the day, else
             -- person.unit_id), read through person_unit's key so that a trigger's cost does
             -- not grow with the people stored (as import-roster IR9 reads it)
             (SELECT max(n) FROM (SELECT count(DISTINCT m.person_id) AS n
               FROM (SELECT m.person_id, coalesce((SELECT d.unit_id FROM person_unit d
                                                   WHERE d.person_id = m.person_id AND d.since <= coalesce(m.left_on, '9999-12-31')
                                                   ORDER BY d.since DESC LIMIT 1), x.unit_id) AS unit_id
                     FROM membership m JOIN person x ON x.id = m.person_id WHERE m.club_id = c.id) m
               WHERE m.unit_id IS NOT NULL GROUP BY m.unit_id)) AS most_from_one_unit
      FROM club c JOIN program p ON p.id = c.program_id) t;

-- A team joins a program whose call was not cancelled (NJ3) ...
CREATE VIEW IF NOT EXISTS club_in_cancelled_call AS
SELECT c.id FROM club c JOIN team_call t ON t.program_id = c.program_id WHERE t.outcome = 'cancelled';

-- ... and no more teams than the call's max_teams (NJ1).
CREATE VIEW IF NOT EXISTS program_over_max_teams AS
SELECT t.program_id FROM team_call t
WHERE t.max_teams < (SELECT count(*) FROM club c WHERE c.program_id = t.program_id);

-- The triggers, in the order of schema version 3 (a later trigger fires
-- first, so the order decides which message a write breaking two rules gets).
CREATE TRIGGER IF NOT EXISTS membership_one_president_insert AFTER INSERT ON membership
WHEN EXISTS (SELECT 1 FROM membership_second_president WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'membership: the club already has a president for these dates'); END;
CREATE TRIGGER IF NOT EXISTS membership_one_president_update AFTER UPDATE ON membership
WHEN EXISTS (SELECT 1 FROM membership_second_president WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'membership: the club already has a president for these dates'); END;

CREATE TRIGGER IF NOT EXISTS membership_one_club_insert AFTER INSERT ON membership
WHEN EXISTS (SELECT 1 FROM membership_over_clubs WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'membership: the person would be in more clubs of this program at once than its clubs_per_person (W-D2, O6)'); END;
CREATE TRIGGER IF NOT EXISTS membership_one_club_update AFTER UPDATE ON membership
WHEN EXISTS (SELECT 1 FROM membership_over_clubs WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'membership: the person would be in more clubs of this program at once than its clubs_per_person (W-D2, O6)'); END;

CREATE TRIGGER IF NOT EXISTS meeting_in_program_insert AFTER INSERT ON meeting
WHEN EXISTS (SELECT 1 FROM meeting_outside_program WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'meeting: held_on is outside the club''s program'); END;
CREATE TRIGGER IF NOT EXISTS meeting_in_program_update AFTER UPDATE OF club_id, held_on ON meeting
WHEN EXISTS (SELECT 1 FROM meeting_outside_program WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'meeting: held_on is outside the club''s program'); END;
CREATE TRIGGER IF NOT EXISTS meeting_not_withdrawn_insert AFTER INSERT ON meeting
WHEN EXISTS (SELECT 1 FROM meeting_after_withdrawal WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'meeting: the club had withdrawn by then (D6)'); END;
CREATE TRIGGER IF NOT EXISTS meeting_not_withdrawn_update AFTER UPDATE OF club_id, held_on ON meeting
WHEN EXISTS (SELECT 1 FROM meeting_after_withdrawal WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'meeting: the club had withdrawn by then (D6)'); END;

CREATE TRIGGER IF NOT EXISTS attendance_member_insert AFTER INSERT ON attendance
WHEN EXISTS (SELECT 1 FROM attendance_not_member WHERE meeting_id = NEW.meeting_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'attendance: the person is not a member of the club on the meeting''s day'); END;
CREATE TRIGGER IF NOT EXISTS attendance_member_update AFTER UPDATE ON attendance
WHEN EXISTS (SELECT 1 FROM attendance_not_member WHERE meeting_id = NEW.meeting_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'attendance: the person is not a member of the club on the meeting''s day'); END;

-- One report per club, kind and period (JG6, JG7): a clear message before the
-- UNIQUE key's, so this pair runs BEFORE the write (the key is the rule's home).
CREATE TRIGGER IF NOT EXISTS report_once_insert BEFORE INSERT ON report
WHEN EXISTS (SELECT 1 FROM report WHERE club_id = NEW.club_id AND kind = NEW.kind AND period = NEW.period)
BEGIN SELECT RAISE(ABORT, 'report: the club already filed this report for this period'); END;
CREATE TRIGGER IF NOT EXISTS report_once_update BEFORE UPDATE OF club_id, kind, period ON report
WHEN EXISTS (SELECT 1 FROM report WHERE club_id = NEW.club_id AND kind = NEW.kind AND period = NEW.period AND id <> NEW.id)
BEGIN SELECT RAISE(ABORT, 'report: the club already filed this report for this period'); END;

CREATE TRIGGER IF NOT EXISTS report_before_period_insert AFTER INSERT ON report
WHEN EXISTS (SELECT 1 FROM report_before_period WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'report: submitted before its period began'); END;
CREATE TRIGGER IF NOT EXISTS report_before_period_update AFTER UPDATE OF kind, period, submitted_at ON report
WHEN EXISTS (SELECT 1 FROM report_before_period WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'report: submitted before its period began'); END;
CREATE TRIGGER IF NOT EXISTS report_in_program_insert AFTER INSERT ON report
WHEN EXISTS (SELECT 1 FROM report_outside_program WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'report: the club''s program asks for no report for this period'); END;
CREATE TRIGGER IF NOT EXISTS report_in_program_update AFTER UPDATE OF club_id, kind, period ON report
WHEN EXISTS (SELECT 1 FROM report_outside_program WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'report: the club''s program asks for no report for this period'); END;

CREATE TRIGGER IF NOT EXISTS nomination_at_most_two_insert AFTER INSERT ON nomination
WHEN EXISTS (SELECT 1 FROM nomination_over_two WHERE club_id = NEW.club_id AND period = NEW.period)
BEGIN SELECT RAISE(ABORT, 'nomination: a club nominates at most 2 top contributors a half-year (JG10)'); END;
CREATE TRIGGER IF NOT EXISTS nomination_at_most_two_update AFTER UPDATE OF club_id, period ON nomination
WHEN EXISTS (SELECT 1 FROM nomination_over_two WHERE club_id = NEW.club_id AND period = NEW.period)
BEGIN SELECT RAISE(ABORT, 'nomination: a club nominates at most 2 top contributors a half-year (JG10)'); END;

CREATE TRIGGER IF NOT EXISTS holiday_override_valid_insert AFTER INSERT ON holiday_override
WHEN EXISTS (SELECT 1 FROM holiday_override_invalid WHERE day IS NEW.day)
BEGIN SELECT RAISE(ABORT, 'holiday_override: day must be a date YYYY-MM-DD and is_holiday 0 or 1 (KR5)'); END;
CREATE TRIGGER IF NOT EXISTS holiday_override_valid_update AFTER UPDATE ON holiday_override
WHEN EXISTS (SELECT 1 FROM holiday_override_invalid WHERE day IS NEW.day)
BEGIN SELECT RAISE(ABORT, 'holiday_override: day must be a date YYYY-MM-DD and is_holiday 0 or 1 (KR5)'); END;

-- Composition is checked for the writes that can break it (N-D4): a member
-- added or moved in (size), an outsider added or moved in, an official
-- removed or moved out, an official who becomes an outsider: write a team's
-- officials before its outsiders, and remove its outsiders first. A program
-- that tightens its rules is not refused; `learnclub teams` reports such teams.
CREATE TRIGGER IF NOT EXISTS membership_team_size_insert AFTER INSERT ON membership
WHEN (SELECT over_size FROM team_composition WHERE club_id = NEW.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: the team would have more members than its program''s max_members (NJ6)'); END;
CREATE TRIGGER IF NOT EXISTS membership_team_size_update AFTER UPDATE OF club_id, person_id ON membership
WHEN (SELECT over_size FROM team_composition WHERE club_id = NEW.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: the team would have more members than its program''s max_members (NJ6)'); END;

CREATE TRIGGER IF NOT EXISTS membership_outsider_share_insert AFTER INSERT ON membership
WHEN (SELECT outsider FROM club_outsider WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
 AND (SELECT over_share FROM team_composition WHERE club_id = NEW.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: outsiders (the person kinds in the program''s outsiders) would be more than the program''s outsider_pct of the team (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS membership_outsider_share_update AFTER UPDATE OF club_id, person_id ON membership
WHEN (SELECT outsider FROM club_outsider WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
 AND (SELECT over_share FROM team_composition WHERE club_id = NEW.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: outsiders (the person kinds in the program''s outsiders) would be more than the program''s outsider_pct of the team (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS membership_outsider_share_delete AFTER DELETE ON membership
WHEN NOT (SELECT outsider FROM club_outsider WHERE club_id = OLD.club_id AND person_id = OLD.person_id)
 AND (SELECT over_share FROM team_composition WHERE club_id = OLD.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: without this member, outsiders would be more than the program''s outsider_pct of the team (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS membership_outsider_share_leave AFTER UPDATE OF club_id, person_id ON membership
WHEN (NEW.club_id IS NOT OLD.club_id OR (SELECT outsider FROM club_outsider WHERE club_id = OLD.club_id AND person_id = NEW.person_id))
 AND NOT (SELECT outsider FROM club_outsider WHERE club_id = OLD.club_id AND person_id = OLD.person_id)
 AND (SELECT over_share FROM team_composition WHERE club_id = OLD.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: without this member, outsiders would be more than the program''s outsider_pct of the team (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS person_outsider_share_update AFTER UPDATE OF kind ON person
WHEN OLD.kind IS NOT NEW.kind
 AND EXISTS (SELECT 1 FROM membership m JOIN team_composition t ON t.club_id = m.club_id
             WHERE m.person_id = NEW.id AND t.over_share)
BEGIN SELECT RAISE(ABORT, 'person: as an outsider the person would put a team over its program''s outsider_pct (NJ1)'); END;

CREATE TRIGGER IF NOT EXISTS club_call_insert AFTER INSERT ON club
WHEN EXISTS (SELECT 1 FROM club_in_cancelled_call WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'club: the program''s call for teams was cancelled (NJ3)'); END;
CREATE TRIGGER IF NOT EXISTS club_call_update AFTER UPDATE OF program_id ON club
WHEN EXISTS (SELECT 1 FROM club_in_cancelled_call WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'club: the program''s call for teams was cancelled (NJ3)'); END;
CREATE TRIGGER IF NOT EXISTS club_max_teams_insert AFTER INSERT ON club
WHEN EXISTS (SELECT 1 FROM program_over_max_teams WHERE program_id = NEW.program_id)
BEGIN SELECT RAISE(ABORT, 'club: the program already has its call''s max_teams teams (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS club_max_teams_update AFTER UPDATE OF program_id ON club
WHEN NEW.program_id IS NOT OLD.program_id
 AND EXISTS (SELECT 1 FROM program_over_max_teams WHERE program_id = NEW.program_id)
BEGIN SELECT RAISE(ABORT, 'club: the program already has its call''s max_teams teams (NJ1)'); END;

-- issue 14 (H1): a program's settings, checked by the schema where built-in
-- SQL can (S1), the same grammar the extension's parsers read; `learnclub
-- program-add` and `program-set` check them first with the parsers
-- themselves, and say why. The items of each list setting: report_rule's
-- settings (deadlines.c R3), award_scheme's tiers (awards.c A1; a built-in
-- name has none). (Issue 15: incentives and allocation have views of their
-- own, below, which the workflows read too.)
-- One row per item; the list is split by json_each() over the value made a
-- JSON array (json_quote() escapes it, and a comma never stands inside an
-- escape), so a check of one program reads that program's row only (a
-- recursive split would read every program: an import would grow with the
-- programs stored).
CREATE VIEW IF NOT EXISTS program_setting_item AS
SELECT p.id, 'report_rule' AS setting, j.value AS item FROM program p,
  json_each(CASE WHEN p.report_rule IS NULL OR p.report_rule = '' THEN '[]'
            ELSE '[' || replace(json_quote(p.report_rule), ',', '","') || ']' END) j
UNION ALL
SELECT p.id, 'award_scheme' AS setting, j.value AS item FROM program p,
  json_each(CASE WHEN p.award_scheme IS NULL OR p.award_scheme = '' OR p.award_scheme IN ('junggu-2015', 'naju-2025') THEN '[]'
            ELSE '[' || replace(json_quote(p.award_scheme), ',', '","') || ']' END) j
;

-- The items that break their grammar: a report_rule setting that is not
-- strict, day=N (1-31, R3), h1=MM-DD or h2=MM-DD (a month and a day it can
-- have, 02-29 included: R10, issue 15); a tier of a spec that is not name:count:prize
-- (count a positive integer or *, prize a whole number of won, A1).
CREATE VIEW IF NOT EXISTS program_setting_invalid AS
SELECT id, setting, item FROM (
  SELECT i.*, trim(i.item, ' ') AS x,
         substr(trim(i.item, ' '), 1, instr(trim(i.item, ' '), ':') - 1) AS tier,
         substr(trim(i.item, ' '), instr(trim(i.item, ' '), ':') + 1) AS tail
  FROM program_setting_item i)
WHERE CASE setting
  WHEN 'report_rule' THEN NOT (x IN ('', 'strict')
                               OR ((x GLOB 'day=[0-9]' OR x GLOB 'day=[0-9][0-9]') AND CAST(substr(x, 5) AS INTEGER) BETWEEN 1 AND 31)
                               OR (x GLOB 'h[12]=[0-9][0-9]-[0-9][0-9]' AND date('2000-' || substr(x, 4), '+0 days') IS '2000-' || substr(x, 4)))
  WHEN 'award_scheme' THEN NOT (length(tier) > 0 AND instr(tail, ':') > 1
                                AND (substr(tail, 1, instr(tail, ':') - 1) = '*'
                                     OR (NOT substr(tail, 1, instr(tail, ':') - 1) GLOB '*[^0-9]*'
                                         AND CAST(substr(tail, 1, instr(tail, ':') - 1) AS INTEGER) > 0))
                                AND length(substr(tail, instr(tail, ':') + 1)) > 0
                                AND NOT substr(tail, instr(tail, ':') + 1) GLOB '*[^0-9]*')
  END;

CREATE TRIGGER IF NOT EXISTS program_report_rule_insert AFTER INSERT ON program
WHEN EXISTS (SELECT 1 FROM program_setting_invalid WHERE id = NEW.id AND setting = 'report_rule')
BEGIN SELECT RAISE(ABORT, 'program: report_rule must be settings day=N (1 to 31), h1=MM-DD, h2=MM-DD or strict, separated by commas (JG6, O6)'); END;
CREATE TRIGGER IF NOT EXISTS program_report_rule_update AFTER UPDATE OF report_rule ON program
WHEN EXISTS (SELECT 1 FROM program_setting_invalid WHERE id = NEW.id AND setting = 'report_rule')
BEGIN SELECT RAISE(ABORT, 'program: report_rule must be settings day=N (1 to 31), h1=MM-DD, h2=MM-DD or strict, separated by commas (JG6, O6)'); END;
CREATE TRIGGER IF NOT EXISTS program_award_scheme_insert AFTER INSERT ON program
WHEN EXISTS (SELECT 1 FROM program_setting_invalid WHERE id = NEW.id AND setting = 'award_scheme')
BEGIN SELECT RAISE(ABORT, 'program: award_scheme must be junggu-2015, naju-2025 or tiers name:count:prize separated by commas (JG8)'); END;
CREATE TRIGGER IF NOT EXISTS program_award_scheme_update AFTER UPDATE OF award_scheme ON program
WHEN EXISTS (SELECT 1 FROM program_setting_invalid WHERE id = NEW.id AND setting = 'award_scheme')
BEGIN SELECT RAISE(ABORT, 'program: award_scheme must be junggu-2015, naju-2025 or tiers name:count:prize separated by commas (JG8)'); END;
-- issue 15 (B2): incentives per tier as data (JG10, JG11, O1, O2), the
-- program setting `incentives`, which replaces leave_tiers and trip_tiers
-- (migration 005 writes them into it). Grammar: items TIER:GRANT[+GRANT…]
-- separated by commas, no spaces around the separators; a GRANT is
-- KIND[*N][/M]:
--   IC1 KIND: leave (1 day of special leave, JG10), transfer (a transfer
--       preference, JG10), trip (the overseas trip, JG11, O2), training
--       (domestic training, O2), promotion (a promotion preference, O1), or
--       gift(NAME), a prize in kind named NAME (the tier's prize is then
--       usually 0 in award_scheme); NAME without ( ) * / : + , or spaces at
--       its ends.
--   IC2 *N: the club's top N contributors, as its president nominates them
--       (JG10: leave*2); without it every member of the club (JG11: trip),
--       and for a gift the club itself.
--   IC3 /M: only the first M clubs of the tier by rank (O1: promotion for one
--       of the two 우수 teams, 우수:promotion/1); without it every club of the
--       tier.
--   IC4 A tier is named once, a KIND (a gift's NAME) once in a tier; '' is no
--       incentive at all.
-- One row per grant; ok is 0 for a grant that breaks IC1-IC3.
CREATE VIEW IF NOT EXISTS program_incentive AS
WITH item AS (
  SELECT p.id AS program_id, CAST(j.key AS INTEGER) AS tier_pos, j.value AS item,
         substr(j.value, 1, instr(j.value, ':') - 1) AS tier
  FROM program p,
  json_each(CASE WHEN p.incentives IS NULL OR p.incentives = '' THEN '[]'
            ELSE '[' || replace(json_quote(p.incentives), ',', '","') || ']' END) j
), cut AS (
  SELECT i.program_id, i.tier_pos, i.tier, CAST(g.key AS INTEGER) AS grant_pos, g.value AS g,
         CASE WHEN instr(g.value, '*') > 0 AND (instr(g.value, '/') = 0 OR instr(g.value, '*') < instr(g.value, '/'))
              THEN instr(g.value, '*')
              WHEN instr(g.value, '/') > 0 THEN instr(g.value, '/')
              ELSE length(g.value) + 1 END AS k
  FROM item i,
  json_each(CASE WHEN instr(i.item, ':') = 0 THEN '[""]'
            ELSE '[' || replace(json_quote(substr(i.item, instr(i.item, ':') + 1)), '+', '","') || ']' END) g
), part AS (
  SELECT program_id, tier_pos, tier, grant_pos, g, substr(g, 1, k - 1) AS kind_text, substr(g, k) AS rest,
         CASE WHEN substr(g, 1, k - 1) GLOB 'gift(?*)' THEN substr(g, 6, k - 7) END AS gift
  FROM cut
), num AS (
  SELECT *, CASE WHEN rest GLOB '[*]*'
                 THEN substr(rest, 2, CASE WHEN instr(rest, '/') > 0 THEN instr(rest, '/') - 2 ELSE length(rest) - 1 END) END AS n_text,
            CASE WHEN instr(rest, '/') > 0 THEN substr(rest, instr(rest, '/') + 1) END AS m_text
  FROM part
)
SELECT program_id, tier_pos, grant_pos, tier, g AS grant_text,
       CASE WHEN gift IS NOT NULL THEN 'gift' ELSE kind_text END AS kind,
       CASE kind_text WHEN 'leave' THEN 'special_leave' WHEN 'transfer' THEN 'transfer_preference'
                      WHEN 'trip' THEN 'overseas_trip' WHEN 'training' THEN 'domestic_training'
                      WHEN 'promotion' THEN 'promotion_preference' ELSE gift END AS incentive,
       CAST(n_text AS INTEGER) AS per_club, CAST(m_text AS INTEGER) AS clubs,
       CASE kind_text WHEN 'leave' THEN 1 WHEN 'transfer' THEN 2 WHEN 'promotion' THEN 3
                      WHEN 'trip' THEN 4 WHEN 'training' THEN 5 ELSE 6 END AS kind_order,
       coalesce(length(tier) > 0 AND tier = trim(tier, ' ')
       AND (kind_text IN ('leave', 'transfer', 'trip', 'training', 'promotion')
            OR (gift = trim(gift, ' ') AND length(gift) > 0 AND NOT gift GLOB '*[()*/:+,]*'))
       AND (n_text IS NULL OR (length(n_text) BETWEEN 1 AND 9 AND NOT n_text GLOB '*[^0-9]*' AND CAST(n_text AS INTEGER) > 0))
       AND (m_text IS NULL OR (length(m_text) BETWEEN 1 AND 9 AND NOT m_text GLOB '*[^0-9]*' AND CAST(m_text AS INTEGER) > 0))
       AND rest = coalesce('*' || n_text, '') || coalesce('/' || m_text, ''), 0) AS ok
FROM num;

-- The programs whose incentives break IC1-IC4.
CREATE VIEW IF NOT EXISTS program_incentive_invalid AS
SELECT program_id FROM program_incentive WHERE NOT ok
UNION ALL
SELECT program_id FROM program_incentive GROUP BY program_id, tier, incentive HAVING count(*) > 1
UNION ALL
SELECT program_id FROM program_incentive GROUP BY program_id, tier HAVING count(DISTINCT tier_pos) > 1;

CREATE TRIGGER IF NOT EXISTS program_incentives_insert AFTER INSERT ON program
WHEN EXISTS (SELECT 1 FROM program_incentive_invalid WHERE program_id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'program: incentives must be TIER:KIND[*N][/M] joined by + and separated by commas, each tier and kind once; KIND leave, transfer, trip, training, promotion or gift(NAME) (JG10, JG11, O1, O2)'); END;
CREATE TRIGGER IF NOT EXISTS program_incentives_update AFTER UPDATE OF incentives ON program
WHEN EXISTS (SELECT 1 FROM program_incentive_invalid WHERE program_id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'program: incentives must be TIER:KIND[*N][/M] joined by + and separated by commas, each tier and kind once; KIND leave, transfer, trip, training, promotion or gift(NAME) (JG10, JG11, O1, O2)'); END;

-- issue 15 (B2): support allocations (O5: 2,000,000 KRW to each of 14
-- groups), the program setting `allocation`: AL1 AMOUNT[,CLUB:AMOUNT…], whole
-- KRW (digits only, at most 15): AMOUNT for every club of the program for its
-- year, CLUB:AMOUNT for the club of that name instead; NULL: no allocation.
-- AL2 a club is named once. One row per item: club NULL for the first, the
-- amount for every club; ok 0 for an item that breaks AL1.
CREATE VIEW IF NOT EXISTS program_allocation_item AS
SELECT p.id AS program_id, CAST(j.key AS INTEGER) AS pos,
       CASE WHEN j.key > 0 THEN substr(rtrim(j.value, '0123456789'), 1, length(rtrim(j.value, '0123456789')) - 1) END AS club,
       CAST(substr(j.value, length(rtrim(j.value, '0123456789')) + 1) AS INTEGER) AS amount,
       coalesce(length(j.value) - length(rtrim(j.value, '0123456789')) BETWEEN 1 AND 15
       AND CASE WHEN j.key = 0 THEN rtrim(j.value, '0123456789') = ''
                ELSE rtrim(j.value, '0123456789') GLOB '?*:'
                     AND trim(substr(rtrim(j.value, '0123456789'), 1, length(rtrim(j.value, '0123456789')) - 1), ' ')
                         = substr(rtrim(j.value, '0123456789'), 1, length(rtrim(j.value, '0123456789')) - 1) END, 0) AS ok
FROM program p,
json_each(CASE WHEN p.allocation IS NULL THEN '[]'
          ELSE '[' || replace(json_quote(p.allocation), ',', '","') || ']' END) j;

-- The programs whose allocation breaks AL1 or AL2.
CREATE VIEW IF NOT EXISTS program_allocation_invalid AS
SELECT program_id FROM program_allocation_item WHERE NOT ok
UNION ALL
SELECT program_id FROM program_allocation_item WHERE club IS NOT NULL GROUP BY program_id, club HAVING count(*) > 1;

CREATE TRIGGER IF NOT EXISTS program_allocation_insert AFTER INSERT ON program
WHEN EXISTS (SELECT 1 FROM program_allocation_invalid WHERE program_id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'program: allocation must be AMOUNT[,CLUB:AMOUNT...] in whole KRW, each club once (O5)'); END;
CREATE TRIGGER IF NOT EXISTS program_allocation_update AFTER UPDATE OF allocation ON program
WHEN EXISTS (SELECT 1 FROM program_allocation_invalid WHERE program_id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'program: allocation must be AMOUNT[,CLUB:AMOUNT...] in whole KRW, each club once (O5)'); END;

-- AL3 Each club's allocation and its spending: every expense of the club
-- (a club belongs to one program, a program is a year, JG1), over when the
-- spending is more than the allocation: a finding of `summary` and `budget`.
CREATE VIEW IF NOT EXISTS club_allocation AS
SELECT c.id AS club_id, c.program_id, coalesce(o.amount, d.amount) AS allocated,
       (SELECT coalesce(sum(e.amount), 0) FROM expense e WHERE e.club_id = c.id) AS spent
FROM club c JOIN program_allocation_item d ON d.program_id = c.program_id AND d.club IS NULL
LEFT JOIN program_allocation_item o ON o.program_id = c.program_id AND o.club = c.name;

-- issue 14 (H3): references held by triggers too. The declared foreign keys
-- hold only where PRAGMA foreign_keys is on (the learnclub command); a plain
-- sqlite3 has them off by default. These triggers refuse the same writes
-- whatever the pragma, so no row can refer to a missing one (S1): a row
-- written with a reference to nothing, a referenced row removed (or its id
-- changed) while others still refer to it. A meeting takes its attendance
-- with it (ON DELETE CASCADE, declared in sql/schema.sql). The one home of the
-- rule is the view reference_orphan: every row whose reference finds no row;
-- `learnclub check` lists it too.
CREATE VIEW IF NOT EXISTS reference_orphan AS
SELECT 'attendance' AS tbl, x.rowid AS rid, 'meeting_id' AS col, 'meeting' AS parent, x.meeting_id AS parent_id FROM attendance x
WHERE x.meeting_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM meeting y WHERE y.id = x.meeting_id)
UNION ALL
SELECT 'attendance' AS tbl, x.rowid AS rid, 'person_id' AS col, 'person' AS parent, x.person_id AS parent_id FROM attendance x
WHERE x.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person y WHERE y.id = x.person_id)
UNION ALL
SELECT 'award' AS tbl, x.rowid AS rid, 'club_id' AS col, 'club' AS parent, x.club_id AS parent_id FROM award x
WHERE x.club_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM club y WHERE y.id = x.club_id)
UNION ALL
SELECT 'budget_line' AS tbl, x.rowid AS rid, 'plan_id' AS col, 'budget_plan' AS parent, x.plan_id AS parent_id FROM budget_line x
WHERE x.plan_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM budget_plan y WHERE y.id = x.plan_id)
UNION ALL
SELECT 'budget_plan' AS tbl, x.rowid AS rid, 'pledge_id' AS col, 'pledge' AS parent, x.pledge_id AS parent_id FROM budget_plan x
WHERE x.pledge_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pledge y WHERE y.id = x.pledge_id)
UNION ALL
SELECT 'club' AS tbl, x.rowid AS rid, 'bureau_id' AS col, 'bureau' AS parent, x.bureau_id AS parent_id FROM club x
WHERE x.bureau_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bureau y WHERE y.id = x.bureau_id)
UNION ALL
SELECT 'club' AS tbl, x.rowid AS rid, 'program_id' AS col, 'program' AS parent, x.program_id AS parent_id FROM club x
WHERE x.program_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM program y WHERE y.id = x.program_id)
UNION ALL
SELECT 'committee_place' AS tbl, x.rowid AS rid, 'club_id' AS col, 'club' AS parent, x.club_id AS parent_id FROM committee_place x
WHERE x.club_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM club y WHERE y.id = x.club_id)
UNION ALL
SELECT 'expense' AS tbl, x.rowid AS rid, 'club_id' AS col, 'club' AS parent, x.club_id AS parent_id FROM expense x
WHERE x.club_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM club y WHERE y.id = x.club_id)
UNION ALL
SELECT 'indicator' AS tbl, x.rowid AS rid, 'pledge_id' AS col, 'pledge' AS parent, x.pledge_id AS parent_id FROM indicator x
WHERE x.pledge_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pledge y WHERE y.id = x.pledge_id)
UNION ALL
SELECT 'indicator_year' AS tbl, x.rowid AS rid, 'indicator_id' AS col, 'indicator' AS parent, x.indicator_id AS parent_id FROM indicator_year x
WHERE x.indicator_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM indicator y WHERE y.id = x.indicator_id)
UNION ALL
SELECT 'meeting' AS tbl, x.rowid AS rid, 'club_id' AS col, 'club' AS parent, x.club_id AS parent_id FROM meeting x
WHERE x.club_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM club y WHERE y.id = x.club_id)
UNION ALL
SELECT 'membership' AS tbl, x.rowid AS rid, 'club_id' AS col, 'club' AS parent, x.club_id AS parent_id FROM membership x
WHERE x.club_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM club y WHERE y.id = x.club_id)
UNION ALL
SELECT 'membership' AS tbl, x.rowid AS rid, 'person_id' AS col, 'person' AS parent, x.person_id AS parent_id FROM membership x
WHERE x.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person y WHERE y.id = x.person_id)
UNION ALL
SELECT 'membership_role' AS tbl, x.rowid AS rid, 'club_id' AS col, 'club' AS parent, x.club_id AS parent_id FROM membership_role x
WHERE x.club_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM club y WHERE y.id = x.club_id)
UNION ALL
SELECT 'membership_role' AS tbl, x.rowid AS rid, 'person_id' AS col, 'person' AS parent, x.person_id AS parent_id FROM membership_role x
WHERE x.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person y WHERE y.id = x.person_id)
UNION ALL
SELECT 'nomination' AS tbl, x.rowid AS rid, 'club_id' AS col, 'club' AS parent, x.club_id AS parent_id FROM nomination x
WHERE x.club_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM club y WHERE y.id = x.club_id)
UNION ALL
SELECT 'nomination' AS tbl, x.rowid AS rid, 'person_id' AS col, 'person' AS parent, x.person_id AS parent_id FROM nomination x
WHERE x.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person y WHERE y.id = x.person_id)
UNION ALL
SELECT 'person' AS tbl, x.rowid AS rid, 'unit_id' AS col, 'unit' AS parent, x.unit_id AS parent_id FROM person x
WHERE x.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unit y WHERE y.id = x.unit_id)
UNION ALL
SELECT 'person_unit' AS tbl, x.rowid AS rid, 'person_id' AS col, 'person' AS parent, x.person_id AS parent_id FROM person_unit x
WHERE x.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person y WHERE y.id = x.person_id)
UNION ALL
SELECT 'person_unit' AS tbl, x.rowid AS rid, 'unit_id' AS col, 'unit' AS parent, x.unit_id AS parent_id FROM person_unit x
WHERE x.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unit y WHERE y.id = x.unit_id)
UNION ALL
SELECT 'proposal' AS tbl, x.rowid AS rid, 'club_id' AS col, 'club' AS parent, x.club_id AS parent_id FROM proposal x
WHERE x.club_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM club y WHERE y.id = x.club_id)
UNION ALL
SELECT 'report' AS tbl, x.rowid AS rid, 'club_id' AS col, 'club' AS parent, x.club_id AS parent_id FROM report x
WHERE x.club_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM club y WHERE y.id = x.club_id)
UNION ALL
SELECT 'score' AS tbl, x.rowid AS rid, 'club_id' AS col, 'club' AS parent, x.club_id AS parent_id FROM score x
WHERE x.club_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM club y WHERE y.id = x.club_id)
UNION ALL
SELECT 'team_call' AS tbl, x.rowid AS rid, 'program_id' AS col, 'program' AS parent, x.program_id AS parent_id FROM team_call x
WHERE x.program_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM program y WHERE y.id = x.program_id)
UNION ALL
SELECT 'unit' AS tbl, x.rowid AS rid, 'bureau_id' AS col, 'bureau' AS parent, x.bureau_id AS parent_id FROM unit x
WHERE x.bureau_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM bureau y WHERE y.id = x.bureau_id);

CREATE TRIGGER IF NOT EXISTS attendance_reference_insert AFTER INSERT ON attendance
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'attendance' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'attendance: refers to a missing meeting or person row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS attendance_reference_update AFTER UPDATE OF meeting_id, person_id ON attendance
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'attendance' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'attendance: refers to a missing meeting or person row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS award_reference_insert AFTER INSERT ON award
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'award' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'award: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS award_reference_update AFTER UPDATE OF club_id ON award
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'award' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'award: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS budget_line_reference_insert AFTER INSERT ON budget_line
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'budget_line' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'budget_line: refers to a missing budget_plan row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS budget_line_reference_update AFTER UPDATE OF plan_id ON budget_line
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'budget_line' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'budget_line: refers to a missing budget_plan row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS budget_plan_reference_insert AFTER INSERT ON budget_plan
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'budget_plan' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'budget_plan: refers to a missing pledge row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS budget_plan_reference_update AFTER UPDATE OF pledge_id ON budget_plan
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'budget_plan' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'budget_plan: refers to a missing pledge row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS club_reference_insert AFTER INSERT ON club
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'club' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'club: refers to a missing bureau or program row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS club_reference_update AFTER UPDATE OF bureau_id, program_id ON club
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'club' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'club: refers to a missing bureau or program row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS committee_place_reference_insert AFTER INSERT ON committee_place
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'committee_place' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'committee_place: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS committee_place_reference_update AFTER UPDATE OF club_id ON committee_place
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'committee_place' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'committee_place: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS expense_reference_insert AFTER INSERT ON expense
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'expense' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'expense: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS expense_reference_update AFTER UPDATE OF club_id ON expense
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'expense' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'expense: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS indicator_reference_insert AFTER INSERT ON indicator
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'indicator' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'indicator: refers to a missing pledge row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS indicator_reference_update AFTER UPDATE OF pledge_id ON indicator
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'indicator' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'indicator: refers to a missing pledge row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS indicator_year_reference_insert AFTER INSERT ON indicator_year
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'indicator_year' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'indicator_year: refers to a missing indicator row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS indicator_year_reference_update AFTER UPDATE OF indicator_id ON indicator_year
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'indicator_year' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'indicator_year: refers to a missing indicator row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS meeting_reference_insert AFTER INSERT ON meeting
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'meeting' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'meeting: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS meeting_reference_update AFTER UPDATE OF club_id ON meeting
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'meeting' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'meeting: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS membership_reference_insert AFTER INSERT ON membership
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'membership' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'membership: refers to a missing club or person row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS membership_reference_update AFTER UPDATE OF club_id, person_id ON membership
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'membership' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'membership: refers to a missing club or person row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS nomination_reference_insert AFTER INSERT ON nomination
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'nomination' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'nomination: refers to a missing club or person row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS nomination_reference_update AFTER UPDATE OF club_id, person_id ON nomination
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'nomination' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'nomination: refers to a missing club or person row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS person_reference_insert AFTER INSERT ON person
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'person' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'person: refers to a missing unit row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS person_reference_update AFTER UPDATE OF unit_id ON person
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'person' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'person: refers to a missing unit row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS proposal_reference_insert AFTER INSERT ON proposal
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'proposal' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'proposal: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS proposal_reference_update AFTER UPDATE OF club_id ON proposal
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'proposal' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'proposal: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS report_reference_insert AFTER INSERT ON report
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'report' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'report: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS report_reference_update AFTER UPDATE OF club_id ON report
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'report' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'report: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS score_reference_insert AFTER INSERT ON score
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'score' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'score: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS score_reference_update AFTER UPDATE OF club_id ON score
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'score' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'score: refers to a missing club row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS team_call_reference_insert AFTER INSERT ON team_call
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'team_call' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'team_call: refers to a missing program row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS team_call_reference_update AFTER UPDATE OF program_id ON team_call
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'team_call' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'team_call: refers to a missing program row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS unit_reference_insert AFTER INSERT ON unit
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'unit' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'unit: refers to a missing bureau row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS unit_reference_update AFTER UPDATE OF bureau_id ON unit
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'unit' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'unit: refers to a missing bureau row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS meeting_attendance_cascade AFTER DELETE ON meeting
BEGIN DELETE FROM attendance WHERE meeting_id = OLD.id; END;
CREATE TRIGGER IF NOT EXISTS person_referenced_delete AFTER DELETE ON person
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'person' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'person: other rows still refer to it (attendance, membership, membership_role, nomination, person_unit); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS person_referenced_update AFTER UPDATE OF id ON person
WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'person' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'person: other rows still refer to it (attendance, membership, membership_role, nomination, person_unit); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS club_referenced_delete AFTER DELETE ON club
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'club' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'club: other rows still refer to it (award, committee_place, expense, meeting, membership, membership_role, nomination, proposal, report, score); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS club_referenced_update AFTER UPDATE OF id ON club
WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'club' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'club: other rows still refer to it (award, committee_place, expense, meeting, membership, membership_role, nomination, proposal, report, score); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS budget_plan_referenced_delete AFTER DELETE ON budget_plan
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'budget_plan' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'budget_plan: other rows still refer to it (budget_line); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS budget_plan_referenced_update AFTER UPDATE OF id ON budget_plan
WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'budget_plan' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'budget_plan: other rows still refer to it (budget_line); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS pledge_referenced_delete AFTER DELETE ON pledge
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'pledge' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'pledge: other rows still refer to it (budget_plan, indicator); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS pledge_referenced_update AFTER UPDATE OF id ON pledge
WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'pledge' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'pledge: other rows still refer to it (budget_plan, indicator); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS bureau_referenced_delete AFTER DELETE ON bureau
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'bureau' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'bureau: other rows still refer to it (club, unit); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS bureau_referenced_update AFTER UPDATE OF id ON bureau
WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'bureau' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'bureau: other rows still refer to it (club, unit); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS program_referenced_delete AFTER DELETE ON program
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'program' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'program: other rows still refer to it (club, team_call); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS program_referenced_update AFTER UPDATE OF id ON program
WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'program' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'program: other rows still refer to it (club, team_call); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS indicator_referenced_delete AFTER DELETE ON indicator
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'indicator' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'indicator: other rows still refer to it (indicator_year); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS indicator_referenced_update AFTER UPDATE OF id ON indicator
WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'indicator' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'indicator: other rows still refer to it (indicator_year); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS unit_referenced_delete AFTER DELETE ON unit
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'unit' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'unit: other rows still refer to it (person, person_unit); remove them first (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS unit_referenced_update AFTER UPDATE OF id ON unit
WHEN NEW.id IS NOT OLD.id AND EXISTS (SELECT 1 FROM reference_orphan WHERE parent = 'unit' AND parent_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'unit: other rows still refer to it (person, person_unit); remove them first (foreign key)'); END;

-- issue 14 (H3): stale awards. When scores, research reports, committee
-- places or the club list change after `learnclub evaluate`, the stored
-- awards of the half-years they touch are stale: evaluation.stale_reason
-- says what changed first, until evaluate runs again. incentives, summary and
-- report say so, as a finding. evaluation_span is the one home of a stored
-- evaluation's days (built-in SQL, S1).
CREATE VIEW IF NOT EXISTS evaluation_span AS
SELECT period, substr(period, 1, 4) || CASE substr(period, 7, 1) WHEN '1' THEN '-01-01' ELSE '-07-01' END AS first_day,
       substr(period, 1, 4) || CASE substr(period, 7, 1) WHEN '1' THEN '-06-30' ELSE '-12-31' END AS last_day
FROM evaluation;
CREATE TRIGGER IF NOT EXISTS score_stale_insert AFTER INSERT ON score
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'scores changed') WHERE period = NEW.period; END;
CREATE TRIGGER IF NOT EXISTS score_stale_update AFTER UPDATE ON score
WHEN OLD.club_id IS NOT NEW.club_id OR OLD.period IS NOT NEW.period OR OLD.judge IS NOT NEW.judge
  OR OLD.criterion IS NOT NEW.criterion OR OLD.points IS NOT NEW.points
  OR OLD.panel IS NOT NEW.panel OR OLD.judge_emp_no IS NOT NEW.judge_emp_no OR OLD.stage IS NOT NEW.stage  -- issue 15 (B1)
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'scores changed') WHERE period IN (OLD.period, NEW.period); END;
CREATE TRIGGER IF NOT EXISTS score_stale_delete AFTER DELETE ON score
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'scores changed') WHERE period = OLD.period; END;
CREATE TRIGGER IF NOT EXISTS report_stale_insert AFTER INSERT ON report WHEN NEW.kind = 'research'
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'research reports changed') WHERE period = NEW.period; END;
CREATE TRIGGER IF NOT EXISTS report_stale_update AFTER UPDATE ON report
WHEN (OLD.kind = 'research' OR NEW.kind = 'research')
 AND (OLD.club_id IS NOT NEW.club_id OR OLD.kind IS NOT NEW.kind OR OLD.period IS NOT NEW.period
      OR OLD.submitted_at IS NOT NEW.submitted_at)
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'research reports changed') WHERE period IN (OLD.period, NEW.period); END;
CREATE TRIGGER IF NOT EXISTS report_stale_delete AFTER DELETE ON report WHEN OLD.kind = 'research'
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'research reports changed') WHERE period = OLD.period; END;
CREATE TRIGGER IF NOT EXISTS committee_place_stale_insert AFTER INSERT ON committee_place
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'committee places changed') WHERE period = NEW.period; END;
CREATE TRIGGER IF NOT EXISTS committee_place_stale_update AFTER UPDATE ON committee_place
WHEN OLD.club_id IS NOT NEW.club_id OR OLD.period IS NOT NEW.period OR OLD.place IS NOT NEW.place
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'committee places changed') WHERE period IN (OLD.period, NEW.period); END;
CREATE TRIGGER IF NOT EXISTS committee_place_stale_delete AFTER DELETE ON committee_place
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'committee places changed') WHERE period = OLD.period; END;
CREATE TRIGGER IF NOT EXISTS club_stale_insert AFTER INSERT ON club
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'the club list changed')
  WHERE period IN (SELECT e.period FROM evaluation_span e JOIN program p ON p.id = NEW.program_id
                   WHERE e.first_day <= p.ends_on AND e.last_day >= p.starts_on); END;
CREATE TRIGGER IF NOT EXISTS club_stale_update AFTER UPDATE OF program_id, status, withdrawn_on ON club
WHEN OLD.program_id IS NOT NEW.program_id OR OLD.status IS NOT NEW.status OR OLD.withdrawn_on IS NOT NEW.withdrawn_on
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'the club list changed')
  WHERE period IN (SELECT e.period FROM evaluation_span e JOIN program p ON p.id IN (OLD.program_id, NEW.program_id)
                   WHERE e.first_day <= p.ends_on AND e.last_day >= p.starts_on); END;
CREATE TRIGGER IF NOT EXISTS club_stale_delete AFTER DELETE ON club
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'the club list changed')
  WHERE period IN (SELECT e.period FROM evaluation_span e JOIN program p ON p.id = OLD.program_id
                   WHERE e.first_day <= p.ends_on AND e.last_day >= p.starts_on); END;

-- issue 15 (B1): judging settings. panel_weights (O3) and criteria (O5) are
-- lists of name:number items separated by commas, split as
-- program_setting_item splits (one program's row at a time). The one home of
-- their grammar and of what they say: program_panel_weight (a panel and its
-- weight) and program_criterion (a criterion and its maximum points), read
-- by evaluate and import-scores; program_judging_invalid lists the programs
-- whose list breaks the grammar:
--   panel_weights: each item name:weight, the name not empty, without
--     spaces around it and given once, the weight a whole number more than
--     0; the weights add up to 100 (decision B1-D1: a weight is a percentage,
--     and a typo that leaves 110 is caught when written);
--   criteria: each item name:maximum, the name as above, the maximum a number
--     (digits, an optional fraction) more than 0 and at most 100.
CREATE VIEW IF NOT EXISTS program_judging_item AS
SELECT p.id, k.setting, j.key AS seq, j.value AS item,
       substr(j.value, 1, instr(j.value, ':') - 1) AS name,
       CASE WHEN instr(j.value, ':') > 0 THEN substr(j.value, instr(j.value, ':') + 1) END AS num
FROM program p
JOIN (SELECT 'panel_weights' AS setting UNION ALL SELECT 'criteria') k
JOIN json_each(CASE WHEN (CASE k.setting WHEN 'panel_weights' THEN p.panel_weights ELSE p.criteria END) IS NULL THEN '[]'
                    ELSE '[' || replace(json_quote(CASE k.setting WHEN 'panel_weights' THEN p.panel_weights ELSE p.criteria END), ',', '","') || ']' END) j;

-- One program's row at a time (an import that adds a program does not read
-- the others, issue 13): no aggregate over the whole view.
CREATE VIEW IF NOT EXISTS program_judging_invalid AS
SELECT p.id, k.setting FROM program p, (SELECT 'panel_weights' AS setting UNION ALL SELECT 'criteria') k
WHERE EXISTS (SELECT 1 FROM program_judging_item i WHERE i.id = p.id AND i.setting = k.setting
                AND (i.name IS NULL OR i.name = '' OR i.name <> trim(i.name, ' ') OR i.num IS NULL
                     OR CASE i.setting
                          WHEN 'panel_weights' THEN i.num = '' OR i.num GLOB '*[^0-9]*' OR length(i.num) > 9 OR CAST(i.num AS INTEGER) <= 0
                          ELSE NOT (i.num GLOB '[0-9]*' AND NOT i.num GLOB '*[^0-9.]*' AND NOT i.num GLOB '*.*.*' AND NOT i.num GLOB '*.')
                               OR length(i.num) > 20 OR CAST(i.num AS REAL) <= 0 OR CAST(i.num AS REAL) > 100 END))
   OR EXISTS (SELECT 1 FROM program_judging_item i JOIN program_judging_item o ON o.id = i.id AND o.setting = i.setting
              AND o.name = i.name AND o.seq < i.seq WHERE i.id = p.id AND i.setting = k.setting)
   OR (k.setting = 'panel_weights' AND p.panel_weights IS NOT NULL
       AND (SELECT sum(CAST(i.num AS INTEGER)) FROM program_judging_item i WHERE i.id = p.id AND i.setting = k.setting) IS NOT 100);

CREATE VIEW IF NOT EXISTS program_panel_weight AS
SELECT id AS program_id, name AS panel, CAST(num AS INTEGER) AS weight FROM program_judging_item WHERE setting = 'panel_weights';

CREATE VIEW IF NOT EXISTS program_criterion AS
SELECT id AS program_id, name AS criterion, num AS maximum_text, CAST(num AS REAL) AS maximum
FROM program_judging_item WHERE setting = 'criteria';

CREATE TRIGGER IF NOT EXISTS program_panel_weights_insert AFTER INSERT ON program
WHEN EXISTS (SELECT 1 FROM program_judging_invalid WHERE id = NEW.id AND setting = 'panel_weights')
BEGIN SELECT RAISE(ABORT, 'program: panel_weights must be panels name:weight separated by commas, each name once, each weight a whole number more than 0, the weights adding up to 100 (O3)'); END;
CREATE TRIGGER IF NOT EXISTS program_panel_weights_update AFTER UPDATE OF panel_weights ON program
WHEN EXISTS (SELECT 1 FROM program_judging_invalid WHERE id = NEW.id AND setting = 'panel_weights')
BEGIN SELECT RAISE(ABORT, 'program: panel_weights must be panels name:weight separated by commas, each name once, each weight a whole number more than 0, the weights adding up to 100 (O3)'); END;
CREATE TRIGGER IF NOT EXISTS program_criteria_insert AFTER INSERT ON program
WHEN EXISTS (SELECT 1 FROM program_judging_invalid WHERE id = NEW.id AND setting = 'criteria')
BEGIN SELECT RAISE(ABORT, 'program: criteria must be criteria name:maximum separated by commas, each name once, each maximum a number more than 0 and at most 100 (O5)'); END;
CREATE TRIGGER IF NOT EXISTS program_criteria_update AFTER UPDATE OF criteria ON program
WHEN EXISTS (SELECT 1 FROM program_judging_invalid WHERE id = NEW.id AND setting = 'criteria')
BEGIN SELECT RAISE(ABORT, 'program: criteria must be criteria name:maximum separated by commas, each name once, each maximum a number more than 0 and at most 100 (O5)'); END;

-- issue 15 (C): at most max_from_one_unit people of one unit on a club's
-- roster (O6: at most 5 from one standing committee; a committee is a unit
-- here). Checked, like the rest of team composition (N-D4), for the writes
-- that can break it: a member added or moved in, a person moved to another
-- unit. A program that tightens it is not refused; `learnclub teams` reports
-- the clubs over it (over_unit).
CREATE TRIGGER IF NOT EXISTS membership_from_one_unit_insert AFTER INSERT ON membership
WHEN (SELECT over_unit FROM team_composition WHERE club_id = NEW.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: the club would have more members of one unit than its program''s max_from_one_unit (O6)'); END;
CREATE TRIGGER IF NOT EXISTS membership_from_one_unit_update AFTER UPDATE OF club_id, person_id ON membership
WHEN (SELECT over_unit FROM team_composition WHERE club_id = NEW.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: the club would have more members of one unit than its program''s max_from_one_unit (O6)'); END;
CREATE TRIGGER IF NOT EXISTS person_from_one_unit_update AFTER UPDATE OF unit_id ON person
WHEN NEW.unit_id IS NOT OLD.unit_id
 AND EXISTS (SELECT 1 FROM membership m JOIN team_composition t ON t.club_id = m.club_id
             WHERE m.person_id = NEW.id AND t.over_unit)
BEGIN SELECT RAISE(ABORT, 'person: in this unit the person would put a club over its program''s max_from_one_unit (O6)'); END;
-- issue 15 (A, C): a dated move to another unit is checked as a move of person.unit_id is
CREATE TRIGGER IF NOT EXISTS person_unit_from_one_unit_insert AFTER INSERT ON person_unit
WHEN EXISTS (SELECT 1 FROM membership m JOIN team_composition t ON t.club_id = m.club_id
             WHERE m.person_id = NEW.person_id AND t.over_unit)
BEGIN SELECT RAISE(ABORT, 'person: in this unit the person would put a club over its program''s max_from_one_unit (O6)'); END;

-- issue 15 and 16 (C): recognised hours (상시학습; JG9, D4, D7, D8, KR6), the
-- one home of what an attendance earns and under which cap. `hours`,
-- `summary` and `report` read hours_counted and cap with learning_hours()
-- per person, half-year, education_type and cap_group.
--   HR1 Only officials earn hours (D8): experts and citizens never.
--   HR2 Only regular meetings count (JG9); a meeting counts for at most its
--       program's hours_per_meeting_cap (NULL: all its hours).
--   HR3 The cap is the person's (D7): the programs of one education_type
--       that share the cap (hours_shared_cap 1, the default) form one group,
--       cap_group 0, capped once with the smallest hours_cap of those the
--       person is a member of during the half-year (the strictest office's
--       rule wins); a program with hours_shared_cap 0 is its own group,
--       cap_group its id.
--   HR4 hours_cap_year (NULL: none; the smallest of the group's programs)
--       caps a year: a first half-year's cap is the smaller of hours_cap and
--       hours_cap_year; a second's is what the year cap leaves after the
--       group's first half-year recognised hours (never below 0), if smaller
--       than hours_cap.
-- half_year and its days are computed in built-in SQL (S1), as half_year(),
-- period_start() and period_end() give them. A person's caps are read from
-- their memberships (a few rows by membership_person), never from their
-- whole attendance, so `hours` grows with the half-year's attendance only;
-- +mt.kind keeps the planner on the person's attendance (attendance_person)
-- when a cap looks the person up.
CREATE VIEW IF NOT EXISTS hours_attended AS
SELECT at.person_id, mt.id AS meeting_id, mt.held_on,
       substr(mt.held_on, 1, 4) || CASE WHEN substr(mt.held_on, 6, 2) <= '06' THEN '-H1' ELSE '-H2' END AS half_year,
       substr(mt.held_on, 1, 4) || CASE WHEN substr(mt.held_on, 6, 2) <= '06' THEN '-01-01' ELSE '-07-01' END AS half_first,
       substr(mt.held_on, 1, 4) || CASE WHEN substr(mt.held_on, 6, 2) <= '06' THEN '-06-30' ELSE '-12-31' END AS half_last,
       c.program_id, c.id AS club_id, p.education_type,
       CASE WHEN p.hours_shared_cap THEN 0 ELSE p.id END AS cap_group,
       min(mt.hours, coalesce(p.hours_per_meeting_cap, mt.hours)) AS hours,     -- HR2
       mt.hours AS meeting_hours
FROM meeting mt JOIN attendance at ON at.meeting_id = mt.id
JOIN club c ON c.id = mt.club_id JOIN program p ON p.id = c.program_id
JOIN person pe ON pe.id = at.person_id
WHERE +mt.kind = 'regular' AND pe.kind = 'official';                            -- HR1, HR2

-- HR3: the programs a person is a member of, with their days and caps.
CREATE VIEW IF NOT EXISTS hours_program_of AS
SELECT m.person_id, m.first_day, m.last_day, p.id AS program_id, p.education_type,
       CASE WHEN p.hours_shared_cap THEN 0 ELSE p.id END AS cap_group, p.hours_cap, p.hours_cap_year
FROM membership_span m JOIN club c ON c.id = m.club_id JOIN program p ON p.id = c.program_id;

-- HR3, HR4: each attendance with the cap that applies to its group (cap),
-- from the group's programs the person is a member of during the half-year,
-- in one lookup. For a second half-year with a year cap: the first
-- half-year's recognised hours of the group, capped as a first half-year is.
CREATE VIEW IF NOT EXISTS hours_counted AS
SELECT h.*,
       (SELECT CASE WHEN min(o.hours_cap_year) IS NULL THEN min(o.hours_cap)
                    WHEN substr(h.half_year, 6) = 'H1' THEN min(min(o.hours_cap), min(o.hours_cap_year))
                    ELSE max(0, min(min(o.hours_cap), min(o.hours_cap_year) - (
                           SELECT min(total(f.hours),
                                      (SELECT min(min(q.hours_cap), coalesce(min(q.hours_cap_year), min(q.hours_cap))) FROM hours_program_of q
                                        WHERE q.person_id = h.person_id AND q.education_type = h.education_type AND q.cap_group = h.cap_group
                                          AND q.first_day <= substr(h.half_year, 1, 4) || '-06-30' AND q.last_day >= substr(h.half_year, 1, 4) || '-01-01'))
                           FROM hours_attended f
                           WHERE f.person_id = h.person_id AND f.held_on BETWEEN substr(h.half_year, 1, 4) || '-01-01' AND substr(h.half_year, 1, 4) || '-06-30'
                             AND f.education_type = h.education_type AND f.cap_group = h.cap_group))) END
        FROM hours_program_of o
        WHERE o.person_id = h.person_id AND o.education_type = h.education_type AND o.cap_group = h.cap_group
          AND o.first_day <= h.half_last AND o.last_day >= h.half_first) AS cap
FROM hours_attended h;

-- issue 15 (B1): stale awards (as issue 14's triggers above) when what
-- evaluate reads of issue 15 changes: a club's track (EV11), a program's
-- panel_weights or finalists (EV8, EV10), for every evaluated half-year the
-- program overlaps. criteria is read by import-scores only. A membership
-- that changes recusal (EV9) is not followed, as memberships are not for
-- the awards of issue 14.
CREATE TRIGGER IF NOT EXISTS club_track_stale_update AFTER UPDATE OF track ON club
WHEN OLD.track IS NOT NEW.track
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'tracks changed')
  WHERE period IN (SELECT e.period FROM evaluation_span e JOIN program p ON p.id = NEW.program_id
                   WHERE e.first_day <= p.ends_on AND e.last_day >= p.starts_on); END;
CREATE TRIGGER IF NOT EXISTS program_judging_stale_update AFTER UPDATE OF panel_weights, finalists ON program
WHEN OLD.panel_weights IS NOT NEW.panel_weights OR OLD.finalists IS NOT NEW.finalists
BEGIN UPDATE evaluation SET stale_reason = coalesce(stale_reason, 'judging settings changed')
  WHERE period IN (SELECT e.period FROM evaluation_span e
                   WHERE e.first_day <= NEW.ends_on AND e.last_day >= NEW.starts_on); END;

-- issue 15 (A): history that stays true. Stints of one person in one club do
-- not overlap; a dated role change lies within a stint and keeps one
-- president at a time; references of the dated tables held by triggers too
-- (reference_orphan); a stint removed takes its dated role changes with it.
CREATE TRIGGER IF NOT EXISTS membership_stints_insert AFTER INSERT ON membership
WHEN EXISTS (SELECT 1 FROM membership_stint_overlap WHERE club_id = NEW.club_id AND person_id = NEW.person_id AND joined_on = NEW.joined_on)
BEGIN SELECT RAISE(ABORT, 'membership: the person''s stints in this club overlap'); END;
CREATE TRIGGER IF NOT EXISTS membership_stints_update AFTER UPDATE OF club_id, person_id, joined_on, left_on ON membership
WHEN EXISTS (SELECT 1 FROM membership_stint_overlap WHERE club_id = NEW.club_id AND person_id = NEW.person_id AND joined_on = NEW.joined_on)
BEGIN SELECT RAISE(ABORT, 'membership: the person''s stints in this club overlap'); END;
CREATE TRIGGER IF NOT EXISTS membership_role_stint_insert AFTER INSERT ON membership_role
WHEN EXISTS (SELECT 1 FROM membership_role_outside_stint WHERE club_id = NEW.club_id AND person_id = NEW.person_id AND since = NEW.since)
BEGIN SELECT RAISE(ABORT, 'membership_role: since must fall within a stint of the person in the club, after its joined_on'); END;
CREATE TRIGGER IF NOT EXISTS membership_role_stint_update AFTER UPDATE ON membership_role
WHEN EXISTS (SELECT 1 FROM membership_role_outside_stint WHERE club_id = NEW.club_id AND person_id = NEW.person_id AND since = NEW.since)
BEGIN SELECT RAISE(ABORT, 'membership_role: since must fall within a stint of the person in the club, after its joined_on'); END;
CREATE TRIGGER IF NOT EXISTS membership_role_one_president_insert AFTER INSERT ON membership_role
WHEN EXISTS (SELECT 1 FROM membership_second_president WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'membership: the club already has a president for these dates'); END;
CREATE TRIGGER IF NOT EXISTS membership_role_one_president_update AFTER UPDATE ON membership_role
WHEN EXISTS (SELECT 1 FROM membership_second_president WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'membership: the club already has a president for these dates'); END;
CREATE TRIGGER IF NOT EXISTS membership_role_reference_insert AFTER INSERT ON membership_role
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'membership_role' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'membership_role: refers to a missing club or person row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS membership_role_reference_update AFTER UPDATE OF club_id, person_id ON membership_role
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'membership_role' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'membership_role: refers to a missing club or person row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS person_unit_reference_insert AFTER INSERT ON person_unit
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'person_unit' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'person_unit: refers to a missing person or unit row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS person_unit_reference_update AFTER UPDATE OF person_id, unit_id ON person_unit
WHEN EXISTS (SELECT 1 FROM reference_orphan WHERE tbl = 'person_unit' AND rid = NEW.rowid)
BEGIN SELECT RAISE(ABORT, 'person_unit: refers to a missing person or unit row (foreign key)'); END;
CREATE TRIGGER IF NOT EXISTS membership_role_cascade AFTER DELETE ON membership
BEGIN DELETE FROM membership_role WHERE club_id = OLD.club_id AND person_id = OLD.person_id
        AND since > OLD.joined_on AND since <= coalesce(OLD.left_on, '9999-12-31'); END;
