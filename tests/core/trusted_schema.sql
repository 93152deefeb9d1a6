-- learnclub.c E4: with PRAGMA trusted_schema=OFF, views and triggers that
-- use the functions still work (every function is INNOCUOUS, the modules
-- SQLITE_VTAB_INNOCUOUS). Rows: case, got, expected.
PRAGMA trusted_schema = OFF;
CREATE TABLE report(period TEXT, submitted TEXT, rank INTEGER, h REAL);
INSERT INTO report VALUES ('2015-03', '2015-04-06 10:00', 1, 5), ('2015-03', '2015-04-07', 3, 9);
CREATE VIEW v_all AS
  SELECT period, report_due(period) AS due, deadline_ok(period, submitted) AS ok,
         is_working_day(submitted) AS wd, half_year(submitted) AS hy,
         award_tier(rank) AS tier, award_prize(rank, 'naju-2025') AS prize,
         indicator_rate(rank, 4) AS ir
  FROM report;
CREATE VIEW v_agg AS SELECT learning_hours(h) AS lh, pledge_rate(rank, 4) AS pr,
         learnclub_version() AS v FROM report;
CREATE VIEW v_win AS SELECT learning_hours(h) OVER (ORDER BY rank) AS lh FROM report;
CREATE VIEW v_tvf AS
  SELECT (SELECT count(*) FROM holidays(2015)) AS nh,
         (SELECT count(*) FROM report_calendar('2015-03', '2015-12')) AS nr,
         (SELECT count(*) FROM award_table('naju-2025')) AS na;
CREATE TABLE log(msg TEXT);
CREATE TRIGGER t_report AFTER INSERT ON report BEGIN
  INSERT INTO log VALUES (NEW.period || ' due ' || report_due(NEW.period) || ' ok ' || deadline_ok(NEW.period, NEW.submitted) || ' ' || ifnull(award_tier(NEW.rank), '-'));
END;
CREATE TABLE derived(d TEXT, hy TEXT GENERATED ALWAYS AS (half_year(d)) VIRTUAL);
CREATE INDEX derived_hy ON derived(half_year(d));
INSERT INTO derived(d) VALUES ('2015-07-01');
SELECT 'E4 view of scalars', (SELECT group_concat(due || ok || wd || hy || tier || prize || ir, ';') FROM v_all), '2015-04-06112015-H1최우수100000025.0;2015-04-06012015-H1우수50000075.0';
SELECT 'E4 view of aggregates', (SELECT lh || ' ' || pr || ' ' || v FROM v_agg), '12.0 50.0 0.1.0';
SELECT 'E4 view of a window', (SELECT group_concat(lh, ',') FROM v_win), '5.0,12.0';
SELECT 'E4 view of table-valued functions', (SELECT nh || ' ' || nr || ' ' || na FROM v_tvf), '17 12 3';
INSERT INTO report VALUES ('2015-04', '2015-05-06', 2, 1);
SELECT 'E4 trigger', (SELECT msg FROM log), '2015-04 due 2015-05-06 ok 1 우수';
SELECT 'E4 generated column (deterministic)', (SELECT hy FROM derived), '2015-H2';
SELECT 'E4 index on an expression (deterministic)', (SELECT count(*) FROM derived WHERE half_year(d) = '2015-H2'), 1;
