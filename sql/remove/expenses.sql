-- sql/remove/expenses.sql: `learnclub remove DB expenses ID` (issue 14), in one
-- transaction. Nothing depends on an expense (JG12).
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT id FROM expense WHERE id = CAST(@k1 AS INTEGER) AND CAST(CAST(@k1 AS INTEGER) AS TEXT) = @k1;
SELECT 'error', printf('no expense %s', @k1) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
DELETE FROM expense WHERE id IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed expense %s', @k1);
COMMIT;
