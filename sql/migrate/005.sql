-- sql/migrate/005.sql: schema version 4 -> 5 (issues 15 and 16). Each
-- helper's part is a block of its own, in the order the branches merge; the
-- first block (dated units and roles, stints) and PRAGMA user_version = 5
-- are issue 15 (A)'s. The rules that span rows are made by sql/rules.sql,
-- which `init` runs after this file (S5): a block here only drops the views
-- and triggers whose rule changes.

-- issue 15 (C): membership, meetings and hours as program settings, added at
-- the end of program as in sql/schema.sql (N-D14). Every existing program
-- keeps what it does today: no min_members, no max_from_one_unit, one club
-- per person (W-D2), experts and citizens as outsiders (NJ1), one regular
-- meeting a month (JG5), no yearly cap, no cap per meeting, and the hours
-- cap shared across a person's programs (D7). The rules of one club per
-- person and team composition are redefined (clubs_per_person,
-- max_from_one_unit, outsiders): their views are dropped here and made again
-- by sql/rules.sql.
ALTER TABLE program ADD COLUMN min_members    INTEGER                        -- a club with fewer members is reported (O6: 10; O7: 5, 7 or 10); NULL: no rule
                 CONSTRAINT "program: min_members must be a positive integer (O6, O7)"
                 CHECK (min_members IS NULL OR (typeof(min_members) = 'integer' AND min_members > 0));
ALTER TABLE program ADD COLUMN clubs_per_person INTEGER NOT NULL DEFAULT 1   -- a person is in at most this many clubs of the program at once (W-D2; O6: 3)
                 CONSTRAINT "program: clubs_per_person must be a positive integer (W-D2, O6)"
                 CHECK (typeof(clubs_per_person) = 'integer' AND clubs_per_person > 0);
ALTER TABLE program ADD COLUMN max_from_one_unit INTEGER                     -- at most this many members of a club from one unit (O6: 5 from one committee); NULL: no limit
                 CONSTRAINT "program: max_from_one_unit must be a positive integer (O6)"
                 CHECK (max_from_one_unit IS NULL OR (typeof(max_from_one_unit) = 'integer' AND max_from_one_unit > 0));
ALTER TABLE program ADD COLUMN outsiders      TEXT NOT NULL DEFAULT 'expert,citizen'  -- the person kinds outsider_pct counts (NJ1; O7 counts non-residents: official,expert)
                 CONSTRAINT "program: outsiders must be person kinds from official, expert, citizen, in that order, separated by commas (NJ1, O7)"
                 CHECK (outsiders IN ('official', 'expert', 'citizen', 'official,expert', 'official,citizen', 'expert,citizen', 'official,expert,citizen'));
ALTER TABLE program ADD COLUMN regular_per_month INTEGER NOT NULL DEFAULT 1  -- regular meetings a club holds a month (JG5: 1; O7: 2)
                 CONSTRAINT "program: regular_per_month must be a positive integer (JG5, O7)"
                 CHECK (typeof(regular_per_month) = 'integer' AND regular_per_month > 0);
ALTER TABLE program ADD COLUMN hours_cap_year REAL                           -- recognised hours at most this many a year (KR6: Jeju 20); NULL: no yearly cap
                 CONSTRAINT "program: hours_cap_year must be a number, 0 or more (KR6)"
                 CHECK (hours_cap_year IS NULL OR (typeof(hours_cap_year) IN ('integer', 'real') AND hours_cap_year >= 0));
ALTER TABLE program ADD COLUMN hours_per_meeting_cap REAL                    -- a meeting counts for at most this many hours (D4); NULL: no cap
                 CONSTRAINT "program: hours_per_meeting_cap must be a number more than 0 (D4)"
                 CHECK (hours_per_meeting_cap IS NULL OR (typeof(hours_per_meeting_cap) IN ('integer', 'real') AND hours_per_meeting_cap > 0));
ALTER TABLE program ADD COLUMN hours_shared_cap INTEGER NOT NULL DEFAULT 1   -- 1: the person's cap is shared with their other programs (D7); 0: this program caps apart
                 CONSTRAINT "program: hours_shared_cap must be 1 (shared) or 0 (apart) (D7)"
                 CHECK (hours_shared_cap IN (0, 1));
-- Every trigger of sql/rules.sql is dropped and made again there, in its
-- order: a trigger made later fires first, so a migrated database must have
-- them in the order of a new one (tests/workflow/schema.sh compares them).
DROP VIEW IF EXISTS membership_second_club;
DROP VIEW IF EXISTS team_composition;
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
DROP TRIGGER IF EXISTS membership_from_one_unit_insert;
DROP TRIGGER IF EXISTS membership_from_one_unit_update;
DROP TRIGGER IF EXISTS person_from_one_unit_update;

PRAGMA user_version = 5;
