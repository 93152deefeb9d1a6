-- sql/monthly-check.sql: each club's monthly activity report for @month (JG6)
-- and its regular meeting that month (JG5), as of @as_of (a date, Korean time).
--
-- Run by `learnclub monthly-check DB YYYY-MM [--as-of DATE]` with @month and
-- @as_of bound. One row per club of a program that asks for @month's report
-- (reports_from..reports_to) and had not withdrawn by the month's end (D6):
--   club, president (the month's: issue 15, A, dated roles: the president on
--   the month's last day, else the last one during the month), due (report_due with the program's
--   rule: the 5th of the next month, moved past weekends and holidays, JG6, D1),
--   submitted (the Korean calendar day, D2, of a report seen on @as_of),
--   status   report_status(): on_time | late | missing (past due, nothing
--            filed) | pending (not yet due); a report filed after @as_of is
--            not seen (W2; the rule's one home is the extension, issue 12),
--   meeting  held | none (month over, no regular meeting) | pending (month not over).
-- Findings (exit 1): late, missing, none.
-- The meeting test reads the club's own meetings of the month through
-- meeting_club_day; `+mt.kind` keeps the planner off meeting_kind_day (every
-- club's regular meetings of the month, made for `hours`), which would make
-- the check grow with the number of clubs (bench/README.md).
BEGIN;  -- one snapshot for every statement below

CREATE TEMP TABLE lc_arg AS
SELECT @month AS month, period_start(@month) AS first_day, period_end(@month) AS last_day, @as_of AS as_of;

CREATE TEMP TABLE lc_out AS
WITH scope AS (
  SELECT c.id, c.name, p.report_rule AS rule, report_due(a.month, p.report_rule) AS due
  FROM club c JOIN program p ON p.id = c.program_id, lc_arg a
  WHERE a.month BETWEEN p.reports_from AND p.reports_to
    AND (c.withdrawn_on IS NULL OR c.withdrawn_on > a.last_day)
)
SELECT s.name AS club,
       (SELECT pe.name FROM membership_span m JOIN person pe ON pe.id = m.person_id
         WHERE m.club_id = s.id AND m.role = 'president'
           AND m.first_day <= a.last_day AND m.last_day >= a.first_day
         ORDER BY m.first_day DESC LIMIT 1) AS president,
       s.due AS due, r.submitted_at,
       report_status(a.month, r.submitted_at, a.as_of, s.rule) AS status,
       CASE WHEN EXISTS (SELECT 1 FROM meeting mt WHERE mt.club_id = s.id AND +mt.kind = 'regular'
                           AND mt.held_on BETWEEN a.first_day AND min(a.last_day, a.as_of)) THEN 'held'
            WHEN a.as_of > a.last_day THEN 'none'
            ELSE 'pending' END AS meeting
FROM scope s CROSS JOIN lc_arg a
LEFT JOIN report r ON r.club_id = s.id AND r.kind = 'monthly' AND r.period = a.month
ORDER BY s.name;

-- a report is shown when report_status() saw it (on_time or late)
SELECT club, president, due, CASE WHEN status IN ('on_time', 'late') THEN kr_date(submitted_at) END AS submitted,
       status, meeting
FROM lc_out ORDER BY rowid;

COMMIT;

CREATE TEMP TABLE lc_status AS
SELECT count(*) AS findings FROM lc_out WHERE status IN ('late', 'missing') OR meeting = 'none';
