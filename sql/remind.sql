-- sql/remind.sql: who must be reminded of a report (issue 14, H3).
--
-- Run by `learnclub remind DB [--as-of YYYY-MM-DD] [--within N]` with @as_of
-- (the --as-of date, else today in Korean time) and @within (working days,
-- default 3) bound.
--   RM1 The reports: every monthly report (reports_from to reports_to) and
--      every research report (each half-year the program's days touch) of
--      every club of the programs that have begun by @as_of and had not ended
--      a year before it; a club that withdrew is asked for no report of a
--      period ending after its withdrawal (D6), as monthly-check and summary.
--   RM2 Their state on @as_of is report_status() with the program's rule, as
--      every command sees it. Listed: a report not filed and due within
--      @within working days (is_working_day: days after @as_of up to the due
--      date; due today is 0), status 'due_soon'; and every one 'late' or
--      'missing'. A report filed on time, or pending and due later, is not.
--   RM3 Each row names the club's president on @as_of (else its last one)
--      with their email and phone, to write to.
-- Columns: club, president, email, phone, period, due, status (due_soon | late
-- | missing), by due date, club and period.
-- Findings (exit 1): every row, so that cron mails the output.
BEGIN;

CREATE TEMP TABLE lc_arg AS SELECT @as_of AS as_of, CAST(@within AS INTEGER) AS within;

CREATE TEMP TABLE lc_program AS
SELECT p.* FROM program p, lc_arg a
WHERE p.starts_on <= a.as_of AND p.ends_on >= date(a.as_of, '-1 year');

-- RM1: every report asked for
CREATE TEMP TABLE lc_due AS
WITH RECURSIVE months(program_id, period, last_period, rule) AS (
  SELECT id, reports_from, reports_to, report_rule FROM lc_program
  WHERE reports_from IS NOT NULL  -- a program without monthly reports (issue 14: reports_from=none)
  UNION ALL
  SELECT program_id, strftime('%Y-%m', period || '-01', '+1 month'), last_period, rule
  FROM months WHERE period < last_period
), halves(program_id, period, last_period, rule) AS (
  SELECT id, half_year(starts_on), half_year(ends_on), report_rule FROM lc_program
  UNION ALL
  SELECT program_id, CASE substr(period, 6) WHEN 'H1' THEN substr(period, 1, 4) || '-H2'
                                            ELSE (substr(period, 1, 4) + 1) || '-H1' END, last_period, rule
  FROM halves WHERE period < last_period
), asked(program_id, kind, period, rule) AS (
  SELECT program_id, 'monthly', period, rule FROM months
  UNION ALL
  SELECT program_id, 'research', period, rule FROM halves
)
SELECT c.id AS club_id, c.name AS club, k.kind, k.period, report_due(k.period, k.rule) AS due,
       report_status(k.period, r.submitted_at, a.as_of, k.rule) AS status
FROM asked k CROSS JOIN lc_arg a
JOIN club c ON c.program_id = k.program_id
  AND (c.withdrawn_on IS NULL OR c.withdrawn_on > period_end(k.period))
LEFT JOIN report r ON r.club_id = c.id AND r.kind = k.kind AND r.period = k.period;

-- RM2: working days left for the pending ones (the few distinct due dates)
CREATE TEMP TABLE lc_left AS
WITH RECURSIVE d(due, day, n) AS (
  SELECT DISTINCT x.due, a.as_of, 0 FROM lc_due x, lc_arg a WHERE x.status = 'pending'
  UNION ALL
  SELECT due, date(day, '+1 day'), n + is_working_day(date(day, '+1 day')) FROM d WHERE day < due
)
SELECT due, max(n) AS days_left FROM d GROUP BY due;

CREATE TEMP TABLE lc_out AS
SELECT x.club,
       (SELECT pe.name FROM membership_span m JOIN person pe ON pe.id = m.person_id
        WHERE m.club_id = x.club_id AND m.role = 'president'
        ORDER BY (SELECT as_of FROM lc_arg) BETWEEN m.first_day AND m.last_day DESC, m.first_day DESC LIMIT 1) AS president,
       (SELECT pe.email FROM membership_span m JOIN person pe ON pe.id = m.person_id
        WHERE m.club_id = x.club_id AND m.role = 'president'
        ORDER BY (SELECT as_of FROM lc_arg) BETWEEN m.first_day AND m.last_day DESC, m.first_day DESC LIMIT 1) AS email,
       (SELECT pe.phone FROM membership_span m JOIN person pe ON pe.id = m.person_id
        WHERE m.club_id = x.club_id AND m.role = 'president'
        ORDER BY (SELECT as_of FROM lc_arg) BETWEEN m.first_day AND m.last_day DESC, m.first_day DESC LIMIT 1) AS phone,
       x.period, x.due, CASE x.status WHEN 'pending' THEN 'due_soon' ELSE x.status END AS status
FROM lc_due x CROSS JOIN lc_arg a
LEFT JOIN lc_left l ON l.due = x.due
WHERE x.status IN ('late', 'missing') OR (x.status = 'pending' AND l.days_left <= a.within)
ORDER BY x.due, x.club, x.period;

SELECT club, president, email, phone, period, due, status FROM lc_out ORDER BY rowid;

COMMIT;

CREATE TEMP TABLE lc_status AS SELECT count(*) AS findings FROM lc_out;
