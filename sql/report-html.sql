-- sql/report-html.sql: the year's report as one self-contained HTML page
-- (issues 8 and 16): no script, no network, no external font; the charts are
-- inline SVG.
--
-- Run by `learnclub report DB YYYY --html FILE [--program CODE] [--office
-- NAME]` with @year, @as_of, @program and @office bound (NULL when not
-- given); the shell's output (one text value) is the page. Sections:
--   RH0 (issue 16) the page names the office(s) and the program(s) it covers:
--      the programs running in @year (starts_on to ends_on touch it), narrowed
--      to the program coded @program and to the programs of office @office.
--   RH1 report status: a month-by-club grid of the monthly reports (JG6) of
--      each program whose report months fall in @year, as of @as_of: 제출 (on
--      time), 지연 (late), 미제출 (missing, past due), 대기 (pending):
--      report_status(), as in `learnclub monthly-check`; withdrawn clubs
--      after their month end are blank (D6); with the counts of each status.
--   RH2 awards per half-year (JG8): rank, club, tier, prize, as `evaluate`
--      stored them; (issue 16) the ties it left for the committee
--      (evaluation.ties, D3) in the same table, as 동점 – 위원회 결정 대기
--      with the places they share.
--   RH3 recognised hours per unit (JG9, D4): each official's hours per half-year
--      capped once with learning_hours(), as `hours` counts them (hours_counted,
--      issue 15), summed per unit, as a bar chart; the unit is the person's on the
--      half-year's last day (issue 15, A: person_unit_span), as `hours` shows it.
--   RH4 budget plan against execution per year (NJ7), in million KRW, as a bar chart.
--      The database's budget plans and pledges (RH5) belong to no program:
--      --program and --office do not narrow them.
--   RH5 each pledge's indicators as progress bars (NJ8, D5), with the pledge's rate.
--   RH6 (issue 14, H3) a half-year whose stored awards are stale (evaluation.
--      stale_reason) is said under the awards (p.stale), and is a finding: exit 1.
--   RH7 (issue 16) each heading states the program's own rule (JG6, JG7):
--      the text of lc_program.monthly_rule / research_rule below, the one
--      home of a rule in Korean: 익월 N일까지 from report_due() itself, and
--      the moves past weekends and holidays unless the rule is strict.
--   RH8 (issue 16) research reports (JG7) per club and half-year of @year,
--      as of @as_of by report_status() with the program's rule, as
--      `remind` sees them; a club withdrawn by the half-year's end owes none (D6).
--   RH9 (issue 16) national scale: with more than 200 clubs on the page, RH1,
--      RH2, RH3 and RH8 are summarised by program (one row per program)
--      instead of drawn club by club; --program and --office narrow the page.
--   RH10 (issue 16) a print stylesheet: A4, each section on pages of its own.
-- Every number on the page is computed here from the tables; the test
-- (tests/report/report.sh) reads the page back in Chromium and checks them.
-- The queries come first (temp tables lc_*), the page's assembly last (after
-- the line "-- RH: the page"): `make bench` times the queries alone against
-- the whole command.
-- Findings: RH6 only.
BEGIN;  -- one snapshot

CREATE TEMP TABLE lc_arg AS
SELECT CAST(@year AS TEXT) AS year, @as_of AS as_of, @program AS program, @office AS office,
       CAST(@year AS TEXT) || '-01-01' AS first_day, CAST(@year AS TEXT) || '-12-31' AS last_day;

-- RH0, RH7: the programs on the page, each with its rule in Korean.
CREATE TEMP TABLE lc_program AS
WITH p AS (
  SELECT p.*,
         EXISTS (SELECT 1 FROM program_setting_item i
                 WHERE i.id = p.id AND i.setting = 'report_rule' AND trim(i.item, ' ') = 'strict') AS strict,
         -- the rule with strict added: the calendar day it names (R3)
         CASE WHEN trim(p.report_rule, ' ') = '' THEN 'strict' ELSE p.report_rule || ',strict' END AS rule_strict
  FROM program p, lc_arg a
  WHERE p.starts_on <= a.last_day AND p.ends_on >= a.first_day
    AND (a.program IS NULL OR p.code = a.program)
    AND (a.office IS NULL OR p.office = a.office)
), d AS (
  SELECT p.*,
         -- March has 31 days: the day of the month a monthly report is due
         CAST(substr(report_due(a.year || '-02', p.rule_strict), 9) AS INTEGER) AS due_day,
         report_due(a.year || '-H1', p.rule_strict) AS h1_due,
         report_due(a.year || '-H2', p.rule_strict) AS h2_due
  FROM p, lc_arg a
)
SELECT d.id AS program_id, d.code, d.name, d.office, d.report_rule AS rule,
       d.reports_from, d.reports_to, d.starts_on, d.ends_on,
       replace(replace(replace(d.name, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS name_h,
       replace(replace(replace(replace(d.code, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;') AS code_h,
       replace(replace(replace(coalesce(d.office, '(기관 미지정)'), '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS office_h,
       CASE WHEN d.reports_from IS NOT NULL THEN
         '익월 ' || d.due_day || '일까지' || CASE WHEN d.due_day >= 29 THEN ', ' || d.due_day || '일이 없는 달은 말일' ELSE '' END ||
         CASE WHEN d.strict THEN '' ELSE ', 주말·공휴일이면 다음 근무일' END END AS monthly_rule,
       '상반기 ' || CASE WHEN substr(d.h1_due, 1, 4) > a.year THEN '이듬해 ' ELSE '' END ||
         CAST(substr(d.h1_due, 6, 2) AS INTEGER) || '월 ' || CAST(substr(d.h1_due, 9, 2) AS INTEGER) || '일, 하반기 ' ||
         CASE WHEN substr(d.h2_due, 1, 4) > a.year THEN '이듬해 ' ELSE '' END ||
         CAST(substr(d.h2_due, 6, 2) AS INTEGER) || '월 ' || CAST(substr(d.h2_due, 9, 2) AS INTEGER) || '일까지' ||
         CASE WHEN d.strict THEN '' ELSE ', 주말·공휴일이면 다음 근무일' END AS research_rule
FROM d, lc_arg a
ORDER BY d.code;
CREATE INDEX temp.lc_program_id ON lc_program(program_id);

CREATE TEMP TABLE lc_club AS
SELECT c.id AS club_id, c.program_id, c.name, c.withdrawn_on,
       replace(replace(replace(c.name, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS name_h
FROM lc_program p JOIN club c ON c.program_id = p.program_id
ORDER BY p.code, c.name;
CREATE INDEX temp.lc_club_id ON lc_club(club_id);

-- RH9: club by club up to 200 clubs on the page, else by program
CREATE TEMP TABLE lc_mode AS
SELECT clubs, programs, max_clubs, clubs <= max_clubs AS detail
FROM (SELECT (SELECT count(*) FROM lc_club) AS clubs, (SELECT count(*) FROM lc_program) AS programs,
             200 AS max_clubs);

-- RH1: every (club, month) a program asks a monthly report for in @year.
CREATE TEMP TABLE lc_grid AS
WITH RECURSIVE months(program_id, month, last_month, rule) AS (
  SELECT p.program_id, max(p.reports_from, a.year || '-01'), min(p.reports_to, a.year || '-12'), p.rule
  FROM lc_program p, lc_arg a
  WHERE p.reports_from IS NOT NULL AND max(p.reports_from, a.year || '-01') <= min(p.reports_to, a.year || '-12')
  UNION ALL
  SELECT program_id, strftime('%Y-%m', month || '-01', '+1 month'), last_month, rule FROM months
  WHERE month < last_month
)
SELECT c.program_id, c.club_id, mo.month,
       CASE WHEN c.withdrawn_on <= period_end(mo.month) THEN 'withdrawn'
            ELSE report_status(mo.month, r.submitted_at, a.as_of, mo.rule) END AS status
FROM months mo
JOIN lc_club c ON c.program_id = mo.program_id
CROSS JOIN lc_arg a
LEFT JOIN report r ON r.club_id = c.club_id AND r.kind = 'monthly' AND r.period = mo.month
ORDER BY c.program_id, c.club_id, mo.month;

-- RH8: every (club, half-year of @year) a program asks a research report for.
CREATE TEMP TABLE lc_research AS
WITH halves(period) AS (SELECT year || '-H1' FROM lc_arg UNION ALL SELECT year || '-H2' FROM lc_arg)
SELECT c.program_id, c.club_id, h.period, r.submitted_at,
       report_status(h.period, r.submitted_at, a.as_of, p.rule) AS status
FROM halves h CROSS JOIN lc_arg a
JOIN lc_program p ON period_start(h.period) <= p.ends_on AND period_end(h.period) >= p.starts_on
JOIN lc_club c ON c.program_id = p.program_id
  AND (c.withdrawn_on IS NULL OR c.withdrawn_on > period_end(h.period))
LEFT JOIN report r ON r.club_id = c.club_id AND r.kind = 'research' AND r.period = h.period
ORDER BY c.program_id, h.period, c.club_id;
CREATE INDEX temp.lc_research_club ON lc_research(club_id, period);

-- RH2: the awards of @year's half-years, and the ties waiting for the committee.
CREATE TEMP TABLE lc_award AS
SELECT c.program_id, aw.period, aw.club_id, aw.rank AS first, aw.rank AS last, aw.tier, aw.prize
FROM award aw JOIN lc_club c ON c.club_id = aw.club_id, lc_arg a
WHERE aw.period IN (a.year || '-H1', a.year || '-H2')
UNION ALL
SELECT c.program_id, e.period, c.club_id, json_extract(j.value, '$.first'), json_extract(j.value, '$.last'), NULL, NULL
FROM evaluation e, lc_arg a, json_each(e.ties) j
JOIN lc_club c ON c.club_id = json_extract(j.value, '$.club_id')
WHERE e.period IN (a.year || '-H1', a.year || '-H2');

CREATE INDEX temp.lc_award_program ON lc_award(program_id, period);

-- RH6: the stale half-years
CREATE TEMP TABLE lc_stale AS
SELECT e.period, e.stale_reason FROM evaluation e, lc_arg a
WHERE e.stale_reason IS NOT NULL AND e.period IN (a.year || '-H1', a.year || '-H2')
ORDER BY e.period;

-- RH3: hours as `hours` counts them (hours_counted, sql/rules.sql HR1-HR4:
-- officials only, each meeting under hours_per_meeting_cap, the person's cap):
-- per official, half-year and program, with the person's cap (per program,
-- RH9); then per unit, each official's half-year capped once across the
-- programs of the page (as `hours` caps it).
-- The year's counted attendances of the page's clubs, read once from the view
-- (joined to lc_club inside one statement it was planned as a view scan per
-- club: minutes at national scale).
CREATE TEMP TABLE lc_att AS
SELECT hc.person_id, hc.program_id, hc.club_id, hc.half_year, hc.education_type, hc.cap_group, hc.hours, hc.cap
FROM lc_arg a JOIN hours_counted hc ON hc.held_on BETWEEN a.first_day AND a.last_day;
DELETE FROM lc_att WHERE club_id NOT IN (SELECT club_id FROM lc_club);

CREATE TEMP TABLE lc_person_hours AS
SELECT pe.unit_id, hc.program_id, hc.half_year AS half, learning_hours(hc.hours, hc.cap) AS hours
FROM lc_att hc
JOIN person pe ON pe.id = hc.person_id
GROUP BY hc.person_id, hc.half_year, hc.program_id;

-- The unit of each person on the day that matters (issue 15, A: person_unit_span,
-- the one home of dated units), read once into a table: a join to the view for
-- each row is planned as a scan of every person per row (minutes at national scale).
CREATE TEMP TABLE lc_unit AS
SELECT pu.person_id, h.half, pu.unit_id
FROM lc_arg a, (SELECT 'H1' AS half, '-06-30' AS md UNION ALL SELECT 'H2', '-12-31') h
JOIN person_unit_span pu ON a.year || h.md BETWEEN pu.first_day AND pu.last_day;
CREATE INDEX temp.lc_unit_person ON lc_unit(person_id, half);

CREATE TEMP TABLE lc_hours AS
SELECT coalesce(u.name, '(소속 없음)') AS unit, count(*) AS people_halves, sum(ph.hours) AS hours
FROM (SELECT pu.unit_id, learning_hours(hc.hours, hc.cap) AS hours
      FROM lc_att hc
      LEFT JOIN lc_unit pu ON pu.person_id = hc.person_id AND pu.half = substr(hc.half_year, 6)
      GROUP BY hc.person_id, hc.half_year, hc.education_type, hc.cap_group) ph
LEFT JOIN unit u ON u.id = ph.unit_id
GROUP BY ph.unit_id
ORDER BY hours DESC, unit;

-- RH4: each budget plan's years, planned and executed (KRW).
CREATE TEMP TABLE lc_budget AS
SELECT bp.id AS plan_id, bp.name AS plan, bl.year, sum(bl.planned) AS planned, sum(bl.executed) AS executed
FROM budget_plan bp JOIN budget_line bl ON bl.plan_id = bp.id
GROUP BY bp.id, bl.year;

-- RH5: each indicator's target over the whole term and what was achieved by
-- @as_of (a result counts from its achieved_on, or its year's end), as
-- `learnclub pledge-report` counts them (NJ8, D5).
CREATE TEMP TABLE lc_ind AS
SELECT p.id AS pledge_id, p.code, p.title, i.id AS indicator_id, i.seq, i.name, i.weight,
       (SELECT sum(y.target) FROM indicator_year y WHERE y.indicator_id = i.id) AS target,
       (SELECT coalesce(sum(y.achieved), 0) FROM indicator_year y, lc_arg a
         WHERE y.indicator_id = i.id AND y.achieved IS NOT NULL
           AND coalesce(y.achieved_on, y.year || '-12-31') <= a.as_of) AS achieved
FROM pledge p JOIN indicator i ON i.pledge_id = p.id;

-- Per program (RH9, and each program's counts in RH1 and RH8)
CREATE TEMP TABLE lc_program_sum AS
SELECT p.program_id,
       (SELECT count(*) FROM lc_club c WHERE c.program_id = p.program_id) AS clubs,
       g.on_time, g.late, g.missing, g.pending,
       r.h1_n, r.h1_on_time, r.h1_late, r.h1_missing, r.h1_pending,
       r.h2_n, r.h2_on_time, r.h2_late, r.h2_missing, r.h2_pending,
       coalesce(h.hours, 0) AS hours, coalesce(h.people_halves, 0) AS people_halves
FROM lc_program p
LEFT JOIN (SELECT program_id, sum(status = 'on_time') AS on_time, sum(status = 'late') AS late,
                  sum(status = 'missing') AS missing, sum(status = 'pending') AS pending
           FROM lc_grid GROUP BY program_id) g ON g.program_id = p.program_id
LEFT JOIN (SELECT program_id,
                  sum(half = 'H1') AS h1_n, sum(half = 'H1' AND status = 'on_time') AS h1_on_time,
                  sum(half = 'H1' AND status = 'late') AS h1_late, sum(half = 'H1' AND status = 'missing') AS h1_missing,
                  sum(half = 'H1' AND status = 'pending') AS h1_pending,
                  sum(half = 'H2') AS h2_n, sum(half = 'H2' AND status = 'on_time') AS h2_on_time,
                  sum(half = 'H2' AND status = 'late') AS h2_late, sum(half = 'H2' AND status = 'missing') AS h2_missing,
                  sum(half = 'H2' AND status = 'pending') AS h2_pending
           FROM (SELECT program_id, substr(period, 6) AS half, status FROM lc_research) GROUP BY program_id) r ON r.program_id = p.program_id
LEFT JOIN (SELECT program_id, sum(hours) AS hours, count(*) AS people_halves
           FROM lc_person_hours GROUP BY program_id) h ON h.program_id = p.program_id;

-- RH: the page ------------------------------------------------------------------
CREATE TEMP TABLE lc_page AS
WITH
status_cell(status, td, word) AS (VALUES
  ('on_time', '<td class="on_time" title="제출">●</td>', '제출'),
  ('late', '<td class="late" title="지연">▲</td>', '지연'),
  ('missing', '<td class="missing" title="미제출">✕</td>', '미제출'),
  ('pending', '<td class="pending" title="대기">·</td>', '대기'),
  ('withdrawn', '<td class="withdrawn" title="탈퇴">&nbsp;</td>', '탈퇴')
),
counts AS (
  SELECT sum(status = 'on_time') AS on_time, sum(status = 'late') AS late,
         sum(status = 'missing') AS missing, sum(status = 'pending') AS pending
  FROM lc_grid
),
r_counts AS (
  SELECT sum(status = 'on_time') AS on_time, sum(status = 'late') AS late,
         sum(status = 'missing') AS missing, sum(status = 'pending') AS pending
  FROM lc_research
),
-- RH1, club by club: one table per program, its heading with its rule (RH7)
-- A list in order is a window's group_concat() over the whole partition, in
-- the window's ORDER BY, read on the partition's first row (rn = 1): the
-- order is the window's, not that of a GROUP BY's sorter.
grid_cells AS (  -- each club's cells, in month order
  SELECT program_id, club_id, cells FROM (
    SELECT g.program_id, g.club_id,
           group_concat((SELECT s.td FROM status_cell s WHERE s.status = g.status), '') OVER w AS cells,
           row_number() OVER w AS rn
    FROM lc_grid g
    WINDOW w AS (PARTITION BY g.club_id ORDER BY g.month ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
  WHERE rn = 1
),
grid_rows AS (  -- each program's clubs, by name
  SELECT program_id, h FROM (
    SELECT x.program_id,
           group_concat('<tr><th class="club">' || c.name_h || '</th>' || x.cells || '</tr>', '') OVER w AS h,
           row_number() OVER w AS rn
    FROM grid_cells x JOIN lc_club c ON c.club_id = x.club_id
    WINDOW w AS (PARTITION BY x.program_id ORDER BY c.name, c.club_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
  WHERE rn = 1
),
grid_head AS (  -- each program's months
  SELECT program_id, h FROM (
    SELECT program_id,
           '<tr><th>동아리</th>' || group_concat('<th>' || CAST(substr(month, 6) AS INTEGER) || '월</th>', '') OVER w || '</tr>' AS h,
           row_number() OVER w AS rn
    FROM (SELECT DISTINCT program_id, month FROM lc_grid)
    WINDOW w AS (PARTITION BY program_id ORDER BY month ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
  WHERE rn = 1
),
grids AS (
  SELECT group_concat(h, '') AS h FROM (
    SELECT '<h3 class="program" data-program="' || p.code_h || '">' || p.name_h ||
           ' <span class="rule">(' || coalesce(p.monthly_rule, '월별 보고 없음') || ')</span></h3>' ||
           CASE WHEN p.monthly_rule IS NULL THEN ''
                ELSE '<p class="counts">제출 ' || coalesce(s.on_time, 0) || ' · 지연 ' || coalesce(s.late, 0) ||
                     ' · 미제출 ' || coalesce(s.missing, 0) || ' · 대기 ' || coalesce(s.pending, 0) || '</p>' ||
                     '<table class="report-grid" data-program="' || p.code_h || '">' ||
                     coalesce(gh.h || gr.h, '<tr><td>해당 연도의 보고 대상이 없습니다</td></tr>') || '</table>' END AS h
    FROM lc_program p JOIN lc_program_sum s ON s.program_id = p.program_id
    LEFT JOIN grid_head gh ON gh.program_id = p.program_id
    LEFT JOIN grid_rows gr ON gr.program_id = p.program_id
    ORDER BY p.code)
),
-- RH9: one row per program, under a heading for each rule (RH7) that says it once
program_rows AS (
  SELECT group_concat(h, '') AS h FROM (
    SELECT '<h3 class="rule-group">제출 기한: ' || rule || ' <span class="n">(' || n || '개 사업)</span></h3>' ||
           '<table class="program-summary"><thead><tr><th>사업</th><th>기관</th><th>동아리</th><th>제출</th><th>지연</th><th>미제출</th><th>대기</th></tr></thead>' ||
           rows || '</table>' AS h
    FROM (SELECT coalesce(p.monthly_rule, '월별 보고 없음') AS rule,
                 group_concat('<tr data-program="' || p.code_h || '"><td class="text">' || p.name_h || ' (' || p.code_h || ')</td><td class="text">' ||
                   p.office_h || '</td><td class="num">' || s.clubs ||
                   '</td><td class="num">' || coalesce(s.on_time, 0) || '</td><td class="num">' || coalesce(s.late, 0) ||
                   '</td><td class="num">' || coalesce(s.missing, 0) || '</td><td class="num">' || coalesce(s.pending, 0) || '</td></tr>', '') OVER w AS rows,
                 count(*) OVER w AS n, row_number() OVER w AS rn
          FROM lc_program p JOIN lc_program_sum s ON s.program_id = p.program_id
          WINDOW w AS (PARTITION BY coalesce(p.monthly_rule, '월별 보고 없음') ORDER BY p.code
                       ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
    WHERE rn = 1 ORDER BY rule)
),
-- RH2: per program, the awards and ties of each half-year
award_rows AS (  -- each program's awards and ties, by half-year and place
  SELECT program_id, h FROM (
    SELECT w.program_id,
           group_concat(CASE WHEN w.tier IS NULL
             THEN '<tr class="tie"><td>' || w.period || '</td><td class="num">' || w.first || '–' || w.last ||
                  '</td><td class="text">' || c.name_h || '</td><td>동점 – 위원회 결정 대기</td><td class="num">-</td></tr>'
             ELSE '<tr><td>' || w.period || '</td><td class="num">' || w.first || '</td><td class="text">' || c.name_h ||
                  '</td><td>' || replace(replace(w.tier, '&', '&amp;'), '<', '&lt;') || '</td><td class="num">' ||
                  printf('%,d', w.prize) || '</td></tr>' END, '') OVER win AS h,
           row_number() OVER win AS rn
    FROM lc_award w JOIN lc_club c ON c.club_id = w.club_id
    WINDOW win AS (PARTITION BY w.program_id ORDER BY w.period, w.first, c.name, c.club_id
                   ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
  WHERE rn = 1
),
award_tables AS (
  SELECT group_concat(h, '') AS h FROM (
    SELECT '<h3 class="program" data-program="' || p.code_h || '">' || p.name_h || '</h3>' ||
           '<table class="awards" data-program="' || p.code_h || '"><thead><tr><th>반기</th><th>순위</th><th>동아리</th><th>시상</th><th>포상금(원)</th></tr></thead>' ||
           coalesce(ar.h, '<tr><td colspan="5">시상 내역 없음</td></tr>') || '</table>' AS h
    FROM lc_program p
    LEFT JOIN award_rows ar ON ar.program_id = p.program_id
    ORDER BY p.code)
),
award_sum_rows AS (
  SELECT group_concat(h, '') AS h FROM (
    SELECT '<tr data-program="' || p.code_h || '"><td class="text">' || p.name_h || ' (' || p.code_h || ')</td><td>' || h.period ||
           '</td><td class="num">' || (SELECT count(*) FROM lc_award w WHERE w.program_id = p.program_id AND w.period = h.period AND w.tier IS NOT NULL) ||
           '</td><td class="num">' || printf('%,d', (SELECT coalesce(sum(prize), 0) FROM lc_award w WHERE w.program_id = p.program_id AND w.period = h.period)) ||
           '</td><td class="num">' || (SELECT count(*) FROM lc_award w WHERE w.program_id = p.program_id AND w.period = h.period AND w.tier IS NULL) ||
           '</td></tr>' AS h
    FROM lc_program p, (SELECT a.year || '-H1' AS period FROM lc_arg a UNION ALL SELECT a.year || '-H2' FROM lc_arg a) h
    WHERE EXISTS (SELECT 1 FROM lc_award w WHERE w.program_id = p.program_id AND w.period = h.period)
    ORDER BY p.code, h.period)
),
-- RH8: research reports, per program: one row per club, a cell per half-year
research_tables AS (
  SELECT group_concat(h, '') AS h FROM (
    SELECT '<h3 class="program" data-program="' || p.code_h || '">' || p.name_h ||
           ' <span class="rule">(' || p.research_rule || ')</span></h3>' ||
           '<table class="research" data-program="' || p.code_h || '"><thead><tr><th>동아리</th><th>상반기</th><th>하반기</th></tr></thead>' ||
           coalesce((SELECT group_concat(h, '') FROM (
             SELECT '<tr><th class="club">' || c.name_h || '</th>' ||
                    coalesce((SELECT '<td class="' || r.status || '">' || s.word ||
                                     coalesce(' ' || substr(r.submitted_at, 6, 5), '') || '</td>'
                              FROM lc_research r JOIN status_cell s ON s.status = r.status
                              WHERE r.club_id = c.club_id AND r.period = a.year || '-H1'), '<td>-</td>') ||
                    coalesce((SELECT '<td class="' || r.status || '">' || s.word ||
                                     coalesce(' ' || substr(r.submitted_at, 6, 5), '') || '</td>'
                              FROM lc_research r JOIN status_cell s ON s.status = r.status
                              WHERE r.club_id = c.club_id AND r.period = a.year || '-H2'), '<td>-</td>') || '</tr>' AS h
             FROM lc_club c, lc_arg a
             WHERE c.program_id = p.program_id AND EXISTS (SELECT 1 FROM lc_research r WHERE r.club_id = c.club_id)
             ORDER BY c.name)), '<tr><td colspan="3">해당 연도의 연구보고서 대상이 없습니다</td></tr>') || '</table>' AS h
    FROM lc_program p ORDER BY p.code)
),
research_sum_rows AS (  -- RH9: as program_rows, a heading for each rule of research reports
  SELECT group_concat(h, '') AS h FROM (
    SELECT '<h3 class="rule-group">제출 기한: ' || rule || ' <span class="n">(' || n || '개 사업)</span></h3>' ||
           '<table class="research-summary"><thead><tr><th rowspan="2">사업</th><th colspan="5">상반기</th><th colspan="5">하반기</th></tr>' ||
           '<tr><th>동아리</th><th>제출</th><th>지연</th><th>미제출</th><th>대기</th><th>동아리</th><th>제출</th><th>지연</th><th>미제출</th><th>대기</th></tr></thead>' ||
           rows || '</table>' AS h
    FROM (SELECT p.research_rule AS rule,
                 group_concat('<tr data-program="' || p.code_h || '"><td class="text">' || p.name_h || ' (' || p.code_h || ')</td><td class="num">' ||
                   coalesce(s.h1_n, 0) || '</td><td class="num">' || coalesce(s.h1_on_time, 0) || '</td><td class="num">' || coalesce(s.h1_late, 0) ||
                   '</td><td class="num">' || coalesce(s.h1_missing, 0) || '</td><td class="num">' || coalesce(s.h1_pending, 0) || '</td><td class="num">' ||
                   coalesce(s.h2_n, 0) || '</td><td class="num">' || coalesce(s.h2_on_time, 0) || '</td><td class="num">' || coalesce(s.h2_late, 0) ||
                   '</td><td class="num">' || coalesce(s.h2_missing, 0) || '</td><td class="num">' || coalesce(s.h2_pending, 0) || '</td></tr>', '') OVER w AS rows,
                 count(*) OVER w AS n, row_number() OVER w AS rn
          FROM lc_program p JOIN lc_program_sum s ON s.program_id = p.program_id
          WINDOW w AS (PARTITION BY p.research_rule ORDER BY p.code ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING))
    WHERE rn = 1 ORDER BY rule)
),
hours_sum_rows AS (
  SELECT group_concat(h, '') AS h FROM (
    SELECT '<tr data-program="' || p.code_h || '"><td class="text">' || p.name_h || ' (' || p.code_h || ')</td><td class="num">' ||
           s.people_halves || '</td><td class="num">' || printf('%g', s.hours) || '</td></tr>' AS h
    FROM lc_program p JOIN lc_program_sum s ON s.program_id = p.program_id ORDER BY p.code)
),
award_total AS (SELECT coalesce(sum(prize), 0) AS total FROM lc_award),
hours_max AS (SELECT max(hours) AS mx, count(*) AS n FROM lc_hours),
budget_svg AS (
  SELECT coalesce(group_concat(h, ''), '<p>예산 계획 없음</p>') AS h FROM (
    SELECT '<h3>' || replace(replace(plan, '&', '&amp;'), '<', '&lt;') || '</h3>' ||
           '<svg class="chart" role="img" aria-label="연도별 예산 계획과 집행" width="720" height="' || (30 + 40 * count(*)) ||
           '" viewBox="0 0 720 ' || (30 + 40 * count(*)) || '">' ||
           group_concat(
             '<text x="60" y="' || (40 * k + 30) || '" text-anchor="end">' || year || '</text>' ||
             '<rect class="bar" x="70" y="' || (40 * k + 14) || '" height="14" width="' ||
               printf('%.1f', 480.0 * planned / mx) || '"/>' ||
             '<text class="value" x="' || printf('%.1f', 76 + 480.0 * planned / mx) || '" y="' || (40 * k + 26) || '">계획 ' ||
               printf('%g', planned / 1e6) || '</text>' ||
             '<rect class="exec" x="70" y="' || (40 * k + 30) || '" height="14" width="' ||
               printf('%.1f', 480.0 * executed / mx) || '"/>' ||
             '<text class="value" x="' || printf('%.1f', 76 + 480.0 * executed / mx) || '" y="' || (40 * k + 42) || '">집행 ' ||
               printf('%g', executed / 1e6) || '</text>', '') ||
           '</svg><p>계획 합계 <b class="budget-planned">' || printf('%g', sum(planned) / 1e6) ||
           '</b>백만원 · 집행 합계 <b class="budget-executed">' || printf('%g', sum(executed) / 1e6) || '</b>백만원' ||
           CASE WHEN sum(planned) > 0 THEN ' · 집행률 ' || printf('%.2f', 100.0 * sum(executed) / sum(planned)) || '%' ELSE '' END ||
           '</p>' AS h
    FROM (SELECT b.*, row_number() OVER (PARTITION BY plan_id ORDER BY year) - 1 AS k,
                 max(max(planned, executed)) OVER (PARTITION BY plan_id) AS mx
          FROM lc_budget b)
    WHERE mx > 0
    GROUP BY plan_id ORDER BY plan_id
  )
),
pledge_html AS (
  SELECT coalesce(group_concat(h, ''), '<p>공약 없음</p>') AS h FROM (
    SELECT '<h3>' || replace(code, '<', '&lt;') || ' ' || replace(replace(title, '&', '&amp;'), '<', '&lt;') ||
           ' — 이행률 <b class="pledge-rate" data-pledge="' || replace(code, '"', '&quot;') || '">' ||
           coalesce(printf('%g', round(pledge_rate(achieved, target, weight), 2)), '-') || '</b>%</h3>' ||
           '<svg class="chart" role="img" aria-label="공약 이행 지표" width="720" height="' || (10 + 30 * count(*)) ||
           '" viewBox="0 0 720 ' || (10 + 30 * count(*)) || '">' ||
           group_concat(
             '<text x="250" y="' || (30 * k + 24) || '" text-anchor="end">' ||
               replace(replace(name, '&', '&amp;'), '<', '&lt;') || '</text>' ||
             '<rect class="track" x="260" y="' || (30 * k + 10) || '" width="360" height="18" rx="3"/>' ||
             '<rect class="bar" x="260" y="' || (30 * k + 10) || '" height="18" rx="3" width="' ||
               printf('%.1f', 3.6 * coalesce(indicator_rate(achieved, target), 0)) || '"/>' ||
             '<text class="value indicator-rate" x="628" y="' || (30 * k + 24) || '">' ||
               coalesce(printf('%g', round(indicator_rate(achieved, target), 2)) || '%', '-') || '</text>', '') ||
           '</svg>' AS h
    FROM (SELECT li.*, row_number() OVER (PARTITION BY pledge_id ORDER BY seq, indicator_id) - 1 AS k FROM lc_ind li)
    GROUP BY pledge_id ORDER BY code
  )
),
hours_svg AS (
  SELECT '<svg class="chart" role="img" aria-label="부서별 인정 학습시간" width="720" height="' ||
         (20 + 26 * (SELECT n FROM hours_max)) || '" viewBox="0 0 720 ' || (20 + 26 * (SELECT n FROM hours_max)) || '">' ||
         coalesce(group_concat(
           '<text x="150" y="' || (26 * k + 27) || '" text-anchor="end">' ||
             replace(replace(replace(unit, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</text>' ||
           '<rect x="160" y="' || (26 * k + 12) || '" height="18" width="' ||
             printf('%.1f', 440.0 * hours / max((SELECT mx FROM hours_max), 1)) || '" class="bar"/>' ||
           '<text class="value" x="' || printf('%.1f', 166 + 440.0 * hours / max((SELECT mx FROM hours_max), 1)) ||
             '" y="' || (26 * k + 27) || '">' || printf('%g', hours) || '</text>', ''), '') ||
         '</svg>' AS h
  FROM (SELECT unit, hours, row_number() OVER (ORDER BY hours DESC, unit) - 1 AS k FROM lc_hours)
),
-- RH0: the offices and programs named in the heading (up to 5 named, else counted)
names AS (
  SELECT CASE WHEN count(DISTINCT office_h) <= 5
              THEN (SELECT group_concat(office_h, ', ') FROM (SELECT DISTINCT office_h FROM lc_program ORDER BY office_h))
              ELSE count(DISTINCT office_h) || '개 기관' END AS offices,
         CASE WHEN count(*) = 0 THEN '해당 연도에 운영된 사업이 없습니다'
              WHEN count(*) <= 5 THEN group_concat(name_h || ' (' || code_h || ')', ', ')
              ELSE count(*) || '개 사업 (사업별 요약 참조)' END AS programs
  FROM lc_program
),
notice AS (
  SELECT CASE WHEN m.detail THEN ''
              ELSE '<p class="notice" id="summary-notice">동아리가 ' || printf('%,d', m.clubs) ||
                   '개로 ' || m.max_clubs || '개를 넘어 사업별로 요약합니다. 동아리별 표는 --program CODE 또는 --office로 좁혀 만드십시오.</p>' END AS h
  FROM lc_mode m
)
SELECT '<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>학습동아리 운영 보고서 ' || a.year || '</title>
<style>
body{font-family:"Noto Sans CJK KR","Noto Sans KR","Malgun Gothic","Apple SD Gothic Neo",sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:2px solid #345;padding-bottom:.2em}
h3{font-size:1.05em;margin:1.2em 0 .3em}h3 .rule{font-weight:normal;color:#555;font-size:.9em}
.meta{color:#666;margin:.2em 0}.notice{background:#fff6d6;border-left:4px solid #d9a400;padding:.4em .7em}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:center}
th.club,td.text{text-align:left;font-weight:normal}td.num{text-align:right;white-space:nowrap}th{white-space:nowrap}
td.on_time{background:#d8f0d8;color:#1a6b1a}td.late{background:#fde9c8;color:#8a5a00}td.missing{background:#f8d0d0;color:#a01010}
td.pending{background:#eee;color:#777}td.withdrawn{background:#fafafa}
tr.tie td{background:#fff0f0;color:#a01010;font-weight:bold}
p.stale{background:#fde9c8;border-left:4px solid #c0392b;padding:.4em .7em;color:#8a1a00;font-weight:bold}
.legend span{display:inline-block;margin-right:1em}.counts b{margin-right:.2em}
svg.chart text{font-size:13px;fill:#222}svg.chart .bar{fill:#4a7bb7}svg.chart .exec{fill:#e08a2c}svg.chart .track{fill:#e6e6e6}
@page{size:A4;margin:14mm 12mm}
@media print{
 body{margin:0;max-width:none;font-size:10pt}
 section{break-before:page}section:first-of-type{break-before:auto}
 h2{margin-top:0}h2,h3{break-after:avoid}
 table{width:100%}thead{display:table-header-group}tr{break-inside:avoid}
 table.report-grid th,table.report-grid td{padding:.1em .25em}
 svg.chart{max-width:100%;height:auto}
 td.on_time,td.late,td.missing,td.pending,tr.tie td,p.stale,.notice{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
</style></head><body>
<header>
<h1>학습동아리 운영 보고서 ' || a.year || '</h1>
<p class="meta">기관 <span id="office">' || coalesce(nm.offices, '') || '</span></p>
<p class="meta">사업 <span id="programs">' || nm.programs || '</span></p>
<p class="meta">기준일 <span id="as-of">' || a.as_of || '</span> · learnclub ' || learnclub_version() || '</p>
' || (SELECT h FROM notice) || '
</header>
<section id="section-reports">
<h2>월별 활동보고서 제출 현황</h2>
<p class="legend"><span>● 제출</span><span>▲ 지연</span><span>✕ 미제출</span><span>· 대기</span></p>
<p class="counts">합계: 제출 <b id="count-on-time">' || coalesce(n.on_time, 0) || '</b> · 지연 <b id="count-late">' || coalesce(n.late, 0) ||
'</b> · 미제출 <b id="count-missing">' || coalesce(n.missing, 0) || '</b> · 대기 <b id="count-pending">' || coalesce(n.pending, 0) || '</b></p>
' || CASE WHEN m.detail THEN coalesce((SELECT h FROM grids), '<p>해당 연도의 보고 대상이 없습니다</p>')
          ELSE '<div id="program-summary">' || coalesce((SELECT h FROM program_rows), '') || '</div>' END || '
</section>
<section id="section-awards">
<h2>반기별 평가 및 시상</h2>
' || CASE WHEN m.detail THEN coalesce((SELECT h FROM award_tables), '<p>시상 내역 없음</p>')
          ELSE '<table id="award-summary"><thead><tr><th>사업</th><th>반기</th><th>시상 동아리</th><th>포상금(원)</th><th>동점 – 위원회 결정 대기</th></tr></thead>' ||
               coalesce((SELECT h FROM award_sum_rows), '<tr><td colspan="5">시상 내역 없음</td></tr>') || '</table>' END || '
<p>포상금 합계 <b id="award-total">' || printf('%,d', (SELECT total FROM award_total)) || '</b>원 · 동점 – 위원회 결정 대기 <b id="tie-count">' ||
(SELECT count(*) FROM lc_award WHERE tier IS NULL) || '</b>개 동아리</p>' ||
coalesce((SELECT group_concat('<p class="stale" id="stale-' || period || '">⚠ ' || period ||
                              ' 시상 결과가 평가 이후 변경된 자료를 반영하지 않았습니다 (' || stale_reason ||
                              '): learnclub evaluate를 다시 실행하십시오</p>', '')
          FROM lc_stale), '') || '
</section>
<section id="section-research">
<h2>반기별 연구보고서 제출 현황</h2>
<p class="counts">합계: 제출 <b id="research-on-time">' || coalesce(rn.on_time, 0) || '</b> · 지연 <b id="research-late">' || coalesce(rn.late, 0) ||
'</b> · 미제출 <b id="research-missing">' || coalesce(rn.missing, 0) || '</b> · 대기 <b id="research-pending">' || coalesce(rn.pending, 0) || '</b></p>
' || CASE WHEN m.detail THEN coalesce((SELECT h FROM research_tables), '<p>해당 연도의 연구보고서 대상이 없습니다</p>')
          ELSE '<div id="research-summary">' || coalesce((SELECT h FROM research_sum_rows), '') || '</div>' END || '
</section>
<section id="section-hours">
<h2>' || CASE WHEN m.detail THEN '부서별' ELSE '사업별' END || ' 상시학습 인정시간 (반기별 상한 적용)</h2>
' || CASE WHEN NOT m.detail
          THEN '<table id="hours-summary"><thead><tr><th>사업</th><th>인원·반기</th><th>인정시간</th></tr></thead>' ||
               coalesce((SELECT h FROM hours_sum_rows), '') || '</table>'
          WHEN (SELECT n FROM hours_max) > 0 THEN (SELECT h FROM hours_svg) ELSE '<p>인정 시간 없음</p>' END || '
<p>합계 <b id="hours-total">' || printf('%g', coalesce((SELECT sum(hours) FROM lc_hours), 0)) || '</b>시간</p>
</section>
<section id="section-budget">
<h2>예산 계획 대비 집행 (백만원)</h2>
' || (SELECT h FROM budget_svg) || '
</section>
<section id="section-pledges">
<h2>공약 이행 지표 (기준일까지의 실적, 목표는 임기 전체)</h2>
' || (SELECT h FROM pledge_html) || '
</section>
</body></html>' AS page
FROM lc_arg a, counts n, r_counts rn, lc_mode m, names nm;

SELECT page FROM lc_page;

-- RH6 (issue 14, H3): stale awards (sql/rules.sql) are a finding: exit 1
CREATE TEMP TABLE lc_status AS
SELECT count(*) AS findings FROM lc_stale;

COMMIT;
