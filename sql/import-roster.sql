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
       nullif(trim(track), '') AS track  -- IR7 (issue 15, B1)
FROM temp.lc_raw;

-- dates (IR4): the Korean day of what is_date() accepts, NULL for anything else
CREATE TEMP TABLE lc_date AS
WITH d(line, col, raw) AS (
  SELECT line, 'joined_on', joined_raw FROM lc_row
  UNION ALL
  SELECT line, 'left_on', left_raw FROM lc_row WHERE left_raw IS NOT NULL
)
SELECT line, col, raw, CASE WHEN is_date(raw) THEN kr_date(raw) END AS day FROM d;

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
SELECT r.line, 2, printf('column club: emp_no %s is already in club ''%s'' on line %d', r.emp_no, o.club, min(o.line))
FROM lc_row r JOIN lc_row o ON o.emp_no = r.emp_no AND o.program = r.program AND o.club = r.club AND o.line < r.line
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
FROM lc_row r JOIN lc_row o ON o.program = r.program AND o.club = r.club AND o.line < r.line
  AND o.role = 'president' AND r.role = 'president'
GROUP BY r.line
UNION ALL
SELECT line, CASE col WHEN 'joined_on' THEN 9 ELSE 10 END,
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
INSERT INTO person(emp_no, name, unit_id, kind, email, phone)
SELECT r.emp_no, r.name, (SELECT id FROM unit u WHERE u.name = r.unit), coalesce(r.person_kind, 'official'), r.email, r.phone
FROM lc_row r WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND true
ON CONFLICT (emp_no) DO UPDATE SET name = excluded.name, unit_id = excluded.unit_id;
-- IR6: what the file gives; an empty value keeps the stored one
UPDATE person SET
  kind = coalesce((SELECT r.person_kind FROM lc_row r WHERE r.emp_no = person.emp_no AND r.person_kind IS NOT NULL), kind),
  email = coalesce((SELECT r.email FROM lc_row r WHERE r.emp_no = person.emp_no AND r.email IS NOT NULL), email),
  phone = coalesce((SELECT r.phone FROM lc_row r WHERE r.emp_no = person.emp_no AND r.phone IS NOT NULL), phone)
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND emp_no IN (SELECT emp_no FROM lc_row WHERE person_kind IS NOT NULL OR email IS NOT NULL OR phone IS NOT NULL);
INSERT INTO membership(club_id, person_id, role, joined_on, left_on)
SELECT c.id, pe.id, r.role, j.day, l.day
FROM lc_row r
JOIN program p ON p.code = r.program
JOIN club c ON c.program_id = p.id AND c.name = r.club
JOIN person pe ON pe.emp_no = r.emp_no
JOIN lc_date j ON j.line = r.line AND j.col = 'joined_on'
LEFT JOIN lc_date l ON l.line = r.line AND l.col = 'left_on'
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
-- insiders first, then outsiders (N-D4; issue 15: the program's outsiders),
-- so that a whole team in one file never passes through a share over
-- outsider_pct; presidents after members
ORDER BY instr(',' || p.outsiders || ',', ',' || pe.kind || ',') > 0, r.role = 'president', r.line
ON CONFLICT (club_id, person_id) DO UPDATE SET role = excluded.role, joined_on = excluded.joined_on, left_on = excluded.left_on;

SELECT 'ok', printf('%d rows: %d clubs, %d people', count(*), count(DISTINCT program || char(9) || club), count(DISTINCT emp_no))
FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

SELECT 'note', printf('created program ''%s'' (%s-01-01 to %s-12-31) with the default settings; see them with ''learnclub program-show'', change them with ''learnclub program-set''',
                      program, substr(program, -4), substr(program, -4))
FROM lc_new_program ORDER BY program;

COMMIT;
