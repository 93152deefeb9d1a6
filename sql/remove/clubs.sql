-- sql/remove/clubs.sql: `learnclub remove DB clubs CLUB` (issue 14), in one
-- transaction. @club_id is the club (the command found it by name and --program).
-- Refused while anything of the club is recorded: members, meetings, reports,
-- scores, awards, nominations, places, expenses, proposals; those are counted.
-- Prints 'error', MESSAGE (nothing removed) or 'ok', what was removed.
BEGIN IMMEDIATE;
CREATE TEMP TABLE lc_need AS
SELECT * FROM (
  SELECT 1 AS o, 'members' AS what, (SELECT count(*) FROM membership WHERE club_id = @club_id) AS n
  UNION ALL SELECT 2, 'meetings', (SELECT count(*) FROM meeting WHERE club_id = @club_id)
  UNION ALL SELECT 3, 'reports', (SELECT count(*) FROM report WHERE club_id = @club_id)
  UNION ALL SELECT 4, 'scores', (SELECT count(*) FROM score WHERE club_id = @club_id)
  UNION ALL SELECT 5, 'awards', (SELECT count(*) FROM award WHERE club_id = @club_id)
  UNION ALL SELECT 6, 'nominations', (SELECT count(*) FROM nomination WHERE club_id = @club_id)
  UNION ALL SELECT 7, 'places', (SELECT count(*) FROM committee_place WHERE club_id = @club_id)
  UNION ALL SELECT 8, 'expenses', (SELECT count(*) FROM expense WHERE club_id = @club_id)
  UNION ALL SELECT 9, 'proposals', (SELECT count(*) FROM proposal WHERE club_id = @club_id))
WHERE n > 0;
SELECT 'error', printf('club ''%s'' is still needed by %s; remove them first', @k1, group_concat(n || ' ' || what, ', '))
FROM (SELECT * FROM lc_need ORDER BY o) HAVING count(*) > 0;
DELETE FROM club WHERE id = @club_id AND NOT EXISTS (SELECT 1 FROM lc_need);
SELECT 'ok', printf('removed club ''%s''', @k1);
COMMIT;
