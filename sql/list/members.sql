-- sql/list/members.sql: `learnclub list DB members` (issue 14); key: club, emp_no.
SELECT l.club, pe.emp_no, pe.name, m.role, m.joined_on, m.left_on, l.program
FROM lc_club l JOIN membership m ON m.club_id = l.id JOIN person pe ON pe.id = m.person_id, lc_arg a
WHERE m.joined_on <= a.last_day AND coalesce(m.left_on, '9999-12-31') >= a.first_day
ORDER BY l.program, l.club, m.role <> 'president', pe.emp_no;
