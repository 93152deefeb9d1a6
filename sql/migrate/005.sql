-- sql/migrate/005.sql: schema version 4 -> 5 (issue 15). Each helper's part
-- is a block of its own below; sql/rules.sql, run after the migrations,
-- creates the views and triggers a block drops.

-- issue 15 (D): report_rule gains h1=MM-DD and h2=MM-DD (deadlines.c R10,
-- DOMAIN O6): the view that checks a program's settings and the triggers
-- that say the grammar are dropped; sql/rules.sql creates them anew. No row
-- changes: every rule stored so far is still valid.
DROP TRIGGER IF EXISTS program_report_rule_insert;
DROP TRIGGER IF EXISTS program_report_rule_update;
DROP VIEW IF EXISTS program_setting_invalid;

-- issue 15 (D): an indicator's kind (NJ8): cumulative, as every indicator
-- was so far, or level, a yearly target met or not (sql/pledge-report.sql).
ALTER TABLE indicator ADD COLUMN kind TEXT NOT NULL DEFAULT 'cumulative'
  CONSTRAINT "indicator: kind must be cumulative or level (NJ8)" CHECK (kind IN ('cumulative', 'level'));

-- issue 15 (B1): judging. program gets panel_weights, finalists and criteria
-- (NULL: today's rules); club its track (NULL: the program's one ranking);
-- score a panel ('' none), the judge's emp_no (NULL) and the stage (final),
-- and a key with stage and panel, so the table is rebuilt: every score keeps
-- its values and becomes a final-stage score without panel, as before.
ALTER TABLE program ADD COLUMN panel_weights TEXT;
ALTER TABLE program ADD COLUMN finalists INTEGER
  CONSTRAINT "program: finalists must be a positive integer (O3)"
  CHECK (finalists IS NULL OR (typeof(finalists) = 'integer' AND finalists > 0));
ALTER TABLE program ADD COLUMN criteria TEXT;
ALTER TABLE club ADD COLUMN track TEXT
  CONSTRAINT "club: track must not be empty; NULL for none (O2)" CHECK (track IS NULL OR length(track) > 0);
-- score as sql/schema.sql declares it; its rows go through a copy, and no
-- table is renamed (a rename checks every view and trigger, and those of
-- sql/rules.sql that read score are dropped with it and made again).
CREATE TEMP TABLE score_v4 AS SELECT rowid AS rid, * FROM score;
DROP TABLE score;
CREATE TABLE score (
  club_id    INTEGER NOT NULL REFERENCES club(id),
  period     TEXT NOT NULL
             CONSTRAINT "score: period must be YYYY-H1 or YYYY-H2" CHECK (period GLOB '[0-9][0-9][0-9][0-9]-H[12]'),
  judge      TEXT NOT NULL
             CONSTRAINT "score: judge must not be empty" CHECK (length(judge) > 0),
  criterion  TEXT NOT NULL
             CONSTRAINT "score: criterion must not be empty" CHECK (length(criterion) > 0),
  points     REAL NOT NULL
             CONSTRAINT "score: points must be a number from 0 to 100"
             CHECK (typeof(points) IN ('integer', 'real') AND points >= 0 AND points <= 100),
  panel      TEXT NOT NULL DEFAULT '',
  judge_emp_no TEXT
             CONSTRAINT "score: judge_emp_no must not be empty; NULL for none" CHECK (judge_emp_no IS NULL OR length(judge_emp_no) > 0),
  stage      TEXT NOT NULL DEFAULT 'final'
             CONSTRAINT "score: stage must be screening or final (O3)" CHECK (stage IN ('screening', 'final')),
  PRIMARY KEY (club_id, period, stage, panel, judge, criterion)
);
INSERT INTO score(rowid, club_id, period, judge, criterion, points)
SELECT rid, club_id, period, judge, criterion, points FROM temp.score_v4 ORDER BY rid;
DROP TABLE temp.score_v4;
CREATE INDEX IF NOT EXISTS score_period ON score(period, club_id);

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
