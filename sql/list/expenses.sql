-- sql/list/expenses.sql: `learnclub list DB expenses` (issue 14): support
-- spending (JG12); key: id (an expense has no other).
SELECT e.id, l.club, e.spent_on, e.kind, e.amount, e.note
FROM lc_club l JOIN expense e ON e.club_id = l.id, lc_arg a
WHERE e.spent_on BETWEEN a.first_day AND a.last_day
ORDER BY e.spent_on, e.id;
