-- sql/migrate/005.sql: schema version 4 -> 5 (issues 15 and 16). Each
-- helper's additions are a block of their own, below; no row changes.

-- issue 16 (E2): evaluation.ties, the ties `evaluate` left for the committee
-- (sql/evaluate.sql EV4), shown by the HTML report as 동점 – 위원회 결정 대기.
-- An evaluation stored before version 5 has NULL: its ties were not recorded
-- (the report says nothing of them until `evaluate` runs again).
ALTER TABLE evaluation ADD COLUMN ties TEXT
  CONSTRAINT "evaluation: ties must be a JSON array" CHECK (ties IS NULL OR (json_valid(ties) AND json_type(ties) = 'array'));

PRAGMA user_version = 5;
