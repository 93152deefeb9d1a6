-- sql/list/args.sql: the filters of `learnclub list DB KIND [--program CODE]
-- [--period P] [--club NAME]` (issue 14), run before sql/list/KIND.sql:
-- temp.lc_arg holds @program, @club (NULL: any) and the days of @period
-- (a year YYYY, a half-year YYYY-H1/H2 or a month YYYY-MM, checked by the
-- command; NULL: all days). A row is listed when its day, or any day of its
-- period, lies within them; club-scoped rows by their club and its program.
CREATE TEMP TABLE lc_arg AS
SELECT @program AS program, @club AS club,
       CASE WHEN @period IS NULL THEN '0000-01-01' WHEN length(@period) = 4 THEN @period || '-01-01' ELSE period_start(@period) END AS first_day,
       CASE WHEN @period IS NULL THEN '9999-12-31' WHEN length(@period) = 4 THEN @period || '-12-31' ELSE period_end(@period) END AS last_day;

-- The clubs the filters leave (any club when neither --program nor --club is given).
CREATE TEMP VIEW lc_club AS
SELECT c.id, c.name AS club, p.code AS program, p.id AS program_id
FROM club c JOIN program p ON p.id = c.program_id, lc_arg a
WHERE (a.program IS NULL OR p.code = a.program) AND (a.club IS NULL OR c.name = a.club);
