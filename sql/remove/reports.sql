-- sql/remove/reports.sql: `learnclub remove DB reports CLUB KIND PERIOD` (issue 14), in one
-- transaction. Nothing depends on a report.
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT id FROM report WHERE club_id = @club_id AND kind = @k2 AND period = @k3;
SELECT 'error', printf('no %s report of club ''%s'' for %s', @k2, @k1, @k3) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
DELETE FROM report WHERE id IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed the %s report of club ''%s'' for %s', @k2, @k1, @k3);
COMMIT;
