-- sql/import-scores.sql: judges' scores (JG8, KR7) from a CSV loaded by
-- the learnclub command into temp.lc_raw with the columns
--   club,period,judge,criterion,points[,panel][,judge_emp_no][,stage][,program]
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
--      'score CLUB PERIOD JUDGE CRITERION POINTS', followed (issue 15) by
--      ' stage screening' and ' panel PANEL' when the score has them.
--   IS6 (issue 15, B1) Optional columns panel, judge_emp_no, stage (M4 of
--      cli/cmd_import.c; a missing one is empty):
--      stage: screening (예선) or final (본선; empty: final); a screening
--        score needs the program's finalists setting (O3);
--      panel: empty for none; when the program has panel_weights, one of its
--        panels (O3); without panel_weights any panel is taken (the judges
--        are then one pool, evaluate EV8);
--      judge_emp_no: empty, or the emp_no of a known person (recusal,
--        evaluate EV9); the rows of one judge (period, stage, panel, judge)
--        give the same emp_no.
--      A judge is one per (club, period, stage, panel, judge).
--   IS7 (issue 15, B1) When the program has criteria (program_criterion in
--      sql/rules.sql), a row's criterion is one of them and its points at
--      most that criterion's maximum (O5).
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(club) AS club, trim(period) AS period, trim(judge) AS judge,
       trim(criterion) AS criterion, trim(points) AS points_raw,
       -- IS6 (issue 15)
       trim(panel) AS panel, nullif(trim(judge_emp_no), '') AS judge_emp_no, trim(stage) AS stage_raw,
       CASE WHEN trim(stage) IN ('', 'final', '본선') THEN 'final' WHEN trim(stage) IN ('screening', '예선') THEN 'screening' END AS stage,
       nullif(trim(program), '') AS program  -- IS1 (issue 15, A)
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
  AND o.criterion = r.criterion AND o.stage IS r.stage AND o.panel = r.panel AND o.line < r.line
GROUP BY r.line
UNION ALL
SELECT line, 5, printf('column points: invalid points ''%s''; expected a number from 0 to 100', points_raw)
FROM lc_row WHERE points IS NULL OR points > 100
-- IS7 (issue 15): the program's criteria and their maximum points (O5)
UNION ALL
SELECT r.line, 4, printf('column criterion: invalid criterion ''%s''; expected one of the criteria of program ''%s'': %s (O5)',
                         r.criterion, p.code, (SELECT group_concat(k.criterion, ', ') FROM program_criterion k WHERE k.program_id = p.id))
FROM lc_row r JOIN club c ON c.id = r.club_id JOIN program p ON p.id = c.program_id
WHERE p.criteria IS NOT NULL AND r.criterion <> ''
  AND NOT EXISTS (SELECT 1 FROM program_criterion k WHERE k.program_id = p.id AND k.criterion = r.criterion)
UNION ALL
SELECT r.line, 5, printf('column points: invalid points ''%s''; above the maximum %s of criterion ''%s'' (O5)', r.points_raw, k.maximum_text, r.criterion)
FROM lc_row r JOIN club c ON c.id = r.club_id JOIN program_criterion k ON k.program_id = c.program_id AND k.criterion = r.criterion
WHERE r.points <= 100 AND r.points > k.maximum
-- IS6 (issue 15): panel, judge_emp_no, stage (O3)
UNION ALL
SELECT r.line, 6, printf('column panel: invalid panel ''%s''; expected one of the panels of program ''%s'': %s (O3)',
                         r.panel, p.code, (SELECT group_concat(w.panel, ', ') FROM program_panel_weight w WHERE w.program_id = p.id))
FROM lc_row r JOIN club c ON c.id = r.club_id JOIN program p ON p.id = c.program_id
WHERE p.panel_weights IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM program_panel_weight w WHERE w.program_id = p.id AND w.panel = r.panel)
UNION ALL
SELECT line, 7, printf('column judge_emp_no: no person with emp_no ''%s''', judge_emp_no)
FROM lc_row WHERE judge_emp_no IS NOT NULL AND NOT EXISTS (SELECT 1 FROM person pe WHERE pe.emp_no = lc_row.judge_emp_no)
UNION ALL
SELECT r.line, 7, printf('column judge_emp_no: judge ''%s'' is given another emp_no on line %d', r.judge, min(o.line))
FROM lc_row r JOIN lc_row o ON o.period = r.period AND o.stage IS r.stage AND o.panel = r.panel AND o.judge = r.judge
  AND o.judge_emp_no IS NOT r.judge_emp_no AND o.line < r.line
GROUP BY r.line
UNION ALL
SELECT line, 8, printf('column stage: invalid stage ''%s''; expected screening or final (O3)', stage_raw)
FROM lc_row WHERE stage IS NULL
UNION ALL
SELECT r.line, 8, printf('column stage: program ''%s'' has no finalists setting, so no screening (O3)', p.code)
FROM lc_row r JOIN club c ON c.id = r.club_id JOIN program p ON p.id = c.program_id
WHERE r.stage = 'screening' AND p.finalists IS NULL;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

-- IS5: the scores a --replace file leaves out
CREATE TEMP TABLE lc_gone AS
SELECT s.rowid AS rid, c.name AS club, s.period, s.judge, s.criterion, s.points, s.stage, s.panel
FROM score s JOIN club c ON c.id = s.club_id
WHERE @replace = '1' AND NOT EXISTS (SELECT 1 FROM lc_error)
  AND EXISTS (SELECT 1 FROM lc_row r WHERE r.club_id = s.club_id AND r.period = s.period)
  AND NOT EXISTS (SELECT 1 FROM lc_row r WHERE r.club_id = s.club_id AND r.period = s.period
                    AND r.judge = s.judge AND r.criterion = s.criterion AND r.stage = s.stage AND r.panel = s.panel);
SELECT 'removed', printf('score %s %s %s %s %s', club, period, judge, criterion, points)
       -- issue 15 (B1): a stage or panel other than the default is named
       || CASE WHEN stage <> 'final' THEN ' stage ' || stage ELSE '' END || CASE WHEN panel <> '' THEN ' panel ' || panel ELSE '' END
FROM lc_gone ORDER BY club, period, judge, criterion;
DELETE FROM score WHERE rowid IN (SELECT rid FROM lc_gone);

INSERT INTO score(club_id, period, judge, criterion, points, panel, judge_emp_no, stage)
SELECT club_id, period, judge, criterion, points, panel, judge_emp_no, stage FROM lc_row
WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND true
ORDER BY line
ON CONFLICT (club_id, period, stage, panel, judge, criterion)
DO UPDATE SET points = excluded.points, judge_emp_no = excluded.judge_emp_no;

SELECT 'ok', printf('%d scores, %d clubs, %d judges', count(*), count(DISTINCT club_id), count(DISTINCT judge))
FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
