-- sql/remove/indicators.sql: `learnclub remove DB indicators PLEDGE INDICATOR` (issue 14), in one
-- transaction. Its yearly targets and results go with it (NJ8).
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS
SELECT i.id FROM indicator i JOIN pledge pl ON pl.id = i.pledge_id WHERE pl.code = @k1 AND i.name = @k2;
SELECT 'error', printf('no indicator ''%s'' of pledge ''%s''', @k2, @k1) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
CREATE TEMP TABLE lc_gone AS SELECT count(*) AS years FROM indicator_year WHERE indicator_id IN (SELECT id FROM lc_target);
DELETE FROM indicator_year WHERE indicator_id IN (SELECT id FROM lc_target);
DELETE FROM indicator WHERE id IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed indicator ''%s'' of pledge ''%s'', with its %d yearly rows', @k2, @k1, years) FROM lc_gone;
COMMIT;
