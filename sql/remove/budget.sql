-- sql/remove/budget.sql: `learnclub remove DB budget PLAN YEAR SOURCE` (issue 14), in one
-- transaction. A plan's line for a year and source (NJ7); the plan stays.
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT bl.rowid AS id FROM budget_line bl JOIN budget_plan bp ON bp.id = bl.plan_id WHERE bp.name = @k1 AND CAST(bl.year AS TEXT) = @k2 AND bl.source = @k3;
SELECT 'error', printf('no budget line of plan ''%s'' for %s from %s', @k1, @k2, @k3) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
DELETE FROM budget_line WHERE rowid IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed the budget line of plan ''%s'' for %s from %s', @k1, @k2, @k3);
COMMIT;
