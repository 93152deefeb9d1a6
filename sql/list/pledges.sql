-- sql/list/pledges.sql: `learnclub list DB pledges` (issue 14): NJ8, NJ9; key: code.
SELECT pl.code, pl.title, pl.status, pl.completion, pl.total_budget,
       (SELECT count(*) FROM indicator i WHERE i.pledge_id = pl.id) AS indicators
FROM pledge pl
ORDER BY pl.code;
