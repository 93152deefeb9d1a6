-- sql/list/members.sql: `learnclub list DB members` (issue 14); key: club, emp_no,
-- joined_on (issue 15, A: a row per stint). role: the role the stint had on
-- the last of its days within --period (dated roles, membership_span).
SELECT l.club, pe.emp_no, pe.name,
       (SELECT s.role FROM membership_span s
         WHERE s.club_id = m.club_id AND s.person_id = m.person_id AND s.joined_on = m.joined_on
           AND s.first_day <= a.last_day AND s.last_day >= a.first_day
         ORDER BY s.first_day DESC LIMIT 1) AS role,
       m.joined_on, m.left_on, l.program
FROM lc_club l JOIN membership m ON m.club_id = l.id JOIN person pe ON pe.id = m.person_id, lc_arg a
WHERE m.joined_on <= a.last_day AND coalesce(m.left_on, '9999-12-31') >= a.first_day
ORDER BY l.program, l.club, role <> 'president', pe.emp_no, m.joined_on;
