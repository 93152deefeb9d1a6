-- sql/list/programs.sql: `learnclub list DB programs` (issue 14); key: code.
SELECT p.code, p.name, p.office, p.starts_on, p.ends_on,
       (SELECT count(*) FROM club c WHERE c.program_id = p.id) AS clubs
FROM program p, lc_arg a
WHERE (a.program IS NULL OR p.code = a.program)
  AND (a.club IS NULL OR EXISTS (SELECT 1 FROM club c WHERE c.program_id = p.id AND c.name = a.club))
  AND p.starts_on <= a.last_day AND p.ends_on >= a.first_day
ORDER BY p.starts_on, p.code;
