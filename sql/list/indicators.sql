-- sql/list/indicators.sql: `learnclub list DB indicators` (issue 14): each
-- indicator with its yearly target and result (NJ8), a row a year (NULL year:
-- none recorded), and its kind (issue 15); key: pledge, indicator. --period: the years it overlaps.
SELECT pl.code AS pledge, i.name AS indicator, i.seq, i.unit, i.weight, i.kind, y.year, y.target, y.achieved, y.achieved_on
FROM pledge pl JOIN indicator i ON i.pledge_id = pl.id LEFT JOIN indicator_year y ON y.indicator_id = i.id, lc_arg a
WHERE y.year IS NULL AND a.first_day = '0000-01-01'
   OR y.year BETWEEN CAST(substr(a.first_day, 1, 4) AS INTEGER) AND CAST(substr(a.last_day, 1, 4) AS INTEGER)
ORDER BY pl.code, i.seq, i.name, y.year;
