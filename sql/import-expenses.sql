-- sql/import-expenses.sql (issue 14): support spending (JG12) from a CSV
-- loaded by the learnclub command into temp.lc_raw with the columns
--   club,spent_on,kind,amount,note
-- (template: examples/templates/expenses.csv). One transaction; any bad row
-- rejects the whole file (first error by line, then column).
--   IE1 spent_on: a date in any form is_date() accepts, stored as kr_date()
--      gives it (D2); club: a club's name in the program running on that day,
--      found by the imports' one rule (sql/import-values.sql V4; issue 15: the
--      optional column program says which of two programs running at once).
--   IE2 kind: advisory (자문), books (도서), prize (시상금) or other (기타) (JG12).
--   IE3 amount: a whole number of KRW more than 0, with or without thousands
--      commas (1,200,000) (sql/import-values.sql V2).
--   IE4 An expense has no key of its own: a row equal to one already stored
--      (club, day, kind, amount, note) is not added again, so importing a
--      file twice changes nothing; two equal rows in one file are refused
--      (tell them apart by their note).
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(club) AS club, trim(spent_on) AS day_raw,
       CASE WHEN trim(kind) IN ('advisory', '자문', '자문료') THEN 'advisory'
            WHEN trim(kind) IN ('books', '도서', '도서구입') THEN 'books'
            WHEN trim(kind) IN ('prize', '시상금', '상금') THEN 'prize'
            WHEN trim(kind) IN ('other', '기타') THEN 'other' END AS kind, trim(kind) AS kind_raw,
       trim(amount) AS amount_raw,
       nullif(trim(note), '') AS note, nullif(trim(program), '') AS program
FROM temp.lc_raw;
ALTER TABLE lc_row ADD COLUMN day TEXT;
ALTER TABLE lc_row ADD COLUMN amount INTEGER;
ALTER TABLE lc_row ADD COLUMN club_id INTEGER;
UPDATE lc_row SET day = CASE WHEN is_date(day_raw) THEN kr_date(day_raw) END;
INSERT INTO temp.lc_value SELECT line, 'amount', amount_raw FROM lc_row;
UPDATE lc_row SET amount = (SELECT krw FROM temp.lc_parsed v WHERE v.line = lc_row.line AND v.col = 'amount');  -- V2
INSERT INTO temp.lc_club_ref(line, club, program, first_day, last_day, span)  -- IE1 (V4)
SELECT line, club, program, day, day, 'running on ' || day FROM lc_row WHERE club <> '' AND day IS NOT NULL;
UPDATE lc_row SET club_id = (SELECT m.club_id FROM temp.lc_club_match m WHERE m.line = lc_row.line);

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, 'column club: must not be empty' FROM lc_row WHERE club = ''
UNION ALL
SELECT line, colno, error FROM temp.lc_club_match WHERE error IS NOT NULL  -- IE1 (V4)
UNION ALL
SELECT line, 2, printf('column spent_on: invalid date ''%s''; expected YYYY-MM-DD', day_raw) FROM lc_row WHERE day IS NULL
UNION ALL
SELECT line, 3, printf('column kind: invalid value ''%s''; expected advisory, books, prize or other (JG12)', kind_raw)
FROM lc_row WHERE kind IS NULL
UNION ALL
SELECT line, 4, printf('column amount: invalid amount ''%s''; expected a whole number of KRW more than 0', amount_raw)
FROM lc_row WHERE amount IS NULL OR amount = 0
UNION ALL
SELECT r.line, 5, printf('column note: the same expense is on line %d; tell them apart by their note', min(o.line))
FROM lc_row r JOIN lc_row o ON o.club_id = r.club_id AND o.day = r.day AND o.kind = r.kind AND o.amount = r.amount
  AND o.note IS r.note AND o.line < r.line
GROUP BY r.line;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

INSERT INTO expense(club_id, spent_on, kind, amount, note)
SELECT r.club_id, r.day, r.kind, r.amount, r.note FROM lc_row r
WHERE NOT EXISTS (SELECT 1 FROM lc_error)
  AND NOT EXISTS (SELECT 1 FROM expense e WHERE e.club_id = r.club_id AND e.spent_on = r.day AND e.kind = r.kind
                    AND e.amount = r.amount AND e.note IS r.note)
ORDER BY r.line;

SELECT 'ok', printf('%d expenses, %d KRW', count(*), coalesce(sum(amount), 0)) FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
