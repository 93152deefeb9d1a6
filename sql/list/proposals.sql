-- sql/list/proposals.sql: `learnclub list DB proposals` (issue 14): NJ2,
-- NJ4; key: id. --period: the proposals decided then, or of a program that ran then.
SELECT pr.id, l.club, pr.title, pr.field, pr.department, pr.adopted, pr.decided_on
FROM lc_club l JOIN proposal pr ON pr.club_id = l.id JOIN program p ON p.id = l.program_id, lc_arg a
WHERE coalesce(pr.decided_on BETWEEN a.first_day AND a.last_day, p.starts_on <= a.last_day AND p.ends_on >= a.first_day)
ORDER BY pr.id;
