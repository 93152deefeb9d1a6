-- sql/remove/nominations.sql: `learnclub remove DB nominations CLUB PERIOD EMP_NO` (issue 14), in one
-- transaction. Nothing depends on a nomination (JG10).
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT n.rowid AS id FROM nomination n JOIN person pe ON pe.id = n.person_id WHERE n.club_id = @club_id AND n.period = @k2 AND pe.emp_no = @k3;
SELECT 'error', printf('no nomination of ''%s'' by club ''%s'' for %s', @k3, @k1, @k2) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
DELETE FROM nomination WHERE rowid IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed the nomination of ''%s'' by club ''%s'' for %s', @k3, @k1, @k2);
COMMIT;
