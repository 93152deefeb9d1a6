-- sql/migrate/005.sql: schema version 4 -> 5 (issues 15 and 16). Blocks by
-- helper, each commented; `learnclub init` runs this with foreign keys off,
-- then sql/rules.sql creates every view and trigger again.

-- issue 15 (A): history that stays true. Every view and trigger of version 4
-- is dropped first: membership is rebuilt (its key becomes a stint, (club_id,
-- person_id, joined_on)), and sql/rules.sql then creates the rules again in
-- its own order, so an upgraded database fires its triggers in the order of a
-- new one. No row changes: a version 4 person's unit (person.unit_id) holds on
-- every day, as before, until the roster dates a change (person_unit); a
-- membership's role holds for its whole stint until the roster dates a change
-- (membership_role).
DROP TRIGGER IF EXISTS membership_one_president_insert;
DROP TRIGGER IF EXISTS membership_one_president_update;
DROP TRIGGER IF EXISTS membership_one_club_insert;
DROP TRIGGER IF EXISTS membership_one_club_update;
DROP TRIGGER IF EXISTS meeting_in_program_insert;
DROP TRIGGER IF EXISTS meeting_in_program_update;
DROP TRIGGER IF EXISTS meeting_not_withdrawn_insert;
DROP TRIGGER IF EXISTS meeting_not_withdrawn_update;
DROP TRIGGER IF EXISTS attendance_member_insert;
DROP TRIGGER IF EXISTS attendance_member_update;
DROP TRIGGER IF EXISTS report_once_insert;
DROP TRIGGER IF EXISTS report_once_update;
DROP TRIGGER IF EXISTS report_before_period_insert;
DROP TRIGGER IF EXISTS report_before_period_update;
DROP TRIGGER IF EXISTS report_in_program_insert;
DROP TRIGGER IF EXISTS report_in_program_update;
DROP TRIGGER IF EXISTS nomination_at_most_two_insert;
DROP TRIGGER IF EXISTS nomination_at_most_two_update;
DROP TRIGGER IF EXISTS holiday_override_valid_insert;
DROP TRIGGER IF EXISTS holiday_override_valid_update;
DROP TRIGGER IF EXISTS membership_team_size_insert;
DROP TRIGGER IF EXISTS membership_team_size_update;
DROP TRIGGER IF EXISTS membership_outsider_share_insert;
DROP TRIGGER IF EXISTS membership_outsider_share_update;
DROP TRIGGER IF EXISTS membership_outsider_share_delete;
DROP TRIGGER IF EXISTS membership_outsider_share_leave;
DROP TRIGGER IF EXISTS person_outsider_share_update;
DROP TRIGGER IF EXISTS club_call_insert;
DROP TRIGGER IF EXISTS club_call_update;
DROP TRIGGER IF EXISTS club_max_teams_insert;
DROP TRIGGER IF EXISTS club_max_teams_update;
DROP TRIGGER IF EXISTS program_report_rule_insert;
DROP TRIGGER IF EXISTS program_report_rule_update;
DROP TRIGGER IF EXISTS program_award_scheme_insert;
DROP TRIGGER IF EXISTS program_award_scheme_update;
DROP TRIGGER IF EXISTS program_tiers_insert;
DROP TRIGGER IF EXISTS program_tiers_update;
DROP TRIGGER IF EXISTS attendance_reference_insert;
DROP TRIGGER IF EXISTS attendance_reference_update;
DROP TRIGGER IF EXISTS award_reference_insert;
DROP TRIGGER IF EXISTS award_reference_update;
DROP TRIGGER IF EXISTS budget_line_reference_insert;
DROP TRIGGER IF EXISTS budget_line_reference_update;
DROP TRIGGER IF EXISTS budget_plan_reference_insert;
DROP TRIGGER IF EXISTS budget_plan_reference_update;
DROP TRIGGER IF EXISTS club_reference_insert;
DROP TRIGGER IF EXISTS club_reference_update;
DROP TRIGGER IF EXISTS committee_place_reference_insert;
DROP TRIGGER IF EXISTS committee_place_reference_update;
DROP TRIGGER IF EXISTS expense_reference_insert;
DROP TRIGGER IF EXISTS expense_reference_update;
DROP TRIGGER IF EXISTS indicator_reference_insert;
DROP TRIGGER IF EXISTS indicator_reference_update;
DROP TRIGGER IF EXISTS indicator_year_reference_insert;
DROP TRIGGER IF EXISTS indicator_year_reference_update;
DROP TRIGGER IF EXISTS meeting_reference_insert;
DROP TRIGGER IF EXISTS meeting_reference_update;
DROP TRIGGER IF EXISTS membership_reference_insert;
DROP TRIGGER IF EXISTS membership_reference_update;
DROP TRIGGER IF EXISTS nomination_reference_insert;
DROP TRIGGER IF EXISTS nomination_reference_update;
DROP TRIGGER IF EXISTS person_reference_insert;
DROP TRIGGER IF EXISTS person_reference_update;
DROP TRIGGER IF EXISTS proposal_reference_insert;
DROP TRIGGER IF EXISTS proposal_reference_update;
DROP TRIGGER IF EXISTS report_reference_insert;
DROP TRIGGER IF EXISTS report_reference_update;
DROP TRIGGER IF EXISTS score_reference_insert;
DROP TRIGGER IF EXISTS score_reference_update;
DROP TRIGGER IF EXISTS team_call_reference_insert;
DROP TRIGGER IF EXISTS team_call_reference_update;
DROP TRIGGER IF EXISTS unit_reference_insert;
DROP TRIGGER IF EXISTS unit_reference_update;
DROP TRIGGER IF EXISTS meeting_attendance_cascade;
DROP TRIGGER IF EXISTS person_referenced_delete;
DROP TRIGGER IF EXISTS person_referenced_update;
DROP TRIGGER IF EXISTS club_referenced_delete;
DROP TRIGGER IF EXISTS club_referenced_update;
DROP TRIGGER IF EXISTS budget_plan_referenced_delete;
DROP TRIGGER IF EXISTS budget_plan_referenced_update;
DROP TRIGGER IF EXISTS pledge_referenced_delete;
DROP TRIGGER IF EXISTS pledge_referenced_update;
DROP TRIGGER IF EXISTS bureau_referenced_delete;
DROP TRIGGER IF EXISTS bureau_referenced_update;
DROP TRIGGER IF EXISTS program_referenced_delete;
DROP TRIGGER IF EXISTS program_referenced_update;
DROP TRIGGER IF EXISTS indicator_referenced_delete;
DROP TRIGGER IF EXISTS indicator_referenced_update;
DROP TRIGGER IF EXISTS unit_referenced_delete;
DROP TRIGGER IF EXISTS unit_referenced_update;
DROP TRIGGER IF EXISTS score_stale_insert;
DROP TRIGGER IF EXISTS score_stale_update;
DROP TRIGGER IF EXISTS score_stale_delete;
DROP TRIGGER IF EXISTS report_stale_insert;
DROP TRIGGER IF EXISTS report_stale_update;
DROP TRIGGER IF EXISTS report_stale_delete;
DROP TRIGGER IF EXISTS committee_place_stale_insert;
DROP TRIGGER IF EXISTS committee_place_stale_update;
DROP TRIGGER IF EXISTS committee_place_stale_delete;
DROP TRIGGER IF EXISTS club_stale_insert;
DROP TRIGGER IF EXISTS club_stale_update;
DROP TRIGGER IF EXISTS club_stale_delete;
DROP VIEW IF EXISTS membership_span;
DROP VIEW IF EXISTS membership_overlap;
DROP VIEW IF EXISTS membership_second_president;
DROP VIEW IF EXISTS membership_second_club;
DROP VIEW IF EXISTS attendance_not_member;
DROP VIEW IF EXISTS meeting_outside_program;
DROP VIEW IF EXISTS meeting_after_withdrawal;
DROP VIEW IF EXISTS report_span;
DROP VIEW IF EXISTS report_outside_program;
DROP VIEW IF EXISTS report_before_period;
DROP VIEW IF EXISTS nomination_over_two;
DROP VIEW IF EXISTS holiday_override_invalid;
DROP VIEW IF EXISTS team_composition;
DROP VIEW IF EXISTS club_in_cancelled_call;
DROP VIEW IF EXISTS program_over_max_teams;
DROP VIEW IF EXISTS program_setting_item;
DROP VIEW IF EXISTS program_setting_invalid;
DROP VIEW IF EXISTS reference_orphan;
DROP VIEW IF EXISTS evaluation_span;

-- membership as sql/schema.sql declares it: a stint per row (issue 15).
CREATE TABLE membership_v5 (
  club_id    INTEGER NOT NULL REFERENCES club(id),
  person_id  INTEGER NOT NULL REFERENCES person(id),
  role       TEXT NOT NULL DEFAULT 'member'
             CONSTRAINT "membership: role must be president or member" CHECK (role IN ('president', 'member')),
  joined_on  TEXT NOT NULL
             CONSTRAINT "membership: joined_on must be a date YYYY-MM-DD" CHECK (date(joined_on, '+0 days') IS joined_on),
  left_on    TEXT
             CONSTRAINT "membership: left_on must be a date YYYY-MM-DD" CHECK (left_on IS NULL OR date(left_on, '+0 days') IS left_on),
  PRIMARY KEY (club_id, person_id, joined_on),
  CONSTRAINT "membership: left_on must not be before joined_on" CHECK (left_on IS NULL OR left_on >= joined_on)
);
INSERT INTO membership_v5(rowid, club_id, person_id, role, joined_on, left_on)
SELECT rowid, club_id, person_id, role, joined_on, left_on FROM membership ORDER BY rowid;
DROP TABLE membership;
ALTER TABLE membership_v5 RENAME TO membership;
CREATE INDEX IF NOT EXISTS membership_person ON membership(person_id);

-- issue 15 (A): the dated units and roles (as sql/schema.sql declares them).
CREATE TABLE IF NOT EXISTS person_unit (
  person_id  INTEGER NOT NULL REFERENCES person(id),
  since      TEXT NOT NULL
             CONSTRAINT "person_unit: since must be a date YYYY-MM-DD" CHECK (date(since, '+0 days') IS since),
  unit_id    INTEGER REFERENCES unit(id),
  PRIMARY KEY (person_id, since)
);

-- issue 15 (A): a role is dated. membership.role is the role from joined_on;
-- a row here changes it from since on (a day after joined_on, within the
-- stint), until the next row of the stint. The view membership_span
-- (sql/rules.sql) gives each stint's days split by role.
CREATE TABLE IF NOT EXISTS membership_role (
  club_id    INTEGER NOT NULL REFERENCES club(id),
  person_id  INTEGER NOT NULL REFERENCES person(id),
  since      TEXT NOT NULL
             CONSTRAINT "membership_role: since must be a date YYYY-MM-DD" CHECK (date(since, '+0 days') IS since),
  role       TEXT NOT NULL
             CONSTRAINT "membership_role: role must be president or member" CHECK (role IN ('president', 'member')),
  PRIMARY KEY (club_id, person_id, since)
);

-- The rules (views, and the triggers that read them) are created by
-- sql/rules.sql, which `learnclub init` runs after the migrations.

PRAGMA user_version = 5;
