-- sql/adoption.sql: proposals and their adoption by the responsible
-- departments, per year and in all (NJ2, NJ3, NJ4).
--
-- Run by `learnclub adoption DB [YYYY]` with @year bound ('' for every year).
-- A year is that of its program's start; it is shown when its teams made
-- proposals. Columns:
--   year, runs (programs with proposals), teams (all their teams),
--   participants (their memberships: a person in two runs counts twice, as the
--   card counts 참여), proposals, adopted, pending (not decided yet),
--   rate (adopted ÷ proposals, %, 2 decimals: 74.29), percent (the same,
--   whole, as the card shows it: 74).
-- Without YEAR, a last row 'all' sums every year (NJ3, NJ4: 9 runs, 70 teams,
-- 667 participants, 52 of 70 adopted). With YEAR and no proposals that year,
-- one row of zeros. Never a finding: exit 0.
BEGIN;

CREATE TEMP TABLE lc_prog AS
SELECT p.id, substr(p.starts_on, 1, 4) AS year FROM program p
WHERE EXISTS (SELECT 1 FROM proposal pr JOIN club c ON c.id = pr.club_id WHERE c.program_id = p.id);

CREATE TEMP TABLE lc_year AS
SELECT g.year, count(*) AS runs,
       (SELECT count(*) FROM club c JOIN lc_prog q ON q.id = c.program_id WHERE q.year = g.year) AS teams,
       (SELECT count(*) FROM (SELECT DISTINCT m.club_id, m.person_id FROM membership m) m  -- issue 15: a stint each, counted once
        JOIN club c ON c.id = m.club_id JOIN lc_prog q ON q.id = c.program_id
        WHERE q.year = g.year) AS participants,
       (SELECT count(*) FROM proposal pr JOIN club c ON c.id = pr.club_id JOIN lc_prog q ON q.id = c.program_id
        WHERE q.year = g.year) AS proposals,
       (SELECT count(*) FROM proposal pr JOIN club c ON c.id = pr.club_id JOIN lc_prog q ON q.id = c.program_id
        WHERE q.year = g.year AND pr.adopted = 1) AS adopted,
       (SELECT count(*) FROM proposal pr JOIN club c ON c.id = pr.club_id JOIN lc_prog q ON q.id = c.program_id
        WHERE q.year = g.year AND pr.adopted IS NULL) AS pending
FROM lc_prog g GROUP BY g.year;

CREATE TEMP TABLE lc_out AS
SELECT year, runs, teams, participants, proposals, adopted, pending, 0 AS k FROM lc_year WHERE @year IN ('', year);
INSERT INTO lc_out
SELECT 'all', sum(runs), sum(teams), sum(participants), sum(proposals), sum(adopted), sum(pending), 1
FROM lc_year WHERE @year = '' HAVING count(*) > 0;
INSERT INTO lc_out
SELECT @year, 0, 0, 0, 0, 0, 0, 0 WHERE @year <> '' AND NOT EXISTS (SELECT 1 FROM lc_out);

SELECT year, runs, teams, participants, proposals, adopted, pending,
       CASE WHEN proposals > 0 THEN
         CASE WHEN round(100.0 * adopted / proposals, 2) = CAST(round(100.0 * adopted / proposals, 2) AS INTEGER)
              THEN CAST(round(100.0 * adopted / proposals, 2) AS INTEGER) ELSE round(100.0 * adopted / proposals, 2) END
       END AS rate,
       CASE WHEN proposals > 0 THEN CAST(round(100.0 * adopted / proposals) AS INTEGER) END AS percent
FROM lc_out ORDER BY k, year;

COMMIT;

CREATE TEMP TABLE lc_status AS SELECT 0 AS findings;
