-- What the fuzz targets found (issue 6; docs/reliability.md), as plain SQL:
-- each case fails on the extension before its fix. Rows: case, got, expected.
SELECT 'fuzz_rules: report_calendar due of 9999-11 strict is the whole date',
  (SELECT due FROM report_calendar('9999-11', '9999-11', 'strict')), (SELECT report_due('9999-11', 'strict'));
SELECT 'fuzz_aggregates: pledge_rate window after weights of 1e94 leave the frame (was 500.0)',
  (SELECT group_concat(round(x, 6), ',') FROM (SELECT pledge_rate(column2, column3, column4) OVER (ORDER BY column1 ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS x FROM (VALUES (1, 2000, 100, 100), (2, 7.25, 2.51947000254151449918e+93, 2.51947000254151449918e+93), (3, 1, 1, 1.58141733195239708158e+94), (4, 1, 1, 100), (5, 100, 12, 24.5), (6, 1, 1, 0.5)))),
  '100.0,0.0,86.257669,86.257669,100.0,100.0';
SELECT 'fuzz_aggregates: learning_hours window across 1e20 and tenths',
  (SELECT group_concat(x, ',') FROM (SELECT learning_hours(column2, 1e30) OVER (ORDER BY column1 ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS x FROM (VALUES (1, 1e20), (2, 0.1), (3, 0.2), (4, 0.3)))),
  '1.0e+20,1.0e+20,0.3,0.5';
SELECT 'fuzz_aggregates: the exact sum is correctly rounded', learning_hours(column1, 100) = 0.6, 1 FROM (VALUES (0.1), (0.2), (0.3));
