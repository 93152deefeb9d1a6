-- sql/remove/scores.sql: `learnclub remove DB scores CLUB PERIOD JUDGE CRITERION` (issue 14), in one
-- transaction. Nothing depends on a score.
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT rowid AS id FROM score WHERE club_id = @club_id AND period = @k2 AND judge = @k3 AND criterion = @k4;
SELECT 'error', printf('no score of club ''%s'' for %s by judge ''%s'' on ''%s''', @k1, @k2, @k3, @k4) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
DELETE FROM score WHERE rowid IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed the score of club ''%s'' for %s by judge ''%s'' on ''%s''', @k1, @k2, @k3, @k4);
COMMIT;
