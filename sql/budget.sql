-- sql/budget.sql: budget plans and their execution, per year and source (NJ7).
--
-- Run by `learnclub budget DB`. One row per plan and year, then the plan's
-- total: plan, year ('total' for the total), national, province, city,
-- other (the plan by source), planned (their sum), executed (over every
-- source), rate (executed ÷ planned, %, 2 decimals; empty when nothing was
-- planned). Amounts are stored in KRW and shown in million KRW, as the card
-- shows them (75.4, 42); a whole number without decimals.
-- Issue 15 (B2), support allocations (O5; AL3 in sql/rules.sql): after the
-- plans, for each program with an allocation, a row per club (plan 'CODE
-- CLUB', year the program's first year, no sources, planned its allocation,
-- executed its spending) and the program's total (plan 'CODE', year 'total').
-- Findings (exit 1): a year whose execution is over its plan; a club whose
-- spending is over its allocation.
BEGIN;

CREATE TEMP TABLE lc_sum AS
SELECT 0 AS alloc, bp.id AS plan_id, bp.name AS plan, CAST(bl.year AS TEXT) AS year, 0 AS k,
       sum(bl.planned) FILTER (WHERE bl.source = 'national') AS national,
       sum(bl.planned) FILTER (WHERE bl.source = 'province') AS province,
       sum(bl.planned) FILTER (WHERE bl.source = 'city') AS city,
       sum(bl.planned) FILTER (WHERE bl.source = 'other') AS other,
       sum(bl.planned) AS planned, sum(bl.executed) AS executed
FROM budget_plan bp JOIN budget_line bl ON bl.plan_id = bp.id
GROUP BY bp.id, bl.year;
INSERT INTO lc_sum
SELECT 0, plan_id, plan, 'total', 1, sum(national), sum(province), sum(city), sum(other), sum(planned), sum(executed)
FROM lc_sum GROUP BY plan_id;
-- issue 15 (B2): the clubs' allocations and their spending (O5, AL3)
INSERT INTO lc_sum
SELECT 1, p.id, p.code || ' ' || c.name, substr(p.starts_on, 1, 4), 0, NULL, NULL, NULL, NULL, ca.allocated, ca.spent
FROM club_allocation ca JOIN club c ON c.id = ca.club_id JOIN program p ON p.id = ca.program_id;
INSERT INTO lc_sum
SELECT 1, plan_id, (SELECT code FROM program WHERE id = plan_id), 'total', 1, NULL, NULL, NULL, NULL, sum(planned), sum(executed)
FROM lc_sum WHERE alloc GROUP BY plan_id;

CREATE TEMP TABLE lc_out AS
SELECT plan, year,
       CASE WHEN NOT alloc THEN coalesce(national, 0) / 1e6 END AS national, CASE WHEN NOT alloc THEN coalesce(province, 0) / 1e6 END AS province,
       CASE WHEN NOT alloc THEN coalesce(city, 0) / 1e6 END AS city, CASE WHEN NOT alloc THEN coalesce(other, 0) / 1e6 END AS other,
       planned / 1e6 AS planned, executed / 1e6 AS executed,
       CASE WHEN planned > 0 THEN round(100.0 * executed / planned, 2) END AS rate,
       alloc, k, plan_id, executed > planned AND k = 0 AS over
FROM lc_sum;

SELECT plan, year,
       CASE WHEN national = CAST(national AS INTEGER) THEN CAST(national AS INTEGER) ELSE national END AS national,
       CASE WHEN province = CAST(province AS INTEGER) THEN CAST(province AS INTEGER) ELSE province END AS province,
       CASE WHEN city = CAST(city AS INTEGER) THEN CAST(city AS INTEGER) ELSE city END AS city,
       CASE WHEN other = CAST(other AS INTEGER) THEN CAST(other AS INTEGER) ELSE other END AS other,
       CASE WHEN planned = CAST(planned AS INTEGER) THEN CAST(planned AS INTEGER) ELSE planned END AS planned,
       CASE WHEN executed = CAST(executed AS INTEGER) THEN CAST(executed AS INTEGER) ELSE executed END AS executed,
       CASE WHEN rate = CAST(rate AS INTEGER) THEN CAST(rate AS INTEGER) ELSE rate END AS rate
FROM lc_out ORDER BY alloc, plan_id, k, year, plan;

COMMIT;

CREATE TEMP TABLE lc_status AS SELECT count(*) AS findings FROM lc_out WHERE over;
