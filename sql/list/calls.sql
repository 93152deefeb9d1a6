-- sql/list/calls.sql: `learnclub list DB calls` (issue 14): calls for teams (NJ3); key: program.
SELECT p.code AS program, t.opens_on, t.closes_on, t.applications, t.min_teams, t.max_teams, t.outcome, t.reason
FROM team_call t JOIN program p ON p.id = t.program_id, lc_arg a
WHERE (a.program IS NULL OR p.code = a.program)
  AND p.starts_on <= a.last_day AND p.ends_on >= a.first_day
ORDER BY p.starts_on, p.code;
