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
-- Columns: rank, club, report (on_time | late | missing, by report_status()
-- with the program's rule, JG7), judges, score, tie_break, tier, prize,
-- status (awarded | tie | unplaced | missing | pending | unscored).
-- Findings (exit 1): tie, missing, unscored.
BEGIN IMMEDIATE;

CREATE TEMP TABLE lc_arg AS
SELECT @period AS period, period_start(@period) AS first_day, period_end(@period) AS last_day,
       @as_of AS as_of;

CREATE TEMP TABLE lc_program AS
SELECT p.* FROM program p, lc_arg a WHERE p.starts_on <= a.last_day AND p.ends_on >= a.first_day;

CREATE TEMP TABLE lc_club AS
SELECT c.id AS club_id, c.name AS club, p.id AS program_id, p.award_scheme AS scheme,
       p.judges_min, p.drop_high, p.drop_low, p.tie_break, p.report_rule
FROM club c JOIN lc_program p ON p.id = c.program_id, lc_arg a
WHERE c.withdrawn_on IS NULL OR c.withdrawn_on > a.last_day;

-- Each judge's totals, per club: 'score' over every criterion and
-- 'tie_break' over the program's tie_break criterion (judges who scored it),
-- each placed from the highest (pos) among the club's n totals of that measure,
-- and set_aside by EV2's trimming: 'high' or 'low', NULL when it counts
-- (the one home of that rule: the mean below and the committee's sheet,
-- sql/evaluate-sheet.sql, read it).
CREATE TEMP TABLE lc_judge AS
WITH totals AS (
  SELECT s.club_id, s.judge, sum(s.points) AS total,
         sum(s.points) FILTER (WHERE s.criterion = c.tie_break) AS tb
  -- CROSS JOIN fixes the join order (bench/README.md): without statistics
  -- the planner took the one-row lc_arg for a big table and scanned every
  -- score of every year first; this way each club's scores of the half-year
  -- come from the index score_period, and the cost does not grow with history.
  FROM lc_arg a CROSS JOIN lc_club c CROSS JOIN score s
  WHERE s.club_id = c.club_id AND s.period = a.period
  GROUP BY s.club_id, s.judge
), measure AS (
  SELECT club_id, judge, 'score' AS measure, total AS value FROM totals
  UNION ALL
  SELECT club_id, judge, 'tie_break', tb FROM totals WHERE tb IS NOT NULL
), placed AS (
  SELECT m.*, count(*) OVER w AS n, row_number() OVER (w ORDER BY m.value DESC, m.judge) AS pos
  FROM measure m WINDOW w AS (PARTITION BY m.club_id, m.measure)
)
-- EV2: from judges_min totals up, the drop_high highest and drop_low lowest
SELECT p.*, CASE WHEN p.n < c.judges_min THEN NULL
                 WHEN p.pos <= c.drop_high THEN 'high'
                 WHEN p.pos > p.n - c.drop_low THEN 'low' END AS set_aside
FROM placed p JOIN lc_club c ON c.club_id = p.club_id;
CREATE INDEX temp.lc_judge_club ON lc_judge(club_id, measure);

CREATE TEMP TABLE lc_score AS
-- EV2, the trimmed mean, for both measures: the totals not set aside
-- (lc_judge.set_aside); compared after rounding to 9 decimals (W-D6).
WITH lc_mean AS (
  SELECT j.club_id, j.measure, round(avg(j.value), 9) AS mean
  FROM lc_judge j WHERE j.set_aside IS NULL
  GROUP BY j.club_id, j.measure
)
SELECT c.club_id, c.club, c.program_id, c.scheme,
       r.submitted_at,
       -- EV6: as of @as_of, as every command sees reports (issue 14)
       report_status(a.period, r.submitted_at, a.as_of, c.report_rule) AS report,
       (SELECT count(*) FROM lc_judge j WHERE j.club_id = c.club_id AND j.measure = 'score') AS judges,
       (SELECT mean FROM lc_mean m WHERE m.club_id = c.club_id AND m.measure = 'score') AS score,
       (SELECT mean FROM lc_mean m WHERE m.club_id = c.club_id AND m.measure = 'tie_break') AS tb,
       (SELECT cp.place FROM committee_place cp WHERE cp.club_id = c.club_id AND cp.period = a.period) AS place
FROM lc_club c CROSS JOIN lc_arg a
LEFT JOIN report r ON r.club_id = c.club_id AND r.kind = 'research' AND r.period = a.period;

-- EV4: a tie straddles when its first and last places fall in different tiers
-- (or in a tier and outside every tier); such clubs get no tier and no prize.
CREATE TEMP TABLE lc_rank AS
SELECT x.*, CASE WHEN NOT x.straddles THEN award_tier(x.rnk, x.scheme) END AS tier,
            CASE WHEN NOT x.straddles THEN award_prize(x.rnk, x.scheme) END AS prize
FROM (SELECT r.*, r.tied > 1 AND award_tier(r.rnk, r.scheme) IS NOT award_tier(r.rnk + r.tied - 1, r.scheme) AS straddles
      FROM (SELECT s.*,
                   rank() OVER (PARTITION BY program_id ORDER BY score DESC, tb DESC, place ASC NULLS LAST) AS rnk,
                   count(*) OVER (PARTITION BY program_id, score, tb, place) AS tied
            FROM lc_score s WHERE s.report NOT IN ('missing', 'pending') AND s.judges > 0) r) x;

CREATE TEMP TABLE lc_out AS
SELECT * FROM (
SELECT r.rnk AS rank, r.club, r.report, r.judges, round(r.score, 2) AS score, round(r.tb, 2) AS tie_break,
       r.tier, r.prize,
       CASE WHEN r.straddles THEN 'tie' WHEN r.tier IS NOT NULL THEN 'awarded' ELSE 'unplaced' END AS status,
       r.club_id, r.program_id
FROM lc_rank r
UNION ALL
SELECT NULL, s.club, s.report, s.judges, NULL, NULL, NULL, NULL,
       CASE WHEN s.report IN ('missing', 'pending') THEN s.report ELSE 'unscored' END, s.club_id, s.program_id
FROM lc_score s WHERE s.report IN ('missing', 'pending') OR s.judges = 0
) ORDER BY program_id, rank IS NULL, rank, club;

DELETE FROM award
WHERE period = (SELECT period FROM lc_arg)
  AND club_id IN (SELECT c.id FROM club c JOIN lc_program p ON p.id = c.program_id);
INSERT INTO award(club_id, period, rank, tier, prize)
SELECT club_id, (SELECT period FROM lc_arg), rank, tier, prize FROM lc_out WHERE status = 'awarded';
-- EV7 (issue 14, H3): the evaluation is stored, its awards up to date (not stale)
INSERT INTO evaluation(period, evaluated_on, stale_reason)
SELECT period, as_of, NULL FROM lc_arg WHERE true
ON CONFLICT (period) DO UPDATE SET evaluated_on = excluded.evaluated_on, stale_reason = NULL;

COMMIT;

SELECT rank, club, report, judges, score, tie_break, tier, prize, status FROM lc_out ORDER BY rowid;

CREATE TEMP TABLE lc_status AS
SELECT count(*) AS findings FROM lc_out WHERE status IN ('tie', 'missing', 'unscored');
