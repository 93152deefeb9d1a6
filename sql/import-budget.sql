-- sql/import-budget.sql (issue 14): budget plans by year and source (NJ7)
-- from a CSV loaded by the learnclub command into temp.lc_raw with the columns
--   plan,pledge,year,source,planned,executed
-- (template: examples/templates/budget.csv). One transaction; any bad row
-- rejects the whole file (first error by line, then column).
--   IB1 plan: the plan's name; pledge: the code of a stored pledge it serves,
--      or empty; rows of one plan agree on it.
--   IB2 year: YYYY; source: national (국비), province (도비), city (시비) or
--      other (기타) (NJ7); one row per plan, year and source.
--   IB3 planned, executed: whole KRW, 0 or more, thousands commas allowed;
--      empty is 0.
--   IB4 An upsert: plans by name get the file's pledge; lines by (plan,
--      year, source) the file's amounts.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(plan) AS plan, nullif(trim(pledge), '') AS pledge, trim(year) AS year_raw,
       CASE WHEN trim(source) IN ('national', '국비') THEN 'national' WHEN trim(source) IN ('province', '도비') THEN 'province'
            WHEN trim(source) IN ('city', '시비') THEN 'city' WHEN trim(source) IN ('other', '기타') THEN 'other' END AS source,
       trim(source) AS source_raw, trim(planned) AS planned_raw, trim(executed) AS executed_raw
FROM temp.lc_raw;
ALTER TABLE lc_row ADD COLUMN year INTEGER;
ALTER TABLE lc_row ADD COLUMN pledge_id INTEGER;
ALTER TABLE lc_row ADD COLUMN planned INTEGER;
ALTER TABLE lc_row ADD COLUMN executed INTEGER;
UPDATE lc_row SET year = CAST(year_raw AS INTEGER) WHERE year_raw GLOB '[1-9][0-9][0-9][0-9]';
UPDATE lc_row SET pledge_id = (SELECT id FROM pledge p WHERE p.code = lc_row.pledge);
-- IB3: whole KRW (sql/import-values.sql V2); empty is 0
INSERT INTO temp.lc_value SELECT line, 'planned', planned_raw FROM lc_row WHERE planned_raw <> ''
  UNION ALL SELECT line, 'executed', executed_raw FROM lc_row WHERE executed_raw <> '';
CREATE TEMP VIEW lc_amount(line, col, raw, amount) AS SELECT line, col, raw, krw FROM temp.lc_parsed;
UPDATE lc_row SET planned = CASE planned_raw WHEN '' THEN 0 ELSE (SELECT amount FROM lc_amount a WHERE a.line = lc_row.line AND a.col = 'planned') END,
                  executed = CASE executed_raw WHEN '' THEN 0 ELSE (SELECT amount FROM lc_amount a WHERE a.line = lc_row.line AND a.col = 'executed') END;

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, 'column plan: must not be empty' FROM lc_row WHERE plan = ''
UNION ALL
SELECT line, 2, printf('column pledge: unknown pledge ''%s''; import it with import-pledges first', pledge)
FROM lc_row WHERE pledge IS NOT NULL AND pledge_id IS NULL
UNION ALL
SELECT r.line, 2, printf('column pledge: plan ''%s'' is given differently on line %d', r.plan, min(o.line))
FROM lc_row r JOIN lc_row o ON o.plan = r.plan AND o.line < r.line AND o.pledge IS NOT r.pledge
GROUP BY r.line
UNION ALL
SELECT line, 3, printf('column year: invalid year ''%s''; expected YYYY', year_raw) FROM lc_row WHERE year IS NULL
UNION ALL
SELECT line, 4, printf('column source: invalid value ''%s''; expected national, province, city or other (NJ7)', source_raw)
FROM lc_row WHERE source IS NULL
UNION ALL
SELECT r.line, 4, printf('column source: the same plan, year and source is on line %d', min(o.line))
FROM lc_row r JOIN lc_row o ON o.plan = r.plan AND o.year = r.year AND o.source = r.source AND o.line < r.line
GROUP BY r.line
UNION ALL
SELECT line, CASE col WHEN 'planned' THEN 5 ELSE 6 END,
       printf('column %s: invalid amount ''%s''; expected a whole number of KRW, 0 or more (NJ7)', col, raw)
FROM lc_amount WHERE amount IS NULL;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

INSERT INTO budget_plan(name, pledge_id)
SELECT plan, pledge_id FROM lc_row r
WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND r.line = (SELECT min(o.line) FROM lc_row o WHERE o.plan = r.plan)
ORDER BY line
ON CONFLICT (name) DO UPDATE SET pledge_id = excluded.pledge_id;
INSERT INTO budget_line(plan_id, year, source, planned, executed)
SELECT (SELECT id FROM budget_plan b WHERE b.name = r.plan), r.year, r.source, r.planned, r.executed
FROM lc_row r WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND true
ORDER BY r.line
ON CONFLICT (plan_id, year, source) DO UPDATE SET planned = excluded.planned, executed = excluded.executed;

SELECT 'ok', printf('%d budget lines, %d plans', count(*), count(DISTINCT plan)) FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
