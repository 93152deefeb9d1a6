-- sql/pledge-report.sql: the pledge card's indicator table and rates, as of
-- @as_of (NJ8, NJ9, D5, KR8).
--
-- Run by `learnclub pledge-report DB [--as-of DATE]` with @as_of bound (a
-- Korean date; default today). One snapshot. Rows, by kind (column `row`):
--   year        one per indicator_year row: the year's target and its running
--               total over the term (target_cum, shown when the year has a
--               target), the achievement and its running total (achieved_cum,
--               shown from the first year with a target or a result up to
--               @as_of's year; empty for later years) (NJ8)
--   indicator   the term's target (every year's, future years included) and
--               what was achieved by @as_of; rate = indicator_rate(): capped
--               at 100 (D5). A level indicator (issue 15, indicator.kind):
--               target = the years due, achieved = the years met, rate =
--               indicator_rate(met, due); its year rows have no running
--               totals. The rule of a level indicator, in one place (lc_ind
--               below): a year with a target (more than 0) is met when its
--               result, seen on @as_of, is at least the target; it is due
--               once it has ended on @as_of, or earlier when it is met.
--   pledge      rate = pledge_rate() of its indicators, weighted by
--               indicator.weight, from the exact ratios (73.33 for 7-2-3, not
--               73.34); status is the card's 추진상황 (NJ9)
--   completion  across all pledges (KR8): target = number of pledges,
--               achieved = those completed (completed, completed_continuing),
--               rate = their share
-- A result counts when its achieved_on (or, without one, the last day of its
-- year) is on or before @as_of. Rates are rounded to 2 decimals for display
-- only; a whole number is shown without decimals (80, not 80.0).
-- Never a finding: exit 0.
BEGIN;

CREATE TEMP TABLE lc_arg AS
SELECT @as_of AS as_of, CAST(substr(@as_of, 1, 4) AS INTEGER) AS as_of_year;

CREATE TEMP TABLE lc_year AS
SELECT i.pledge_id, i.id AS indicator_id, i.kind, y.year, y.target,
       CASE WHEN y.achieved IS NOT NULL AND coalesce(y.achieved_on, y.year || '-12-31') <= a.as_of THEN y.achieved END AS achieved,
       a.as_of_year, y.year || '-12-31' <= a.as_of AS ended
FROM indicator i JOIN indicator_year y ON y.indicator_id = i.id, lc_arg a;

-- issue 15: a level indicator's years (the rule above): met, and due.
CREATE TEMP TABLE lc_level AS
SELECT indicator_id, count(*) FILTER (WHERE ended OR achieved >= target) AS due,
       count(*) FILTER (WHERE achieved >= target) AS met
FROM lc_year WHERE kind = 'level' AND target > 0 GROUP BY indicator_id;

CREATE TEMP TABLE lc_ind AS
SELECT i.pledge_id, i.id AS indicator_id, i.seq, i.name, i.weight, i.kind,
       CASE i.kind WHEN 'level' THEN coalesce((SELECT l.due FROM lc_level l WHERE l.indicator_id = i.id), 0)
            ELSE (SELECT sum(y.target) FROM lc_year y WHERE y.indicator_id = i.id) END AS target,
       CASE i.kind WHEN 'level' THEN coalesce((SELECT l.met FROM lc_level l WHERE l.indicator_id = i.id), 0)
            ELSE (SELECT coalesce(sum(y.achieved), 0) FROM lc_year y WHERE y.indicator_id = i.id) END AS achieved
FROM indicator i;

CREATE TEMP TABLE lc_out(row, pledge, indicator, year, target, target_cum, achieved, achieved_cum, rate, status,
                         k1, k2, k3, k4);
INSERT INTO lc_out
SELECT 'year', p.code, i.name, CAST(y.year AS TEXT), y.target,
       CASE WHEN y.target IS NOT NULL AND y.kind = 'cumulative' THEN
         sum(y.target) OVER (PARTITION BY y.indicator_id ORDER BY y.year) END,
       y.achieved,
       CASE WHEN y.kind = 'cumulative' AND y.year <= y.as_of_year AND y.year >= (SELECT min(z.year) FROM lc_year z WHERE z.indicator_id = y.indicator_id
                                                         AND (z.target IS NOT NULL OR z.achieved IS NOT NULL)) THEN
         coalesce(sum(y.achieved) OVER (PARTITION BY y.indicator_id ORDER BY y.year), 0) END,
       NULL, NULL, p.code, i.seq, i.indicator_id, y.year
FROM lc_year y JOIN lc_ind i ON i.indicator_id = y.indicator_id JOIN pledge p ON p.id = y.pledge_id;
INSERT INTO lc_out
SELECT 'indicator', p.code, i.name, NULL, i.target, NULL, i.achieved, NULL,
       round(indicator_rate(i.achieved, i.target), 2), NULL, p.code, i.seq, i.indicator_id, 10000
FROM lc_ind i JOIN pledge p ON p.id = i.pledge_id;
INSERT INTO lc_out
SELECT 'pledge', p.code, p.title, NULL, NULL, NULL, NULL, NULL,
       (SELECT round(pledge_rate(i.achieved, i.target, i.weight), 2) FROM lc_ind i WHERE i.pledge_id = p.id),
       p.status, p.code, 1e9, NULL, NULL
FROM pledge p;
INSERT INTO lc_out
SELECT 'completion', NULL, NULL, NULL, count(*), NULL,
       count(*) FILTER (WHERE status IN ('completed', 'completed_continuing')), NULL,
       round(100.0 * count(*) FILTER (WHERE status IN ('completed', 'completed_continuing')) / count(*), 2),
       NULL, x'ff', NULL, NULL, NULL
FROM pledge HAVING count(*) > 0;

SELECT row, pledge, indicator, year,
       CASE WHEN target = CAST(target AS INTEGER) THEN CAST(target AS INTEGER) ELSE target END AS target,
       CASE WHEN target_cum = CAST(target_cum AS INTEGER) THEN CAST(target_cum AS INTEGER) ELSE target_cum END AS target_cum,
       CASE WHEN achieved = CAST(achieved AS INTEGER) THEN CAST(achieved AS INTEGER) ELSE achieved END AS achieved,
       CASE WHEN achieved_cum = CAST(achieved_cum AS INTEGER) THEN CAST(achieved_cum AS INTEGER) ELSE achieved_cum END AS achieved_cum,
       CASE WHEN rate = CAST(rate AS INTEGER) THEN CAST(rate AS INTEGER) ELSE rate END AS rate,
       status
FROM lc_out ORDER BY k1, k2, k3, k4;

COMMIT;

CREATE TEMP TABLE lc_status AS SELECT 0 AS findings;
