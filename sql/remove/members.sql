-- sql/remove/members.sql: `learnclub remove DB members CLUB EMP_NO` (issue 14), in one
-- transaction. Refused while the member's attendance at the club's meetings is
-- recorded (the attendance would lose its member), or a nomination names them.
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
-- issue 15 (A): every stint of the member in the club, with its dated roles
-- (the trigger membership_role_cascade).
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS
SELECT DISTINCT m.club_id, m.person_id FROM membership m JOIN person pe ON pe.id = m.person_id
WHERE m.club_id = @club_id AND pe.emp_no = @k2;
CREATE TEMP TABLE lc_need AS
SELECT * FROM (
  SELECT 1 AS o, 'attendance rows' AS what,
         (SELECT count(*) FROM attendance at JOIN meeting mt ON mt.id = at.meeting_id JOIN lc_target t
           ON t.club_id = mt.club_id AND t.person_id = at.person_id) AS n
  UNION ALL SELECT 2, 'nominations',
         (SELECT count(*) FROM nomination n JOIN lc_target t ON t.club_id = n.club_id AND t.person_id = n.person_id))
WHERE n > 0;
SELECT 'error', printf('no member ''%s'' in club ''%s''', @k2, @k1) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
SELECT 'error', printf('member ''%s'' of club ''%s'' is still needed by %s; remove them first', @k2, @k1, group_concat(n || ' ' || what, ', '))
FROM (SELECT * FROM lc_need ORDER BY o) HAVING count(*) > 0;
DELETE FROM membership WHERE (club_id, person_id) IN (SELECT club_id, person_id FROM lc_target) AND NOT EXISTS (SELECT 1 FROM lc_need);
SELECT 'ok', printf('removed member ''%s'' of club ''%s''', @k2, @k1);
COMMIT;
