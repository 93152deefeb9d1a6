-- sql/evaluate-sheet.sql: the committee's sheet (심사표) of
-- `learnclub evaluate DB YYYY-H1|YYYY-H2 --format xlsx --output FILE`
-- (issue 16: "the awards sheet for the committee").
--
-- Run right after sql/evaluate.sql on the same connection: it reads that
-- run's temporary tables (lc_out: the ranks and awards as printed; lc_sheet:
-- every judge's sheet, recused or not; lc_judge: what EV2's trimming left
-- out; lc_pool_mean and lc_mean: the means), so every number is the one
-- evaluate used, computed once (EV2 and EV8 have one home, evaluate.sql).
--   ES1 One row per club and judge's sheet (stage, panel, judge), in
--       evaluate's order (program, track, rank, club), then screening before
--       final, panel and judge; a club no judge scored has one row without
--       a judge.
--   ES2 total: the judge's points over every criterion; excluded says why
--       the total is not in the mean: 제척(동아리 회원) (EV9: the judge is a
--       member of the club), 가중치 없는 패널 (EV8: a panel panel_weights does
--       not name), 최고점 제외 or 최저점 제외 (EV2's trimming); empty when it
--       counts. The same for the tie_break criterion (tie_break_total,
--       tie_break_excluded), when the program has one.
--   ES3 With panel_weights (EV8): the panel's weight and its trimmed mean
--       (panel_mean); the score is the weighted mean of the panel means.
--       Without: both empty, and the score is the mean of the totals
--       without a mark. score and tie_break are the club's means in the
--       row's stage, 2 decimals, as evaluate prints them; rank, tier, prize
--       and status are evaluate's, on each of the club's rows.
-- Columns: program, track, rank, club, stage, panel, judge, total,
-- excluded, weight, panel_mean, score, tie_break_total,
-- tie_break_excluded, tie_break, tier, prize, status.
SELECT p.code AS program, o.track, o.rank, o.club, h.stage, nullif(h.panel, '') AS panel, h.judge,
       h.total,
       CASE WHEN h.recused THEN '제척(동아리 회원)' WHEN h.weight IS NULL THEN '가중치 없는 패널'
            WHEN j.trimmed = 'high' THEN '최고점 제외' WHEN j.trimmed = 'low' THEN '최저점 제외' END AS excluded,
       CASE WHEN h.pool <> '' THEN h.weight END AS weight,
       CASE WHEN h.pool <> '' THEN round(pm.mean, 2) END AS panel_mean,
       round(ms.mean, 2) AS score,
       h.tb AS tie_break_total,
       CASE WHEN h.tb IS NULL THEN NULL
            WHEN h.recused THEN '제척(동아리 회원)' WHEN h.weight IS NULL THEN '가중치 없는 패널'
            WHEN t.trimmed = 'high' THEN '최고점 제외' WHEN t.trimmed = 'low' THEN '최저점 제외' END AS tie_break_excluded,
       round(mt.mean, 2) AS tie_break,
       o.tier, o.prize, o.status
FROM lc_out o
JOIN lc_program p ON p.id = o.program_id
LEFT JOIN lc_sheet h ON h.club_id = o.club_id
LEFT JOIN lc_judge j ON j.club_id = h.club_id AND j.stage = h.stage AND j.panel = h.panel
                    AND j.judge = h.judge AND j.measure = 'score'
LEFT JOIN lc_judge t ON t.club_id = h.club_id AND t.stage = h.stage AND t.panel = h.panel
                    AND t.judge = h.judge AND t.measure = 'tie_break'
LEFT JOIN lc_pool_mean pm ON pm.club_id = h.club_id AND pm.stage = h.stage AND pm.pool = h.pool
                         AND pm.measure = 'score'
LEFT JOIN lc_mean ms ON ms.club_id = h.club_id AND ms.stage = h.stage AND ms.measure = 'score'
LEFT JOIN lc_mean mt ON mt.club_id = h.club_id AND mt.stage = h.stage AND mt.measure = 'tie_break'
ORDER BY o.rowid, h.stage = 'final', h.panel, h.judge;
