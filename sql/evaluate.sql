-- sql/evaluate.sql: rank the research results of half-year @period, tier and
-- price them, and store the awards (JG7, JG8, KR7, D3, D6).
--
-- Run by `learnclub evaluate DB YYYY-H1|YYYY-H2 [--as-of YYYY-MM-DD]` with @period
-- and @as_of bound, in one
-- transaction; re-running replaces the period's awards, so it is safe.
--   EV1 Clubs: those of every program running in the half-year that had not
--      withdrawn by its end (D6). Each program is ranked on its own.
--   EV2 A judge's total is the sum of their points over the criteria. From
--      judges_min judges up, the drop_high highest and drop_low lowest totals
--      are dropped (KR7: one and one of five or more); the score is the mean of
--      the rest, exact, shown to 2 decimals.
--   EV3 Ties on the score are broken by the same trimmed mean over the program's
--      tie_break criterion, then by the committee's places (committee_place,
--      D3); clubs still equal share a rank (SQL rank()).
--   EV4 tier and prize: award_tier()/award_prize() of the rank with the
--      program's scheme. A tie whose places fall in different tiers (or in a
--      tier and outside every tier) straddles a tier's last place: it is
--      reported as 'tie' and none of those clubs gets an award until the
--      committee decides (D3). A tie inside one tier is awarded to every club in it.
--   EV5 A club without a research report is 'missing'; with a report but no
--      scores, 'unscored'; neither is ranked.
--   EV6 (issue 14, H3) One "today": the reports are seen as of @as_of (the
--      --as-of date, else today in Korean time) by report_status(), as
--      monthly-check and summary see them: a report not filed and not yet due
--      is 'pending', not ranked and no finding; one filed after @as_of is not
--      seen yet.
--   EV7 (issue 14, H3) The run is stored in evaluation (period, the as-of day)
--      with no stale_reason: the awards are up to date until scores, research
--      reports, committee places or the club list change (sql/rules.sql).
--   EV8 (issue 15, B1) Panels (O3): with the program's panel_weights, each
--      panel's judges are trimmed apart (EV2, the same settings) and the
--      club's score is the weighted mean of its panels' means, over the
--      panels that scored it (their weights scaled to add up to 100). A
--      panel panel_weights does not name (the setting changed after the
--      import) is set aside. Without panel_weights every judge is in one
--      pool, whatever the panel column says: today's result.
--   EV9 (issue 15, B1) Recusal: a judge whose judge_emp_no is a member of
--      the club on the half-year's last day (membership_span) is not counted
--      for it. An audience juror sits for the club they are a member of on
--      that day, so the same rule keeps them from scoring it. set_aside
--      counts the judges' sheets (a judge's total for the club) not counted.
--   EV10 (issue 15, B1) Stages (O3): with the program's finalists=N, the
--      screening's scores rank the clubs (EV2, EV3 without committee
--      places) and the best N go to the final (a tie on the N-th place takes
--      every club in it); only the final ranks for the awards. The others
--      are 'screened_out', with their screening's judges, score, tie_break
--      and set_aside, and are no finding. A club with a report and no
--      screening score is 'unscored'. Without finalists only final scores count.
--   EV11 (issue 15, B1) Tracks (O2): the clubs of a program are ranked by
--      club.track, each track on its own (EV3, EV4, EV10), and the
--      program's award scheme applies to each track whole (B1-D4).
--   EV12 (issue 16) With the run, evaluation.ties keeps the ties of EV4 that
--      wait for the committee: each tied club and the places it shares
--      (first, last), for the HTML report (sql/report-html.sql RH2).
-- Columns: rank, club, report (on_time | late | missing, by report_status()
-- with the program's rule, JG7), judges, score, tie_break, tier, prize,
-- status (awarded | tie | unplaced | screened_out | missing | pending |
-- unscored), track, set_aside (EV9: the judges' sheets not counted).
-- Findings (exit 1): tie, missing, unscored.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_arg AS
SELECT @period AS period, period_start(@period) AS first_day, period_end(@period) AS last_day,
       @as_of AS as_of;

CREATE TEMP TABLE lc_program AS
SELECT p.* FROM program p, lc_arg a WHERE p.starts_on <= a.last_day AND p.ends_on >= a.first_day;

CREATE TEMP TABLE lc_club AS
SELECT c.id AS club_id, c.name AS club, c.track, p.id AS program_id, p.award_scheme AS scheme,
       p.judges_min, p.drop_high, p.drop_low, p.tie_break, p.report_rule, p.panel_weights, p.finalists
FROM club c JOIN lc_program p ON p.id = c.program_id, lc_arg a
WHERE c.withdrawn_on IS NULL OR c.withdrawn_on > a.last_day;

-- EV8: the panels' weights of the programs evaluated (program_panel_weight,
-- the one home of panel_weights in sql/rules.sql)
CREATE TEMP TABLE lc_weight AS
SELECT w.program_id, w.panel, w.weight FROM program_panel_weight w JOIN lc_program p ON p.id = w.program_id;

-- Each judge's sheet for a club and stage: the totals over every criterion
-- and over the program's tie_break criterion, the pool it is trimmed in
-- (its panel with panel_weights, else one pool), the pool's weight (NULL: a
-- panel panel_weights does not name) and whether the judge is recused (EV9).
-- A judge is one per (stage, panel, judge). Screening sheets count only
-- with the program's finalists setting (EV10).
CREATE TEMP TABLE lc_sheet AS
SELECT s.club_id, s.stage, s.panel, s.judge, sum(s.points) AS total,
       sum(s.points) FILTER (WHERE s.criterion = c.tie_break) AS tb,
       CASE WHEN c.panel_weights IS NULL THEN '' ELSE s.panel END AS pool,
       CASE WHEN c.panel_weights IS NULL THEN 1
            ELSE (SELECT w.weight FROM lc_weight w WHERE w.program_id = c.program_id AND w.panel = s.panel) END AS weight,
       -- EV9: the judge is a member of the club on the half-year's last day (membership_span)
       max(s.judge_emp_no IS NOT NULL
           AND EXISTS (SELECT 1 FROM person pe JOIN membership_span m ON m.person_id = pe.id
                       WHERE pe.emp_no = s.judge_emp_no AND m.club_id = s.club_id
                         AND a.last_day BETWEEN m.first_day AND m.last_day)) AS recused
  -- CROSS JOIN fixes the join order (bench/README.md): without statistics
  -- the planner took the one-row lc_arg for a big table and scanned every
  -- score of every year first; this way each club's scores of the half-year
  -- come from the index score_period, and the cost does not grow with history.
FROM lc_arg a CROSS JOIN lc_club c CROSS JOIN score s
WHERE s.club_id = c.club_id AND s.period = a.period AND (s.stage = 'final' OR c.finalists IS NOT NULL)
GROUP BY s.club_id, s.stage, s.panel, s.judge;
ALTER TABLE lc_sheet ADD COLUMN counted INTEGER;
UPDATE lc_sheet SET counted = NOT recused AND weight IS NOT NULL;

-- The counted sheets' totals per measure: 'score' and 'tie_break' (judges
-- who scored it), each placed from the highest (pos) among the n totals of
-- its club, stage and pool, and trimmed by EV2: 'high' or 'low' when left
-- out of the mean, NULL when it counts (the one home of that rule: the
-- means below and the committee's sheet, sql/evaluate-sheet.sql, read it).
CREATE TEMP TABLE lc_judge AS
WITH measure AS (
  SELECT club_id, stage, pool, weight, panel, judge, 'score' AS measure, total AS value FROM lc_sheet WHERE counted
  UNION ALL
  SELECT club_id, stage, pool, weight, panel, judge, 'tie_break', tb FROM lc_sheet WHERE counted AND tb IS NOT NULL
), placed AS (
  SELECT m.*, count(*) OVER w AS n, row_number() OVER (w ORDER BY m.value DESC, m.panel, m.judge) AS pos
  FROM measure m WINDOW w AS (PARTITION BY m.club_id, m.stage, m.pool, m.measure)
)
-- EV2: from judges_min totals up, the drop_high highest and drop_low lowest
SELECT p.*, CASE WHEN p.n < c.judges_min THEN NULL
                 WHEN p.pos <= c.drop_high THEN 'high'
                 WHEN p.pos > p.n - c.drop_low THEN 'low' END AS trimmed
FROM placed p JOIN lc_club c ON c.club_id = p.club_id;

-- EV2, the trimmed mean, for both measures and each pool: the totals not
-- trimmed (lc_judge.trimmed). EV8: the club's mean is the weighted mean of
-- its pools' means (one pool of weight 1 without panel_weights: the trimmed
-- mean itself); compared after rounding to 9 decimals (W-D6). The pools'
-- means are kept for the committee's sheet (issue 16).
CREATE TEMP TABLE lc_pool_mean AS
SELECT j.club_id, j.stage, j.pool, j.measure, j.weight, avg(j.value) AS mean
FROM lc_judge j WHERE j.trimmed IS NULL
GROUP BY j.club_id, j.stage, j.pool, j.measure;
CREATE TEMP TABLE lc_mean AS
SELECT club_id, stage, measure, round(sum(weight * mean) / sum(weight), 9) AS mean
FROM lc_pool_mean GROUP BY club_id, stage, measure;
CREATE INDEX temp.lc_mean_club ON lc_mean(club_id, stage, measure);
CREATE INDEX temp.lc_sheet_club ON lc_sheet(club_id, stage);

CREATE TEMP TABLE lc_score AS
SELECT c.club_id, c.club, c.track, c.program_id, c.scheme, c.finalists,
       r.submitted_at,
       -- EV6: as of @as_of, as every command sees reports (issue 14)
       report_status(a.period, r.submitted_at, a.as_of, c.report_rule) AS report,
       (SELECT count(*) FROM lc_sheet h WHERE h.club_id = c.club_id AND h.stage = 'final' AND h.counted) AS judges,
       (SELECT count(*) FROM lc_sheet h WHERE h.club_id = c.club_id AND h.stage = 'final' AND NOT h.counted) AS set_aside,
       (SELECT mean FROM lc_mean m WHERE m.club_id = c.club_id AND m.stage = 'final' AND m.measure = 'score') AS score,
       (SELECT mean FROM lc_mean m WHERE m.club_id = c.club_id AND m.stage = 'final' AND m.measure = 'tie_break') AS tb,
       -- EV10: the screening's
       (SELECT count(*) FROM lc_sheet h WHERE h.club_id = c.club_id AND h.stage = 'screening' AND h.counted) AS sc_judges,
       (SELECT count(*) FROM lc_sheet h WHERE h.club_id = c.club_id AND h.stage = 'screening' AND NOT h.counted) AS sc_set_aside,
       (SELECT mean FROM lc_mean m WHERE m.club_id = c.club_id AND m.stage = 'screening' AND m.measure = 'score') AS sc_score,
       (SELECT mean FROM lc_mean m WHERE m.club_id = c.club_id AND m.stage = 'screening' AND m.measure = 'tie_break') AS sc_tb,
       (SELECT cp.place FROM committee_place cp WHERE cp.club_id = c.club_id AND cp.period = a.period) AS place
FROM lc_club c CROSS JOIN lc_arg a
LEFT JOIN report r ON r.club_id = c.club_id AND r.kind = 'research' AND r.period = a.period;

-- EV10: with finalists=N the best N of the screening (of each track, EV11)
-- go to the final; a tie on the N-th place takes every club in it there.
ALTER TABLE lc_score ADD COLUMN finalist INTEGER;
UPDATE lc_score SET finalist = CASE WHEN finalists IS NULL THEN 1
  ELSE (SELECT x.sc_rank <= lc_score.finalists FROM (
          SELECT club_id, rank() OVER (PARTITION BY program_id, track ORDER BY sc_score DESC, sc_tb DESC) AS sc_rank
          FROM lc_score WHERE finalists IS NOT NULL AND report NOT IN ('missing', 'pending') AND sc_judges > 0) x
        WHERE x.club_id = lc_score.club_id) END;

-- EV4: a tie straddles when its first and last places fall in different tiers
-- (or in a tier and outside every tier); such clubs get no tier and no prize.
-- EV11: each track is ranked and awarded on its own, with the whole scheme.
CREATE TEMP TABLE lc_rank AS
SELECT x.*, CASE WHEN NOT x.straddles THEN award_tier(x.rnk, x.scheme) END AS tier,
            CASE WHEN NOT x.straddles THEN award_prize(x.rnk, x.scheme) END AS prize
FROM (SELECT r.*, r.tied > 1 AND award_tier(r.rnk, r.scheme) IS NOT award_tier(r.rnk + r.tied - 1, r.scheme) AS straddles
      FROM (SELECT s.*,
                   rank() OVER (PARTITION BY program_id, track ORDER BY score DESC, tb DESC, place ASC NULLS LAST) AS rnk,
                   count(*) OVER (PARTITION BY program_id, track, score, tb, place) AS tied
            FROM lc_score s WHERE s.report NOT IN ('missing', 'pending') AND s.finalist AND s.judges > 0) r) x;

CREATE TEMP TABLE lc_out AS
SELECT * FROM (
SELECT r.rnk AS rank, r.club, r.report, r.judges, round(r.score, 2) AS score, round(r.tb, 2) AS tie_break,
       r.tier, r.prize,
       CASE WHEN r.straddles THEN 'tie' WHEN r.tier IS NOT NULL THEN 'awarded' ELSE 'unplaced' END AS status,
       r.track, r.set_aside, r.club_id, r.program_id
FROM lc_rank r
UNION ALL
-- EV10: a club screened out shows its screening's judges, score and scores set aside
SELECT NULL, s.club, s.report, s.sc_judges, round(s.sc_score, 2), round(s.sc_tb, 2), NULL, NULL, 'screened_out', s.track, s.sc_set_aside, s.club_id, s.program_id
FROM lc_score s WHERE s.report NOT IN ('missing', 'pending') AND s.finalist = 0
UNION ALL
SELECT NULL, s.club, s.report, CASE WHEN s.finalist IS NULL THEN s.sc_judges ELSE s.judges END, NULL, NULL, NULL, NULL,
       CASE WHEN s.report IN ('missing', 'pending') THEN s.report ELSE 'unscored' END, s.track,
       CASE WHEN s.finalist IS NULL THEN s.sc_set_aside ELSE s.set_aside END, s.club_id, s.program_id
FROM lc_score s WHERE s.report IN ('missing', 'pending') OR s.finalist IS NULL OR (s.finalist AND s.judges = 0)
) ORDER BY program_id, track, rank IS NULL, rank, club;

DELETE FROM award
WHERE period = (SELECT period FROM lc_arg)
  AND club_id IN (SELECT c.id FROM club c JOIN lc_program p ON p.id = c.program_id);
INSERT INTO award(club_id, period, rank, tier, prize)
SELECT club_id, (SELECT period FROM lc_arg), rank, tier, prize FROM lc_out WHERE status = 'awarded';
-- EV7 (issue 14, H3): the evaluation is stored, its awards up to date (not stale);
-- EV12 (issue 16): with the ties left for the committee
INSERT INTO evaluation(period, evaluated_on, stale_reason, ties)
SELECT period, as_of, NULL,
       (SELECT json_group_array(json_object('club_id', club_id, 'first', rnk, 'last', rnk + tied - 1))
        FROM (SELECT club_id, rnk, tied FROM lc_rank WHERE straddles ORDER BY program_id, rnk, club))
FROM lc_arg WHERE true
ON CONFLICT (period) DO UPDATE SET evaluated_on = excluded.evaluated_on, stale_reason = NULL, ties = excluded.ties;

COMMIT;

SELECT rank, club, report, judges, score, tie_break, tier, prize, status, track, set_aside FROM lc_out ORDER BY rowid;

CREATE TEMP TABLE lc_status AS
SELECT count(*) AS findings FROM lc_out WHERE status IN ('tie', 'missing', 'unscored');
