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
-- The functions of issue 12 (dates.c T7, deadlines.c R7): in a view, a trigger,
-- a generated column and an index, under trusted_schema=OFF.
CREATE VIEW v_new AS
  SELECT report_status(period, submitted, '2015-12-31') AS st, period_start(period) AS ps,
         period_end(period) AS pe, kr_date(submitted) AS kd, kr_datetime(submitted) AS kt,
         is_date(submitted) AS isd
  FROM report WHERE period = '2015-03';
SELECT 'E4 view of the issue 12 functions', (SELECT group_concat(st || ps || pe || kd || kt || isd, ';') FROM v_new), 'on_time2015-03-012015-03-312015-04-062015-04-06 10:00:001;late2015-03-012015-03-312015-04-072015-04-07 00:00:001';
CREATE TABLE staged(v TEXT, d TEXT GENERATED ALWAYS AS (CASE WHEN is_date(v) THEN kr_date(v) END) VIRTUAL,
                    t TEXT GENERATED ALWAYS AS (CASE WHEN is_date(v) THEN kr_datetime(v) END) VIRTUAL,
                    CHECK (v IS NULL OR is_date(v)));
CREATE INDEX staged_d ON staged(kr_date(v));
CREATE TABLE period_log(p TEXT, first TEXT, last TEXT, st TEXT);
CREATE TRIGGER t_period AFTER INSERT ON report BEGIN
  INSERT INTO period_log VALUES (NEW.period, period_start(NEW.period), period_end(NEW.period), report_status(NEW.period, NEW.submitted, '2015-12-31'));
END;
INSERT INTO staged(v) VALUES ('2015.2.11.'), ('2015-04-06T15:00:00Z');
INSERT INTO report VALUES ('2015-H1', '2015-07-31 18:00', 1, 1);
SELECT 'E4 generated columns and CHECK (deterministic)', (SELECT group_concat(d || ' ' || t, ',') FROM staged), '2015-02-11 2015-02-11 00:00:00,2015-04-07 2015-04-07 00:00:00';
SELECT 'E4 index on kr_date (deterministic)', (SELECT count(*) FROM staged WHERE kr_date(v) = '2015-04-07'), 1;
SELECT 'E4 trigger with period_start, period_end, report_status', (SELECT group_concat(p || ' ' || first || ' ' || last || ' ' || st, ',') FROM period_log), '2015-H1 2015-01-01 2015-06-30 on_time';
