-- sql/import-reports.sql: monthly activity reports and research result reports
-- (JG6, JG7) from a CSV loaded by the learnclub command into temp.lc_raw with the columns
--   club,kind,period,submitted_at,board_ref,title
-- (template: examples/templates/reports.csv). One transaction; any bad row
-- rejects the whole file (first error by line, then column).
--   IP1 kind: monthly (월별) with a period YYYY-MM, or research (성과) with YYYY-H1/YYYY-H2.
--   IP2 club: a club's name in the program that asks for that report, found
--      by the imports' one rule (sql/import-values.sql V4; issue 15: the
--      optional column program says which of two programs running at once).
--   IP3 submitted_at: a date or time in any form the extension reads, exactly
--      those is_date() accepts (dates.c D1: YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS[.fff]]
--      with a space or T, with Z or an offset such as +09:00, the dotted
--      2015.6.3. or 2015. 6. 3.), stored as kr_datetime() gives it: Korean
--      time (D2), 'YYYY-MM-DD HH:MM:SS' (issue 12). Not before the period began
--      (period_start()).
--   IP4 An upsert: a report already recorded (club, kind, period) gets the
--      file's submission time, board reference and title.
--   IP5 (issue 14) With --replace (@replace = '1') the file is the whole truth
--      for each (club, kind, period) it holds. One report exists per key, so
--      the file's row takes the stored one's place; a stored report that
--      differs from the file's is named in a row 'removed', 'report CLUB
--      KIND PERIOD submitted SUBMITTED_AT', so what was overwritten is said.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(club) AS club,
       CASE WHEN trim(kind) IN ('monthly', '월별') THEN 'monthly'
            WHEN trim(kind) IN ('research', '성과') THEN 'research' END AS kind, trim(kind) AS kind_raw,
       trim(period) AS period, trim(submitted_at) AS sub_raw,
       nullif(trim(board_ref), '') AS board_ref, nullif(trim(title), '') AS title,
       nullif(trim(program), '') AS program
FROM temp.lc_raw;
ALTER TABLE lc_row ADD COLUMN submitted TEXT;
ALTER TABLE lc_row ADD COLUMN first_day TEXT;
ALTER TABLE lc_row ADD COLUMN last_day TEXT;
ALTER TABLE lc_row ADD COLUMN club_id INTEGER;
UPDATE lc_row SET submitted = CASE WHEN is_date(sub_raw) THEN kr_datetime(sub_raw) END;
-- a period of the kind's form, year 0001 on (dates.c D5), gets its days from
-- period_start()/period_end(); any other stays without them (an error below)
UPDATE lc_row SET first_day = period_start(period), last_day = period_end(period)
WHERE CASE kind WHEN 'monthly' THEN period GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]' AND substr(period, 6) BETWEEN '01' AND '12'
                WHEN 'research' THEN period GLOB '[0-9][0-9][0-9][0-9]-H[12]' END
  AND period >= '0001';
INSERT INTO temp.lc_club_ref(line, club, program, first_day, last_day, month, span)  -- IP2 (V4)
SELECT line, club, program, first_day, last_day, CASE kind WHEN 'monthly' THEN period END,
       printf('that asks for a %s report for %s', kind, period)
FROM lc_row WHERE club <> '' AND first_day IS NOT NULL;
UPDATE lc_row SET club_id = (SELECT m.club_id FROM temp.lc_club_match m WHERE m.line = lc_row.line);
-- the update below looks each report's values up here
CREATE INDEX temp.lc_row_key ON lc_row(club_id, kind, period);

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, 'column club: must not be empty' FROM lc_row WHERE club = ''
UNION ALL
SELECT line, colno, error FROM temp.lc_club_match WHERE error IS NOT NULL  -- IP2 (V4)
UNION ALL
SELECT line, 2, printf('column kind: invalid value ''%s''; expected monthly or research', kind_raw) FROM lc_row WHERE kind IS NULL
UNION ALL
SELECT line, 3, printf('column period: invalid period ''%s''; expected %s', period,
                       CASE kind WHEN 'monthly' THEN 'YYYY-MM (JG6)' ELSE 'YYYY-H1 or YYYY-H2 (JG7)' END)
FROM lc_row WHERE kind IS NOT NULL AND first_day IS NULL
UNION ALL
SELECT r.line, 3, printf('column period: the same report is on line %d', min(o.line))
FROM lc_row r JOIN lc_row o ON o.club_id = r.club_id AND o.kind = r.kind AND o.period = r.period AND o.line < r.line
GROUP BY r.line
UNION ALL
SELECT line, 4, printf('column submitted_at: invalid time ''%s''; expected YYYY-MM-DD[ HH:MM[:SS]] (D2)', sub_raw)
FROM lc_row WHERE submitted IS NULL
UNION ALL
SELECT line, 4, printf('column submitted_at: %s is before the period %s began', kr_date(submitted), period)
FROM lc_row WHERE submitted IS NOT NULL AND first_day IS NOT NULL AND kr_date(submitted) < first_day;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

-- IP5: the stored reports a --replace file overwrites
SELECT 'removed', printf('report %s %s %s submitted %s', r.club, x.kind, x.period, x.submitted_at)
FROM lc_row r JOIN report x ON x.club_id = r.club_id AND x.kind = r.kind AND x.period = r.period
WHERE @replace = '1' AND NOT EXISTS (SELECT 1 FROM lc_error)
  AND (x.submitted_at IS NOT r.submitted OR x.board_ref IS NOT r.board_ref OR x.title IS NOT r.title)
ORDER BY r.club, x.kind, x.period;

-- IP4: the reports already recorded, found from the file's rows by report's
-- key, so the cost does not grow with the reports stored (issue 13: this
-- checked every stored report against the file). Not an upsert: the trigger
-- report_once_insert refuses the INSERT before ON CONFLICT could update.
UPDATE report SET
  submitted_at = (SELECT r.submitted FROM lc_row r WHERE r.club_id = report.club_id AND r.kind = report.kind AND r.period = report.period),
  board_ref = (SELECT r.board_ref FROM lc_row r WHERE r.club_id = report.club_id AND r.kind = report.kind AND r.period = report.period),
  title = (SELECT r.title FROM lc_row r WHERE r.club_id = report.club_id AND r.kind = report.kind AND r.period = report.period)
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND id IN (SELECT x.id FROM lc_row r JOIN report x ON x.club_id = r.club_id AND x.kind = r.kind AND x.period = r.period);
INSERT INTO report(club_id, kind, period, submitted_at, board_ref, title)
SELECT r.club_id, r.kind, r.period, r.submitted, r.board_ref, r.title FROM lc_row r
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND NOT EXISTS (SELECT 1 FROM report x WHERE x.club_id = r.club_id AND x.kind = r.kind AND x.period = r.period)
ORDER BY r.line;

SELECT 'ok', printf('%d reports', count(*)) FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
