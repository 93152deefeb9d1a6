-- sql/list/overrides.sql: `learnclub list DB overrides` (issue 14): local
-- changes to the holiday calendar (KR5); key: day.
SELECT o.day, o.name, o.is_holiday
FROM holiday_override o, lc_arg a
WHERE o.day BETWEEN a.first_day AND a.last_day
ORDER BY o.day;
