-- sql/import-values.sql (issue 14): the kinds of value the imports share,
-- each read by one rule here (STYLE: one parser per kind of value). The
-- learnclub command runs this before every import script; a script puts the
-- raw values it needs into temp.lc_value (line, col, raw: trimmed text) and
-- reads them back parsed from temp.lc_parsed, NULL where a value is not of
-- that kind. Dates are not here: is_date() and kr_date() read them (dates.c D1).
--   V1 num: a plain number, 0 or more: digits with at most one dot inside
--      (3, 2.5; not .5, 5., 1e3, -1).
--   V2 krw: a whole number of KRW, 0 or more: digits, with thousands commas
--      only where printf('%,d') puts them (1,200,000; not 1,00,000, 1000원).
--   V3 whole: a whole number, 0 or more, of at most 9 digits.
CREATE TEMP TABLE IF NOT EXISTS lc_value(line INTEGER, col TEXT, raw TEXT);
-- each script looks its values up by line and column: without this index the
-- cost of an import would grow with the square of its rows
CREATE INDEX IF NOT EXISTS temp.lc_value_key ON lc_value(line, col);
CREATE TEMP VIEW IF NOT EXISTS lc_parsed(line, col, raw, num, krw, whole) AS
SELECT line, col, raw,
       CASE WHEN raw GLOB '[0-9]*' AND NOT raw GLOB '*[^0-9.]*' AND NOT raw GLOB '*.*.*' AND NOT raw GLOB '*.'
            THEN CAST(raw AS REAL) END,
       CASE WHEN replace(raw, ',', '') GLOB '[0-9]*' AND NOT replace(raw, ',', '') GLOB '*[^0-9]*'
                 AND length(replace(raw, ',', '')) <= 15
                 AND (raw NOT GLOB '*,*' OR raw IS printf('%,d', CAST(replace(raw, ',', '') AS INTEGER)))
            THEN CAST(replace(raw, ',', '') AS INTEGER) END,
       CASE WHEN raw GLOB '[0-9]*' AND NOT raw GLOB '*[^0-9]*' AND length(raw) <= 9 THEN CAST(raw AS INTEGER) END
FROM temp.lc_value;

-- V4 (issue 15, A) club: which club a row means, the one home of every
-- import's club lookup (IM1, IP2, IS1, IL1, IN1, IE1). A script puts each row
-- that names a club and has valid days into temp.lc_club_ref: the club's
-- name, the program code of the optional column program (NULL: not given),
-- the days the row covers (first_day..last_day: a day, a month or a
-- half-year), month (a monthly report's YYYY-MM, NULL otherwise: the program
-- must ask for that month's report, JG6) and span, the words its message uses
-- for those days ('running on 2015-03-12', 'running in 2015-H1', 'that asks
-- for a monthly report for 2015-04'). temp.lc_club_match gives per line the
-- club when exactly one club of that name is in a program that fits (of that
-- code, when given), else NULL and error, the row's message:
--   no club 'C' in a program SPAN (in program 'P' SPAN, when given);
--   club 'C' is in more than one program SPAN: 'A' and 'B'; add a column program to say which
--      (two programs running at once, each with a club of that name);
--   (column program) unknown program 'P'.
-- colno: 1 for the club's errors; 99 for the program's (the optional column
-- comes after the required ones). Each line is looked up by its key: the
-- cost follows the file (issue 13).
CREATE TEMP TABLE IF NOT EXISTS lc_club_ref(line INTEGER PRIMARY KEY, club TEXT, program TEXT, first_day TEXT,
                                            last_day TEXT, month TEXT, span TEXT);
CREATE TEMP VIEW IF NOT EXISTS lc_club_candidate(line, club_id, code) AS
SELECT r.line, c.id, p.code
FROM temp.lc_club_ref r JOIN club c ON c.name = r.club JOIN program p ON p.id = c.program_id
WHERE p.starts_on <= r.last_day AND p.ends_on >= r.first_day AND (r.program IS NULL OR p.code = r.program)
  AND (r.month IS NULL OR r.month BETWEEN p.reports_from AND p.reports_to);
CREATE TEMP VIEW IF NOT EXISTS lc_club_match(line, club_id, colno, error) AS
SELECT x.line, CASE WHEN x.n = 1 THEN x.one END,
       CASE WHEN x.unknown THEN 99 WHEN x.n <> 1 THEN 1 END,
       CASE WHEN x.unknown THEN printf('column program: unknown program ''%s''', x.program)
            WHEN x.n = 0 AND x.program IS NULL THEN printf('column club: no club ''%s'' in a program %s', x.club, x.span)
            WHEN x.n = 0 THEN printf('column club: no club ''%s'' in program ''%s'' %s', x.club, x.program, x.span)
            WHEN x.n > 1 THEN printf('column club: club ''%s'' is in more than one program %s: %s; add a column program to say which',
                                     x.club, x.span,
                                     (SELECT group_concat(CASE WHEN k.i = 1 THEN '' WHEN k.i = x.n THEN ' and ' ELSE ', ' END
                                                          || '''' || k.code || '''', '')
                                      FROM (SELECT code, row_number() OVER (ORDER BY code) AS i FROM temp.lc_club_candidate
                                            WHERE line = x.line ORDER BY code) k)) END
FROM (SELECT r.*, (SELECT count(*) FROM temp.lc_club_candidate k WHERE k.line = r.line) AS n,
             (SELECT max(k.club_id) FROM temp.lc_club_candidate k WHERE k.line = r.line) AS one,
             r.program IS NOT NULL AND NOT EXISTS (SELECT 1 FROM program p WHERE p.code = r.program) AS unknown
      FROM temp.lc_club_ref r) x;
