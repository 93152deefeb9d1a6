-- sql/withdraw.sql: `learnclub withdraw DB CLUB --on YYYY-MM-DD [--program
-- CODE]` (issue 14, D6): the club withdraws on @on (a Korean calendar day,
-- checked by the command), @club_id found by name and --program. A withdrawn
-- club keeps its history and is left out of checks and awards from then.
-- Refused: a club withdrawn already, a day outside its program, meetings
-- after the day (they would break meeting_after_withdrawal; counted).
-- Prints 'error', MESSAGE (nothing written) or 'ok', what was done.
BEGIN IMMEDIATE;
SELECT 'error', printf('club ''%s'' withdrew on %s already', c.name, c.withdrawn_on)
FROM club c WHERE c.id = @club_id AND c.status = 'withdrawn';
SELECT 'error', printf('club ''%s'': %s is outside its program ''%s'' (%s to %s)', c.name, @on, p.code, p.starts_on, p.ends_on)
FROM club c JOIN program p ON p.id = c.program_id WHERE c.id = @club_id AND @on NOT BETWEEN p.starts_on AND p.ends_on;
SELECT 'error', printf('club ''%s'' has %d meetings after %s; remove them first', @club, count(*), @on)
FROM meeting WHERE club_id = @club_id AND held_on > @on HAVING count(*) > 0;
UPDATE club SET status = 'withdrawn', withdrawn_on = @on WHERE id = @club_id AND status = 'active';
SELECT 'ok', printf('club ''%s'' withdrawn on %s (D6): left out of checks and awards from then', @club, @on);
COMMIT;
