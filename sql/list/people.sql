-- sql/list/people.sql: `learnclub list DB people` (issue 14); key: emp_no. With the
-- kind, email and phone the roster records (IR6), so they are seen without SQL.
-- With --program, --club or --period: the people with a membership there.
-- issue 15 (A): the unit on the last day of --period (without one: the
-- latest dated unit), from person_unit_span.
-- The units of the day read once (MATERIALIZED): a join to the view for each
-- row is planned as a scan of every person per row.
WITH pu AS MATERIALIZED (SELECT s.person_id, s.unit_id FROM lc_arg a JOIN person_unit_span s ON a.last_day BETWEEN s.first_day AND s.last_day)
SELECT pe.emp_no, pe.name, u.name AS unit, pe.kind, pe.email, pe.phone
FROM person pe CROSS JOIN lc_arg a
LEFT JOIN pu ON pu.person_id = pe.id
LEFT JOIN unit u ON u.id = pu.unit_id
WHERE (a.program IS NULL AND a.club IS NULL AND a.first_day = '0000-01-01')
   OR EXISTS (SELECT 1 FROM membership_span m JOIN lc_club l ON l.id = m.club_id
              WHERE m.person_id = pe.id AND m.first_day <= a.last_day AND m.last_day >= a.first_day)
ORDER BY pe.emp_no;
