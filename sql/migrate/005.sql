-- sql/migrate/005.sql: schema version 4 -> 5 (issue 15). Each part of the
-- issue appends its block; rules that change are dropped here and created
-- again by sql/rules.sql, which `learnclub init` runs after the migrations (S5).

-- issue 15 (B2): incentives per tier as data (JG10, JG11, O1, O2). The
-- setting `incentives` takes over from leave_tiers and trip_tiers: each tier
-- of leave_tiers gets leave*2 (its 2 nominated top contributors, JG10), each
-- of trip_tiers trip (all its members, JG11), in the order the lists name
-- them; two empty lists are no incentive (''). Jung-gu's defaults
-- ('최우수,우수' and '최우수') become the new default
-- '최우수:leave*2+trip,우수:leave*2'. The two old columns are dropped, with the
-- views and triggers that read them (rules.sql creates the new ones); the
-- command refuses no value the old lists allowed (migration 004 wrote them
-- without spaces).
ALTER TABLE program ADD COLUMN incentives TEXT NOT NULL DEFAULT '최우수:leave*2+trip,우수:leave*2';
UPDATE program SET incentives = coalesce((
  SELECT group_concat(t.tier || ':' || CASE WHEN t.l AND t.t THEN 'leave*2+trip' WHEN t.l THEN 'leave*2' ELSE 'trip' END, ',')
  FROM (SELECT x.tier, max(x.l) AS l, max(x.t) AS t, min(x.pos) AS pos FROM (
          SELECT j.value AS tier, 1 AS l, 0 AS t, CAST(j.key AS INTEGER) AS pos
          FROM json_each(CASE WHEN program.leave_tiers = '' THEN '[]'
                         ELSE '[' || replace(json_quote(program.leave_tiers), ',', '","') || ']' END) j
          UNION ALL
          SELECT j.value, 0, 1, 1000 + CAST(j.key AS INTEGER)
          FROM json_each(CASE WHEN program.trip_tiers = '' THEN '[]'
                         ELSE '[' || replace(json_quote(program.trip_tiers), ',', '","') || ']' END) j) x
        GROUP BY x.tier ORDER BY pos) t), '');
DROP TRIGGER IF EXISTS program_report_rule_insert;
DROP TRIGGER IF EXISTS program_report_rule_update;
DROP TRIGGER IF EXISTS program_award_scheme_insert;
DROP TRIGGER IF EXISTS program_award_scheme_update;
DROP TRIGGER IF EXISTS program_tiers_insert;
DROP TRIGGER IF EXISTS program_tiers_update;
DROP VIEW IF EXISTS program_setting_invalid;
DROP VIEW IF EXISTS program_setting_item;
ALTER TABLE program DROP COLUMN leave_tiers;
ALTER TABLE program DROP COLUMN trip_tiers;
-- issue 15 (B2): the support allocation of each club for the program's year
-- (O5), AMOUNT[,CLUB:AMOUNT…] in KRW; NULL: none (existing programs).
ALTER TABLE program ADD COLUMN allocation TEXT;

PRAGMA user_version = 5;
