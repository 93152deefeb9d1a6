-- sql/summary.sql: the program's year @year in numbers (JG2, JG5-JG12).
--
-- Run by `learnclub summary DB YYYY [--as-of YYYY-MM-DD]` with @year and @today
-- (the --as-of date, else today in Korean time) bound.
-- Programs: those running in @year. Rows (section, item, value):
--   clubs       bureau, integrated, total (JG2: 13; issue 14), withdrawn (of those, D6)
--   members     bureau, integrated, total: distinct people with a membership (JG2)
--   meetings    regular, extra (JG5), hours (all meetings' hours)
--   attendance  attendances (person-meetings), people (distinct attendees)
--   monthly     on_time, late, missing, pending: every club's reports from
--               reports_from to reports_to, by report_status() on @today, as
--               monthly-check sees them (JG6)
--   research    on_time, late, missing, pending (H1 and H2, by report_status()
--               on @today, JG7)
--   awards      one row per tier: clubs awarded; prize_money: their total in KRW (JG8);
--               stale: a half-year whose stored awards are stale and why (issue 14)
--   hours       H1, H2: recognised hours, summed over officials, each capped
--               once, as `hours` gives them (JG9, D7, D8; sql/hours.sql HO2)
--   support     advisory, books, prize, other, total: spending in KRW (JG12)
--   allocation  (issue 15, O5) only when a program of the year has an
--               allocation: allocated, the clubs' allocations in KRW; spent,
--               those clubs' spending (every expense of theirs, AL3 in
--               sql/rules.sql)
--   over_allocation  (issue 15, O5) one row per club that spent more than its
--               allocation: item the club, value the KRW over it, a finding
-- Findings (exit 1): stale awards (issue 14, H3), spending over an allocation (issue 15).
BEGIN;  -- one snapshot for every statement below

CREATE TEMP TABLE lc_arg AS
SELECT @year AS year, @year || '-01-01' AS first_day, @year || '-12-31' AS last_day, @today AS today;

CREATE TEMP TABLE lc_program AS
SELECT p.* FROM program p, lc_arg a WHERE p.starts_on <= a.last_day AND p.ends_on >= a.first_day;

CREATE TEMP TABLE lc_club AS
SELECT c.* FROM club c JOIN lc_program p ON p.id = c.program_id;

CREATE TEMP TABLE lc_monthly AS
WITH RECURSIVE months(program_id, month, last_month, rule) AS (
  SELECT p.id, max(p.reports_from, a.year || '-01'), min(p.reports_to, a.year || '-12'), p.report_rule
  FROM lc_program p, lc_arg a
  UNION ALL
  SELECT program_id, strftime('%Y-%m', month || '-01', '+1 month'), last_month, rule
  FROM months WHERE month < last_month
)
SELECT c.id AS club_id, m.month, report_status(m.month, r.submitted_at, a.today, m.rule) AS status
FROM months m CROSS JOIN lc_arg a
JOIN lc_club c ON c.program_id = m.program_id
  AND (c.withdrawn_on IS NULL OR c.withdrawn_on > period_end(m.month))
LEFT JOIN report r ON r.club_id = c.id AND r.kind = 'monthly' AND r.period = m.month
WHERE m.month <= m.last_month;

CREATE TEMP TABLE lc_research AS
SELECT c.id AS club_id, h.half, report_status(h.half, r.submitted_at, a.today, p.report_rule) AS status
FROM lc_arg a
CROSS JOIN (SELECT half, period_start(half) AS first_day, period_end(half) AS last_day
            FROM (SELECT @year || '-H1' AS half UNION ALL SELECT @year || '-H2')) h
JOIN lc_club c ON c.withdrawn_on IS NULL OR c.withdrawn_on > h.last_day
JOIN lc_program p ON p.id = c.program_id AND p.starts_on <= h.last_day AND p.ends_on >= h.first_day
LEFT JOIN report r ON r.club_id = c.id AND r.kind = 'research' AND r.period = h.half;

CREATE TEMP TABLE lc_member AS
SELECT DISTINCT m.person_id, c.kind
FROM membership_span m JOIN lc_club c ON c.id = m.club_id, lc_arg a
WHERE m.first_day <= a.last_day AND m.last_day >= a.first_day;

CREATE TEMP TABLE lc_meeting AS
SELECT mt.* FROM meeting mt JOIN lc_club c ON c.id = mt.club_id, lc_arg a
WHERE mt.held_on BETWEEN a.first_day AND a.last_day;

CREATE TEMP TABLE lc_out(section, item, value);
INSERT INTO lc_out
SELECT 'clubs', 'bureau', (SELECT count(*) FROM lc_club WHERE kind = 'bureau')
UNION ALL SELECT 'clubs', 'integrated', (SELECT count(*) FROM lc_club WHERE kind = 'integrated')
UNION ALL SELECT 'clubs', 'total', (SELECT count(*) FROM lc_club)  -- issue 14 (H3): JG2's 13
UNION ALL SELECT 'clubs', 'withdrawn', (SELECT count(*) FROM lc_club WHERE status = 'withdrawn')
UNION ALL SELECT 'members', 'bureau', (SELECT count(DISTINCT person_id) FROM lc_member WHERE kind = 'bureau')
UNION ALL SELECT 'members', 'integrated', (SELECT count(DISTINCT person_id) FROM lc_member WHERE kind = 'integrated')
UNION ALL SELECT 'members', 'total', (SELECT count(DISTINCT person_id) FROM lc_member)
UNION ALL SELECT 'meetings', 'regular', (SELECT count(*) FROM lc_meeting WHERE kind = 'regular')
UNION ALL SELECT 'meetings', 'extra', (SELECT count(*) FROM lc_meeting WHERE kind = 'extra')
UNION ALL SELECT 'meetings', 'hours', (SELECT coalesce(sum(hours), 0) FROM lc_meeting)
UNION ALL SELECT 'attendance', 'attendances', (SELECT count(*) FROM attendance at JOIN lc_meeting mt ON mt.id = at.meeting_id)
UNION ALL SELECT 'attendance', 'people', (SELECT count(DISTINCT at.person_id) FROM attendance at JOIN lc_meeting mt ON mt.id = at.meeting_id)
UNION ALL SELECT 'monthly', 'on_time', (SELECT count(*) FROM lc_monthly WHERE status = 'on_time')
UNION ALL SELECT 'monthly', 'late', (SELECT count(*) FROM lc_monthly WHERE status = 'late')
UNION ALL SELECT 'monthly', 'missing', (SELECT count(*) FROM lc_monthly WHERE status = 'missing')
UNION ALL SELECT 'monthly', 'pending', (SELECT count(*) FROM lc_monthly WHERE status = 'pending')
UNION ALL SELECT 'research', 'on_time', (SELECT count(*) FROM lc_research WHERE status = 'on_time')
UNION ALL SELECT 'research', 'late', (SELECT count(*) FROM lc_research WHERE status = 'late')
UNION ALL SELECT 'research', 'missing', (SELECT count(*) FROM lc_research WHERE status = 'missing')
UNION ALL SELECT 'research', 'pending', (SELECT count(*) FROM lc_research WHERE status = 'pending');
INSERT INTO lc_out
SELECT 'awards', aw.tier, count(*) FROM award aw JOIN lc_club c ON c.id = aw.club_id, lc_arg a
WHERE substr(aw.period, 1, 4) = a.year GROUP BY aw.tier ORDER BY min(aw.rank);
INSERT INTO lc_out
SELECT 'awards', 'prize_money', coalesce(sum(aw.prize), 0) FROM award aw JOIN lc_club c ON c.id = aw.club_id, lc_arg a
WHERE substr(aw.period, 1, 4) = a.year;
-- issue 14 (H3): a half-year whose stored awards are stale, a finding
INSERT INTO lc_out
SELECT 'awards', 'stale', e.period || ': ' || e.stale_reason FROM evaluation e, lc_arg a
WHERE substr(e.period, 1, 4) = a.year AND e.stale_reason IS NOT NULL ORDER BY e.period;
INSERT INTO lc_out
SELECT 'hours', h.half, coalesce((SELECT sum(x.hours) FROM (  -- as `hours` counts them (sql/hours.sql HO2, issue 15)
         SELECT learning_hours(hc.hours, hc.cap) AS hours
         FROM hours_counted hc JOIN lc_meeting mt ON mt.id = hc.meeting_id
         WHERE hc.half_year = h.half
         GROUP BY hc.person_id, hc.education_type, hc.cap_group) x), 0.0)
FROM (SELECT @year || '-H1' AS half UNION ALL SELECT @year || '-H2') h;
INSERT INTO lc_out
SELECT 'support', k.kind, (SELECT coalesce(sum(e.amount), 0) FROM expense e JOIN lc_club c ON c.id = e.club_id, lc_arg a
                           WHERE e.kind = k.kind AND e.spent_on BETWEEN a.first_day AND a.last_day)
FROM (SELECT 'advisory' AS kind UNION ALL SELECT 'books' UNION ALL SELECT 'prize' UNION ALL SELECT 'other') k;
INSERT INTO lc_out
SELECT 'support', 'total', coalesce(sum(e.amount), 0) FROM expense e JOIN lc_club c ON c.id = e.club_id, lc_arg a
WHERE e.spent_on BETWEEN a.first_day AND a.last_day;

-- issue 15 (B2): support allocations (O5), from the view club_allocation (AL3)
INSERT INTO lc_out
SELECT 'allocation', 'allocated', sum(ca.allocated) FROM club_allocation ca JOIN lc_club c ON c.id = ca.club_id HAVING count(*) > 0
UNION ALL
SELECT 'allocation', 'spent', sum(ca.spent) FROM club_allocation ca JOIN lc_club c ON c.id = ca.club_id HAVING count(*) > 0;
INSERT INTO lc_out
SELECT 'over_allocation', c.name, ca.spent - ca.allocated FROM club_allocation ca JOIN lc_club c ON c.id = ca.club_id
WHERE ca.spent > ca.allocated ORDER BY c.name, c.id;

SELECT section, item, value FROM lc_out ORDER BY rowid;

COMMIT;

CREATE TEMP TABLE lc_status AS SELECT count(*) AS findings FROM lc_out
WHERE (section = 'awards' AND item = 'stale') OR section = 'over_allocation';
