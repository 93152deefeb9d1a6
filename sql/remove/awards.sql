-- sql/remove/awards.sql: `learnclub remove DB awards CLUB PERIOD` (issue 14), in one
-- transaction. Nothing depends on an award; `evaluate` writes it again.
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT rowid AS id FROM award WHERE club_id = @club_id AND period = @k2;
SELECT 'error', printf('no award of club ''%s'' for %s', @k1, @k2) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
DELETE FROM award WHERE rowid IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed the award of club ''%s'' for %s', @k1, @k2);
COMMIT;
