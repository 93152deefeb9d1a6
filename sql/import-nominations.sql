-- sql/import-nominations.sql (issue 14): the presidents' nominations of top
-- contributors (JG10) from a CSV loaded by the learnclub command into
-- temp.lc_raw with the columns
--   club,period,emp_no,note
-- (template: examples/templates/nominations.csv). One transaction; any bad row
-- rejects the whole file (first error by line, then column).
--   IN1 period: YYYY-H1 or YYYY-H2; club: a club's name in the program running then.
--      The club is found by the imports' one rule (sql/import-values.sql V4;
--      issue 15: the optional column program says which of two programs).
--   IN2 emp_no: a person who is a member of the club on some day of the half-year.
--   IN3 At most 2 nominees per club and half-year (JG10), counting those
--      already stored; the same nominee twice in the file is refused.
--   IN4 An upsert: a nomination already recorded (club, period, person) gets the file's note.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(club) AS club, trim(period) AS period, trim(emp_no) AS emp_no,
       nullif(trim(note), '') AS note, nullif(trim(program), '') AS program
FROM temp.lc_raw;
ALTER TABLE lc_row ADD COLUMN club_id INTEGER;
ALTER TABLE lc_row ADD COLUMN person_id INTEGER;
INSERT INTO temp.lc_club_ref(line, club, program, first_day, last_day, span)  -- IN1 (V4)
SELECT line, club, program, CASE WHEN period >= '0001' THEN period_start(period) END,  -- year 0000: no days, no club
       CASE WHEN period >= '0001' THEN period_end(period) END, 'running in ' || period FROM lc_row
WHERE club <> '' AND period GLOB '[0-9][0-9][0-9][0-9]-H[12]';
UPDATE lc_row SET club_id = (SELECT m.club_id FROM temp.lc_club_match m WHERE m.line = lc_row.line);
UPDATE lc_row SET person_id = (SELECT id FROM person p WHERE p.emp_no = lc_row.emp_no);

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, 'column club: must not be empty' FROM lc_row WHERE club = ''
UNION ALL
SELECT line, colno, error FROM temp.lc_club_match WHERE error IS NOT NULL  -- IN1 (V4)
UNION ALL
SELECT line, 2, printf('column period: invalid half-year ''%s''; expected YYYY-H1 or YYYY-H2', period)
FROM lc_row WHERE NOT period GLOB '[0-9][0-9][0-9][0-9]-H[12]'
UNION ALL
SELECT line, 3, 'column emp_no: must not be empty' FROM lc_row WHERE emp_no = ''
UNION ALL
SELECT line, 3, printf('column emp_no: unknown emp_no ''%s''', emp_no) FROM lc_row WHERE emp_no <> '' AND person_id IS NULL
UNION ALL
SELECT r.line, 3, printf('column emp_no: emp_no %s is not a member of club ''%s'' in %s (JG10)', r.emp_no, r.club, r.period)
FROM lc_row r WHERE r.person_id IS NOT NULL AND r.club_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM membership_span m WHERE m.club_id = r.club_id AND m.person_id = r.person_id
                    AND m.first_day <= period_end(r.period) AND m.last_day >= period_start(r.period))
UNION ALL
SELECT r.line, 3, printf('column emp_no: the same nomination is on line %d', min(o.line))
FROM lc_row r JOIN lc_row o ON o.club_id = r.club_id AND o.period = r.period AND o.person_id = r.person_id AND o.line < r.line
GROUP BY r.line
UNION ALL
-- IN3: the third nominee of a club and half-year, counting the stored ones not in the file
SELECT r.line, 3, printf('column emp_no: club ''%s'' would have more than 2 nominees for %s (JG10)', r.club, r.period)
FROM lc_row r WHERE r.club_id IS NOT NULL AND r.person_id IS NOT NULL
  AND (SELECT count(DISTINCT o.person_id) FROM lc_row o WHERE o.club_id = r.club_id AND o.period = r.period AND o.line <= r.line)
    + (SELECT count(*) FROM nomination n WHERE n.club_id = r.club_id AND n.period = r.period
         AND NOT EXISTS (SELECT 1 FROM lc_row o WHERE o.club_id = n.club_id AND o.period = n.period AND o.person_id = n.person_id)) > 2;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

INSERT INTO nomination(club_id, period, person_id, note)
SELECT club_id, period, person_id, note FROM lc_row
WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND true
ORDER BY line
ON CONFLICT (club_id, period, person_id) DO UPDATE SET note = excluded.note;

SELECT 'ok', printf('%d nominations, %d clubs', count(*), count(DISTINCT club_id))
FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
