-- sql/import-calls.sql (issue 14): calls for teams (NJ3, NJ1) from a CSV
-- loaded by the learnclub command into temp.lc_raw with the columns
--   program,opens_on,closes_on,applications,min_teams,max_teams,outcome,reason
-- (template: examples/templates/calls.csv). One transaction; any bad row
-- rejects the whole file (first error by line, then column).
--   IC1 program: a stored program's code; one row per program.
--   IC2 opens_on, closes_on: dates in any form is_date() accepts, or empty;
--      closes_on not before opens_on.
--   IC3 applications: a whole number, 0 or more; min_teams, max_teams: whole
--      numbers from 1, max_teams not below min_teams; each may be empty (NJ3, NJ1).
--   IC4 outcome: run (진행), cancelled (취소) or empty (undecided); a
--      cancelled call gives its reason (NJ3).
--   IC5 An upsert: a program's call already recorded gets the file's values.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(program) AS program, nullif(trim(opens_on), '') AS opens_raw,
       nullif(trim(closes_on), '') AS closes_raw, nullif(trim(applications), '') AS applications_raw,
       nullif(trim(min_teams), '') AS min_raw, nullif(trim(max_teams), '') AS max_raw,
       CASE WHEN trim(outcome) IN ('run', '진행') THEN 'run' WHEN trim(outcome) IN ('cancelled', '취소') THEN 'cancelled' END AS outcome,
       trim(outcome) AS outcome_raw, nullif(trim(reason), '') AS reason
FROM temp.lc_raw;
ALTER TABLE lc_row ADD COLUMN program_id INTEGER;
ALTER TABLE lc_row ADD COLUMN opens TEXT;
ALTER TABLE lc_row ADD COLUMN closes TEXT;
UPDATE lc_row SET program_id = (SELECT id FROM program p WHERE p.code = lc_row.program),
                  opens = CASE WHEN is_date(opens_raw) THEN kr_date(opens_raw) END,
                  closes = CASE WHEN is_date(closes_raw) THEN kr_date(closes_raw) END;
-- IC3: whole numbers (sql/import-values.sql V3)
INSERT INTO temp.lc_value
SELECT line, 'applications', applications_raw FROM lc_row WHERE applications_raw IS NOT NULL
UNION ALL SELECT line, 'min_teams', min_raw FROM lc_row WHERE min_raw IS NOT NULL
UNION ALL SELECT line, 'max_teams', max_raw FROM lc_row WHERE max_raw IS NOT NULL;
CREATE TEMP VIEW lc_count(line, col, raw, n) AS
SELECT line, col, raw, CASE WHEN col = 'applications' OR whole > 0 THEN whole END FROM temp.lc_parsed;

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, 'column program: must not be empty' FROM lc_row WHERE program = ''
UNION ALL
SELECT line, 1, printf('column program: unknown program ''%s''', program) FROM lc_row WHERE program <> '' AND program_id IS NULL
UNION ALL
SELECT r.line, 1, printf('column program: the same program is on line %d', min(o.line))
FROM lc_row r JOIN lc_row o ON o.program = r.program AND o.line < r.line
GROUP BY r.line
UNION ALL
SELECT line, 2, printf('column opens_on: invalid date ''%s''; expected YYYY-MM-DD', opens_raw) FROM lc_row WHERE opens_raw IS NOT NULL AND opens IS NULL
UNION ALL
SELECT line, 3, printf('column closes_on: invalid date ''%s''; expected YYYY-MM-DD', closes_raw) FROM lc_row WHERE closes_raw IS NOT NULL AND closes IS NULL
UNION ALL
SELECT line, 3, 'column closes_on: before opens_on' FROM lc_row WHERE closes < opens
UNION ALL
SELECT line, CASE col WHEN 'applications' THEN 4 WHEN 'min_teams' THEN 5 ELSE 6 END,
       printf('column %s: invalid number ''%s''; expected %s', col, raw,
              CASE col WHEN 'applications' THEN 'a whole number, 0 or more (NJ3)' ELSE 'a whole number from 1 (NJ3)' END)
FROM lc_count WHERE n IS NULL
UNION ALL
SELECT a.line, 6, 'column max_teams: below min_teams (NJ3)'
FROM lc_count a JOIN lc_count b ON b.line = a.line AND b.col = 'min_teams' WHERE a.col = 'max_teams' AND a.n < b.n
UNION ALL
SELECT line, 7, printf('column outcome: invalid value ''%s''; expected run, cancelled or empty (NJ3)', outcome_raw)
FROM lc_row WHERE outcome_raw <> '' AND outcome IS NULL
UNION ALL
SELECT line, 8, 'column reason: a cancelled call gives its reason (NJ3)' FROM lc_row WHERE outcome = 'cancelled' AND reason IS NULL;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

INSERT INTO team_call(program_id, opens_on, closes_on, applications, min_teams, max_teams, outcome, reason)
SELECT r.program_id, r.opens, r.closes,
       (SELECT n FROM lc_count c WHERE c.line = r.line AND c.col = 'applications'),
       (SELECT n FROM lc_count c WHERE c.line = r.line AND c.col = 'min_teams'),
       (SELECT n FROM lc_count c WHERE c.line = r.line AND c.col = 'max_teams'), r.outcome, r.reason
FROM lc_row r WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND true
ORDER BY r.line
ON CONFLICT (program_id) DO UPDATE SET opens_on = excluded.opens_on, closes_on = excluded.closes_on,
  applications = excluded.applications, min_teams = excluded.min_teams, max_teams = excluded.max_teams,
  outcome = excluded.outcome, reason = excluded.reason;

SELECT 'ok', printf('%d calls', count(*)) FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
