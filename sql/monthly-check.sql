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
--   meeting  held (at least the program's regular_per_month regular
--            meetings, JG5: 1, O7: 2) | none (month over, no regular meeting)
--            | fewer (month over, some but fewer than regular_per_month;
--            issue 15) | pending (month not over),
--   regular  (issue 15) how many regular meetings the club held that month,
--            up to @as_of: a month with more than JG5's one is shown, not
--            silently summed into the hours,
--   members  (issue 15) the club's members on the month's last day (or
--            @as_of, if earlier),
--   size     (issue 15) under_min when members is below the program's
--            min_members (O6: 10; O7: 5, 7 or 10), else ok.
-- Findings (exit 1): late, missing, none, fewer, under_min.
-- The meeting count reads the club's own meetings of the month through
-- meeting_club_day; `+mt.kind` keeps the planner off meeting_kind_day (every
-- club's regular meetings of the month, made for `hours`), which would make
-- the check grow with the number of clubs (bench/README.md).
BEGIN;  -- one snapshot for every statement below

CREATE TEMP TABLE lc_arg AS
SELECT @month AS month, period_start(@month) AS first_day, period_end(@month) AS last_day, @as_of AS as_of;

CREATE TEMP TABLE lc_out AS
WITH scope AS (
  SELECT c.id, c.name, p.report_rule AS rule, report_due(a.month, p.report_rule) AS due,
         p.regular_per_month, p.min_members
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
       (SELECT count(*) FROM meeting mt WHERE mt.club_id = s.id AND +mt.kind = 'regular'
          AND mt.held_on BETWEEN a.first_day AND min(a.last_day, a.as_of)) AS regular,
       s.regular_per_month,
       (SELECT count(DISTINCT m.person_id) FROM membership_span m WHERE m.club_id = s.id
          AND min(a.last_day, a.as_of) BETWEEN m.first_day AND m.last_day) AS members,
       s.min_members
FROM scope s CROSS JOIN lc_arg a
LEFT JOIN report r ON r.club_id = s.id AND r.kind = 'monthly' AND r.period = a.month
ORDER BY s.name;

-- a report is shown when report_status() saw it (on_time or late)
SELECT club, president, due, CASE WHEN status IN ('on_time', 'late') THEN kr_date(submitted_at) END AS submitted,
       status,
       CASE WHEN regular >= regular_per_month THEN 'held'                 -- W3
            WHEN (SELECT as_of FROM lc_arg) <= (SELECT last_day FROM lc_arg) THEN 'pending'
            WHEN regular = 0 THEN 'none'
            ELSE 'fewer' END AS meeting,
       regular,                                                           -- W3a
       members,
       CASE WHEN members < min_members THEN 'under_min' ELSE 'ok' END AS size  -- W3b
FROM lc_out ORDER BY rowid;

COMMIT;

CREATE TEMP TABLE lc_status AS
SELECT count(*) AS findings FROM lc_out, lc_arg a
WHERE status IN ('late', 'missing') OR members < min_members
   OR (regular < regular_per_month AND a.as_of > a.last_day);
