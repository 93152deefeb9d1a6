-- sql/import-roster.sql: clubs, units, people and memberships from a roster CSV
-- (JG2), already loaded by the learnclub command into temp.lc_raw with the columns
--   program,club,club_kind,bureau,unit,emp_no,name,role,joined_on,left_on
-- (template: examples/templates/roster.csv). One transaction; every row is
-- checked first and any bad one rejects the whole file (first error by line,
-- then column); prints "error<TAB>line N, column C: message" or "ok<TAB>summary".
--   IR1 program: an existing program's code, or a new code NAME-YYYY (one
--      word: no space or control character, as program-add P5): a program
--      for calendar year YYYY with the Jung-gu defaults (reports March to
--      December, due the 5th, junggu-2015 awards, 12 hours, 5 judges dropping
--      1 and 1, tie-break 성과), said on stderr (issue 14); an existing code is
--      never created again. Change the settings with `learnclub program-set`.
--   IR2 club_kind: bureau (국·소, 국·소별) or integrated (통합); a bureau club names
--      its bureau, an integrated club none (JG2). Rows of one club agree.
--   IR3 role: president (회장) or member (회원, empty); one president a club.
--   IR4 dates: any form the extension reads, exactly those is_date() accepts
--      (dates.c D1: YYYY-MM-DD, the dotted 2015.2.16. or 2015. 2. 16., a time
--      with T, Z or an offset), stored as kr_date() gives it: the Korean
--      calendar day (D2, issue 12); left_on may be empty.
--   IR5 An upsert: clubs, people (by emp_no) and memberships already in the
--      database are updated from the file, so importing a file twice changes nothing.
--      issue 15 (A): a membership is a stint, (club, emp_no, joined_on): a
--      row with another joined_on is another stint (a person who left and
--      joined again), never an overwrite of the first; the stints of one
--      emp_no in one program must not overlap (a move between clubs within a
--      year is a row with left_on and a row with a later joined_on); rows of
--      one stint agree on left_on. A row whose joined_on is not stored
--      corrects the one stored stint of the person in the club that it
--      overlaps (its joined_on and left_on), unless a row of the file names
--      that stint itself; without such a stint it is a new one. So a person
--      who left (left_on stored or in the file) and joined again has two
--      stints; a wrong joined_on is corrected by the next file.
--   IR9 (issue 15, A) History that stays true: a row's unit and role hold
--      from its since day (the optional column since; empty: joined_on) on,
--      until a later dated change; the days before are left as they were.
--      The unit is written as person_unit (person, since, unit) unless the
--      latest dated unit on or before since is already that unit; the
--      person's undated unit (person.unit_id) is set only when the file
--      creates the person. The role: on since = joined_on it is the stint's own role
--      (a new stint without such a row starts as member); on a later since
--      it is a dated change, membership_role (club, person, since, role).
--      since lies within the row's stint; rows of one emp_no and one since
--      agree on the unit; two rows of one stint do not give one since.
--   IR6 (issue 14) Optional columns kind, email, phone, after the others in
--      any order (the command fills a missing one with empty text): kind is
--      official (공무원), expert (전문가) or citizen (시민) (NJ1);
--      email has one @ with text either side and no space; phone is digits,
--      with +, -, spaces, dots and brackets allowed. An empty value keeps
--      what the database holds (a new person is an official); rows of one
--      emp_no agree.
--   IR7 (issue 15, B1) Optional column track (O2): the club's track, ranked
--      and awarded apart by evaluate (EV11); rows of one club agree; an empty
--      value keeps what the database holds (a new club has none).
--   IR8 (issue 15, C) A person is in at most the program's clubs_per_person
--      clubs at once (W-D2: 1; O6: 3): a row whose days overlap rows of that
--      many other clubs of the program on earlier lines is refused; rows of
--      one person in two clubs whose days do not overlap (a move) are not.
--      With what the database holds, the schema's trigger decides
--      (membership_over_clubs, sql/rules.sql).
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(program) AS program, trim(club) AS club,
       CASE WHEN trim(club_kind) IN ('bureau', '국·소', '국·소별', '국소') THEN 'bureau'
            WHEN trim(club_kind) IN ('integrated', '통합') THEN 'integrated' END AS kind,
       trim(club_kind) AS kind_raw, nullif(trim(bureau), '') AS bureau, nullif(trim(unit), '') AS unit,
       trim(emp_no) AS emp_no, trim(name) AS name,
       CASE WHEN trim(role) IN ('president', '회장') THEN 'president'
            WHEN trim(role) IN ('member', '회원', '') THEN 'member' END AS role, trim(role) AS role_raw,
       trim(joined_on) AS joined_raw, nullif(trim(left_on), '') AS left_raw,
       CASE WHEN trim(kind) IN ('official', '공무원') THEN 'official'
            WHEN trim(kind) IN ('expert', '전문가') THEN 'expert'
            WHEN trim(kind) IN ('citizen', '시민') THEN 'citizen' END AS person_kind, trim(kind) AS person_kind_raw,
       nullif(trim(email), '') AS email, nullif(trim(phone), '') AS phone,
       nullif(trim(since), '') AS since_raw,  -- IR9 (issue 15, A)
       nullif(trim(track), '') AS track  -- IR7 (issue 15, B1)
FROM temp.lc_raw;

-- dates (IR4): the Korean day of what is_date() accepts, NULL for anything else
CREATE TEMP TABLE lc_date AS
WITH d(line, col, raw) AS (
  SELECT line, 'joined_on', joined_raw FROM lc_row
  UNION ALL
  SELECT line, 'left_on', left_raw FROM lc_row WHERE left_raw IS NOT NULL
  UNION ALL
  SELECT line, 'since', since_raw FROM lc_row WHERE since_raw IS NOT NULL
)
SELECT line, col, raw, CASE WHEN is_date(raw) THEN kr_date(raw) END AS day FROM d;

-- IR5, IR9 (issue 15): each row's stint and the day its unit and role hold from
CREATE TEMP TABLE lc_stint AS
SELECT r.line, r.program, r.club, r.emp_no, r.role, r.unit, j.day AS joined, l.day AS left_day,
       coalesce(l.day, '9999-12-31') AS last_day, coalesce(s.day, j.day) AS since
FROM lc_row r
JOIN lc_date j ON j.line = r.line AND j.col = 'joined_on'
LEFT JOIN lc_date l ON l.line = r.line AND l.col = 'left_on'
LEFT JOIN lc_date s ON s.line = r.line AND s.col = 'since'
WHERE j.day IS NOT NULL AND (r.left_raw IS NULL OR l.day IS NOT NULL) AND (r.since_raw IS NULL OR s.day IS NOT NULL);
-- IR8 (issue 15, C): each row's days (a bad date: no row) and its program's
-- clubs_per_person (1 for a new program, the schema's default)
CREATE TEMP TABLE lc_span AS
SELECT r.line, r.emp_no, r.program, r.club, j.day AS first_day, coalesce(l.day, '9999-12-31') AS last_day,
       coalesce((SELECT p.clubs_per_person FROM program p WHERE p.code = r.program), 1) AS per_person
FROM lc_row r JOIN lc_date j ON j.line = r.line AND j.col = 'joined_on' AND j.day IS NOT NULL
LEFT JOIN lc_date l ON l.line = r.line AND l.col = 'left_on'
WHERE r.left_raw IS NULL OR l.day IS NOT NULL;

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, printf('column program: must not be empty') FROM lc_row WHERE program = ''
UNION ALL
SELECT line, 1, printf('column program: unknown program ''%s''; a new program is named NAME-YYYY', program)
FROM lc_row WHERE program <> '' AND NOT EXISTS (SELECT 1 FROM program p WHERE p.code = lc_row.program)
  AND (NOT program GLOB '?*-[0-9][0-9][0-9][0-9]'
       OR program GLOB '*[' || char(1) || '- ' || char(127) || ']*') -- one word, as program-add P5
UNION ALL
SELECT line, 2, 'column club: must not be empty' FROM lc_row WHERE club = ''
UNION ALL
SELECT line, 3, printf('column club_kind: invalid value ''%s''; expected bureau or integrated (JG2)', kind_raw)
FROM lc_row WHERE kind IS NULL
UNION ALL
SELECT line, 4, 'column bureau: a bureau club names its bureau (JG2)' FROM lc_row WHERE kind = 'bureau' AND bureau IS NULL
UNION ALL
SELECT line, 4, printf('column bureau: an integrated club has no bureau, not ''%s'' (JG2)', bureau)
FROM lc_row WHERE kind = 'integrated' AND bureau IS NOT NULL
UNION ALL
SELECT r.line, 3, printf('column club_kind: club ''%s'' is given differently on line %d', r.club, min(o.line))
FROM lc_row r JOIN lc_row o ON o.program = r.program AND o.club = r.club AND o.line < r.line
  AND (o.kind IS NOT r.kind OR o.bureau IS NOT r.bureau)
GROUP BY r.line
UNION ALL
SELECT line, 6, 'column emp_no: must not be empty' FROM lc_row WHERE emp_no = ''
UNION ALL
SELECT line, 7, 'column name: must not be empty' FROM lc_row WHERE name = ''
UNION ALL
SELECT r.line, 7, printf('column name: ''%s'' differs from ''%s'' for emp_no %s on line %d', r.name, o.name, r.emp_no, min(o.line))
FROM lc_row r JOIN lc_row o ON o.emp_no = r.emp_no AND o.line < r.line AND o.name <> r.name
GROUP BY r.line
UNION ALL
-- issue 15 (A): stints of one emp_no in one club (IR5) and their dated rows (IR9)
SELECT r.line, 9, printf('column joined_on: emp_no %s has a stint in club ''%s'' on line %d that overlaps this one', r.emp_no, r.club, min(o.line))
FROM lc_stint r JOIN lc_stint o ON o.emp_no = r.emp_no AND o.program = r.program AND o.club = r.club AND o.line < r.line
  AND o.joined <> r.joined AND o.joined <= r.last_day AND o.last_day >= r.joined
GROUP BY r.line
UNION ALL
SELECT r.line, 10, printf('column left_on: emp_no %s''s stint in club ''%s'' from %s ends differently on line %d', r.emp_no, r.club, r.joined, min(o.line))
FROM lc_stint r JOIN lc_stint o ON o.emp_no = r.emp_no AND o.program = r.program AND o.club = r.club AND o.line < r.line
  AND o.joined = r.joined AND o.left_day IS NOT r.left_day
GROUP BY r.line
UNION ALL
SELECT line, 14, printf('column since: %s is before joined_on', since) FROM lc_stint WHERE since < joined
UNION ALL
SELECT line, 14, printf('column since: %s is after left_on', since) FROM lc_stint WHERE since > last_day
UNION ALL
SELECT r.line, 14, printf('column since: emp_no %s in club ''%s'' is given for %s on line %d too', r.emp_no, r.club, r.since, min(o.line))
FROM lc_stint r JOIN lc_stint o ON o.emp_no = r.emp_no AND o.program = r.program AND o.club = r.club AND o.line < r.line
  AND o.joined = r.joined AND o.since = r.since
GROUP BY r.line
UNION ALL
SELECT r.line, 5, printf('column unit: emp_no %s is in unit ''%s'' from %s on line %d', r.emp_no, coalesce(o.unit, ''), r.since, min(o.line))
FROM lc_stint r JOIN lc_stint o ON o.emp_no = r.emp_no AND o.line < r.line AND o.since = r.since AND o.unit IS NOT r.unit
GROUP BY r.line
UNION ALL
-- IR8 (issue 15, C): at most the program's clubs_per_person clubs at once
SELECT r.line, 2, CASE WHEN r.per_person = 1
                       THEN printf('column club: emp_no %s is already in club ''%s'' on line %d', r.emp_no, min(o.club), min(o.line))
                       ELSE printf('column club: emp_no %s is already in %d other clubs of program ''%s'' at once (lines %s); its clubs_per_person is %d (O6)',
                                   r.emp_no, count(DISTINCT o.club), r.program, group_concat(DISTINCT o.line), r.per_person) END
FROM lc_span r JOIN lc_span o ON o.emp_no = r.emp_no AND o.program = r.program AND o.club <> r.club AND o.line < r.line
  AND o.first_day <= r.last_day AND o.last_day >= r.first_day
GROUP BY r.line HAVING count(DISTINCT o.club) >= r.per_person
UNION ALL
SELECT line, 8, printf('column role: invalid value ''%s''; expected president or member', role_raw)
FROM lc_row WHERE role IS NULL
UNION ALL
SELECT r.line, 8, printf('column role: club ''%s'' already has a president on line %d', r.club, min(o.line))
FROM lc_stint r JOIN lc_stint o ON o.program = r.program AND o.club = r.club AND o.line < r.line
  AND o.role = 'president' AND r.role = 'president' AND o.since = r.since  -- issue 15: from the same day
GROUP BY r.line
UNION ALL
SELECT line, CASE col WHEN 'joined_on' THEN 9 WHEN 'left_on' THEN 10 ELSE 14 END,
       printf('column %s: invalid date ''%s''; expected YYYY-MM-DD', col, raw)
FROM lc_date WHERE day IS NULL
UNION ALL
SELECT j.line, 10, 'column left_on: before joined_on'
FROM lc_date j JOIN lc_date l ON l.line = j.line AND l.col = 'left_on'
WHERE j.col = 'joined_on' AND l.day < j.day
-- IR6 (issue 14 H2)
UNION ALL
SELECT line, 11, printf('column kind: invalid value ''%s''; expected official, expert or citizen (NJ1)', person_kind_raw)
FROM lc_row WHERE person_kind IS NULL AND person_kind_raw <> ''
UNION ALL
SELECT line, 12, printf('column email: invalid email ''%s''; expected NAME@DOMAIN', email)
FROM lc_row WHERE email IS NOT NULL AND NOT (email GLOB '?*@?*' AND NOT email GLOB '*@*@*' AND NOT email GLOB '*[ ,;<>]*')
UNION ALL
SELECT line, 13, printf('column phone: invalid phone ''%s''; expected digits, with + - . ( ) or spaces', phone)
FROM lc_row WHERE phone IS NOT NULL AND (phone GLOB '*[^0-9+(). -]*' OR NOT phone GLOB '*[0-9]*')
UNION ALL
SELECT r.line, 11, printf('column %s: emp_no %s is given differently on line %d',
                          CASE WHEN o.person_kind IS NOT r.person_kind THEN 'kind' WHEN o.email IS NOT r.email THEN 'email' ELSE 'phone' END,
                          r.emp_no, min(o.line))
FROM lc_row r JOIN lc_row o ON o.emp_no = r.emp_no AND o.line < r.line
  AND (o.person_kind IS NOT r.person_kind OR o.email IS NOT r.email OR o.phone IS NOT r.phone)
GROUP BY r.line
-- IR7 (issue 15, B1)
UNION ALL
SELECT r.line, 14, printf('column track: club ''%s'' is given track ''%s'' on line %d', r.club, o.track, min(o.line))
FROM lc_row r JOIN lc_row o ON o.program = r.program AND o.club = r.club AND o.line < r.line
  AND r.track IS NOT NULL AND o.track IS NOT NULL AND o.track <> r.track
GROUP BY r.line;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

-- issue 14 (H1): the programs this file creates (IR1: only a code that is
-- new), said on stderr by the command ('note' rows)
CREATE TEMP TABLE lc_new_program AS
SELECT DISTINCT program FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND NOT EXISTS (SELECT 1 FROM program p WHERE p.code = lc_row.program);

-- writes, only when no row is bad
INSERT INTO program(code, name, starts_on, ends_on, reports_from, reports_to, tie_break)
SELECT DISTINCT program, program, substr(program, -4) || '-01-01', substr(program, -4) || '-12-31',
       substr(program, -4) || '-03', substr(program, -4) || '-12', '성과'
FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND NOT EXISTS (SELECT 1 FROM program p WHERE p.code = lc_row.program);
INSERT INTO bureau(name)
SELECT DISTINCT bureau FROM lc_row WHERE bureau IS NOT NULL AND NOT EXISTS (SELECT 1 FROM lc_error)
  AND NOT EXISTS (SELECT 1 FROM bureau b WHERE b.name = lc_row.bureau);
INSERT INTO unit(name, bureau_id)
SELECT x.unit, (SELECT b.id FROM bureau b WHERE b.name = x.bureau)
FROM (SELECT r.unit, min(r.bureau) AS bureau FROM lc_row r
      WHERE r.unit IS NOT NULL AND NOT EXISTS (SELECT 1 FROM unit u WHERE u.name = r.unit)
      GROUP BY r.unit) x
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
ORDER BY x.unit;
INSERT INTO club(program_id, name, kind, bureau_id)
SELECT DISTINCT (SELECT id FROM program p WHERE p.code = r.program), r.club, r.kind,
       (SELECT id FROM bureau b WHERE b.name = r.bureau)
FROM lc_row r WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND true
ON CONFLICT (program_id, name) DO UPDATE SET kind = excluded.kind, bureau_id = excluded.bureau_id;
-- IR7 (issue 15, B1): the track a file gives; an empty one keeps the stored one
UPDATE club SET track = (SELECT r.track FROM lc_row r JOIN program p ON p.code = r.program
                         WHERE p.id = club.program_id AND r.club = club.name AND r.track IS NOT NULL)
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND id IN (SELECT c.id FROM lc_row r JOIN program p ON p.code = r.program JOIN club c ON c.program_id = p.id AND c.name = r.club
             WHERE r.track IS NOT NULL);
-- IR9: a person the file creates gets the unit of their earliest row as the
-- undated unit; a person already stored keeps it (dated units: person_unit)
INSERT INTO person(emp_no, name, unit_id, kind, email, phone)
SELECT r.emp_no, r.name, (SELECT id FROM unit u WHERE u.name = r.unit), coalesce(r.person_kind, 'official'), r.email, r.phone
FROM lc_row r JOIN lc_stint s ON s.line = r.line WHERE NOT EXISTS (SELECT 1 FROM lc_error)
ORDER BY s.since, r.line
ON CONFLICT (emp_no) DO UPDATE SET name = excluded.name;
-- IR6: what the file gives; an empty value keeps the stored one
UPDATE person SET
  kind = coalesce((SELECT r.person_kind FROM lc_row r WHERE r.emp_no = person.emp_no AND r.person_kind IS NOT NULL), kind),
  email = coalesce((SELECT r.email FROM lc_row r WHERE r.emp_no = person.emp_no AND r.email IS NOT NULL), email),
  phone = coalesce((SELECT r.phone FROM lc_row r WHERE r.emp_no = person.emp_no AND r.phone IS NOT NULL), phone)
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND emp_no IN (SELECT emp_no FROM lc_row WHERE person_kind IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL);
-- IR9 (issue 15): each row's unit from its since day, unless the dated unit
-- in force then is that unit already (the latest person_unit row on or before
-- since: person_unit_span's rule, read through the table's key so that the
-- cost does not grow with the people stored, issue 13). The undated unit
-- does not count: a person the file creates gets the dated row too, so that
-- an older roster imported later dates its own unit without rewriting this one.
INSERT INTO person_unit(person_id, since, unit_id)
SELECT DISTINCT x.person_id, x.since, x.unit_id
FROM (SELECT pe.id AS person_id, s.since, (SELECT id FROM unit u WHERE u.name = s.unit) AS unit_id
      FROM lc_stint s JOIN person pe ON pe.emp_no = s.emp_no
      WHERE NOT EXISTS (SELECT 1 FROM lc_error)) x
WHERE NOT EXISTS (SELECT 1 FROM (SELECT d.unit_id FROM person_unit d WHERE d.person_id = x.person_id AND d.since <= x.since
                                 ORDER BY d.since DESC LIMIT 1) d WHERE d.unit_id IS x.unit_id)
ON CONFLICT (person_id, since) DO UPDATE SET unit_id = excluded.unit_id;

-- IR5 (issue 15): stints, by (club, person, joined_on). A stored stint gets
-- the file's left_on first (a stint that ends makes room for the next club's),
-- then the new stints are added, members before presidents; a new stint's
-- role is that of its row from joined_on, else member (IR9).
CREATE TEMP TABLE lc_member AS
SELECT DISTINCT c.id AS club_id, pe.id AS person_id, s.joined, s.left_day,
       coalesce((SELECT m.joined_on FROM membership m WHERE m.club_id = c.id AND m.person_id = pe.id AND m.joined_on = s.joined),
                (SELECT min(m.joined_on) FROM membership m WHERE m.club_id = c.id AND m.person_id = pe.id
                   AND m.joined_on <= s.last_day AND coalesce(m.left_on, '9999-12-31') >= s.joined
                   AND NOT EXISTS (SELECT 1 FROM lc_stint o WHERE o.emp_no = s.emp_no AND o.program = s.program
                                     AND o.club = s.club AND o.joined = m.joined_on))) AS stored,  -- IR5: the stint it names or corrects
       coalesce((SELECT o.role FROM lc_stint o WHERE o.emp_no = s.emp_no AND o.program = s.program AND o.club = s.club
                   AND o.joined = s.joined AND o.since = s.joined), 'member') AS role,
       EXISTS (SELECT 1 FROM lc_stint o WHERE o.emp_no = s.emp_no AND o.program = s.program AND o.club = s.club
                 AND o.joined = s.joined AND o.since = s.joined) AS role_given
FROM lc_stint s
JOIN program p ON p.code = s.program
JOIN club c ON c.program_id = p.id AND c.name = s.club
JOIN person pe ON pe.emp_no = s.emp_no
WHERE NOT EXISTS (SELECT 1 FROM lc_error);
UPDATE membership SET (joined_on, left_on) = (SELECT x.joined, x.left_day FROM lc_member x WHERE x.club_id = membership.club_id
                                                 AND x.person_id = membership.person_id AND x.stored = membership.joined_on)
WHERE (club_id, person_id, joined_on) IN (SELECT club_id, person_id, stored FROM lc_member);
-- a corrected stint keeps only the dated roles that still fall within a stint
DELETE FROM membership_role
WHERE (club_id, person_id) IN (SELECT club_id, person_id FROM lc_member WHERE stored IS NOT joined)
  AND EXISTS (SELECT 1 FROM membership_role_outside_stint o WHERE o.club_id = membership_role.club_id
                AND o.person_id = membership_role.person_id AND o.since = membership_role.since);
-- a stored stint's own role, when the file gives it: members first (one president at a time)
UPDATE membership SET role = 'member'
WHERE (club_id, person_id, joined_on) IN (SELECT club_id, person_id, joined FROM lc_member WHERE role_given AND role = 'member');
UPDATE membership SET role = 'president'
WHERE (club_id, person_id, joined_on) IN (SELECT club_id, person_id, joined FROM lc_member WHERE role_given AND role = 'president');
INSERT INTO membership(club_id, person_id, role, joined_on, left_on)
SELECT club_id, person_id, role, joined, left_day FROM lc_member
WHERE true
-- insiders first, then outsiders (N-D4; issue 15, C: the program's outsiders), presidents after members
ORDER BY (SELECT instr(',' || p.outsiders || ',', ',' || pe.kind || ',') > 0 FROM club c JOIN program p ON p.id = c.program_id, person pe
          WHERE c.id = lc_member.club_id AND pe.id = lc_member.person_id), role = 'president', rowid
ON CONFLICT (club_id, person_id, joined_on) DO NOTHING;
-- IR9: dated role changes within a stint, members first
INSERT INTO membership_role(club_id, person_id, since, role)
SELECT c.id, pe.id, s.since, s.role
FROM lc_stint s
JOIN program p ON p.code = s.program
JOIN club c ON c.program_id = p.id AND c.name = s.club
JOIN person pe ON pe.emp_no = s.emp_no
WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND s.since > s.joined
ORDER BY s.role = 'president', s.since, s.line
ON CONFLICT (club_id, person_id, since) DO UPDATE SET role = excluded.role;

SELECT 'ok', printf('%d rows: %d clubs, %d people', count(*), count(DISTINCT program || char(9) || club), count(DISTINCT emp_no))
FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

SELECT 'note', printf('created program ''%s'' (%s-01-01 to %s-12-31) with the default settings; see them with ''learnclub program-show'', change them with ''learnclub program-set''',
                      program, substr(program, -4), substr(program, -4))
FROM lc_new_program ORDER BY program;

COMMIT;
