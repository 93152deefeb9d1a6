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

PRAGMA user_version = 5;
