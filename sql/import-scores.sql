-- sql/import-scores.sql: judges' scores (JG8, KR7) from a CSV loaded by
-- the learnclub command into temp.lc_raw with the columns
--   club,period,judge,criterion,points
-- (template: examples/templates/scores.csv). One transaction; any bad row
-- rejects the whole file (first error by line, then column).
--   IS1 period: YYYY-H1 or YYYY-H2; club: a club's name in the program running then,
--      found by the imports' one rule (sql/import-values.sql V4; issue 15: the
--      optional column program says which of two programs running at once).
--   IS2 judge and criterion: not empty; the program's tie_break names a criterion.
--   IS3 points: a number from 0 to 100.
--   IS4 An upsert: a score already recorded (club, period, judge, criterion) is replaced.
--   IS5 (issue 14) With --replace (@replace = '1') the file is the whole truth
--      for each (club, half-year) it holds: that club's other scores of that
--      half-year are removed, each named in a row 'removed',
--      'score CLUB PERIOD JUDGE CRITERION POINTS'.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(club) AS club, trim(period) AS period, trim(judge) AS judge,
       trim(criterion) AS criterion, trim(points) AS points_raw, nullif(trim(program), '') AS program
FROM temp.lc_raw;
ALTER TABLE lc_row ADD COLUMN points REAL;
INSERT INTO temp.lc_value SELECT line, 'points', points_raw FROM lc_row;  -- a number: sql/import-values.sql V1
UPDATE lc_row SET points = (SELECT num FROM temp.lc_parsed v WHERE v.line = lc_row.line AND v.col = 'points');
ALTER TABLE lc_row ADD COLUMN club_id INTEGER;
INSERT INTO temp.lc_club_ref(line, club, program, first_day, last_day, span)  -- IS1 (V4)
SELECT line, club, program, CASE WHEN period >= '0001' THEN period_start(period) END,  -- year 0000: no days, no club
       CASE WHEN period >= '0001' THEN period_end(period) END, 'running in ' || period FROM lc_row
WHERE club <> '' AND period GLOB '[0-9][0-9][0-9][0-9]-H[12]';
UPDATE lc_row SET club_id = (SELECT m.club_id FROM temp.lc_club_match m WHERE m.line = lc_row.line);

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, 'column club: must not be empty' FROM lc_row WHERE club = ''
UNION ALL
SELECT line, colno, error FROM temp.lc_club_match WHERE error IS NOT NULL  -- IS1 (V4)
UNION ALL
SELECT line, 2, printf('column period: invalid half-year ''%s''; expected YYYY-H1 or YYYY-H2', period)
FROM lc_row WHERE NOT period GLOB '[0-9][0-9][0-9][0-9]-H[12]'
UNION ALL
SELECT line, 3, 'column judge: must not be empty' FROM lc_row WHERE judge = ''
UNION ALL
SELECT line, 4, 'column criterion: must not be empty' FROM lc_row WHERE criterion = ''
UNION ALL
SELECT r.line, 4, printf('column criterion: the same score is on line %d', min(o.line))
FROM lc_row r JOIN lc_row o ON o.club_id = r.club_id AND o.period = r.period AND o.judge = r.judge
  AND o.criterion = r.criterion AND o.line < r.line
GROUP BY r.line
UNION ALL
SELECT line, 5, printf('column points: invalid points ''%s''; expected a number from 0 to 100', points_raw)
FROM lc_row WHERE points IS NULL OR points > 100;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

-- IS5: the scores a --replace file leaves out
CREATE TEMP TABLE lc_gone AS
SELECT s.rowid AS rid, c.name AS club, s.period, s.judge, s.criterion, s.points
FROM score s JOIN club c ON c.id = s.club_id
WHERE @replace = '1' AND NOT EXISTS (SELECT 1 FROM lc_error)
  AND EXISTS (SELECT 1 FROM lc_row r WHERE r.club_id = s.club_id AND r.period = s.period)
  AND NOT EXISTS (SELECT 1 FROM lc_row r WHERE r.club_id = s.club_id AND r.period = s.period
                    AND r.judge = s.judge AND r.criterion = s.criterion);
SELECT 'removed', printf('score %s %s %s %s %s', club, period, judge, criterion, points)
FROM lc_gone ORDER BY club, period, judge, criterion;
DELETE FROM score WHERE rowid IN (SELECT rid FROM lc_gone);

INSERT INTO score(club_id, period, judge, criterion, points)
SELECT club_id, period, judge, criterion, points FROM lc_row
WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND true
ORDER BY line
ON CONFLICT (club_id, period, judge, criterion) DO UPDATE SET points = excluded.points;

SELECT 'ok', printf('%d scores, %d clubs, %d judges', count(*), count(DISTINCT club_id), count(DISTINCT judge))
FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
