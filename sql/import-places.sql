-- sql/import-places.sql (issue 14): the committee's places for clubs left
-- tied after the tie-break (D3) from a CSV loaded by the learnclub command
-- into temp.lc_raw with the columns
--   club,period,place,note
-- (template: examples/templates/places.csv). One transaction; any bad row
-- rejects the whole file (first error by line, then column).
--   IL1 period: YYYY-H1 or YYYY-H2; club: a club's name in the program running then.
--      The club is found by the imports' one rule (sql/import-values.sql V4;
--      issue 15: the optional column program says which of two programs).
--   IL2 place: a whole number from 1 up; among tied clubs a lower place ranks first (D3).
--   IL3 An upsert: a place already recorded (club, period) gets the file's place and note.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(club) AS club, trim(period) AS period, trim(place) AS place_raw,
       nullif(trim(note), '') AS note, nullif(trim(program), '') AS program
FROM temp.lc_raw;
ALTER TABLE lc_row ADD COLUMN place INTEGER;
INSERT INTO temp.lc_value SELECT line, 'place', place_raw FROM lc_row;
UPDATE lc_row SET place = (SELECT whole FROM temp.lc_parsed v WHERE v.line = lc_row.line AND v.col = 'place' AND v.whole > 0);  -- V3
ALTER TABLE lc_row ADD COLUMN club_id INTEGER;
INSERT INTO temp.lc_club_ref(line, club, program, first_day, last_day, span)  -- IL1 (V4)
SELECT line, club, program, CASE WHEN period >= '0001' THEN period_start(period) END,  -- year 0000: no days, no club
       CASE WHEN period >= '0001' THEN period_end(period) END, 'running in ' || period FROM lc_row
WHERE club <> '' AND period GLOB '[0-9][0-9][0-9][0-9]-H[12]';
UPDATE lc_row SET club_id = (SELECT m.club_id FROM temp.lc_club_match m WHERE m.line = lc_row.line);

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, 'column club: must not be empty' FROM lc_row WHERE club = ''
UNION ALL
SELECT line, colno, error FROM temp.lc_club_match WHERE error IS NOT NULL  -- IL1 (V4)
UNION ALL
SELECT line, 2, printf('column period: invalid half-year ''%s''; expected YYYY-H1 or YYYY-H2', period)
FROM lc_row WHERE NOT period GLOB '[0-9][0-9][0-9][0-9]-H[12]'
UNION ALL
SELECT r.line, 2, printf('column period: the same club and half-year is on line %d', min(o.line))
FROM lc_row r JOIN lc_row o ON o.club_id = r.club_id AND o.period = r.period AND o.line < r.line
GROUP BY r.line
UNION ALL
SELECT line, 3, printf('column place: invalid place ''%s''; expected a whole number from 1 up (D3)', place_raw)
FROM lc_row WHERE place IS NULL;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

INSERT INTO committee_place(club_id, period, place, note)
SELECT club_id, period, place, note FROM lc_row
WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND true
ORDER BY line
ON CONFLICT (club_id, period) DO UPDATE SET place = excluded.place, note = excluded.note;

SELECT 'ok', printf('%d places', count(*)) FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
