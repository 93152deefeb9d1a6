-- hours.c H1–H6. Rows: case, got, expected.
SELECT 'H1 JG9 example capped at 12', (SELECT learning_hours(column1) FROM (VALUES (5),(4),(6))), 12.0;
SELECT 'H1 cap 20', (SELECT learning_hours(column1, 20) FROM (VALUES (5),(4),(6))), 15.0;
SELECT 'H1 under the cap', (SELECT learning_hours(column1) FROM (VALUES (2),(3))), 5.0;
SELECT 'H1 exactly the cap', (SELECT learning_hours(column1) FROM (VALUES (6),(6))), 12.0;
SELECT 'H1 REAL result', (SELECT typeof(learning_hours(column1)) FROM (VALUES (2),(3))), 'real';
SELECT 'H1 fractions', (SELECT learning_hours(column1) FROM (VALUES (1.5),(2.25))), 3.75;
SELECT 'H1 cap 0', (SELECT learning_hours(column1, 0) FROM (VALUES (2))), 0.0;
SELECT 'H2 NULL rows skipped', (SELECT learning_hours(column1) FROM (VALUES (2),(NULL),(3))), 5.0;
SELECT 'H2 only NULLs gives NULL', (SELECT learning_hours(column1) FROM (VALUES (NULL),(NULL))), NULL;
SELECT 'H2 no rows gives NULL', (SELECT learning_hours(column1) FROM (VALUES (1)) WHERE 0), NULL;
SELECT 'H2 NULL cap means default', (SELECT learning_hours(column1, NULL) FROM (VALUES (10),(10))), 12.0;
SELECT 'H3 exact sum of tenths', (SELECT learning_hours(0.1, 1000) = 100.0 FROM (WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) SELECT i FROM n)), 1;
SELECT 'H4 numeric text counts', (SELECT learning_hours(column1) FROM (VALUES ('2'),('3.5'))), 5.5;
SELECT 'H1 zero hours', (SELECT learning_hours(column1) FROM (VALUES (0),(0))), 0.0;
SELECT 'H1 grouped per person and half-year (DOMAIN D4)', (SELECT group_concat(p || '=' || h, ',') FROM (WITH t(p, h) AS (VALUES ('a', 8), ('a', 8), ('b', 3)) SELECT p, learning_hours(h) AS h FROM t GROUP BY p)), 'a=12.0,b=3.0';
-- H5 window
SELECT 'H5 running total, capped', (SELECT group_concat(r, ',') FROM (WITH t(d, h) AS (VALUES (1, 5), (2, 4), (3, 6), (4, 1)) SELECT learning_hours(h) OVER (ORDER BY d) AS r FROM t)), '5.0,9.0,12.0,12.0';
SELECT 'H5 sliding frame uses xInverse', (SELECT group_concat(r, ',') FROM (WITH t(d, h) AS (VALUES (1, 5), (2, 4), (3, 9), (4, 1)) SELECT learning_hours(h) OVER (ORDER BY d ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS r FROM t)), '5.0,9.0,12.0,10.0';
SELECT 'H5 frame emptied gives NULL', (SELECT group_concat(ifnull(r, 'N'), ',') FROM (WITH t(d, h) AS (VALUES (1, 5), (2, NULL), (3, NULL)) SELECT learning_hours(h) OVER (ORDER BY d ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS r FROM t)), '5.0,5.0,N';
SELECT 'H5 partition by person', (SELECT group_concat(r, ',') FROM (WITH t(p, d, h) AS (VALUES ('a', 1, 7), ('a', 2, 7), ('b', 1, 2)) SELECT learning_hours(h) OVER (PARTITION BY p ORDER BY d) AS r FROM t ORDER BY p, d)), '7.0,12.0,2.0';
SELECT 'H3 inverse leaves no drift', (SELECT max(abs(r - 0.3)) < 1e-15 FROM (SELECT learning_hours(h, 100) OVER (ORDER BY d ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS r, d FROM (WITH RECURSIVE n(d, h) AS (SELECT 1, 0.1 UNION ALL SELECT d + 1, 0.1 FROM n WHERE d < 5000) SELECT d, h FROM n)) WHERE d >= 3), 1;
-- H7 one cap per group: NULL is the default 12, and it is compared as a number
SELECT 'H7 NULL cap on every row is 12', (SELECT learning_hours(column1, column2) FROM (VALUES (10, NULL), (5, NULL))), 12.0;
SELECT 'H7 NULL and 12 are the same cap', (SELECT learning_hours(column1, column2) FROM (VALUES (10, 12), (5, NULL), (1, 12.0), (2, '12'))), 12.0;
SELECT 'H7 the cap of a NULL-hours row counts, when equal', (SELECT learning_hours(column1, column2) FROM (VALUES (10, 20), (NULL, 20), (5, 20))), 15.0;
SELECT 'H7 groups may have different caps', (SELECT group_concat(h, ',') FROM (SELECT learning_hours(column2, column3) AS h FROM (VALUES ('a', 10, 20), ('a', 5, 20), ('b', 10, NULL), ('b', 5, NULL)) GROUP BY column1 ORDER BY column1)), '15.0,12.0';
SELECT 'H7 window partitions may have different caps', (SELECT group_concat(h, ',') FROM (SELECT learning_hours(column3, column4) OVER (PARTITION BY column1 ORDER BY column2) AS h FROM (VALUES ('a', 1, 10, 20), ('a', 2, 5, 20), ('b', 1, 10, NULL), ('b', 2, 5, NULL)) ORDER BY column1, column2)), '10.0,15.0,10.0,12.0';
SELECT 'H7 sliding window with one cap', (SELECT group_concat(h, ',') FROM (SELECT learning_hours(column2, column3) OVER (ORDER BY column1 ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS h FROM (VALUES (1, 10, 15), (2, 10, 15), (3, 1, 15)))), '10.0,15.0,11.0';
