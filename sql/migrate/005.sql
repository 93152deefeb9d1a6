-- sql/migrate/005.sql: schema version 4 -> 5 (issue 15). Each helper's part
-- is a block of its own below; sql/rules.sql, run after the migrations,
-- creates the views and triggers a block drops.

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
-- The views and triggers these settings change were dropped by the first
-- block (every view and trigger of version 4); sql/rules.sql makes them again.

-- issue 16 (E2): evaluation.ties, the ties `evaluate` left for the committee
-- (sql/evaluate.sql EV4), shown by the HTML report as 동점 – 위원회 결정 대기.
-- An evaluation stored before version 5 has NULL: its ties were not recorded
-- (the report says nothing of them until `evaluate` runs again).
ALTER TABLE evaluation ADD COLUMN ties TEXT
  CONSTRAINT "evaluation: ties must be a JSON array" CHECK (ties IS NULL OR (json_valid(ties) AND json_type(ties) = 'array'));

PRAGMA user_version = 5;
