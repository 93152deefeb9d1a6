-- sql/remove/people.sql: `learnclub remove DB people EMP_NO` (issue 14), in one
-- transaction. Refused while the person is a member, attended, or is nominated.
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_target AS SELECT id FROM person WHERE emp_no = @k1;
CREATE TEMP TABLE lc_need AS
SELECT * FROM (
  SELECT 1 AS o, 'memberships' AS what, (SELECT count(*) FROM membership WHERE person_id IN (SELECT id FROM lc_target)) AS n
  UNION ALL SELECT 2, 'attendance rows', (SELECT count(*) FROM attendance WHERE person_id IN (SELECT id FROM lc_target))
  UNION ALL SELECT 3, 'nominations', (SELECT count(*) FROM nomination WHERE person_id IN (SELECT id FROM lc_target)))
WHERE n > 0;
SELECT 'error', printf('no person with emp_no ''%s''', @k1) WHERE NOT EXISTS (SELECT 1 FROM lc_target);
SELECT 'error', printf('person ''%s'' is still needed by %s; remove them first', @k1, group_concat(n || ' ' || what, ', '))
FROM (SELECT * FROM lc_need ORDER BY o) HAVING count(*) > 0;
-- issue 15 (A): the person's dated units go with them
DELETE FROM person_unit WHERE person_id IN (SELECT id FROM lc_target) AND NOT EXISTS (SELECT 1 FROM lc_need);
DELETE FROM person WHERE id IN (SELECT id FROM lc_target) AND NOT EXISTS (SELECT 1 FROM lc_need);
SELECT 'ok', printf('removed person ''%s''', @k1);
COMMIT;
