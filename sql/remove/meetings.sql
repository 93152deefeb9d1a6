-- sql/remove/meetings.sql: `learnclub remove DB meetings CLUB HELD_ON KIND` (issue 14), in one
-- transaction. The meeting's attendance goes with it (JG5, JG9).
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT id FROM meeting WHERE club_id = @club_id AND held_on = @k2 AND kind = @k3;
CREATE TEMP TABLE lc_gone AS SELECT count(*) AS n FROM attendance WHERE meeting_id IN (SELECT id FROM lc_target);
SELECT 'error', printf('no %s meeting of club ''%s'' on %s', @k3, @k1, @k2) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
DELETE FROM attendance WHERE meeting_id IN (SELECT id FROM lc_target);
DELETE FROM meeting WHERE id IN (SELECT id FROM lc_target);
SELECT 'ok', printf('removed the %s meeting of club ''%s'' on %s, with its %d attendance rows', @k3, @k1, @k2, n) FROM lc_gone;
COMMIT;
