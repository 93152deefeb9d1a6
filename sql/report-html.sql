-- sql/report-html.sql: the year's report as one self-contained HTML page
-- (issue 8): no script, no network, no external font; the charts are inline SVG.
--
-- Run by `learnclub report DB YYYY --html FILE` with @year and @as_of bound; the
-- shell's output (one text value) is the page. Sections:
--   RH1 report status: a month-by-club grid of the monthly reports (JG6) of the
--      programs whose report months fall in @year, as of @as_of: 제출 (on time),
--      지연 (late), 미제출 (missing, past due), 대기 (pending): report_status(),
--      as in `learnclub monthly-check`; withdrawn clubs after their month end are
--      blank (D6); with the counts of each status.
--   RH2 awards per half-year (JG8): rank, club, tier, prize, as `evaluate` stored them.
--   RH3 recognised hours per unit (JG9, D4): each official's hours per half-year
--      capped once with learning_hours(), as `hours` counts them (hours_counted,
--      issue 15), summed per unit, as a bar chart.
--   RH4 budget plan against execution per year (NJ7), in million KRW, as a bar chart.
--   RH5 each pledge's indicators as progress bars (NJ8, D5), with the pledge's rate.
--   RH6 (issue 14, H3) a half-year whose stored awards are stale (evaluation.
--      stale_reason) is said under the awards (p.stale), and is a finding: exit 1.
-- Every number on the page is computed here from the tables; the test
-- (tests/report/report.sh) reads the page back in Chromium and checks them.
-- Findings: RH6 only.
BEGIN;  -- one snapshot

CREATE TEMP TABLE lc_arg AS SELECT CAST(@year AS TEXT) AS year, @as_of AS as_of;


-- RH1: every (club, month) a program of the year asks a monthly report for.
CREATE TEMP TABLE lc_grid AS
WITH RECURSIVE months(m) AS (
  SELECT (SELECT year FROM lc_arg) || '-01'
  UNION ALL
  SELECT strftime('%Y-%m', m || '-01', '+1 month') FROM months
  WHERE m < (SELECT year FROM lc_arg) || '-12'
)
SELECT c.id AS club_id, c.name AS club, mo.m AS month,
       CASE WHEN c.withdrawn_on <= period_end(mo.m) THEN 'withdrawn'
            ELSE report_status(mo.m, r.submitted_at, a.as_of, p.report_rule) END AS status
FROM months mo
JOIN program p ON mo.m BETWEEN p.reports_from AND p.reports_to
JOIN club c ON c.program_id = p.id
CROSS JOIN lc_arg a
LEFT JOIN report r ON r.club_id = c.id AND r.kind = 'monthly' AND r.period = mo.m;

-- RH3: hours per person, half-year and program, then per unit.
CREATE TEMP TABLE lc_hours AS
WITH person_hours AS (
  -- as `hours` counts them (sql/hours.sql HO2; issue 15: officials only, capped once)
  SELECT pe.unit_id, hc.half_year AS half, learning_hours(hc.hours, hc.cap) AS hours
  FROM hours_counted hc
  JOIN person pe ON pe.id = hc.person_id
  WHERE hc.held_on BETWEEN (SELECT year FROM lc_arg) || '-01-01' AND (SELECT year FROM lc_arg) || '-12-31'
  GROUP BY pe.id, hc.half_year, hc.education_type, hc.cap_group
)
SELECT coalesce(u.name, '(소속 없음)') AS unit, count(*) AS people_halves, sum(ph.hours) AS hours
FROM person_hours ph LEFT JOIN unit u ON u.id = ph.unit_id
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

CREATE TEMP TABLE lc_page AS
WITH
esc_club AS (
  SELECT DISTINCT club_id, club,
         replace(replace(replace(replace(club, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;') AS h
  FROM lc_grid
),
months AS (SELECT DISTINCT month FROM lc_grid WHERE status <> 'withdrawn' ORDER BY month),
grid_head AS (
  SELECT '<tr><th>동아리</th>' || group_concat('<th>' || CAST(substr(month, 6) AS INTEGER) || '월</th>', '') || '</tr>' AS h
  FROM (SELECT month FROM months ORDER BY month)
),
grid_rows AS (
  SELECT group_concat(row_html, '') AS h FROM (
    SELECT '<tr><th class="club">' || e.h || '</th>' ||
           (SELECT group_concat(
                     CASE g.status
                       WHEN 'on_time' THEN '<td class="on_time" title="제출">●</td>'
                       WHEN 'late' THEN '<td class="late" title="지연">▲</td>'
                       WHEN 'missing' THEN '<td class="missing" title="미제출">✕</td>'
                       WHEN 'pending' THEN '<td class="pending" title="대기">·</td>'
                       ELSE '<td class="withdrawn" title="탈퇴">&nbsp;</td>' END, '')
            FROM (SELECT m.month, (SELECT status FROM lc_grid g2 WHERE g2.club_id = e.club_id AND g2.month = m.month) AS status
                  FROM months m ORDER BY m.month) g) || '</tr>' AS row_html
    FROM esc_club e ORDER BY e.club
  )
),
counts AS (
  SELECT sum(status = 'on_time') AS on_time, sum(status = 'late') AS late,
         sum(status = 'missing') AS missing, sum(status = 'pending') AS pending
  FROM lc_grid
),
awards AS (
  SELECT coalesce(group_concat(h, ''), '<tr><td colspan="5">시상 내역 없음</td></tr>') AS h FROM (
    SELECT '<tr><td>' || aw.period || '</td><td class="num">' || aw.rank || '</td><td>' ||
           replace(replace(replace(c.name, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') || '</td><td>' ||
           replace(replace(aw.tier, '&', '&amp;'), '<', '&lt;') || '</td><td class="num">' ||
           printf('%,d', aw.prize) || '</td></tr>' AS h
    FROM award aw JOIN club c ON c.id = aw.club_id
    WHERE aw.period IN ((SELECT year FROM lc_arg) || '-H1', (SELECT year FROM lc_arg) || '-H2')
    ORDER BY aw.period, aw.rank, c.name
  )
),
award_total AS (
  SELECT coalesce(sum(prize), 0) AS total FROM award
  WHERE period IN ((SELECT year FROM lc_arg) || '-H1', (SELECT year FROM lc_arg) || '-H2')
),
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
)
SELECT '<!DOCTYPE html>
<html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>학습동아리 운영 보고서 ' || a.year || '</title>
<style>
body{font-family:"Noto Sans CJK KR","Noto Sans KR","Malgun Gothic","Apple SD Gothic Neo",sans-serif;margin:2em;color:#222;max-width:1100px}
h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:2px solid #345;padding-bottom:.2em}
.meta{color:#666}table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:center}
th.club{text-align:left;font-weight:normal}td.num{text-align:right}
td.on_time{background:#d8f0d8;color:#1a6b1a}td.late{background:#fde9c8;color:#8a5a00}td.missing{background:#f8d0d0;color:#a01010}
td.pending{background:#eee;color:#777}td.withdrawn{background:#fafafa}
.legend span{display:inline-block;margin-right:1em}.counts b{margin-right:.2em}
svg.chart text{font-size:13px;fill:#222}svg.chart .bar{fill:#4a7bb7}svg.chart .exec{fill:#e08a2c}svg.chart .track{fill:#e6e6e6}
</style></head><body>
<h1>학습동아리 운영 보고서 ' || a.year || '</h1>
<p class="meta">기준일 <span id="as-of">' || a.as_of || '</span> · learnclub ' || learnclub_version() || '</p>
<h2>월별 활동보고서 제출 현황 (익월 5일까지)</h2>
<p class="legend"><span>● 제출</span><span>▲ 지연</span><span>✕ 미제출</span><span>· 대기</span></p>
<p class="counts">제출 <b id="count-on-time">' || coalesce(n.on_time, 0) || '</b> · 지연 <b id="count-late">' || coalesce(n.late, 0) ||
'</b> · 미제출 <b id="count-missing">' || coalesce(n.missing, 0) || '</b> · 대기 <b id="count-pending">' || coalesce(n.pending, 0) || '</b></p>
<table id="report-grid">' || coalesce((SELECT h FROM grid_head), '') || coalesce((SELECT h FROM grid_rows), '<tr><td>해당 연도의 보고 대상이 없습니다</td></tr>') || '</table>
<h2>반기별 평가 및 시상</h2>
<table id="awards"><tr><th>반기</th><th>순위</th><th>동아리</th><th>시상</th><th>포상금(원)</th></tr>' || (SELECT h FROM awards) || '</table>
<p>포상금 합계 <b id="award-total">' || printf('%,d', (SELECT total FROM award_total)) || '</b>원</p>' ||
coalesce((SELECT group_concat('<p class="stale" id="stale-' || e.period || '">' || e.period ||
                              ' 시상 결과가 평가 이후 변경된 자료를 반영하지 않았습니다 (' || e.stale_reason ||
                              '): learnclub evaluate를 다시 실행하십시오</p>', '')
          FROM evaluation e WHERE e.stale_reason IS NOT NULL
            AND e.period IN ((SELECT year FROM lc_arg) || '-H1', (SELECT year FROM lc_arg) || '-H2')), '') || '
<h2>부서별 상시학습 인정시간 (반기별 상한 적용)</h2>
' || CASE WHEN (SELECT n FROM hours_max) > 0 THEN (SELECT h FROM hours_svg) ELSE '<p>인정 시간 없음</p>' END || '
<p>합계 <b id="hours-total">' || printf('%g', coalesce((SELECT sum(hours) FROM lc_hours), 0)) || '</b>시간</p>
<h2>예산 계획 대비 집행 (백만원)</h2>
' || (SELECT h FROM budget_svg) || '
<h2>공약 이행 지표 (기준일까지의 실적, 목표는 임기 전체)</h2>
' || (SELECT h FROM pledge_html) || '

</body></html>' AS page
FROM lc_arg a, counts n;

SELECT page FROM lc_page;

-- RH6 (issue 14, H3): stale awards (sql/rules.sql) are a finding: exit 1
CREATE TEMP TABLE lc_status AS
SELECT count(*) AS findings FROM evaluation e, lc_arg a
WHERE e.stale_reason IS NOT NULL AND e.period IN (a.year || '-H1', a.year || '-H2');

COMMIT;
