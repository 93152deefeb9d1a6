-- sql/list/nominations.sql: `learnclub list DB nominations` (issue 14); key: club, period, emp_no.
SELECT l.club, n.period, pe.emp_no, pe.name, n.note
FROM lc_club l JOIN nomination n ON n.club_id = l.id JOIN person pe ON pe.id = n.person_id, lc_arg a
WHERE period_start(n.period) <= a.last_day AND period_end(n.period) >= a.first_day
ORDER BY n.period, l.club, pe.emp_no;
