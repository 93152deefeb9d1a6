-- sql/log.sql: the change log (issue 14, H3), oldest first.
--
-- Run by `learnclub log DB [--since YYYY-MM-DD]` with @since bound (NULL:
-- every row). One row per change_log row (cli/changelog.c CL1-CL5):
-- id, at (Korean time), user, command, arguments (joined by spaces, each one
-- that is empty or holds a space or a character the shell reads quoted as
-- 'VALUE', a ' inside as '\'', so the line can be run again as it is),
-- tables (per table "+added ~changed -removed", the zeros left out) and
-- changes (the JSON object with the changed and removed rows' old values).
-- No findings: exit 0.
BEGIN;

CREATE TEMP TABLE lc_out AS
SELECT l.id, l.at, l.os_user AS user, l.command,
       (SELECT group_concat(CASE WHEN a.value = ''
                                      OR a.value GLOB '*[]' || ' ' || char(9, 10, 13) || '[''"\$`;&|<>()*?#~{}!]*'
                                 THEN '''' || replace(a.value, '''', '''\''''') || ''''
                                 ELSE a.value END, ' ')
        FROM json_each(l.args) a) AS arguments,
       (SELECT group_concat(t.key || ' ' || trim(
                 CASE WHEN json_extract(t.value, '$.added') > 0 THEN '+' || (json_extract(t.value, '$.added')) || ' ' ELSE '' END ||
                 CASE WHEN json_extract(t.value, '$.changed') > 0 THEN '~' || (json_extract(t.value, '$.changed')) || ' ' ELSE '' END ||
                 CASE WHEN json_extract(t.value, '$.removed') > 0 THEN '-' || (json_extract(t.value, '$.removed')) ELSE '' END), ', ')
        FROM json_each(l.changes) t) AS tables,
       l.changes
FROM change_log l
WHERE @since IS NULL OR l.at >= @since
ORDER BY l.id;

SELECT id, at, user, command, arguments, tables, changes FROM lc_out ORDER BY id;

COMMIT;

CREATE TEMP TABLE lc_status AS SELECT 0 AS findings;
