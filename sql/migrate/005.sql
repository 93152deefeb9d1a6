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

PRAGMA user_version = 5;
