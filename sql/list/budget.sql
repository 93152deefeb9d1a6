-- sql/list/budget.sql: `learnclub list DB budget` (issue 14): budget plans
-- by year and source (NJ7), in KRW; key: plan, year, source.
SELECT bp.name AS plan, bl.year, bl.source, bl.planned, bl.executed, pl.code AS pledge
FROM budget_plan bp JOIN budget_line bl ON bl.plan_id = bp.id LEFT JOIN pledge pl ON pl.id = bp.pledge_id, lc_arg a
WHERE bl.year BETWEEN CAST(substr(a.first_day, 1, 4) AS INTEGER) AND CAST(substr(a.last_day, 1, 4) AS INTEGER)
ORDER BY bp.name, bl.year, bl.source;
