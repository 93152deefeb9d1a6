-- sql/schema.sql: the learnclub database, schema version 4 (PRAGMA user_version).
--
-- Run on an empty database by `learnclub init DB`; an older database is
-- upgraded by sql/migrate/NNN.sql instead (see the learnclub command, docs/workflows.md).
-- Rules of this file:
--   S1  Built-in SQL only in tables, constraints, views and triggers: the file
--       stays readable and writable from a plain sqlite3 without the extension.
--   S2  Every constraint that can fail has a name that is its message
--       ("CHECK constraint failed: meeting: hours must be ..."); triggers raise
--       messages of the same form "table: what is wrong (rule id)".
--   S3  Dates are TEXT 'YYYY-MM-DD', Korean calendar dates (D2); a submission
--       time is 'YYYY-MM-DD', 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD HH:MM:SS' in
--       Korean time. Periods are 'YYYY-MM' (a month) or 'YYYY-H1'/'YYYY-H2'.
--   S4  Foreign keys are declared; the learnclub command turns them on
--       (PRAGMA foreign_keys=ON) for every connection.
--   S5  A rule that spans rows or tables has one home: a view, at the end of
--       this file, that its triggers (one per event) and the workflows read.

-- Programs: one per office and year, with their rules as data (JG1, JG6-JG9, KR7).
CREATE TABLE IF NOT EXISTS program (
  id             INTEGER PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE
                 CONSTRAINT "program: code must not be empty" CHECK (length(code) > 0),
  name           TEXT NOT NULL,
  office         TEXT,                          -- the running division (JG1)
  starts_on      TEXT NOT NULL
                 CONSTRAINT "program: starts_on must be a date YYYY-MM-DD" CHECK (date(starts_on, '+0 days') IS starts_on),
  ends_on        TEXT NOT NULL
                 CONSTRAINT "program: ends_on must be a date YYYY-MM-DD" CHECK (date(ends_on, '+0 days') IS ends_on),
  reports_from   TEXT NOT NULL                  -- first month with a monthly report (JG6: March)
                 CONSTRAINT "program: reports_from must be a month YYYY-MM"
                 CHECK (date(reports_from || '-01', '+0 days') IS reports_from || '-01' AND length(reports_from) = 7),
  reports_to     TEXT NOT NULL                  -- last month with a monthly report (JG6: December)
                 CONSTRAINT "program: reports_to must be a month YYYY-MM"
                 CHECK (date(reports_to || '-01', '+0 days') IS reports_to || '-01' AND length(reports_to) = 7),
  report_rule    TEXT NOT NULL DEFAULT '',      -- report_due() rule: '' = 5th of next month, moved past holidays (JG6, D1)
  award_scheme   TEXT NOT NULL DEFAULT 'junggu-2015',  -- award_tier()/award_prize() scheme (JG8)
  hours_cap      REAL NOT NULL DEFAULT 12
                 CONSTRAINT "program: hours_cap must not be negative" CHECK (hours_cap >= 0),  -- JG9, D4
  judges_min     INTEGER NOT NULL DEFAULT 5,    -- drop scores only from this many judges up (KR7)
  drop_high      INTEGER NOT NULL DEFAULT 1,    -- highest judge totals dropped
  drop_low       INTEGER NOT NULL DEFAULT 1,    -- lowest judge totals dropped
  tie_break      TEXT,                          -- criterion that breaks a tie (KR7); NULL: none
  leave_tiers    TEXT NOT NULL DEFAULT '최우수,우수',  -- tiers whose top 2 contributors get leave (JG10)
  trip_tiers     TEXT NOT NULL DEFAULT '최우수',       -- tiers whose members all go on the trip (JG11)
  education_type TEXT NOT NULL DEFAULT '기관주관교육/학습동아리',  -- General Affairs' type (JG9)
  max_members    INTEGER                        -- a team has at most this many members (NJ6: 4); NULL: no limit
                 CONSTRAINT "program: max_members must be a positive integer (NJ6)"
                 CHECK (max_members IS NULL OR (typeof(max_members) = 'integer' AND max_members > 0)),
  outsider_pct   REAL                           -- outsiders at most this % of a team (NJ1: 20); NULL: no limit
                 CONSTRAINT "program: outsider_pct must be a number from 0 to 100 (NJ1)"
                 CHECK (outsider_pct IS NULL OR (typeof(outsider_pct) IN ('integer', 'real') AND outsider_pct >= 0 AND outsider_pct <= 100)),
  CONSTRAINT "program: ends_on must not be before starts_on" CHECK (ends_on >= starts_on),
  CONSTRAINT "program: reports_to must not be before reports_from" CHECK (reports_to >= reports_from),
  CONSTRAINT "program: judges_min must be more than drop_high + drop_low"
    CHECK (drop_high >= 0 AND drop_low >= 0 AND judges_min > drop_high + drop_low)
);

-- Bureaus (국·소) and their units (과); a unit may have no bureau.
CREATE TABLE IF NOT EXISTS bureau (
  id    INTEGER PRIMARY KEY,
  name  TEXT NOT NULL UNIQUE
        CONSTRAINT "bureau: name must not be empty" CHECK (length(name) > 0)
);

CREATE TABLE IF NOT EXISTS unit (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE
             CONSTRAINT "unit: name must not be empty" CHECK (length(name) > 0),
  bureau_id  INTEGER REFERENCES bureau(id)
);

-- Clubs (JG2): a bureau club belongs to one bureau; an integrated club to none.
-- A withdrawn club keeps its history but is left out of checks and awards (D6).
CREATE TABLE IF NOT EXISTS club (
  id            INTEGER PRIMARY KEY,
  program_id    INTEGER NOT NULL REFERENCES program(id),
  name          TEXT NOT NULL
                CONSTRAINT "club: name must not be empty" CHECK (length(name) > 0),
  kind          TEXT NOT NULL
                CONSTRAINT "club: kind must be bureau or integrated" CHECK (kind IN ('bureau', 'integrated')),
  bureau_id     INTEGER REFERENCES bureau(id),
  status        TEXT NOT NULL DEFAULT 'active'
                CONSTRAINT "club: status must be active or withdrawn" CHECK (status IN ('active', 'withdrawn')),
  withdrawn_on  TEXT,
  selection_round INTEGER                       -- the selection round that picked the team (NJ6: 1, 2, 3)
                CONSTRAINT "club: selection_round must be a positive integer (NJ6)"
                CHECK (selection_round IS NULL OR (typeof(selection_round) = 'integer' AND selection_round > 0)),
  selected_on   TEXT
                CONSTRAINT "club: selected_on must be a date YYYY-MM-DD" CHECK (selected_on IS NULL OR date(selected_on, '+0 days') IS selected_on),
  UNIQUE (program_id, name),
  CONSTRAINT "club: a bureau club names its bureau, an integrated club none (JG2)"
    CHECK ((kind = 'bureau') = (bureau_id IS NOT NULL)),
  CONSTRAINT "club: a withdrawn club has a withdrawn_on date, an active one none (D6)"
    CHECK ((status = 'withdrawn') = (withdrawn_on IS NOT NULL) AND (withdrawn_on IS NULL OR date(withdrawn_on, '+0 days') IS withdrawn_on))
);

-- People: officials, by employee number.
CREATE TABLE IF NOT EXISTS person (
  id       INTEGER PRIMARY KEY,
  emp_no   TEXT NOT NULL UNIQUE
           CONSTRAINT "person: emp_no must not be empty" CHECK (length(emp_no) > 0),
  name     TEXT NOT NULL
           CONSTRAINT "person: name must not be empty" CHECK (length(name) > 0),
  unit_id  INTEGER REFERENCES unit(id),
  kind     TEXT NOT NULL DEFAULT 'official'   -- an official, or an outsider: expert or citizen (NJ1)
           CONSTRAINT "person: kind must be official, expert or citizen (NJ1)" CHECK (kind IN ('official', 'expert', 'citizen'))
);

-- Memberships: a person in a club, from joined_on to left_on (NULL: still in).
CREATE TABLE IF NOT EXISTS membership (
  club_id    INTEGER NOT NULL REFERENCES club(id),
  person_id  INTEGER NOT NULL REFERENCES person(id),
  role       TEXT NOT NULL DEFAULT 'member'
             CONSTRAINT "membership: role must be president or member" CHECK (role IN ('president', 'member')),
  joined_on  TEXT NOT NULL
             CONSTRAINT "membership: joined_on must be a date YYYY-MM-DD" CHECK (date(joined_on, '+0 days') IS joined_on),
  left_on    TEXT
             CONSTRAINT "membership: left_on must be a date YYYY-MM-DD" CHECK (left_on IS NULL OR date(left_on, '+0 days') IS left_on),
  PRIMARY KEY (club_id, person_id),
  CONSTRAINT "membership: left_on must not be before joined_on" CHECK (left_on IS NULL OR left_on >= joined_on)
);

-- Meetings (JG5): regular (one a month) or extra; hours count for JG9 when regular.
CREATE TABLE IF NOT EXISTS meeting (
  id       INTEGER PRIMARY KEY,
  club_id  INTEGER NOT NULL REFERENCES club(id),
  held_on  TEXT NOT NULL
           CONSTRAINT "meeting: held_on must be a date YYYY-MM-DD" CHECK (date(held_on, '+0 days') IS held_on),
  hours    REAL NOT NULL
           CONSTRAINT "meeting: hours must be more than 0 and at most 24 (D4)"
           CHECK (typeof(hours) IN ('integer', 'real') AND hours > 0 AND hours <= 24),
  kind     TEXT NOT NULL DEFAULT 'regular'
           CONSTRAINT "meeting: kind must be regular or extra (JG5)" CHECK (kind IN ('regular', 'extra')),
  topic    TEXT,
  UNIQUE (club_id, held_on, kind)
);

-- Attendance at a meeting.
CREATE TABLE IF NOT EXISTS attendance (
  meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  person_id   INTEGER NOT NULL REFERENCES person(id),
  PRIMARY KEY (meeting_id, person_id)
);

-- Reports (JG6, JG7): monthly activity reports and half-yearly research reports,
-- one per club, kind and period; submitted_at in Korean time (D2).
CREATE TABLE IF NOT EXISTS report (
  id            INTEGER PRIMARY KEY,
  club_id       INTEGER NOT NULL REFERENCES club(id),
  kind          TEXT NOT NULL
                CONSTRAINT "report: kind must be monthly or research" CHECK (kind IN ('monthly', 'research')),
  period        TEXT NOT NULL,
  submitted_at  TEXT NOT NULL
                CONSTRAINT "report: submitted_at must be YYYY-MM-DD[ HH:MM[:SS]] in Korean time (D2)"
                CHECK (coalesce(submitted_at IN (date(submitted_at, '+0 days'), strftime('%Y-%m-%d %H:%M', submitted_at, '+0 days'),
                                                  datetime(submitted_at, '+0 days')), 0)),
  board_ref     TEXT,                           -- the intranet board post (JG6)
  title         TEXT,
  UNIQUE (club_id, kind, period),
  CONSTRAINT "report: period must be YYYY-MM for a monthly report, YYYY-H1 or YYYY-H2 for a research report"
    CHECK (CASE kind
             WHEN 'monthly' THEN length(period) = 7 AND date(period || '-01', '+0 days') IS period || '-01'
             ELSE period GLOB '[0-9][0-9][0-9][0-9]-H[12]' END)
);

-- Judges' scores (JG8, KR7): one number per club, half-year, judge and criterion.
CREATE TABLE IF NOT EXISTS score (
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
  PRIMARY KEY (club_id, period, judge, criterion)
);

-- The committee's places for clubs left tied after the tie-break (D3): among
-- tied clubs, a lower place ranks first. Added in schema version 2.
CREATE TABLE IF NOT EXISTS committee_place (
  club_id  INTEGER NOT NULL REFERENCES club(id),
  period   TEXT NOT NULL
           CONSTRAINT "committee_place: period must be YYYY-H1 or YYYY-H2" CHECK (period GLOB '[0-9][0-9][0-9][0-9]-H[12]'),
  place    INTEGER NOT NULL
           CONSTRAINT "committee_place: place must be a positive integer" CHECK (typeof(place) = 'integer' AND place > 0),
  note     TEXT,
  PRIMARY KEY (club_id, period)
);

-- Awards (JG8), written by `learnclub evaluate`: rank, tier and prize in KRW.
CREATE TABLE IF NOT EXISTS award (
  club_id  INTEGER NOT NULL REFERENCES club(id),
  period   TEXT NOT NULL
           CONSTRAINT "award: period must be YYYY-H1 or YYYY-H2" CHECK (period GLOB '[0-9][0-9][0-9][0-9]-H[12]'),
  rank     INTEGER NOT NULL
           CONSTRAINT "award: rank must be a positive integer" CHECK (typeof(rank) = 'integer' AND rank > 0),
  tier     TEXT NOT NULL,
  prize    INTEGER NOT NULL
           CONSTRAINT "award: prize must not be negative" CHECK (typeof(prize) = 'integer' AND prize >= 0),
  PRIMARY KEY (club_id, period)
);

-- Nominations of top contributors by the club's president (JG10): at most 2
-- per club and half-year.
CREATE TABLE IF NOT EXISTS nomination (
  club_id    INTEGER NOT NULL REFERENCES club(id),
  period     TEXT NOT NULL
             CONSTRAINT "nomination: period must be YYYY-H1 or YYYY-H2" CHECK (period GLOB '[0-9][0-9][0-9][0-9]-H[12]'),
  person_id  INTEGER NOT NULL REFERENCES person(id),
  note       TEXT,
  PRIMARY KEY (club_id, period, person_id)
);

-- Support spending (JG12): advisory allowances, books, prizes paid, other.
CREATE TABLE IF NOT EXISTS expense (
  id        INTEGER PRIMARY KEY,
  club_id   INTEGER NOT NULL REFERENCES club(id),
  spent_on  TEXT NOT NULL
            CONSTRAINT "expense: spent_on must be a date YYYY-MM-DD" CHECK (date(spent_on, '+0 days') IS spent_on),
  kind      TEXT NOT NULL
            CONSTRAINT "expense: kind must be advisory, books, prize or other (JG12)"
            CHECK (kind IN ('advisory', 'books', 'prize', 'other')),
  amount    INTEGER NOT NULL
            CONSTRAINT "expense: amount must be a positive integer (KRW)" CHECK (typeof(amount) = 'integer' AND amount > 0),
  note      TEXT
);

-- Local changes to the holiday calendar (KR5), read by is_working_day(),
-- report_due() and deadline_ok(): is_holiday 1 adds a holiday, 0 removes one.
CREATE TABLE IF NOT EXISTS holiday_override(day TEXT PRIMARY KEY, name TEXT, is_holiday INTEGER NOT NULL);

CREATE INDEX IF NOT EXISTS club_program ON club(program_id);
-- The imports find a club by its name (IM1, IP2, IS1; issue 13): without it
-- each row of a file scans every club of every program stored.
CREATE INDEX IF NOT EXISTS club_name ON club(name);
CREATE INDEX IF NOT EXISTS membership_person ON membership(person_id);
CREATE INDEX IF NOT EXISTS meeting_club_day ON meeting(club_id, held_on);
CREATE INDEX IF NOT EXISTS meeting_day ON meeting(held_on);
-- The half-year's regular meetings for `hours`, covering: without it each run
-- builds a temporary index over every meeting of every year (bench/README.md).
CREATE INDEX IF NOT EXISTS meeting_kind_day ON meeting(kind, held_on, club_id, hours);
CREATE INDEX IF NOT EXISTS attendance_person ON attendance(person_id);
CREATE INDEX IF NOT EXISTS report_period ON report(kind, period);
CREATE INDEX IF NOT EXISTS score_period ON score(period, club_id);
CREATE INDEX IF NOT EXISTS award_period ON award(period);
CREATE INDEX IF NOT EXISTS expense_club ON expense(club_id, spent_on);

-- Calls for teams (NJ3): one per program, the run's intake. applications
-- NULL: not counted yet; min_teams: fewer applications and the run is
-- cancelled; max_teams: at most this many teams selected (NJ1: 10);
-- outcome NULL (undecided), 'run' or 'cancelled' with its reason.
-- Added in schema version 3.
CREATE TABLE IF NOT EXISTS team_call (
  program_id    INTEGER PRIMARY KEY REFERENCES program(id),
  opens_on      TEXT
                CONSTRAINT "team_call: opens_on must be a date YYYY-MM-DD" CHECK (opens_on IS NULL OR date(opens_on, '+0 days') IS opens_on),
  closes_on     TEXT
                CONSTRAINT "team_call: closes_on must be a date YYYY-MM-DD" CHECK (closes_on IS NULL OR date(closes_on, '+0 days') IS closes_on),
  applications  INTEGER
                CONSTRAINT "team_call: applications must be a whole number, 0 or more (NJ3)"
                CHECK (applications IS NULL OR (typeof(applications) = 'integer' AND applications >= 0)),
  min_teams     INTEGER
                CONSTRAINT "team_call: min_teams must be a positive integer (NJ3)"
                CHECK (min_teams IS NULL OR (typeof(min_teams) = 'integer' AND min_teams > 0)),
  max_teams     INTEGER
                CONSTRAINT "team_call: max_teams must be a positive integer (NJ1)"
                CHECK (max_teams IS NULL OR (typeof(max_teams) = 'integer' AND max_teams > 0)),
  outcome       TEXT
                CONSTRAINT "team_call: outcome must be run or cancelled (NJ3)" CHECK (outcome IS NULL OR outcome IN ('run', 'cancelled')),
  reason        TEXT,
  CONSTRAINT "team_call: closes_on must not be before opens_on" CHECK (closes_on IS NULL OR opens_on IS NULL OR closes_on >= opens_on),
  CONSTRAINT "team_call: max_teams must not be below min_teams" CHECK (max_teams IS NULL OR min_teams IS NULL OR max_teams >= min_teams),
  CONSTRAINT "team_call: a cancelled call gives its reason (NJ3)" CHECK (outcome IS NOT 'cancelled' OR coalesce(length(reason), 0) > 0)
);

-- Proposals (NJ2, NJ4): a team's research topic, sent to the responsible
-- department, which adopts it (1) or not (0); NULL: not decided yet.
CREATE TABLE IF NOT EXISTS proposal (
  id          INTEGER PRIMARY KEY,
  club_id     INTEGER NOT NULL REFERENCES club(id),
  title       TEXT NOT NULL
              CONSTRAINT "proposal: title must not be empty" CHECK (length(title) > 0),
  field       TEXT
              CONSTRAINT "proposal: field must be policy, service, economy, culture, sport or environment (NJ2)"
              CHECK (field IS NULL OR field IN ('policy', 'service', 'economy', 'culture', 'sport', 'environment')),
  department  TEXT,
  adopted     INTEGER
              CONSTRAINT "proposal: adopted must be 1, 0 or NULL for not decided yet (NJ2)" CHECK (adopted IS NULL OR adopted IN (0, 1)),
  decided_on  TEXT
              CONSTRAINT "proposal: decided_on must be a date YYYY-MM-DD" CHECK (decided_on IS NULL OR date(decided_on, '+0 days') IS decided_on),
  CONSTRAINT "proposal: an undecided proposal has no decided_on" CHECK (adopted IS NOT NULL OR decided_on IS NULL)
);

-- Pledges (NJ8, NJ9, KR8): the card's fields. completion: within_term
-- (임기내) or after_term (임기후); by_*: the executing bodies (사업주체);
-- continuing: 0 new (신규), 1 continuing (계속); budgeted: 1 예산, 0 비예산;
-- total_budget in KRW; status (추진상황), KR8's six: completed (완료, 완료 종결),
-- completed_continuing (이행후/완료 후 계속추진), on_track (정상추진),
-- partial (일부추진), on_hold (보류), dropped (폐기).
CREATE TABLE IF NOT EXISTS pledge (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE
                CONSTRAINT "pledge: code must not be empty" CHECK (length(code) > 0),
  title         TEXT NOT NULL
                CONSTRAINT "pledge: title must not be empty" CHECK (length(title) > 0),
  goal          TEXT,
  completion    TEXT
                CONSTRAINT "pledge: completion must be within_term or after_term (NJ9)"
                CHECK (completion IS NULL OR completion IN ('within_term', 'after_term')),
  by_national   INTEGER NOT NULL DEFAULT 0
                CONSTRAINT "pledge: by_national must be 0 or 1 (NJ9)" CHECK (by_national IN (0, 1)),
  by_province   INTEGER NOT NULL DEFAULT 0
                CONSTRAINT "pledge: by_province must be 0 or 1 (NJ9)" CHECK (by_province IN (0, 1)),
  by_city       INTEGER NOT NULL DEFAULT 0
                CONSTRAINT "pledge: by_city must be 0 or 1 (NJ9)" CHECK (by_city IN (0, 1)),
  by_private    INTEGER NOT NULL DEFAULT 0
                CONSTRAINT "pledge: by_private must be 0 or 1 (NJ9)" CHECK (by_private IN (0, 1)),
  continuing    INTEGER
                CONSTRAINT "pledge: continuing must be 0 (new) or 1 (continuing) (NJ9)" CHECK (continuing IS NULL OR continuing IN (0, 1)),
  budgeted      INTEGER
                CONSTRAINT "pledge: budgeted must be 0 or 1 (NJ9)" CHECK (budgeted IS NULL OR budgeted IN (0, 1)),
  total_budget  INTEGER
                CONSTRAINT "pledge: total_budget must be a whole number of KRW, 0 or more (NJ9)"
                CHECK (total_budget IS NULL OR (typeof(total_budget) = 'integer' AND total_budget >= 0)),
  status        TEXT NOT NULL DEFAULT 'on_track'
                CONSTRAINT "pledge: status must be completed, completed_continuing, on_track, partial, on_hold or dropped (NJ9, KR8)"
                CHECK (status IN ('completed', 'completed_continuing', 'on_track', 'partial', 'on_hold', 'dropped'))
);

-- A pledge's indicators (확인지표, NJ8): the pledge's rate is their mean
-- rate, weighted by weight (D5).
CREATE TABLE IF NOT EXISTS indicator (
  id         INTEGER PRIMARY KEY,
  pledge_id  INTEGER NOT NULL REFERENCES pledge(id),
  seq        INTEGER NOT NULL DEFAULT 1,
  name       TEXT NOT NULL
             CONSTRAINT "indicator: name must not be empty" CHECK (length(name) > 0),
  unit       TEXT,
  weight     REAL NOT NULL DEFAULT 1
             CONSTRAINT "indicator: weight must be a number more than 0 (D5)" CHECK (typeof(weight) IN ('integer', 'real') AND weight > 0),
  UNIQUE (pledge_id, name)
);

-- An indicator's target and achievement for a year (NJ8). target NULL: no
-- target that year; achieved NULL: no result yet. achieved_on: when the
-- result was recorded (NULL: the year's last day), for pledge-report --as-of.
CREATE TABLE IF NOT EXISTS indicator_year (
  indicator_id  INTEGER NOT NULL REFERENCES indicator(id),
  year          INTEGER NOT NULL
                CONSTRAINT "indicator_year: year must be a year YYYY" CHECK (typeof(year) = 'integer' AND year BETWEEN 1000 AND 9999),
  target        REAL
                CONSTRAINT "indicator_year: target must be a number, 0 or more, or NULL for no target (NJ8)"
                CHECK (target IS NULL OR (typeof(target) IN ('integer', 'real') AND target >= 0)),
  achieved      REAL
                CONSTRAINT "indicator_year: achieved must be a number, 0 or more, or NULL for no result yet (NJ8)"
                CHECK (achieved IS NULL OR (typeof(achieved) IN ('integer', 'real') AND achieved >= 0)),
  achieved_on   TEXT
                CONSTRAINT "indicator_year: achieved_on must be a date YYYY-MM-DD" CHECK (achieved_on IS NULL OR date(achieved_on, '+0 days') IS achieved_on),
  PRIMARY KEY (indicator_id, year),
  CONSTRAINT "indicator_year: achieved_on without an achievement" CHECK (achieved IS NOT NULL OR achieved_on IS NULL)
);

-- Budget plans (NJ7): a project's plan by year and source, with what was
-- executed, in KRW; the card shows them in million KRW.
CREATE TABLE IF NOT EXISTS budget_plan (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE
             CONSTRAINT "budget_plan: name must not be empty" CHECK (length(name) > 0),
  pledge_id  INTEGER REFERENCES pledge(id)
);

CREATE TABLE IF NOT EXISTS budget_line (
  plan_id   INTEGER NOT NULL REFERENCES budget_plan(id),
  year      INTEGER NOT NULL
            CONSTRAINT "budget_line: year must be a year YYYY" CHECK (typeof(year) = 'integer' AND year BETWEEN 1000 AND 9999),
  source    TEXT NOT NULL
            CONSTRAINT "budget_line: source must be national, province, city or other (NJ7)"
            CHECK (source IN ('national', 'province', 'city', 'other')),
  planned   INTEGER NOT NULL DEFAULT 0
            CONSTRAINT "budget_line: planned must be a whole number of KRW, 0 or more (NJ7)" CHECK (typeof(planned) = 'integer' AND planned >= 0),
  executed  INTEGER NOT NULL DEFAULT 0
            CONSTRAINT "budget_line: executed must be a whole number of KRW, 0 or more (NJ7)" CHECK (typeof(executed) = 'integer' AND executed >= 0),
  PRIMARY KEY (plan_id, year, source)
);

CREATE INDEX IF NOT EXISTS proposal_club ON proposal(club_id);
CREATE INDEX IF NOT EXISTS indicator_pledge ON indicator(pledge_id);
CREATE INDEX IF NOT EXISTS budget_plan_pledge ON budget_plan(pledge_id);

-- Rules that span rows or tables (S1, S5). Each rule has one home: a view
-- that lists the rows breaking it, or the days a row covers. The triggers
-- only look the written row up in that view, after the write: SQLite needs a
-- trigger per event (INSERT, UPDATE, DELETE), and all the triggers of a rule
-- read the same view. A refusal raises "table: message (rule)" and undoes the
-- statement. Built-in SQL only: a plain sqlite3 enforces every rule (S1).
-- Added in schema version 4 (issue 12): the rules were written out in each
-- trigger before.

-- A membership's days: joined_on to left_on, both included; a NULL left_on
-- means still in. A membership overlaps the days a..b when
-- first_day <= b AND last_day >= a, and covers day d when
-- d BETWEEN first_day AND last_day. Every check and workflow reads the
-- days of a membership here.
CREATE VIEW IF NOT EXISTS membership_span AS
SELECT club_id, person_id, role, joined_on AS first_day, coalesce(left_on, '9999-12-31') AS last_day
FROM membership;

-- Pairs of different memberships whose days overlap.
CREATE VIEW IF NOT EXISTS membership_overlap AS
SELECT a.club_id, a.person_id, a.role, b.club_id AS other_club_id, b.person_id AS other_person_id, b.role AS other_role
FROM membership_span a JOIN membership_span b
  ON b.first_day <= a.last_day AND b.last_day >= a.first_day
 AND NOT (b.club_id = a.club_id AND b.person_id = a.person_id);

-- A club has at most one president at a time: presidencies that overlap another.
CREATE VIEW IF NOT EXISTS membership_second_president AS
SELECT club_id, person_id FROM membership_overlap
WHERE other_club_id = club_id AND role = 'president' AND other_role = 'president';

-- A person is in at most one club of a program at a time (W-D2; JG2 counts
-- people once): memberships that overlap one in another club of the program.
CREATE VIEW IF NOT EXISTS membership_second_club AS
SELECT o.club_id, o.person_id
FROM membership_overlap o JOIN club c ON c.id = o.club_id JOIN club d ON d.id = o.other_club_id
WHERE o.other_person_id = o.person_id AND d.program_id = c.program_id;

-- Only members of the club on the meeting's day attend it: attendance of a
-- known person at a known meeting (an unknown one is the foreign key's
-- refusal) by someone who was not a member that day.
CREATE VIEW IF NOT EXISTS attendance_not_member AS
SELECT at.meeting_id, at.person_id
FROM attendance at JOIN meeting mt ON mt.id = at.meeting_id JOIN person pe ON pe.id = at.person_id
WHERE NOT EXISTS (SELECT 1 FROM membership_span m WHERE m.club_id = mt.club_id AND m.person_id = at.person_id
                    AND mt.held_on BETWEEN m.first_day AND m.last_day);

-- A meeting lies within its club's program (JG1) ...
CREATE VIEW IF NOT EXISTS meeting_outside_program AS
SELECT mt.id FROM meeting mt JOIN club c ON c.id = mt.club_id JOIN program p ON p.id = c.program_id
WHERE mt.held_on NOT BETWEEN p.starts_on AND p.ends_on;

-- ... and not after its club withdrew (D6).
CREATE VIEW IF NOT EXISTS meeting_after_withdrawal AS
SELECT mt.id FROM meeting mt JOIN club c ON c.id = mt.club_id
WHERE mt.held_on > c.withdrawn_on;

-- A report's period as days: a month YYYY-MM from its 1st to its last day,
-- a half-year YYYY-H1 from January 1 to June 30, YYYY-H2 from July 1 to
-- December 31. The extension's period_start() and period_end(), in built-in
-- SQL for the rules below (S1); the workflows call the functions.
CREATE VIEW IF NOT EXISTS report_span AS
SELECT id, club_id, kind, period, submitted_at,
       CASE substr(period, 6) WHEN 'H1' THEN substr(period, 1, 4) || '-01-01'
                              WHEN 'H2' THEN substr(period, 1, 4) || '-07-01'
                              ELSE period || '-01' END AS first_day,
       CASE substr(period, 6) WHEN 'H1' THEN substr(period, 1, 4) || '-06-30'
                              WHEN 'H2' THEN substr(period, 1, 4) || '-12-31'
                              ELSE date(period || '-01', '+1 month', '-1 day') END AS last_day
FROM report;

-- A report's period is one the club's program asks for: a monthly report for a
-- month from reports_from to reports_to (JG6), a research report for a
-- half-year the program runs in (JG7).
CREATE VIEW IF NOT EXISTS report_outside_program AS
SELECT r.id FROM report_span r JOIN club c ON c.id = r.club_id JOIN program p ON p.id = c.program_id
WHERE CASE r.kind WHEN 'monthly' THEN r.period NOT BETWEEN p.reports_from AND p.reports_to
                  ELSE r.last_day < p.starts_on OR r.first_day > p.ends_on END;

-- A report is not submitted (on its Korean calendar day, D2) before its period began.
CREATE VIEW IF NOT EXISTS report_before_period AS
SELECT id FROM report_span WHERE substr(submitted_at, 1, 10) < first_day;

-- At most 2 nominated top contributors per club and half-year (JG10).
CREATE VIEW IF NOT EXISTS nomination_over_two AS
SELECT club_id, period FROM nomination GROUP BY club_id, period HAVING count(*) > 2;

-- holiday_override rows are real dates and a 0/1 flag (KR5).
CREATE VIEW IF NOT EXISTS holiday_override_invalid AS
SELECT day FROM holiday_override WHERE date(day, '+0 days') IS NOT day OR is_holiday NOT IN (0, 1);

-- Team composition (NJ1, NJ6). A team's size is its roster: every membership
-- of the club, whatever its dates (N-D2). over_size: more members than the
-- program's max_members. over_share: outsiders (experts, citizens: person.kind
-- other than official) more than outsider_pct of the roster, exactly:
-- outsiders × 100 > outsider_pct × size, so 1 of 5 is 20% and allowed, 1 of 4
-- (25%) is not (N-D3). NULL limits: no rule (over_* NULL). `learnclub teams`
-- reports from the same view.
CREATE VIEW IF NOT EXISTS team_composition AS
SELECT t.*, t.size > t.max_members AS over_size, t.outsiders * 100.0 > t.outsider_pct * t.size AS over_share
FROM (SELECT c.id AS club_id, p.max_members, p.outsider_pct,
             (SELECT count(*) FROM membership m WHERE m.club_id = c.id) AS size,
             (SELECT count(*) FROM membership m JOIN person x ON x.id = m.person_id
               WHERE m.club_id = c.id AND x.kind <> 'official') AS outsiders
      FROM club c JOIN program p ON p.id = c.program_id) t;

-- A team joins a program whose call was not cancelled (NJ3) ...
CREATE VIEW IF NOT EXISTS club_in_cancelled_call AS
SELECT c.id FROM club c JOIN team_call t ON t.program_id = c.program_id WHERE t.outcome = 'cancelled';

-- ... and no more teams than the call's max_teams (NJ1).
CREATE VIEW IF NOT EXISTS program_over_max_teams AS
SELECT t.program_id FROM team_call t
WHERE t.max_teams < (SELECT count(*) FROM club c WHERE c.program_id = t.program_id);

-- The triggers, in the order of schema version 3 (a later trigger fires
-- first, so the order decides which message a write breaking two rules gets).
CREATE TRIGGER IF NOT EXISTS membership_one_president_insert AFTER INSERT ON membership
WHEN EXISTS (SELECT 1 FROM membership_second_president WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'membership: the club already has a president for these dates'); END;
CREATE TRIGGER IF NOT EXISTS membership_one_president_update AFTER UPDATE ON membership
WHEN EXISTS (SELECT 1 FROM membership_second_president WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'membership: the club already has a president for these dates'); END;

CREATE TRIGGER IF NOT EXISTS membership_one_club_insert AFTER INSERT ON membership
WHEN EXISTS (SELECT 1 FROM membership_second_club WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'membership: the person is already in another club of this program'); END;
CREATE TRIGGER IF NOT EXISTS membership_one_club_update AFTER UPDATE ON membership
WHEN EXISTS (SELECT 1 FROM membership_second_club WHERE club_id = NEW.club_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'membership: the person is already in another club of this program'); END;

CREATE TRIGGER IF NOT EXISTS meeting_in_program_insert AFTER INSERT ON meeting
WHEN EXISTS (SELECT 1 FROM meeting_outside_program WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'meeting: held_on is outside the club''s program'); END;
CREATE TRIGGER IF NOT EXISTS meeting_in_program_update AFTER UPDATE OF club_id, held_on ON meeting
WHEN EXISTS (SELECT 1 FROM meeting_outside_program WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'meeting: held_on is outside the club''s program'); END;
CREATE TRIGGER IF NOT EXISTS meeting_not_withdrawn_insert AFTER INSERT ON meeting
WHEN EXISTS (SELECT 1 FROM meeting_after_withdrawal WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'meeting: the club had withdrawn by then (D6)'); END;
CREATE TRIGGER IF NOT EXISTS meeting_not_withdrawn_update AFTER UPDATE OF club_id, held_on ON meeting
WHEN EXISTS (SELECT 1 FROM meeting_after_withdrawal WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'meeting: the club had withdrawn by then (D6)'); END;

CREATE TRIGGER IF NOT EXISTS attendance_member_insert AFTER INSERT ON attendance
WHEN EXISTS (SELECT 1 FROM attendance_not_member WHERE meeting_id = NEW.meeting_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'attendance: the person is not a member of the club on the meeting''s day'); END;
CREATE TRIGGER IF NOT EXISTS attendance_member_update AFTER UPDATE ON attendance
WHEN EXISTS (SELECT 1 FROM attendance_not_member WHERE meeting_id = NEW.meeting_id AND person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'attendance: the person is not a member of the club on the meeting''s day'); END;

-- One report per club, kind and period (JG6, JG7): a clear message before the
-- UNIQUE key's, so this pair runs BEFORE the write (the key is the rule's home).
CREATE TRIGGER IF NOT EXISTS report_once_insert BEFORE INSERT ON report
WHEN EXISTS (SELECT 1 FROM report WHERE club_id = NEW.club_id AND kind = NEW.kind AND period = NEW.period)
BEGIN SELECT RAISE(ABORT, 'report: the club already filed this report for this period'); END;
CREATE TRIGGER IF NOT EXISTS report_once_update BEFORE UPDATE OF club_id, kind, period ON report
WHEN EXISTS (SELECT 1 FROM report WHERE club_id = NEW.club_id AND kind = NEW.kind AND period = NEW.period AND id <> NEW.id)
BEGIN SELECT RAISE(ABORT, 'report: the club already filed this report for this period'); END;

CREATE TRIGGER IF NOT EXISTS report_before_period_insert AFTER INSERT ON report
WHEN EXISTS (SELECT 1 FROM report_before_period WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'report: submitted before its period began'); END;
CREATE TRIGGER IF NOT EXISTS report_before_period_update AFTER UPDATE OF kind, period, submitted_at ON report
WHEN EXISTS (SELECT 1 FROM report_before_period WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'report: submitted before its period began'); END;
CREATE TRIGGER IF NOT EXISTS report_in_program_insert AFTER INSERT ON report
WHEN EXISTS (SELECT 1 FROM report_outside_program WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'report: the club''s program asks for no report for this period'); END;
CREATE TRIGGER IF NOT EXISTS report_in_program_update AFTER UPDATE OF club_id, kind, period ON report
WHEN EXISTS (SELECT 1 FROM report_outside_program WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'report: the club''s program asks for no report for this period'); END;

CREATE TRIGGER IF NOT EXISTS nomination_at_most_two_insert AFTER INSERT ON nomination
WHEN EXISTS (SELECT 1 FROM nomination_over_two WHERE club_id = NEW.club_id AND period = NEW.period)
BEGIN SELECT RAISE(ABORT, 'nomination: a club nominates at most 2 top contributors a half-year (JG10)'); END;
CREATE TRIGGER IF NOT EXISTS nomination_at_most_two_update AFTER UPDATE OF club_id, period ON nomination
WHEN EXISTS (SELECT 1 FROM nomination_over_two WHERE club_id = NEW.club_id AND period = NEW.period)
BEGIN SELECT RAISE(ABORT, 'nomination: a club nominates at most 2 top contributors a half-year (JG10)'); END;

CREATE TRIGGER IF NOT EXISTS holiday_override_valid_insert AFTER INSERT ON holiday_override
WHEN EXISTS (SELECT 1 FROM holiday_override_invalid WHERE day IS NEW.day)
BEGIN SELECT RAISE(ABORT, 'holiday_override: day must be a date YYYY-MM-DD and is_holiday 0 or 1 (KR5)'); END;
CREATE TRIGGER IF NOT EXISTS holiday_override_valid_update AFTER UPDATE ON holiday_override
WHEN EXISTS (SELECT 1 FROM holiday_override_invalid WHERE day IS NEW.day)
BEGIN SELECT RAISE(ABORT, 'holiday_override: day must be a date YYYY-MM-DD and is_holiday 0 or 1 (KR5)'); END;

-- Composition is checked for the writes that can break it (N-D4): a member
-- added or moved in (size), an outsider added or moved in, an official
-- removed or moved out, an official who becomes an outsider: write a team's
-- officials before its outsiders, and remove its outsiders first. A program
-- that tightens its rules is not refused; `learnclub teams` reports such teams.
CREATE TRIGGER IF NOT EXISTS membership_team_size_insert AFTER INSERT ON membership
WHEN (SELECT over_size FROM team_composition WHERE club_id = NEW.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: the team would have more members than its program''s max_members (NJ6)'); END;
CREATE TRIGGER IF NOT EXISTS membership_team_size_update AFTER UPDATE OF club_id, person_id ON membership
WHEN (SELECT over_size FROM team_composition WHERE club_id = NEW.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: the team would have more members than its program''s max_members (NJ6)'); END;

CREATE TRIGGER IF NOT EXISTS membership_outsider_share_insert AFTER INSERT ON membership
WHEN (SELECT kind FROM person WHERE id = NEW.person_id) <> 'official'
 AND (SELECT over_share FROM team_composition WHERE club_id = NEW.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: outsiders (experts, citizens) would be more than the program''s outsider_pct of the team (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS membership_outsider_share_update AFTER UPDATE OF club_id, person_id ON membership
WHEN (SELECT kind FROM person WHERE id = NEW.person_id) <> 'official'
 AND (SELECT over_share FROM team_composition WHERE club_id = NEW.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: outsiders (experts, citizens) would be more than the program''s outsider_pct of the team (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS membership_outsider_share_delete AFTER DELETE ON membership
WHEN (SELECT kind FROM person WHERE id = OLD.person_id) = 'official'
 AND (SELECT over_share FROM team_composition WHERE club_id = OLD.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: without this official, outsiders would be more than the program''s outsider_pct of the team (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS membership_outsider_share_leave AFTER UPDATE OF club_id, person_id ON membership
WHEN (NEW.club_id IS NOT OLD.club_id OR (SELECT kind FROM person WHERE id = NEW.person_id) <> 'official')
 AND (SELECT kind FROM person WHERE id = OLD.person_id) = 'official'
 AND (SELECT over_share FROM team_composition WHERE club_id = OLD.club_id)
BEGIN SELECT RAISE(ABORT, 'membership: without this official, outsiders would be more than the program''s outsider_pct of the team (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS person_outsider_share_update AFTER UPDATE OF kind ON person
WHEN OLD.kind = 'official' AND NEW.kind <> 'official'
 AND EXISTS (SELECT 1 FROM membership m JOIN team_composition t ON t.club_id = m.club_id
             WHERE m.person_id = NEW.id AND t.over_share)
BEGIN SELECT RAISE(ABORT, 'person: as an outsider the person would put a team over its program''s outsider_pct (NJ1)'); END;

CREATE TRIGGER IF NOT EXISTS club_call_insert AFTER INSERT ON club
WHEN EXISTS (SELECT 1 FROM club_in_cancelled_call WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'club: the program''s call for teams was cancelled (NJ3)'); END;
CREATE TRIGGER IF NOT EXISTS club_call_update AFTER UPDATE OF program_id ON club
WHEN EXISTS (SELECT 1 FROM club_in_cancelled_call WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'club: the program''s call for teams was cancelled (NJ3)'); END;
CREATE TRIGGER IF NOT EXISTS club_max_teams_insert AFTER INSERT ON club
WHEN EXISTS (SELECT 1 FROM program_over_max_teams WHERE program_id = NEW.program_id)
BEGIN SELECT RAISE(ABORT, 'club: the program already has its call''s max_teams teams (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS club_max_teams_update AFTER UPDATE OF program_id ON club
WHEN NEW.program_id IS NOT OLD.program_id
 AND EXISTS (SELECT 1 FROM program_over_max_teams WHERE program_id = NEW.program_id)
BEGIN SELECT RAISE(ABORT, 'club: the program already has its call''s max_teams teams (NJ1)'); END;

PRAGMA user_version = 4;
