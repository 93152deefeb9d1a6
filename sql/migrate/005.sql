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

PRAGMA user_version = 5;
