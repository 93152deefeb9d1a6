-- sql/list/people.sql: `learnclub list DB people` (issue 14); key: emp_no. With the
-- kind, email and phone the roster records (IR6), so they are seen without SQL.
-- With --program, --club or --period: the people with a membership there.
-- issue 15 (A): the unit on the last day of --period (without one: the
-- latest dated unit), from person_unit_span.
SELECT pe.emp_no, pe.name, u.name AS unit, pe.kind, pe.email, pe.phone
FROM person pe CROSS JOIN lc_arg a
LEFT JOIN person_unit_span pu ON pu.person_id = pe.id AND a.last_day BETWEEN pu.first_day AND pu.last_day
LEFT JOIN unit u ON u.id = pu.unit_id
WHERE (a.program IS NULL AND a.club IS NULL AND a.first_day = '0000-01-01')
   OR EXISTS (SELECT 1 FROM membership_span m JOIN lc_club l ON l.id = m.club_id
              WHERE m.person_id = pe.id AND m.first_day <= a.last_day AND m.last_day >= a.first_day)
ORDER BY pe.emp_no;
