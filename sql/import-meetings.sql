-- sql/import-meetings.sql: meetings and their attendance (JG5, JG9) from a CSV
-- loaded by the learnclub command into temp.lc_raw with the columns
--   club,held_on,kind,hours,topic,attendees
-- (template: examples/templates/meetings.csv). One transaction; any bad row
-- rejects the whole file (first error by line, then column, then the order
-- of the checks below; within a check, the order of the attendee list, but
-- an attendee listed twice by emp_no).
--   IM1 club: a club's name, in the program running on held_on (not withdrawn by then, D6);
--      found by the imports' one rule (sql/import-values.sql V4): with two
--      programs running at once that both have a club of that name, the
--      optional column program (a program's code) says which (issue 15).
--   IM2 held_on: a date in any form the extension reads, exactly those is_date()
--      accepts (dates.c D1: YYYY-MM-DD, the dotted 2015.3.12. or 2015. 3. 12.,
--      a time with T, Z or an offset), stored as kr_date() gives it: the
--      Korean calendar day (D2, issue 12); kind: regular (정기, empty) or extra (수시).
--   IM3 hours: a number more than 0 and at most 24 (D4).
--   IM4 attendees: employee numbers separated by spaces, commas, semicolons or
--      tabs; each a member of the club on that day, listed once. Attendance is
--      stored in the order of the lines, then of each list.
--   IM5 An upsert: a meeting already recorded (club, day, kind) gets the file's
--      hours, topic and attendance list.
--   IM6 (issue 14) With --replace (@replace = '1') the file is the whole truth
--      for each (club, month) it holds: that club's other meetings of that
--      month are removed with their attendance, and each is named in a row
--      'removed', 'meeting CLUB DAY KIND (N attendances)'.
BEGIN IMMEDIATE;

-- the file's records, each by the line it starts on; line is the rowid, so a
-- lookup by line is one step and a scan goes in line order (issue 13)
CREATE TEMP TABLE lc_row(line INTEGER PRIMARY KEY, club TEXT, held_raw TEXT, kind TEXT, kind_raw TEXT,
                         hours_raw TEXT, topic TEXT, attendees TEXT, program TEXT, day TEXT, hours REAL, club_id INTEGER,
                         meeting_id INTEGER);
INSERT INTO lc_row(line, club, held_raw, kind, kind_raw, hours_raw, topic, attendees, program, day, hours)
SELECT d.*
FROM (SELECT t.*, CASE WHEN is_date(t.held_raw) THEN kr_date(t.held_raw) END AS day,
             NULL AS hours
      FROM (SELECT rowid + 1 AS line, trim(club) AS club, trim(held_on) AS held_raw,
                   CASE WHEN trim(kind) IN ('regular', '정기', '') THEN 'regular'
                        WHEN trim(kind) IN ('extra', '수시') THEN 'extra' END AS kind, trim(kind) AS kind_raw,
                   trim(hours) AS hours_raw, nullif(trim(topic), '') AS topic,
                   trim(replace(replace(replace(coalesce(attendees, ''), ',', ' '), ';', ' '), char(9), ' ')) AS attendees,
                   nullif(trim(program), '') AS program
            FROM temp.lc_raw) t) d;
-- IM1: the club, by the imports' one rule (sql/import-values.sql V4)
INSERT INTO temp.lc_club_ref(line, club, program, first_day, last_day, span)
SELECT line, club, program, day, day, 'running on ' || day FROM lc_row WHERE club <> '' AND day IS NOT NULL;
UPDATE lc_row SET club_id = (SELECT m.club_id FROM temp.lc_club_match m WHERE m.line = lc_row.line);
-- hours: a number, read by the imports' one rule (sql/import-values.sql V1)
INSERT INTO temp.lc_value SELECT line, 'hours', hours_raw FROM lc_row;
UPDATE lc_row SET hours = (SELECT num FROM temp.lc_parsed v WHERE v.line = lc_row.line AND v.col = 'hours');
-- the check for the same meeting twice looks each row's key up here
CREATE INDEX temp.lc_row_key ON lc_row(club_id, day, kind);

-- attendees, one row each (IM4): the list as a JSON array, one string a
-- space-separated token. json_quote() escapes the text and no escape holds a
-- space, so each space of the quoted text is one of the list's and becomes
-- '","'; runs of spaces give empty strings, left out. One pass over each list
-- (issue 13: a recursive CTE that copied the rest of the list at each step
-- was most of the import's time). The id orders them by line, then by place
-- in the list: line * 2^30 + place (a text value is shorter than 2^31 bytes in
-- any SQLite build, and a place takes two), so neither the insert nor a reader sorts.
CREATE TEMP TABLE lc_att(id INTEGER PRIMARY KEY, line INTEGER, emp_no TEXT, person_id INTEGER);
INSERT INTO lc_att(id, line, emp_no, person_id)
SELECT r.line * 1073741824 + j.key, r.line, j.value, pe.id
FROM lc_row r
JOIN json_each('[' || replace(json_quote(r.attendees), ' ', '","') || ']') j
LEFT JOIN person pe ON pe.emp_no = j.value
WHERE j.value <> '';

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, 'column club: must not be empty' FROM lc_row WHERE club = ''
UNION ALL
SELECT line, colno, error FROM temp.lc_club_match WHERE error IS NOT NULL  -- IM1 (V4)
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
SELECT line, 6, printf('column attendees: emp_no %s is listed twice', emp_no)
FROM lc_att GROUP BY line, emp_no HAVING count(*) > 1;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno, rowid LIMIT 1;

-- IM5: the file's rows in line order, each looked up by the meeting's key, so
-- the cost does not grow with the meetings already stored (issue 13)

-- IM6: the meetings a --replace file leaves out, found from the file's own
-- (club, month) pairs through meeting(club_id, held_on), so the cost does not
-- grow with the meetings stored
CREATE TEMP TABLE lc_gone AS
SELECT m.id, c.name AS club, m.held_on, m.kind
FROM (SELECT DISTINCT club_id, substr(day, 1, 7) AS month FROM lc_row WHERE club_id IS NOT NULL) k
JOIN meeting m ON m.club_id = k.club_id AND m.held_on BETWEEN k.month || '-01' AND k.month || '-31'
JOIN club c ON c.id = m.club_id
WHERE @replace = '1' AND NOT EXISTS (SELECT 1 FROM lc_error)
  AND NOT EXISTS (SELECT 1 FROM lc_row r WHERE r.club_id = m.club_id AND r.day = m.held_on AND r.kind = m.kind);
SELECT 'removed', printf('meeting %s %s %s (%d attendances)', g.club, g.held_on, g.kind,
                         (SELECT count(*) FROM attendance a WHERE a.meeting_id = g.id))
FROM lc_gone g ORDER BY g.club, g.held_on, g.kind;
DELETE FROM attendance WHERE meeting_id IN (SELECT id FROM lc_gone);
DELETE FROM meeting WHERE id IN (SELECT id FROM lc_gone);

INSERT INTO meeting(club_id, held_on, hours, kind, topic)
SELECT r.club_id, r.day, r.hours, r.kind, r.topic FROM lc_row r
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
ORDER BY r.line
ON CONFLICT (club_id, held_on, kind) DO UPDATE SET hours = excluded.hours, topic = excluded.topic;
-- each line's meeting, looked up once a line rather than once an attendee
UPDATE lc_row SET meeting_id = (SELECT m.id FROM meeting m WHERE m.club_id = lc_row.club_id
                                  AND m.held_on = lc_row.day AND m.kind = lc_row.kind)
WHERE NOT EXISTS (SELECT 1 FROM lc_error);
DELETE FROM attendance
WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND meeting_id IN (SELECT meeting_id FROM lc_row);
INSERT INTO attendance(meeting_id, person_id)
SELECT r.meeting_id, a.person_id FROM lc_att a JOIN lc_row r ON r.line = a.line
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
ORDER BY a.id;

SELECT 'ok', printf('%d meetings, %d attendances', (SELECT count(*) FROM lc_row), (SELECT count(*) FROM lc_att))
WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
