-- sql/remove/proposals.sql: `learnclub remove DB proposals ID` (issue 14), in one
-- transaction. Nothing depends on a proposal (NJ2, NJ4).
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT id FROM proposal WHERE id = CAST(@k1 AS INTEGER) AND CAST(CAST(@k1 AS INTEGER) AS TEXT) = @k1;
SELECT 'error', printf('no proposal %s', @k1) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
DELETE FROM proposal WHERE id IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed proposal %s', @k1);
COMMIT;
