-- sql/list/reports.sql: `learnclub list DB reports` (issue 14); key: club, kind, period.
SELECT l.club, r.kind, r.period, r.submitted_at, rp.board_ref, rp.title
FROM lc_club l JOIN report_span r ON r.club_id = l.id JOIN report rp ON rp.id = r.id, lc_arg a
WHERE r.first_day <= a.last_day AND r.last_day >= a.first_day
ORDER BY r.period, l.club, r.kind;
