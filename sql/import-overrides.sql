-- sql/import-overrides.sql (issue 14): local changes to the holiday calendar
-- (KR5) from a CSV loaded by the learnclub command into temp.lc_raw with the columns
--   day,name,is_holiday
-- (template: examples/templates/overrides.csv). One transaction; any bad row
-- rejects the whole file (first error by line, then column).
--   IO1 day: a date in any form is_date() accepts, stored as kr_date() gives it (D2).
--   IO2 is_holiday: 1, holiday or 휴일 adds a holiday; 0, working or 근무 opens
--      an office day (KR5).
--   IO3 An upsert: an override already recorded for the day gets the file's
--      name and is_holiday.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_row AS
SELECT rowid + 1 AS line, trim(day) AS day_raw, nullif(trim(name), '') AS name,
       CASE WHEN trim(is_holiday) IN ('1', 'holiday', '휴일') THEN 1
            WHEN trim(is_holiday) IN ('0', 'working', '근무') THEN 0 END AS is_holiday,
       trim(is_holiday) AS is_holiday_raw
FROM temp.lc_raw;
ALTER TABLE lc_row ADD COLUMN day TEXT;
UPDATE lc_row SET day = CASE WHEN is_date(day_raw) THEN kr_date(day_raw) END;

CREATE TEMP TABLE lc_error(line INTEGER, colno INTEGER, msg TEXT);
INSERT INTO lc_error
SELECT line, 1, printf('column day: invalid date ''%s''; expected YYYY-MM-DD', day_raw) FROM lc_row WHERE day IS NULL
UNION ALL
SELECT r.line, 1, printf('column day: the same day is on line %d', min(o.line))
FROM lc_row r JOIN lc_row o ON o.day = r.day AND o.line < r.line
GROUP BY r.line
UNION ALL
SELECT line, 3, printf('column is_holiday: invalid value ''%s''; expected 1 (holiday) or 0 (working) (KR5)', is_holiday_raw)
FROM lc_row WHERE is_holiday IS NULL;

SELECT 'error', printf('line %d, %s', line, msg) FROM lc_error ORDER BY line, colno LIMIT 1;

INSERT INTO holiday_override(day, name, is_holiday)
SELECT day, name, is_holiday FROM lc_row
WHERE NOT EXISTS (SELECT 1 FROM lc_error) AND true
ORDER BY line
ON CONFLICT (day) DO UPDATE SET name = excluded.name, is_holiday = excluded.is_holiday;

SELECT 'ok', printf('%d overrides: %d holidays, %d working days', count(*), total(is_holiday), count(*) - total(is_holiday))
FROM lc_row WHERE NOT EXISTS (SELECT 1 FROM lc_error);

COMMIT;
