-- sql/list/places.sql: `learnclub list DB places` (issue 14): the committee's
-- places (D3); key: club, period.
SELECT l.club, cp.period, cp.place, cp.note
FROM lc_club l JOIN committee_place cp ON cp.club_id = l.id, lc_arg a
WHERE period_start(cp.period) <= a.last_day AND period_end(cp.period) >= a.first_day
ORDER BY cp.period, cp.place, l.club;
