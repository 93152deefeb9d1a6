-- sql/evaluate-sheet.sql: the committee's sheet (심사표) of
-- `learnclub evaluate DB YYYY-H1|YYYY-H2 --format xlsx --output FILE`
-- (issue 16: "the awards sheet for the committee").
--
-- Run right after sql/evaluate.sql on the same connection: it reads that
-- run's temporary tables (lc_out: the ranks and awards as printed; lc_judge:
-- each judge's totals and what EV2's trimming set aside; lc_program), so
-- every number is the one evaluate used, computed once (EV2 has one home).
--   ES1 One row per club and judge, in evaluate's order (program, rank,
--       club), then the judge's name; a club no judge scored has one row
--       without a judge.
--   ES2 total: the judge's points over every criterion; set_aside: 최고점
--       제외 or 최저점 제외 when EV2 left that total out of the mean, empty
--       when it counts. The same for the tie_break criterion
--       (tie_break_total, tie_break_set_aside), when the program has one.
--   ES3 score and tie_break: the club's trimmed means as evaluate printed
--       them (2 decimals), with its rank, tier, prize and status, on each of
--       its rows: the mean of a club's totals without a mark is its score.
-- Columns: program, rank, club, judge, total, set_aside, score,
-- tie_break_total, tie_break_set_aside, tie_break, tier, prize, status.
SELECT p.code AS program, o.rank, o.club, j.judge, j.value AS total,
       CASE j.set_aside WHEN 'high' THEN '최고점 제외' WHEN 'low' THEN '최저점 제외' END AS set_aside,
       o.score,
       t.value AS tie_break_total,
       CASE t.set_aside WHEN 'high' THEN '최고점 제외' WHEN 'low' THEN '최저점 제외' END AS tie_break_set_aside,
       o.tie_break, o.tier, o.prize, o.status
FROM lc_out o
JOIN lc_program p ON p.id = o.program_id
LEFT JOIN lc_judge j ON j.club_id = o.club_id AND j.measure = 'score'
LEFT JOIN lc_judge t ON t.club_id = j.club_id AND t.judge = j.judge AND t.measure = 'tie_break'
ORDER BY o.rowid, j.judge;
