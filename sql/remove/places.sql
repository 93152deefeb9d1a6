-- sql/remove/places.sql: `learnclub remove DB places CLUB PERIOD` (issue 14), in one
-- transaction. Nothing depends on a committee place (D3).
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT rowid AS id FROM committee_place WHERE club_id = @club_id AND period = @k2;
SELECT 'error', printf('no committee place of club ''%s'' for %s', @k1, @k2) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
DELETE FROM committee_place WHERE rowid IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed the committee place of club ''%s'' for %s', @k1, @k2);
COMMIT;
