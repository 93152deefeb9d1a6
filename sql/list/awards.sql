-- sql/list/awards.sql: `learnclub list DB awards` (issue 14); key: club, period.
SELECT l.club, aw.period, aw.rank, aw.tier, aw.prize
FROM lc_club l JOIN award aw ON aw.club_id = l.id, lc_arg a
WHERE period_start(aw.period) <= a.last_day AND period_end(aw.period) >= a.first_day
ORDER BY aw.period, aw.rank, l.club;
