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
