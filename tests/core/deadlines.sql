-- deadlines.c R1–R7. Rows: case, got, expected.
SELECT 'R2 2015-03 due Monday 04-06 (5th a Sunday)', report_due('2015-03'), '2015-04-06';
SELECT 'R3 strict keeps the Sunday', report_due('2015-03', 'strict'), '2015-04-05';
SELECT 'R2 2015-04 past 어린이날', report_due('2015-04'), '2015-05-06';
SELECT 'R2 2015-08 (5th a Saturday)', report_due('2015-08'), '2015-09-07';
SELECT 'R1 2015-12 due next January', report_due('2015-12'), '2016-01-05';
SELECT 'R1 2015-H1 due 31 July', report_due('2015-H1'), '2015-07-31';
SELECT 'R1 2015-H2 due 31 December', report_due('2015-H2'), '2015-12-31';
SELECT 'R2 2017-09 past 추석, 대체, weekend, 한글날', report_due('2017-09'), '2017-10-10';
SELECT 'R2 H2 on a Saturday moves into January (2016-12-31)', report_due('2016-H2'), '2017-01-02';
SELECT 'R2 H1 on a Sunday (2016-07-31)', report_due('2016-H1'), '2016-08-01';
SELECT 'R1 returns TEXT', typeof(report_due('2015-05')), 'text';
SELECT 'R3 day=10', report_due('2015-05', 'day=10'), '2015-06-10';
SELECT 'R3 day=31 clamped to 28 Feb (then moved: 2015-02-28 a Saturday)', report_due('2015-01', 'day=31'), '2015-03-02';
SELECT 'R3 day=31 strict clamped', report_due('2015-01', 'day=31,strict'), '2015-02-28';
SELECT 'R3 day=30 in a leap February', report_due('2016-01', 'day=30,strict'), '2016-02-29';
SELECT 'R3 day=1', report_due('2015-05', 'day=1, strict'), '2015-06-01';
SELECT 'R3 spaces around settings', report_due('2015-03', ' strict , day=5 '), '2015-04-05';
SELECT 'R3 empty rule = defaults', report_due('2015-03', ''), '2015-04-06';
SELECT 'R3 NULL rule = defaults', report_due('2015-03', NULL), '2015-04-06';
SELECT 'R3 day= does not touch half-years', report_due('2015-H1', 'day=10'), '2015-07-31';
SELECT 'R3 strict half-year on a Saturday', report_due('2016-H2', 'strict'), '2016-12-31';
SELECT 'R1 NULL period', report_due(NULL), NULL;
SELECT 'R3 constant rule used for every row', (SELECT group_concat(report_due(p, 'strict'), ',') FROM (SELECT '2015-03' AS p UNION ALL SELECT '2015-08')), '2015-04-05,2015-09-05';
SELECT 'R3 rule from a column, row by row', (SELECT group_concat(report_due('2015-03', r), ',') FROM (SELECT 'strict' AS r UNION ALL SELECT '' UNION ALL SELECT 'day=7')), '2015-04-05,2015-04-06,2015-04-07';
SELECT 'R5 strict needs no calendar', report_due('2050-12', 'strict'), '2051-01-05';
SELECT 'R5 strict before 2000', report_due('1999-01', 'strict'), '1999-02-05';
-- R4 deadline_ok
SELECT 'R4 on the due day late evening', deadline_ok('2015-03', '2015-04-06 23:59'), 1;
SELECT 'R4 next day midnight', deadline_ok('2015-03', '2015-04-07 00:00'), 0;
SELECT 'R4 before due', deadline_ok('2015-03', '2015-03-31'), 1;
SELECT 'R4 strict: the Monday is late', deadline_ok('2015-03', '2015-04-06', 'strict'), 0;
SELECT 'R4 dotted submission', deadline_ok('2015-03', '2015. 4. 6.'), 1;
SELECT 'R4 UTC timestamp converted (dates.c T2): 14:59Z is 23:59 KST', deadline_ok('2015-03', '2015-04-06T14:59:00Z'), 1;
SELECT 'R4 UTC timestamp converted (dates.c T2): 15:00Z is the next day', deadline_ok('2015-03', '2015-04-06T15:00:00Z'), 0;
SELECT 'R4 research report on time', deadline_ok('2015-H1', '2015-07-31 18:00'), 1;
SELECT 'R4 research report late', deadline_ok('2015-H1', '2015-08-01'), 0;
SELECT 'R4 NULL period', deadline_ok(NULL, '2015-04-06'), NULL;
SELECT 'R4 NULL submitted', deadline_ok('2015-03', NULL), NULL;
SELECT 'R4 returns INTEGER', typeof(deadline_ok('2015-03', '2015-04-06')), 'integer';
-- R6 report_calendar
SELECT 'R6 Jung-gu 2015: 12 reports', (SELECT count(*) FROM report_calendar('2015-03', '2015-12')), 12;
SELECT 'R6 10 monthly', (SELECT count(*) FROM report_calendar('2015-03', '2015-12') WHERE kind = 'monthly'), 10;
SELECT 'R6 2 research', (SELECT group_concat(period || '@' || due) FROM report_calendar('2015-03', '2015-12') WHERE kind = 'research'), '2015-H1@2015-07-31,2015-H2@2015-12-31';
SELECT 'R6 ordered by due, then period', (SELECT group_concat(period, ' ') FROM report_calendar('2015-03', '2015-12')), '2015-03 2015-04 2015-05 2015-06 2015-H1 2015-07 2015-08 2015-09 2015-10 2015-11 2015-H2 2015-12';
SELECT 'R6 dues equal report_due()', (SELECT count(*) FROM report_calendar('2013-01', '2027-12') WHERE due <> report_due(period)), 0;
SELECT 'R6 a half-year whose last month is outside is left out', (SELECT count(*) FROM report_calendar('2015-03', '2015-05') WHERE kind = 'research'), 0;
SELECT 'R6 half-year bounds cover their months', (SELECT count(*) FROM report_calendar('2015-H1', '2015-H2')), 14;
SELECT 'R6 a single month', (SELECT period || ' ' || due FROM report_calendar('2015-04', '2015-04')), '2015-04 2015-05-06';
SELECT 'R6 rule applies', (SELECT due FROM report_calendar('2015-03', '2015-03', 'strict')), '2015-04-05';
SELECT 'R6 from after to: no rows', (SELECT count(*) FROM report_calendar('2015-12', '2015-03')), 0;
SELECT 'R6 NULL: no rows', (SELECT count(*) FROM report_calendar(NULL, '2015-03')), 0;
SELECT 'R6 named hidden columns', (SELECT count(*) FROM report_calendar WHERE from_period = '2015-01' AND to_period = '2015-12'), 14;
SELECT 'R6 June includes H1 (its last month); tie: month first', (SELECT group_concat(period || '@' || due, ' ') FROM report_calendar('2015-06', '2015-06', 'day=31,strict')), '2015-06@2015-07-31 2015-H1@2015-07-31';
SELECT 'R6 tie order', (SELECT group_concat(period, ' ') FROM report_calendar('2015-06', '2015-07', 'day=31,strict')), '2015-06 2015-H1 2015-07';
SELECT 'R6 a long strict range', (SELECT count(*) FROM report_calendar('1990-01', '2099-12', 'strict')), 110 * 14;
-- deadline_fast.c: the fast path (rows after the first of a statement) agrees with
-- the general one (F1), whatever the form (F8) and the period (F5).
SELECT 'F8 forms and edges', (WITH s(sub) AS (VALUES ('2015-04-01'), ('2015-04-06 23:59'), ('2015-04-06T23:59:59'), ('2015-04-07'), ('2015-04-07 00:00'), ('2015-03-31 09:00:00'), ('2015-04-06T14:59Z'), ('2015-04-06T15:00Z'), ('2015. 4. 6.'), ('2015-04-30'), ('2015-02-28 10:00')) SELECT group_concat(deadline_ok('2015-03', sub), '') FROM s), '11100110101';
SELECT 'F5 half-years and months across years', (WITH s(p, sub) AS (VALUES ('2015-03', '2015-04-06'), ('2015-H1', '2015-07-31'), ('2015-H2', '2016-01-02'), ('2015-12', '2016-01-05'), ('2016-02', '2016-03-07'), ('2050-11', '2050-12-05')) SELECT group_concat(deadline_ok(p, sub), '') FROM s), '110111';
-- F4: the fast path's tables follow the working days. The first statement builds
-- them (2015-04 due 2015-05-06); an override added between statements moves the
-- due day to 2015-05-07, and the rows after the first of the next statement,
-- answered by the fast path, must see it (a stale table says 1111110000).
CREATE TABLE holiday_override(day TEXT PRIMARY KEY, name TEXT, is_holiday INTEGER NOT NULL);
SELECT 'F4 before the override', (WITH s(sub) AS (VALUES ('2015-05-06'), ('2015-05-07')) SELECT group_concat(deadline_ok('2015-04', sub), '') FROM s), '10';
INSERT INTO holiday_override VALUES ('2015-05-06', '개청 기념일', 1);
SELECT 'F4 fast path sees an override added between statements', (WITH RECURSIVE d(day) AS (SELECT '2015-05-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2015-05-10')
  SELECT group_concat(deadline_ok('2015-04', day), '') || ', ' || sum(deadline_ok('2015-04', day) IS NOT deadline_ok('2015-04', day, '')) || ' differ' FROM d), '1111111000, 0 differ';
-- F4: here another function makes the calendar ready first on every row, so the
-- first deadline_ok() of the statement already finds it checked: the tables must
-- still be of today's working days (without the generation test they are not).
-- May 2015: 1 Fri, 2–3 weekend, 5 어린이날, 9–10 weekend.
DELETE FROM holiday_override;
SELECT 'F4 without the override, is_working_day first', (WITH RECURSIVE d(day) AS (SELECT '2015-05-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2015-05-10')
  SELECT group_concat(is_working_day(day) || deadline_ok('2015-04', day), ' ') FROM d), '11 01 01 11 01 11 10 10 00 00';
INSERT INTO holiday_override VALUES ('2015-05-06', '개청 기념일', 1);
SELECT 'F4 with the override, is_working_day first', (WITH RECURSIVE d(day) AS (SELECT '2015-05-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2015-05-10')
  SELECT group_concat(is_working_day(day) || deadline_ok('2015-04', day), ' ') FROM d), '11 01 01 11 01 01 11 10 00 00';
DELETE FROM holiday_override;
SELECT 'F4 fast path sees the override deleted', (WITH RECURSIVE d(day) AS (SELECT '2015-05-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2015-05-10')
  SELECT group_concat(deadline_ok('2015-04', day), '') FROM d), '1111110000';
SAVEPOINT s;
INSERT INTO holiday_override VALUES ('2015-05-06', '개청 기념일', 1);
SELECT 'F4 inside a savepoint: the override', (WITH RECURSIVE d(day) AS (SELECT '2015-05-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2015-05-10')
  SELECT group_concat(deadline_ok('2015-04', day), '') FROM d), '1111111000';
ROLLBACK TO s;
SELECT 'F4 after a rollback to the savepoint: without it', (WITH RECURSIVE d(day) AS (SELECT '2015-05-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2015-05-10')
  SELECT group_concat(deadline_ok('2015-04', day), '') FROM d), '1111110000';
RELEASE s;
INSERT INTO holiday_override VALUES ('2015-05-06', '개청 기념일', 1);
SELECT 'F4 the override again', (WITH RECURSIVE d(day) AS (SELECT '2015-05-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2015-05-10')
  SELECT group_concat(deadline_ok('2015-04', day), '') FROM d), '1111111000';
DROP TABLE holiday_override;
SELECT 'F4 fast path sees the table dropped', (WITH RECURSIVE d(day) AS (SELECT '2015-05-01' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2015-05-10')
  SELECT group_concat(deadline_ok('2015-04', day), '') FROM d), '1111110000';
SELECT 'R8 two rules alternating in one statement', (WITH s(r) AS (VALUES ('strict'), (''), ('day=7'), ('strict'), ('day=7'), ('')) SELECT group_concat(deadline_ok('2015-03', '2015-04-06', r), '') FROM s), '011011';
SELECT 'R8 three rules cycling in one statement (defect 6)', (WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < 8) SELECT group_concat(report_due('2015-03', CASE i % 3 WHEN 0 THEN 'strict' WHEN 1 THEN 'day=10' ELSE '' END), ' ') FROM s), '2015-04-05 2015-04-10 2015-04-06 2015-04-05 2015-04-10 2015-04-06 2015-04-05 2015-04-10 2015-04-06';
SELECT 'R8 every rule at once: 62 rules alive in one statement agree with report_calendar (which keeps no memo)', (WITH RECURSIVE
  d(d) AS (SELECT 1 UNION ALL SELECT d + 1 FROM d WHERE d < 31),
  r(r) AS (SELECT 'day=' || d FROM d UNION ALL SELECT 'day=' || d || ',strict' FROM d),
  p(p) AS (VALUES ('2016-01'), ('2017-09'), ('2025-H2'))
  SELECT count(*) || ' ' || sum(report_due(p, r) = (SELECT due FROM report_calendar(p, p, r) WHERE period = p)) FROM r, p), '186 186';
-- F5: the fast path against the general one (a rule of '' takes the general path),
-- over every period of the calendar (but 2050-12 and 2050-H2, due in 2051) with
-- the days around its due day, in each common form and the T form.
SELECT 'F5 fast = general: every period, due day ± 1, four forms', (WITH RECURSIVE
  y(y) AS (SELECT 2000 UNION ALL SELECT y + 1 FROM y WHERE y < 2050),
  k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < 14),
  p(p) AS (SELECT printf('%d-%s', y, CASE WHEN k <= 12 THEN printf('%02d', k) ELSE 'H' || (k - 12) END) FROM y, k),
  o(o) AS (VALUES ('-1'), ('+0'), ('+1')),
  d(p, day) AS (SELECT p, date(report_due(p, ''), o || ' day') FROM p, o WHERE p NOT IN ('2050-12', '2050-H2')),
  s(p, sub) AS (SELECT p, day FROM d UNION ALL SELECT p, day || ' 23:59' FROM d UNION ALL SELECT p, day || ' 00:00:00' FROM d UNION ALL SELECT p, day || 'T12:00' FROM d)
  SELECT count(*) || ' rows, ' || sum(deadline_ok(p, sub) IS NOT deadline_ok(p, sub, '')) || ' differ, ' || sum(deadline_ok(p, sub)) || ' on time' FROM s),
  '8544 rows, 0 differ, 5696 on time';
SELECT 'F8 fast = general: every day 1999-12-25 to 2051-01-05, three forms, two periods', (WITH RECURSIVE
  d(day) AS (SELECT '1999-12-25' UNION ALL SELECT date(day, '+1 day') FROM d WHERE day < '2051-01-05'),
  s(sub) AS (SELECT day FROM d UNION ALL SELECT day || ' 09:30' FROM d UNION ALL SELECT day || ' 18:45:59' FROM d),
  p(p) AS (VALUES ('2016-02'), ('2030-H2'))
  SELECT count(*) || ' rows, ' || sum(deadline_ok(p, sub) IS NOT deadline_ok(p, sub, '')) || ' differ' FROM s, p),
  '111840 rows, 0 differ';
SELECT 'F8 fast = general: every minute of the due day and the day after', (WITH RECURSIVE
  m(m) AS (SELECT 0 UNION ALL SELECT m + 1 FROM m WHERE m < 1439),
  dd(d) AS (VALUES (7), (8)),
  s(sub) AS (SELECT printf('2016-03-%02d %02d:%02d', d, m / 60, m % 60) FROM m, dd)
  SELECT count(*) || ' rows, ' || sum(deadline_ok('2016-02', sub) IS NOT deadline_ok('2016-02', sub, '')) || ' differ, ' || sum(deadline_ok('2016-02', sub)) || ' on time' FROM s),
  '2880 rows, 0 differ, 1440 on time';
SELECT 'F8 29 February, leap and not, month ends', (WITH s(sub) AS (VALUES ('2016-02-29 10:00'), ('2016-02-29'), ('2016-04-30 10:00'), ('2016-01-31'), ('2016-03-31 23:59:59')) SELECT group_concat(deadline_ok('2016-02', sub), '') FROM s), '11010';
SELECT 'F2 outside 2000–2050 the general path answers', (WITH s(p, sub) AS (VALUES ('2015-03', '2015-04-01'), ('1999-12', '2000-01-05 10:00'), ('1999-12', '1999-12-31'), ('2050-01', '2051-01-01'), ('2050-01', '1999-01-01 00:00')) SELECT group_concat(deadline_ok(p, sub), '') FROM s), '11101';
-- R5 a due date after 9999-12-31 (dates.c T12): see deadlines.errors; the last one that exists
SELECT 'R5 9999-11 strict is due 9999-12-05', report_due('9999-11', 'strict'), '9999-12-05';
SELECT 'R5 9999-H2 strict is due 9999-12-31', report_due('9999-H2', 'strict'), '9999-12-31';
SELECT 'R5 report_calendar up to 9999-11 strict', (SELECT group_concat(period || ' ' || due, ',') FROM report_calendar('9999-10', '9999-11', 'strict')), '9999-10 9999-11-05,9999-11 9999-12-05';
-- R9 report_status: the brief's examples
SELECT 'R9 on time, seen', report_status('2015-03', '2015-04-06 23:59', '2015-12-31'), 'on_time';
SELECT 'R9 late, seen', report_status('2015-03', '2015-04-08', '2015-12-31'), 'late';
SELECT 'R9 nothing filed, past due', report_status('2015-03', NULL, '2015-04-07'), 'missing';
SELECT 'R9 nothing filed, on the due day', report_status('2015-03', NULL, '2015-04-06'), 'pending';
SELECT 'R9 filed after as_of is not seen', report_status('2015-03', '2015-04-09', '2015-04-08'), 'missing';
-- R9 more
SELECT 'R9 filed after as_of, not yet due', report_status('2015-03', '2015-04-03', '2015-04-02'), 'pending';
SELECT 'R9 filed on as_of is seen', report_status('2015-03', '2015-04-08 18:00', '2015-04-08'), 'late';
SELECT 'R9 on time before the due day', report_status('2015-03', '2015-04-01', '2015-04-01'), 'on_time';
SELECT 'R9 as_of is a Korean day (Z)', report_status('2015-03', '2015-04-08', '2015-04-07T15:00:00Z'), 'late';
SELECT 'R9 as_of before 15:00Z is the day before', report_status('2015-03', '2015-04-08', '2015-04-07T14:59Z'), 'missing';
SELECT 'R9 submission in Korean time (Z crosses into the 7th)', report_status('2015-03', '2015-04-06T15:00:00Z', '2015-12-31'), 'late';
SELECT 'R9 submission dotted', report_status('2015-03', '2015. 4. 6.', '2015.12.31.'), 'on_time';
SELECT 'R9 half-year', report_status('2015-H1', '2015-07-31 23:00', '2015-08-01'), 'on_time';
SELECT 'R9 half-year missing', report_status('2015-H1', NULL, '2015-08-01'), 'missing';
SELECT 'R9 rule strict', report_status('2015-03', '2015-04-06', '2015-12-31', 'strict'), 'late';
SELECT 'R9 rule strict, missing the day after the 5th', report_status('2015-03', NULL, '2015-04-06', 'strict'), 'missing';
SELECT 'R9 rule day=10', report_status('2015-05', '2015-06-10', '2015-12-31', 'day=10'), 'on_time';
SELECT 'R9 NULL rule is the default', report_status('2015-03', '2015-04-06', '2015-12-31', NULL), 'on_time';
SELECT 'R9 NULL period', report_status(NULL, '2015-04-06', '2015-12-31'), NULL;
SELECT 'R9 NULL as_of', report_status('2015-03', '2015-04-06', NULL), NULL;
SELECT 'R9 NULL both', report_status(NULL, NULL, NULL), NULL;
SELECT 'R9 TEXT', typeof(report_status('2015-03', NULL, '2015-04-06')), 'text';
SELECT 'R9 strict needs no calendar', report_status('2051-01', NULL, '2051-02-05', 'strict'), 'pending';
-- R9 is deadline_ok and report_due composed, on every period of 2015-2016, submissions
-- and as_of days from 3 days before to 3 days after each due day, and no submission
SELECT 'R9 equals the rule written with deadline_ok and report_due', (WITH RECURSIVE
  m(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM m WHERE i < 23),
  p(p) AS (SELECT printf('%04d-%02d', 2015 + i / 12, i % 12 + 1) FROM m UNION ALL VALUES ('2015-H1'), ('2015-H2'), ('2016-H1'), ('2016-H2')),
  o(o) AS (VALUES (-3), (-2), (-1), (0), (1), (2), (3)),
  r(r) AS (VALUES (NULL), ('strict'), ('day=10')),
  c(p, r, sub, asof) AS (
    SELECT p, r, s.d, a.d FROM p, r,
      (SELECT o, NULL AS d FROM o WHERE o = 0 UNION ALL SELECT o, o || ' day' FROM o) s,
      (SELECT o || ' day' AS d FROM o) a)
  SELECT count(*) || ' ' || sum(got IS NOT want) FROM (
    SELECT report_status(p, sub, asof, r) AS got,
      CASE WHEN sub IS NOT NULL AND sub <= asof THEN CASE WHEN deadline_ok(p, sub, r) THEN 'on_time' ELSE 'late' END
           WHEN asof > report_due(p, r) THEN 'missing' ELSE 'pending' END AS want
    FROM (SELECT p, r, CASE WHEN sub IS NULL THEN NULL ELSE date(report_due(p, r), sub) END AS sub,
                 date(report_due(p, r), asof) AS asof FROM c))), '4704 0';
SELECT 'R9 sees holiday_override (R7)', (SELECT report_status('2015-04', '2015-05-07', '2015-12-31')), 'late';
CREATE TABLE holiday_override(day TEXT PRIMARY KEY, name TEXT, is_holiday INTEGER NOT NULL);
INSERT INTO holiday_override VALUES ('2015-05-06', '구 개청 기념일', 1);
SELECT 'R9 sees holiday_override (R7), after', (SELECT report_status('2015-04', '2015-05-07', '2015-12-31')), 'on_time';
DROP TABLE holiday_override;
-- R10 (issue 15: report_rule h1=/h2=, DOMAIN O6): a half-year's research report due on the
-- first MM-DD on or after the half-year's first day, moved past holidays unless strict.
SELECT 'R10 issue 15: h1=07-20', report_due('2026-H1', 'h1=07-20'), '2026-07-20';
SELECT 'R10 h1=07-19 on a Sunday moves to Monday', report_due('2015-H1', 'h1=07-19'), '2015-07-20';
SELECT 'R10 h1=07-19 strict keeps the Sunday', report_due('2015-H1', 'h1=07-19, strict'), '2015-07-19';
SELECT 'R10 h1 past 설날 (2015-02-18 to 20) and the weekend', report_due('2015-H1', 'h1=02-18'), '2015-02-23';
SELECT 'R10 O6 plans: H1 by 1-20 of its year', report_due('2026-H1', 'h1=01-20, h2=07-20'), '2026-01-20';
SELECT 'R10 O6 plans: H2 by 7-20 of its year', report_due('2026-H2', 'h1=01-20, h2=07-20'), '2026-07-20';
SELECT 'R10 h2 of a month 01-06 is the next year', report_due('2026-H2', 'h2=01-20'), '2027-01-20';
SELECT 'R10 h2=06-30 is the next year too', report_due('2026-H2', 'h2=06-30, strict'), '2027-06-30';
SELECT 'R10 h2=07-01 is the half-year''s first day', report_due('2026-H2', 'h2=07-01, strict'), '2026-07-01';
SELECT 'R10 h1 does not touch H2', report_due('2026-H2', 'h1=07-20'), '2026-12-31';
SELECT 'R10 h2 does not touch H1', report_due('2026-H1', 'h2=01-20'), '2026-07-31';
SELECT 'R10 a month is not affected', report_due('2015-03', 'h1=01-20, h2=07-20'), '2015-04-06';
SELECT 'R10 with day=', report_due('2015-05', 'day=10, h1=01-20'), '2015-06-10';
SELECT 'R10 02-29 in a leap year', report_due('2016-H1', 'h1=02-29, strict'), '2016-02-29';
SELECT 'R10 02-29 in another year is 02-28', report_due('2015-H1', 'h1=02-29, strict'), '2015-02-28';
SELECT 'R10 the last setting of a kind counts (as day= does)', report_due('2026-H1', 'h1=03-03, h1=07-20'), '2026-07-20';
SELECT 'R10 outside the calendar years, strict', report_due('2060-H2', 'h2=01-20, strict'), '2061-01-20';
SELECT 'R10 outside the calendar years, before 2000, strict', report_due('1999-H1', 'h1=07-20, strict'), '1999-07-20';
SELECT 'R10 constant rule over rows (auxdata keeps h1 and h2)', (SELECT group_concat(report_due(column1, 'h1=01-20,h2=02-10,day=9'), ',') FROM (VALUES ('2026-H1'), ('2026-H2'), ('2026-05'), ('2026-H1'))), '2026-01-20,2027-02-10,2026-06-09,2026-01-20';
SELECT 'R10 rule from a column, row by row', (SELECT group_concat(report_due('2026-H1', column1), ',') FROM (VALUES ('h1=07-20'), (''), ('h1=01-20'), ('h2=01-20'))), '2026-07-20,2026-07-31,2026-01-20,2026-07-31';
SELECT 'R10 the memo of a day= rule keeps JG7 after an h1 rule filled it', (SELECT group_concat(report_due(column1, column2), ',') FROM (VALUES ('2026-03', 'h1=01-20'), ('2026-H1', 'day=5'), ('2026-H1', 'h1=03-20,day=5'), ('2026-H1', NULL))), '2026-04-06,2026-07-31,2026-03-20,2026-07-31';
SELECT 'R10 deadline_ok on the due day and the day after', deadline_ok('2026-H1', '2026-07-20 23:59', 'h1=07-20') || deadline_ok('2026-H1', '2026-07-21', 'h1=07-20'), '10';
SELECT 'R10 report_status: missing the day after', report_status('2026-H1', NULL, '2026-01-21', 'h1=01-20'), 'missing';
SELECT 'R10 report_status: pending on the due day', report_status('2026-H1', NULL, '2026-01-20', 'h1=01-20'), 'pending';
SELECT 'R10 report_calendar orders by the due days', (SELECT group_concat(period || '@' || due, ' ') FROM report_calendar('2026-01', '2026-06', 'h1=01-20')), '2026-H1@2026-01-20 2026-01@2026-02-05 2026-02@2026-03-05 2026-03@2026-04-06 2026-04@2026-05-06 2026-05@2026-06-05 2026-06@2026-07-06';
SELECT 'R10 report_calendar agrees with report_due over every half-year and setting', (WITH RECURSIVE
  y(y) AS (SELECT 2000 UNION ALL SELECT y + 1 FROM y WHERE y < 2049),
  h(h) AS (VALUES (1), (2)),
  r(r) AS (VALUES ('h1=01-20,h2=07-20'), ('h1=07-20,h2=01-20'), ('h1=02-29,h2=02-29'), ('h1=12-31,h2=06-30,strict')),
  p(p) AS (SELECT y || '-H' || h FROM y, h)
  SELECT count(*) || ' ' || sum(report_due(p, r) = (SELECT due FROM report_calendar(p, p, r) WHERE period = p)) FROM r, p), '400 400';
