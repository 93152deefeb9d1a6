-- sql/list/scores.sql: `learnclub list DB scores` (issue 14); key: club, period, judge, criterion
-- (issue 15, B1: and stage, panel; the columns an import-scores file takes, IS6).
SELECT l.club, s.period, s.judge, s.criterion, s.points, s.panel, s.judge_emp_no, s.stage
FROM lc_club l JOIN score s ON s.club_id = l.id, lc_arg a
WHERE period_start(s.period) <= a.last_day AND period_end(s.period) >= a.first_day
ORDER BY s.period, l.club, s.stage DESC, s.panel, s.judge, s.criterion;
