-- sql/import-pledges.sql (issue 14): pledges (NJ9, KR8) with their indicators
-- and each indicator's yearly target and result (NJ8) from a CSV loaded by
-- the learnclub command into temp.lc_raw with the columns
--   pledge,title,goal,completion,bodies,continuing,budgeted,total_budget,status,
--   indicator,unit,weight,year,target,achieved,achieved_on
-- and the optional column kind (issue 15; empty text when the file lacks it)
-- (template: examples/templates/pledges.csv). A row is a pledge (indicator
-- empty), a pledge's indicator (year empty) or an indicator's year. One
-- transaction; any bad row rejects the whole file (first error by line, then column).
--   IG1 pledge: the pledge's code; title not empty. Rows of one pledge agree
--      on title, goal, completion, bodies, continuing, budgeted, total_budget, status.
--   IG2 completion: within_term (임기내), after_term (임기후) or empty (NJ9).
--   IG3 bodies: the executing bodies (사업주체), any of national (국가),
--      province (도), city (시), private (민간), separated by spaces, commas
--      or semicolons; empty for none (NJ9).
--   IG4 continuing: new (신규) or continuing (계속); budgeted: budgeted (예산)
--      or unbudgeted (비예산); total_budget: whole KRW, 0 or more, thousands
--      commas allowed; each may be empty (not known).
--   IG5 status: completed (완료, 완료 종결), completed_continuing (이행후
--      계속추진, 완료 후 계속추진), on_track (정상추진, empty), partial (일부추진),
--      on_hold (보류) or dropped (폐기) (KR8).
--   IG6 indicator: a name; rows of one indicator agree on unit and weight;
--      weight a number more than 0, empty for 1 (D5). Indicators are numbered
--      in the order the file first names them.
--   IG7 year: YYYY, given only with an indicator; target and achieved numbers,
--      0 or more, or empty (no target, no result yet); achieved_on a date,
--      only with achieved (NJ8). One row per pledge, indicator and year.
--   IG8 An upsert: pledges by code, indicators by (pledge, name), years by
--      (indicator, year) get the file's values.
--   IG9 (issue 15) kind: cumulative (누적) or level (수준), given only with an
--      indicator; the rows of one indicator that give it agree on it. None
--      given: a new indicator is cumulative (NJ8), a stored one keeps its kind.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(pledge) AS code, trim(title) AS title, nullif(trim(goal), '') AS goal,
       CASE WHEN trim(completion) IN ('within_term', '임기내') THEN 'within_term'
            WHEN trim(completion) IN ('after_term', '임기후') THEN 'after_term' END AS completion,
       trim(completion) AS completion_raw,
       ' ' || trim(replace(replace(replace(bodies, ',', ' '), ';', ' '), char(9), ' ')) || ' ' AS bodies,
       trim(bodies) AS bodies_raw,
       CASE WHEN trim(continuing) IN ('new', '신규') THEN 0 WHEN trim(continuing) IN ('continuing', '계속') THEN 1 END AS continuing,
       trim(continuing) AS continuing_raw,
       CASE WHEN trim(budgeted) IN ('budgeted', '예산') THEN 1 WHEN trim(budgeted) IN ('unbudgeted', '비예산') THEN 0 END AS budgeted,
       trim(budgeted) AS budgeted_raw,
       trim(total_budget) AS total_raw,
       CASE WHEN trim(status) IN ('completed', '완료', '완료 종결') THEN 'completed'
            WHEN trim(status) IN ('completed_continuing', '이행후 계속추진', '완료 후 계속추진') THEN 'completed_continuing'
            WHEN trim(status) IN ('on_track', '정상추진', '') THEN 'on_track'
            WHEN trim(status) IN ('partial', '일부추진') THEN 'partial'
            WHEN trim(status) IN ('on_hold', '보류') THEN 'on_hold'
            WHEN trim(status) IN ('dropped', '폐기') THEN 'dropped' END AS status,
       trim(status) AS status_raw,
       nullif(trim(indicator), '') AS indicator, nullif(trim(unit), '') AS unit, trim(weight) AS weight_raw,
       nullif(trim(year), '') AS year_raw, nullif(trim(target), '') AS target_raw,
       nullif(trim(achieved), '') AS achieved_raw, nullif(trim(achieved_on), '') AS achieved_on_raw,
       nullif(trim(kind), '') AS kind_raw,
       CASE WHEN trim(kind) IN ('cumulative', '누적') THEN 'cumulative' WHEN trim(kind) IN ('level', '수준') THEN 'level' END AS kind
FROM temp.lc_raw;
ALTER TABLE lc_row ADD COLUMN total_budget INTEGER;
ALTER TABLE lc_row ADD COLUMN weight REAL;
ALTER TABLE lc_row ADD COLUMN year INTEGER;
ALTER TABLE lc_row ADD COLUMN target REAL;
ALTER TABLE lc_row ADD COLUMN achieved REAL;
ALTER TABLE lc_row ADD COLUMN achieved_on TEXT;
-- numbers and the amount, read by sql/import-values.sql (V1, V2)
INSERT INTO temp.lc_value
SELECT line, 'weight', weight_raw FROM lc_row WHERE weight_raw <> ''
UNION ALL SELECT line, 'target', target_raw FROM lc_row WHERE target_raw IS NOT NULL
UNION ALL SELECT line, 'achieved', achieved_raw FROM lc_row WHERE achieved_raw IS NOT NULL
UNION ALL SELECT line, 'total_budget', total_raw FROM lc_row WHERE total_raw <> '';
UPDATE lc_row SET
  total_budget = (SELECT krw FROM temp.lc_parsed v WHERE v.line = lc_row.line AND v.col = 'total_budget'),
  weight = CASE WHEN weight_raw = '' THEN 1 ELSE (SELECT num FROM temp.lc_parsed v WHERE v.line = lc_row.line AND v.col = 'weight') END,
  target = (SELECT num FROM temp.lc_parsed v WHERE v.line = lc_row.line AND v.col = 'target'),
  achieved = (SELECT num FROM temp.lc_parsed v WHERE v.line = lc_row.line AND v.col = 'achieved');
UPDATE lc_row SET year = CAST(year_raw AS INTEGER) WHERE year_raw GLOB '[1-9][0-9][0-9][0-9]';
UPDATE lc_row SET achieved_on = CASE WHEN is_date(achieved_on_raw) THEN kr_date(achieved_on_raw) END;
-- IG3: the bodies, each word checked
CREATE TEMP TABLE lc_body AS
WITH RECURSIVE split(line, rest, word) AS (
  SELECT line, ltrim(bodies), NULL FROM lc_row
  UNION ALL
  SELECT line, ltrim(substr(rest, instr(rest, ' ') + 1)), substr(rest, 1, instr(rest, ' ') - 1)
  FROM split WHERE rest <> ''
)
SELECT line, word, CASE WHEN word IN ('national', '국가') THEN 'national' WHEN word IN ('province', '도') THEN 'province'
                        WHEN word IN ('city', '시') THEN 'city' WHEN word IN ('private', '민간') THEN 'private' END AS body
FROM split WHERE word IS NOT NULL AND word <> '';

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, 'column pledge: must not be empty' FROM lc_row WHERE code = ''
UNION ALL
SELECT line, 2, 'column title: must not be empty' FROM lc_row WHERE title = ''
UNION ALL
SELECT r.line, 2, printf('column %s: pledge %s is given differently on line %d',
         CASE WHEN o.title IS NOT r.title THEN 'title' WHEN o.goal IS NOT r.goal THEN 'goal'
              WHEN o.completion_raw IS NOT r.completion_raw THEN 'completion' WHEN o.bodies IS NOT r.bodies THEN 'bodies'
              WHEN o.continuing_raw IS NOT r.continuing_raw THEN 'continuing' WHEN o.budgeted_raw IS NOT r.budgeted_raw THEN 'budgeted'
              WHEN o.total_raw IS NOT r.total_raw THEN 'total_budget' ELSE 'status' END, r.code, min(o.line))
FROM lc_row r JOIN lc_row o ON o.code = r.code AND o.line < r.line
  AND (o.title IS NOT r.title OR o.goal IS NOT r.goal OR o.completion_raw IS NOT r.completion_raw OR o.bodies IS NOT r.bodies
       OR o.continuing_raw IS NOT r.continuing_raw OR o.budgeted_raw IS NOT r.budgeted_raw OR o.total_raw IS NOT r.total_raw
       OR o.status_raw IS NOT r.status_raw)
GROUP BY r.line
UNION ALL
SELECT line, 4, printf('column completion: invalid value ''%s''; expected within_term or after_term (NJ9)', completion_raw)
FROM lc_row WHERE completion_raw <> '' AND completion IS NULL
UNION ALL
SELECT line, 5, printf('column bodies: invalid body ''%s''; expected national, province, city or private (NJ9)', min(word))
FROM lc_body WHERE body IS NULL GROUP BY line
UNION ALL
SELECT line, 6, printf('column continuing: invalid value ''%s''; expected new or continuing (NJ9)', continuing_raw)
FROM lc_row WHERE continuing_raw <> '' AND continuing IS NULL
UNION ALL
SELECT line, 7, printf('column budgeted: invalid value ''%s''; expected budgeted or unbudgeted (NJ9)', budgeted_raw)
FROM lc_row WHERE budgeted_raw <> '' AND budgeted IS NULL
UNION ALL
SELECT line, 8, printf('column total_budget: invalid amount ''%s''; expected a whole number of KRW, 0 or more (NJ9)', total_raw)
FROM lc_row WHERE total_raw <> '' AND total_budget IS NULL
UNION ALL
SELECT line, 9, printf('column status: invalid value ''%s''; expected completed, completed_continuing, on_track, partial, on_hold or dropped (KR8)', status_raw)
FROM lc_row WHERE status IS NULL
UNION ALL
SELECT line, 10, 'column indicator: unit, weight and the year''s columns need an indicator'
FROM lc_row WHERE indicator IS NULL AND (unit IS NOT NULL OR weight_raw <> '' OR year_raw IS NOT NULL OR target_raw IS NOT NULL
                                         OR achieved_raw IS NOT NULL OR achieved_on_raw IS NOT NULL OR kind_raw IS NOT NULL)
UNION ALL
SELECT r.line, 11, printf('column %s: indicator ''%s'' is given differently on line %d',
         CASE WHEN o.unit IS NOT r.unit THEN 'unit' WHEN o.weight_raw IS NOT r.weight_raw THEN 'weight' ELSE 'kind' END,
         r.indicator, min(o.line))
FROM lc_row r JOIN lc_row o ON o.code = r.code AND o.indicator = r.indicator AND o.line < r.line
  AND (o.unit IS NOT r.unit OR o.weight_raw IS NOT r.weight_raw OR o.kind <> r.kind)
GROUP BY r.line
UNION ALL
SELECT line, 12, printf('column weight: invalid weight ''%s''; expected a number more than 0 (D5)', weight_raw)
FROM lc_row WHERE weight_raw <> '' AND (weight IS NULL OR weight <= 0)
UNION ALL
SELECT line, 13, printf('column year: invalid year ''%s''; expected YYYY', year_raw)
FROM lc_row WHERE year_raw IS NOT NULL AND year IS NULL
UNION ALL
SELECT line, 13, 'column year: target, achieved and achieved_on need a year'
FROM lc_row WHERE indicator IS NOT NULL AND year_raw IS NULL
  AND (target_raw IS NOT NULL OR achieved_raw IS NOT NULL OR achieved_on_raw IS NOT NULL)
UNION ALL
SELECT r.line, 13, printf('column year: the same indicator and year is on line %d', min(o.line))
FROM lc_row r JOIN lc_row o ON o.code = r.code AND o.indicator = r.indicator AND o.year = r.year AND o.line < r.line
GROUP BY r.line
UNION ALL
SELECT line, 14, printf('column target: invalid number ''%s''; expected a number, 0 or more (NJ8)', target_raw)
FROM lc_row WHERE target_raw IS NOT NULL AND target IS NULL
UNION ALL
SELECT line, 15, printf('column achieved: invalid number ''%s''; expected a number, 0 or more (NJ8)', achieved_raw)
FROM lc_row WHERE achieved_raw IS NOT NULL AND achieved IS NULL
UNION ALL
SELECT line, 16, printf('column achieved_on: invalid date ''%s''; expected YYYY-MM-DD', achieved_on_raw)
FROM lc_row WHERE achieved_on_raw IS NOT NULL AND achieved_on IS NULL
UNION ALL
SELECT line, 16, 'column achieved_on: given without achieved (NJ8)'
FROM lc_row WHERE achieved_on_raw IS NOT NULL AND achieved_raw IS NULL
UNION ALL
SELECT line, 17, printf('column kind: invalid value ''%s''; expected cumulative or level (NJ8)', kind_raw)
FROM lc_row WHERE kind_raw IS NOT NULL AND kind IS NULL;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

INSERT INTO pledge(code, title, goal, completion, by_national, by_province, by_city, by_private,
                   continuing, budgeted, total_budget, status)
SELECT code, title, goal, completion, bodies GLOB '* national *' OR bodies GLOB '* 국가 *',
       bodies GLOB '* province *' OR bodies GLOB '* 도 *', bodies GLOB '* city *' OR bodies GLOB '* 시 *',
       bodies GLOB '* private *' OR bodies GLOB '* 민간 *', continuing, budgeted, total_budget, status
FROM lc_row r WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND line = (SELECT min(o.line) FROM lc_row o WHERE o.code = r.code)
ORDER BY line
ON CONFLICT (code) DO UPDATE SET title = excluded.title, goal = excluded.goal, completion = excluded.completion,
  by_national = excluded.by_national, by_province = excluded.by_province, by_city = excluded.by_city,
  by_private = excluded.by_private, continuing = excluded.continuing, budgeted = excluded.budgeted,
  total_budget = excluded.total_budget, status = excluded.status;
INSERT INTO indicator(pledge_id, seq, name, unit, weight, kind)
SELECT (SELECT id FROM pledge p WHERE p.code = r.code),
       (SELECT count(DISTINCT o.indicator) FROM lc_row o WHERE o.code = r.code AND o.indicator IS NOT NULL
          AND (SELECT min(x.line) FROM lc_row x WHERE x.code = o.code AND x.indicator = o.indicator) <= r.line),
       r.indicator, r.unit, r.weight,
       coalesce((SELECT max(o.kind) FROM lc_row o WHERE o.code = r.code AND o.indicator = r.indicator), 'cumulative')
FROM lc_row r WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND r.indicator IS NOT NULL
  AND r.line = (SELECT min(o.line) FROM lc_row o WHERE o.code = r.code AND o.indicator = r.indicator)
ORDER BY r.line
ON CONFLICT (pledge_id, name) DO UPDATE SET seq = excluded.seq, unit = excluded.unit, weight = excluded.weight,
  kind = CASE WHEN EXISTS (SELECT 1 FROM lc_row o JOIN pledge p ON p.code = o.code
                           WHERE p.id = excluded.pledge_id AND o.indicator = excluded.name AND o.kind IS NOT NULL)
              THEN excluded.kind ELSE kind END;
INSERT INTO indicator_year(indicator_id, year, target, achieved, achieved_on)
SELECT i.id, r.year, r.target, r.achieved, r.achieved_on
FROM lc_row r JOIN pledge p ON p.code = r.code JOIN indicator i ON i.pledge_id = p.id AND i.name = r.indicator
WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND r.year IS NOT NULL
ORDER BY r.line
ON CONFLICT (indicator_id, year) DO UPDATE SET target = excluded.target, achieved = excluded.achieved,
  achieved_on = excluded.achieved_on;

SELECT 'ok', printf('%d pledges, %d indicators, %d indicator years', count(DISTINCT code),
                    count(DISTINCT CASE WHEN indicator IS NOT NULL THEN code || char(9) || indicator END), count(year))
FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
