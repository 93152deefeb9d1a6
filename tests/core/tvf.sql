-- common.c V1–V4: every table-valued function takes its arguments the same way,
-- and gives the same rows whatever join order SQLite chooses (issue 12, defects 2
-- and 3). Rows: case, got, expected.
CREATE TABLE r(rule TEXT);
INSERT INTO r VALUES ('strict'), (''), ('day=10');
CREATE TABLE p(f TEXT, t TEXT);
INSERT INTO p VALUES ('2015-03', '2015-03'), ('2015-05', '2015-07');
CREATE TABLE h(f, t);
INSERT INTO h VALUES ('2015-01-01', '2015-01-31'), ('2015-02-01', '2015-03-01'), (2017, NULL);
CREATE TABLE s(scheme TEXT);
INSERT INTO s VALUES ('junggu-2015'), ('naju-2025'), ('금:1:10');
-- V1: the call and the hidden columns named in WHERE are one thing
SELECT 'V1 report_calendar: arguments as hidden columns', (SELECT group_concat(due) FROM report_calendar WHERE from_period = '2015-03' AND to_period = '2015-04' AND rule = 'strict'), (SELECT group_concat(due) FROM report_calendar('2015-03', '2015-04', 'strict'));
SELECT 'V1 holidays: arguments as hidden columns', (SELECT count(*) FROM holidays WHERE from_date = 2025), (SELECT count(*) FROM holidays(2025));
SELECT 'V1 award_table: arguments as hidden columns', (SELECT group_concat(prize) FROM award_table WHERE scheme = 'naju-2025'), (SELECT group_concat(prize) FROM award_table('naju-2025'));
-- V2 (defect 3): an argument from another table, the table named first, named
-- second, and the order fixed by CROSS JOIN; every one gives the same rows:
-- 2015-05..2015-07 is three months and H1 (its last month, June, is in range);
-- the schemes pay 1 000 000 (junggu-2015), 2 200 000 (naju-2025) and 10.
SELECT 'V2 report_calendar, rule from a table: table first', (SELECT count(*) || ' ' || group_concat(rule || '@' || due, ' ') FROM (SELECT r.rule, c.due FROM r, report_calendar('2015-03', '2015-03', r.rule) c ORDER BY 1)), '3 @2015-04-06 day=10@2015-04-10 strict@2015-04-05';
SELECT 'V2 report_calendar, rule from a table: function first', (SELECT count(*) || ' ' || group_concat(rule || '@' || due, ' ') FROM (SELECT r.rule, c.due FROM report_calendar('2015-03', '2015-03', r.rule) c, r ORDER BY 1)), '3 @2015-04-06 day=10@2015-04-10 strict@2015-04-05';
SELECT 'V2 report_calendar, rule from a table: CROSS JOIN', (SELECT count(*) || ' ' || group_concat(rule || '@' || due, ' ') FROM (SELECT r.rule, c.due FROM r CROSS JOIN report_calendar('2015-03', '2015-03', r.rule) c ORDER BY 1)), '3 @2015-04-06 day=10@2015-04-10 strict@2015-04-05';
SELECT 'V2 report_calendar, from and to from a table: table first', (SELECT count(*) || ' ' || group_concat(period, ' ') FROM (SELECT c.period FROM p, report_calendar(p.f, p.t) c ORDER BY 1)), '5 2015-03 2015-05 2015-06 2015-07 2015-H1';
SELECT 'V2 report_calendar, from and to from a table: function first', (SELECT count(*) || ' ' || group_concat(period, ' ') FROM (SELECT c.period FROM report_calendar(p.f, p.t) c, p ORDER BY 1)), '5 2015-03 2015-05 2015-06 2015-07 2015-H1';
SELECT 'V2 report_calendar, from and to from a table: CROSS JOIN', (SELECT count(*) || ' ' || group_concat(period, ' ') FROM (SELECT c.period FROM p CROSS JOIN report_calendar(p.f, p.t) c ORDER BY 1)), '5 2015-03 2015-05 2015-06 2015-07 2015-H1';
SELECT 'V2 report_calendar, the count of the issue', (SELECT count(*) FROM r, report_calendar('2015-03', '2015-03', r.rule)), 3;
SELECT 'V2 holidays, to_date from a table: table first', (SELECT count(*) || ' ' || group_concat(date, ' ') FROM (SELECT x.date FROM h, holidays('2015-01-01', h.t) x ORDER BY 1)), '6 2015-01-01 2015-01-01 2015-02-18 2015-02-19 2015-02-20 2015-03-01';
SELECT 'V2 holidays, to_date from a table: function first', (SELECT count(*) || ' ' || group_concat(date, ' ') FROM (SELECT x.date FROM holidays('2015-01-01', h.t) x, h ORDER BY 1)), '6 2015-01-01 2015-01-01 2015-02-18 2015-02-19 2015-02-20 2015-03-01';
SELECT 'V2 holidays, to_date from a table: CROSS JOIN', (SELECT count(*) || ' ' || group_concat(date, ' ') FROM (SELECT x.date FROM h CROSS JOIN holidays('2015-01-01', h.t) x ORDER BY 1)), '6 2015-01-01 2015-01-01 2015-02-18 2015-02-19 2015-02-20 2015-03-01';
SELECT 'V2 holidays, both bounds from a table: table first', (SELECT count(*) FROM h, holidays(h.f, h.t)), (SELECT count(*) FROM h CROSS JOIN holidays(h.f, h.t));
SELECT 'V2 holidays, both bounds from a table: function first', (SELECT count(*) FROM holidays(h.f, h.t), h), (SELECT count(*) FROM h CROSS JOIN holidays(h.f, h.t));
SELECT 'V2 holidays, a year from a table: table first', (SELECT count(*) FROM h, holidays(h.f) WHERE typeof(h.f) = 'integer'), (SELECT count(*) FROM holidays(2017));
SELECT 'V2 holidays, a year from a table: function first', (SELECT count(*) FROM holidays(h.f), h WHERE typeof(h.f) = 'integer'), (SELECT count(*) FROM holidays(2017));
SELECT 'V2 holidays, the count of the issue', (SELECT count(*) FROM h, holidays('2015-01-01', h.t)), 6;
SELECT 'V2 award_table, scheme from a table: table first', (SELECT count(*) || ' ' || sum(prize) FROM s, award_table(s.scheme)), '7 3200010';
SELECT 'V2 award_table, scheme from a table: function first', (SELECT count(*) || ' ' || sum(prize) FROM award_table(s.scheme), s), '7 3200010';
SELECT 'V2 award_table, scheme from a table: CROSS JOIN', (SELECT count(*) || ' ' || sum(prize) FROM s CROSS JOIN award_table(s.scheme)), '7 3200010';
SELECT 'V2 a join on the hidden column instead of the call', (SELECT count(*) FROM s JOIN award_table a ON a.scheme = s.scheme), 7;
-- V4 (defect 2): argument columns read back the arguments, so constraints that
-- SQLite tests itself filter as on a table
SELECT 'V4 two schemes: no rows (the issue)', (SELECT count(*) FROM award_table('junggu-2015') WHERE scheme = 'junggu-2015' AND scheme = 'naju-2025'), 0;
SELECT 'V4 the same scheme twice: its rows', (SELECT count(*) FROM award_table('junggu-2015') WHERE scheme = 'junggu-2015' AND scheme = 'junggu-2015'), 3;
SELECT 'V4 a scheme and another operator', (SELECT count(*) FROM award_table WHERE scheme = 'naju-2025' AND scheme < 'n') || ' ' || (SELECT count(*) FROM award_table WHERE scheme = 'naju-2025' AND scheme > 'n'), '0 3';
SELECT 'V4 scheme reads back', (SELECT group_concat(DISTINCT scheme) FROM award_table('naju-2025')), 'naju-2025';
SELECT 'V4 scheme not given reads back NULL', (SELECT count(*) || ' ' || typeof(scheme) FROM award_table), '3 null';
SELECT 'V4 holidays bounds read back as given', (SELECT DISTINCT typeof(from_date) || ' ' || from_date || ' ' || typeof(to_date) FROM holidays(2025)), 'integer 2025 null';
SELECT 'V4 holidays: a year given as text reads back as text', (SELECT DISTINCT typeof(from_date) || ' ' || from_date FROM holidays('2025')), 'text 2025';
SELECT 'V4 holidays: two to_dates, no rows', (SELECT count(*) FROM holidays('2015-01-01', '2015-12-31') WHERE to_date = '2015-06-30'), 0;
SELECT 'V4 report_calendar arguments read back', (SELECT DISTINCT from_period || ' ' || to_period || ' ' || rule FROM report_calendar('2015-03', '2015-04', 'strict')), '2015-03 2015-04 strict';
SELECT 'V4 report_calendar: two rules, no rows', (SELECT count(*) FROM report_calendar('2015-03', '2015-04', 'strict') WHERE rule = 'day=10'), 0;
