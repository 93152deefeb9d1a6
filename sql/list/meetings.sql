-- sql/list/meetings.sql: `learnclub list DB meetings` (issue 14); key: club, held_on, kind.
SELECT l.club, mt.held_on, mt.kind, mt.hours, mt.topic,
       (SELECT count(*) FROM attendance at WHERE at.meeting_id = mt.id) AS attendees
FROM lc_club l JOIN meeting mt ON mt.club_id = l.id, lc_arg a
WHERE mt.held_on BETWEEN a.first_day AND a.last_day
ORDER BY mt.held_on, l.club, mt.kind;
