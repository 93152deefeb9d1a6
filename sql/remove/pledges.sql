-- sql/remove/pledges.sql: `learnclub remove DB pledges CODE` (issue 14), in one
-- transaction. Its indicators and their yearly targets and results go with it
-- (NJ8); refused while a budget plan names it (NJ7).
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT id FROM pledge WHERE code = @k1;
CREATE TEMP TABLE lc_need AS
SELECT 'budget plans' AS what, count(*) AS n FROM budget_plan WHERE pledge_id IN (SELECT id FROM lc_target);
SELECT 'error', printf('no pledge ''%s''', @k1) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
SELECT 'error', printf('pledge ''%s'' is still needed by %d budget plans; remove them first', @k1, n) FROM lc_need WHERE n > 0;
CREATE TEMP TABLE lc_gone AS
SELECT (SELECT count(*) FROM indicator WHERE pledge_id IN (SELECT id FROM lc_target)) AS indicators,
       (SELECT count(*) FROM indicator_year WHERE indicator_id IN (SELECT id FROM indicator WHERE pledge_id IN (SELECT id FROM lc_target))) AS years;
DELETE FROM indicator_year WHERE indicator_id IN (SELECT id FROM indicator WHERE pledge_id IN (SELECT id FROM lc_target)) AND NOT EXISTS (SELECT 1 FROM lc_need WHERE n > 0);
DELETE FROM indicator WHERE pledge_id IN (SELECT id FROM lc_target) AND NOT EXISTS (SELECT 1 FROM lc_need WHERE n > 0);
DELETE FROM pledge WHERE id IN (SELECT id FROM lc_target) AND NOT EXISTS (SELECT 1 FROM lc_need WHERE n > 0);
SELECT 'ok', printf('removed pledge ''%s'', with its %d indicators and their %d yearly rows', @k1, indicators, years) FROM lc_gone;
COMMIT;
