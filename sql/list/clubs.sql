-- sql/list/clubs.sql: `learnclub list DB clubs` (issue 14); key: club
-- (with --program when the name is in more than one program).
SELECT l.club, l.program, c.kind, b.name AS bureau, c.status, c.withdrawn_on, c.selection_round AS round,
       (SELECT count(DISTINCT m.person_id) FROM membership m WHERE m.club_id = c.id) AS members,  -- issue 15 (A): a person once, whatever their stints
       c.track  -- issue 15 (B1, O2)
FROM lc_club l JOIN club c ON c.id = l.id JOIN program p ON p.id = l.program_id LEFT JOIN bureau b ON b.id = c.bureau_id, lc_arg a
WHERE p.starts_on <= a.last_day AND p.ends_on >= a.first_day
ORDER BY p.starts_on, l.program, l.club;
