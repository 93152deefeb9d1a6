-- sql/import-meetings.sql: meetings and their attendance (JG5, JG9) from a CSV
-- loaded by the learnclub command into temp.lc_raw with the columns
--   club,held_on,kind,hours,topic,attendees
-- (template: examples/templates/meetings.csv). One transaction; any bad row
-- rejects the whole file (first error by line, then column).
--   IM1 club: a club's name, in the program running on held_on (not withdrawn by then, D6).
--   IM2 held_on: a date in any form the extension reads, exactly those is_date()
--      accepts (dates.c D1: YYYY-MM-DD, the dotted 2015.3.12. or 2015. 3. 12.,
--      a time with T, Z or an offset), stored as kr_date() gives it: the
--      Korean calendar day (D2, issue 12); kind: regular (정기, empty) or extra (수시).
--   IM3 hours: a number more than 0 and at most 24 (D4).
--   IM4 attendees: employee numbers separated by spaces, commas or semicolons;
--      each a member of the club on that day.
--   IM5 An upsert: a meeting already recorded (club, day, kind) gets the file's
--      hours, topic and attendance list.
--   IM6 (issue 14) With --replace (@replace = '1') the file is the whole truth
--      for each (club, month) it holds: that club's other meetings of that
--      month are removed with their attendance, and each is named in a row
--      'removed', 'meeting CLUB DAY KIND (N attendances)'.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(club) AS club, trim(held_on) AS held_raw,
       CASE WHEN trim(kind) IN ('regular', '정기', '') THEN 'regular'
            WHEN trim(kind) IN ('extra', '수시') THEN 'extra' END AS kind, trim(kind) AS kind_raw,
       trim(hours) AS hours_raw, nullif(trim(topic), '') AS topic,
       trim(replace(replace(replace(coalesce(attendees, ''), ',', ' '), ';', ' '), char(9), ' ')) AS attendees
FROM temp.lc_raw;
ALTER TABLE lc_row ADD COLUMN day TEXT;
ALTER TABLE lc_row ADD COLUMN hours REAL;
ALTER TABLE lc_row ADD COLUMN club_id INTEGER;
UPDATE lc_row SET day = CASE WHEN is_date(held_raw) THEN kr_date(held_raw) END;
INSERT INTO temp.lc_value SELECT line, 'hours', hours_raw FROM lc_row;  -- a number: sql/import-values.sql V1
UPDATE lc_row SET hours = (SELECT num FROM temp.lc_parsed v WHERE v.line = lc_row.line AND v.col = 'hours');
UPDATE lc_row SET club_id = (SELECT c.id FROM club c JOIN program p ON p.id = c.program_id
                             WHERE c.name = lc_row.club AND lc_row.day BETWEEN p.starts_on AND p.ends_on);
-- the upsert below looks each stored meeting up here: without this index its
-- cost grew with every meeting already recorded (issue 13)
CREATE INDEX temp.lc_row_key ON lc_row(club_id, day, kind);

-- attendees, one row each
CREATE TEMP TABLE lc_att AS
WITH RECURSIVE split(line, rest, emp_no) AS (
  SELECT line, attendees || ' ', NULL FROM lc_row
  UNION ALL
  SELECT line, ltrim(substr(rest, instr(rest, ' ') + 1)), substr(rest, 1, instr(rest, ' ') - 1)
  FROM split WHERE rest <> ''
)
SELECT s.line, s.emp_no, pe.id AS person_id FROM split s LEFT JOIN person pe ON pe.emp_no = s.emp_no
WHERE s.emp_no IS NOT NULL AND s.emp_no <> '';
-- the checks and writes below join attendees to their line (issue 13)
CREATE INDEX temp.lc_att_line ON lc_att(line, emp_no);
CREATE INDEX temp.lc_row_line ON lc_row(line);

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, 'column club: must not be empty' FROM lc_row WHERE club = ''
UNION ALL
SELECT line, 1, printf('column club: no club ''%s'' in a program running on %s', club, day)
FROM lc_row WHERE club <> '' AND day IS NOT NULL AND club_id IS NULL
UNION ALL
SELECT r.line, 1, printf('column club: club ''%s'' had withdrawn on %s (D6)', r.club, c.withdrawn_on)
FROM lc_row r JOIN club c ON c.id = r.club_id WHERE r.day > c.withdrawn_on
UNION ALL
SELECT line, 2, printf('column held_on: invalid date ''%s''; expected YYYY-MM-DD', held_raw) FROM lc_row WHERE day IS NULL
UNION ALL
SELECT line, 3, printf('column kind: invalid value ''%s''; expected regular or extra (JG5)', kind_raw) FROM lc_row WHERE kind IS NULL
UNION ALL
SELECT r.line, 3, printf('column kind: the same meeting is on line %d', min(o.line))
FROM lc_row r JOIN lc_row o ON o.club_id = r.club_id AND o.day = r.day AND o.kind = r.kind AND o.line < r.line
GROUP BY r.line
UNION ALL
SELECT line, 4, printf('column hours: invalid hours ''%s''; expected a number more than 0 and at most 24 (D4)', hours_raw)
FROM lc_row WHERE hours IS NULL OR hours <= 0 OR hours > 24
UNION ALL
SELECT line, 6, printf('column attendees: unknown emp_no ''%s''', emp_no) FROM lc_att WHERE person_id IS NULL
UNION ALL
SELECT a.line, 6, printf('column attendees: emp_no %s is not a member of club ''%s'' on %s', a.emp_no, r.club, r.day)
FROM lc_att a JOIN lc_row r ON r.line = a.line
WHERE a.person_id IS NOT NULL AND r.club_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM membership_span m WHERE m.club_id = r.club_id AND m.person_id = a.person_id
                    AND r.day BETWEEN m.first_day AND m.last_day)
UNION ALL
SELECT a.line, 6, printf('column attendees: emp_no %s is listed twice', a.emp_no)
FROM lc_att a JOIN lc_att b ON b.line = a.line AND b.emp_no = a.emp_no AND b.rowid < a.rowid;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

-- IM6: the meetings a --replace file leaves out
CREATE TEMP TABLE lc_gone AS
SELECT m.id, c.name AS club, m.held_on, m.kind FROM meeting m JOIN club c ON c.id = m.club_id
WHERE @replace = '1' AND NOT EXISTS (SELECT 1 FROM lc_error)
  AND EXISTS (SELECT 1 FROM lc_row r WHERE r.club_id = m.club_id AND substr(r.day, 1, 7) = substr(m.held_on, 1, 7))
  AND NOT EXISTS (SELECT 1 FROM lc_row r WHERE r.club_id = m.club_id AND r.day = m.held_on AND r.kind = m.kind);
SELECT 'removed', printf('meeting %s %s %s (%d attendances)', g.club, g.held_on, g.kind,
                         (SELECT count(*) FROM attendance a WHERE a.meeting_id = g.id))
FROM lc_gone g ORDER BY g.club, g.held_on, g.kind;
DELETE FROM attendance WHERE meeting_id IN (SELECT id FROM lc_gone);
DELETE FROM meeting WHERE id IN (SELECT id FROM lc_gone);

UPDATE meeting SET hours = (SELECT r.hours FROM lc_row r WHERE r.club_id = meeting.club_id AND r.day = meeting.held_on AND r.kind = meeting.kind),
                   topic = (SELECT r.topic FROM lc_row r WHERE r.club_id = meeting.club_id AND r.day = meeting.held_on AND r.kind = meeting.kind)
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND EXISTS (SELECT 1 FROM lc_row r WHERE r.club_id = meeting.club_id AND r.day = meeting.held_on AND r.kind = meeting.kind);
INSERT INTO meeting(club_id, held_on, hours, kind, topic)
SELECT r.club_id, r.day, r.hours, r.kind, r.topic FROM lc_row r
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND NOT EXISTS (SELECT 1 FROM meeting m WHERE m.club_id = r.club_id AND m.held_on = r.day AND m.kind = r.kind)
ORDER BY r.line;
DELETE FROM attendance
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND meeting_id IN (SELECT m.id FROM meeting m JOIN lc_row r ON r.club_id = m.club_id AND r.day = m.held_on AND r.kind = m.kind);
INSERT INTO attendance(meeting_id, person_id)
SELECT m.id, a.person_id FROM lc_att a JOIN lc_row r ON r.line = a.line
JOIN meeting m ON m.club_id = r.club_id AND m.held_on = r.day AND m.kind = r.kind
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
ORDER BY a.line, a.rowid;

SELECT 'ok', printf('%d meetings, %d attendances', (SELECT count(*) FROM lc_row), (SELECT count(*) FROM lc_att))
WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
