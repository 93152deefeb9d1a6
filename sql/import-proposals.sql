-- sql/import-proposals.sql (issue 14): the teams' proposals and their
-- adoption (NJ2, NJ4) from a CSV loaded by the learnclub command into
-- temp.lc_raw with the columns
--   program,club,title,field,department,adopted,decided_on
-- (template: examples/templates/proposals.csv). One transaction; any bad row
-- rejects the whole file (first error by line, then column).
--   IQ1 program: a stored program's code; club: a club (team) of that program.
--   IQ2 title: not empty; one row per club and title.
--   IQ3 field: policy (정책), service (서비스), economy (경제), culture (문화),
--      sport (체육), environment (환경) or empty (NJ2).
--   IQ4 adopted: yes (채택, 1), no (미채택, 0) or empty (not decided yet);
--      decided_on a date in any form is_date() accepts, only with a decision (NJ2).
--   IQ5 An upsert: a proposal already recorded (club, title) gets the file's values.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(program) AS program, trim(club) AS club, trim(title) AS title,
       CASE WHEN trim(field) IN ('policy', '정책') THEN 'policy' WHEN trim(field) IN ('service', '서비스') THEN 'service'
            WHEN trim(field) IN ('economy', '경제') THEN 'economy' WHEN trim(field) IN ('culture', '문화') THEN 'culture'
            WHEN trim(field) IN ('sport', '체육') THEN 'sport' WHEN trim(field) IN ('environment', '환경') THEN 'environment' END AS field,
       trim(field) AS field_raw, nullif(trim(department), '') AS department,
       CASE WHEN trim(adopted) IN ('yes', '채택', '1') THEN 1 WHEN trim(adopted) IN ('no', '미채택', '0') THEN 0 END AS adopted,
       trim(adopted) AS adopted_raw, nullif(trim(decided_on), '') AS decided_raw
FROM temp.lc_raw;
ALTER TABLE lc_row ADD COLUMN club_id INTEGER;
ALTER TABLE lc_row ADD COLUMN decided TEXT;
UPDATE lc_row SET club_id = (SELECT c.id FROM club c JOIN program p ON p.id = c.program_id
                             WHERE p.code = lc_row.program AND c.name = lc_row.club),
                  decided = CASE WHEN is_date(decided_raw) THEN kr_date(decided_raw) END;

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, 'column program: must not be empty' FROM lc_row WHERE program = ''
UNION ALL
SELECT line, 1, printf('column program: unknown program ''%s''', program)
FROM lc_row WHERE program <> '' AND NOT EXISTS (SELECT 1 FROM program p WHERE p.code = lc_row.program)
UNION ALL
SELECT line, 2, 'column club: must not be empty' FROM lc_row WHERE club = ''
UNION ALL
SELECT line, 2, printf('column club: no club ''%s'' in program ''%s''', club, program)
FROM lc_row WHERE club <> '' AND club_id IS NULL AND EXISTS (SELECT 1 FROM program p WHERE p.code = lc_row.program)
UNION ALL
SELECT line, 3, 'column title: must not be empty' FROM lc_row WHERE title = ''
UNION ALL
SELECT r.line, 3, printf('column title: the same proposal is on line %d', min(o.line))
FROM lc_row r JOIN lc_row o ON o.club_id = r.club_id AND o.title = r.title AND o.line < r.line
GROUP BY r.line
UNION ALL
SELECT line, 4, printf('column field: invalid value ''%s''; expected policy, service, economy, culture, sport or environment (NJ2)', field_raw)
FROM lc_row WHERE field_raw <> '' AND field IS NULL
UNION ALL
SELECT line, 6, printf('column adopted: invalid value ''%s''; expected yes, no or empty (NJ2)', adopted_raw)
FROM lc_row WHERE adopted_raw <> '' AND adopted IS NULL
UNION ALL
SELECT line, 7, printf('column decided_on: invalid date ''%s''; expected YYYY-MM-DD', decided_raw)
FROM lc_row WHERE decided_raw IS NOT NULL AND decided IS NULL
UNION ALL
SELECT line, 7, 'column decided_on: an undecided proposal has no decided_on (NJ2)'
FROM lc_row WHERE decided_raw IS NOT NULL AND adopted_raw = '';

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

UPDATE proposal SET
  field = (SELECT r.field FROM lc_row r WHERE r.club_id = proposal.club_id AND r.title = proposal.title),
  department = (SELECT r.department FROM lc_row r WHERE r.club_id = proposal.club_id AND r.title = proposal.title),
  adopted = (SELECT r.adopted FROM lc_row r WHERE r.club_id = proposal.club_id AND r.title = proposal.title),
  decided_on = (SELECT r.decided FROM lc_row r WHERE r.club_id = proposal.club_id AND r.title = proposal.title)
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND EXISTS (SELECT 1 FROM lc_row r WHERE r.club_id = proposal.club_id AND r.title = proposal.title);
INSERT INTO proposal(club_id, title, field, department, adopted, decided_on)
SELECT r.club_id, r.title, r.field, r.department, r.adopted, r.decided FROM lc_row r
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND NOT EXISTS (SELECT 1 FROM proposal x WHERE x.club_id = r.club_id AND x.title = r.title)
ORDER BY r.line;

SELECT 'ok', printf('%d proposals: %d adopted, %d not adopted, %d undecided', count(*), count(CASE adopted WHEN 1 THEN 1 END),
                    count(CASE adopted WHEN 0 THEN 1 END), count(*) - count(adopted))
FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
