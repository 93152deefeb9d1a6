-- sql/schema.sql: the learnclub database, schema version 5 (PRAGMA user_version).
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
  reports_from   TEXT                           -- first month with a monthly report (JG6: March); NULL: none (issue 14)
                 CONSTRAINT "program: reports_from must be a month YYYY-MM"
                 CHECK (reports_from IS NULL OR (date(reports_from || '-01', '+0 days') IS reports_from || '-01' AND length(reports_from) = 7)),
  reports_to     TEXT                           -- last month with a monthly report (JG6: December); NULL: none
                 CONSTRAINT "program: reports_to must be a month YYYY-MM"
                 CHECK (reports_to IS NULL OR (date(reports_to || '-01', '+0 days') IS reports_to || '-01' AND length(reports_to) = 7)),
  report_rule    TEXT NOT NULL DEFAULT '',      -- report_due() rule: '' = 5th of next month, moved past holidays (JG6, D1)
  award_scheme   TEXT NOT NULL DEFAULT 'junggu-2015',  -- award_tier()/award_prize() scheme (JG8)
  hours_cap      REAL NOT NULL DEFAULT 12
                 CONSTRAINT "program: hours_cap must not be negative" CHECK (hours_cap >= 0),  -- JG9, D4
  judges_min     INTEGER NOT NULL DEFAULT 5,    -- drop scores only from this many judges up (KR7)
  drop_high      INTEGER NOT NULL DEFAULT 1,    -- highest judge totals dropped
  drop_low       INTEGER NOT NULL DEFAULT 1,    -- lowest judge totals dropped
  tie_break      TEXT,                          -- criterion that breaks a tie (KR7); NULL: none
  education_type TEXT NOT NULL DEFAULT '기관주관교육/학습동아리',  -- General Affairs' type (JG9)
  max_members    INTEGER                        -- a team has at most this many members (NJ6: 4); NULL: no limit
                 CONSTRAINT "program: max_members must be a positive integer (NJ6)"
                 CHECK (max_members IS NULL OR (typeof(max_members) = 'integer' AND max_members > 0)),
  outsider_pct   REAL                           -- outsiders at most this % of a team (NJ1: 20); NULL: no limit
                 CONSTRAINT "program: outsider_pct must be a number from 0 to 100 (NJ1)"
                 CHECK (outsider_pct IS NULL OR (typeof(outsider_pct) IN ('integer', 'real') AND outsider_pct >= 0 AND outsider_pct <= 100)),
  -- issue 15 (B1): judging. The lists' grammar is checked by the views
  -- program_panel_weight, program_criterion and their triggers (sql/rules.sql).
  panel_weights  TEXT,                          -- panels and their weights, 전문가:70,청중:30, adding up to 100 (O3); NULL: one pool of judges
  finalists      INTEGER                        -- the best N of the screening go to the final (O3); NULL: no screening stage
                 CONSTRAINT "program: finalists must be a positive integer (O3)"
                 CHECK (finalists IS NULL OR (typeof(finalists) = 'integer' AND finalists > 0)),
  criteria       TEXT,                          -- criteria and their maximum points, 추진실적:40,성과:60 (O5); NULL: any criterion, up to 100
  -- issue 15 (B2): incentives per tier (JG10, JG11, O1, O2; grammar in sql/rules.sql
  -- "incentives"; they replace leave_tiers and trip_tiers), and the support
  -- allocation of each club for the program's year (O5: 2,000,000 KRW each;
  -- AMOUNT[,CLUB:AMOUNT…] in KRW; NULL: none)
  incentives     TEXT NOT NULL DEFAULT '최우수:leave*2+trip,우수:leave*2',
  allocation     TEXT,
  -- issue 15 (C): membership, meetings and hours as settings (docs/workflows.md C-D1..C-D9)
  min_members    INTEGER                        -- a club with fewer members is reported (O6: 10; O7: 5, 7 or 10); NULL: no rule
                 CONSTRAINT "program: min_members must be a positive integer (O6, O7)"
                 CHECK (min_members IS NULL OR (typeof(min_members) = 'integer' AND min_members > 0)),
  clubs_per_person INTEGER NOT NULL DEFAULT 1   -- a person is in at most this many clubs of the program at once (W-D2; O6: 3)
                 CONSTRAINT "program: clubs_per_person must be a positive integer (W-D2, O6)"
                 CHECK (typeof(clubs_per_person) = 'integer' AND clubs_per_person > 0),
  max_from_one_unit INTEGER                     -- at most this many members of a club from one unit (O6: 5 from one committee); NULL: no limit
                 CONSTRAINT "program: max_from_one_unit must be a positive integer (O6)"
                 CHECK (max_from_one_unit IS NULL OR (typeof(max_from_one_unit) = 'integer' AND max_from_one_unit > 0)),
  outsiders      TEXT NOT NULL DEFAULT 'expert,citizen'  -- the person kinds outsider_pct counts (NJ1; O7 counts non-residents: official,expert)
                 CONSTRAINT "program: outsiders must be person kinds from official, expert, citizen, in that order, separated by commas (NJ1, O7)"
                 CHECK (outsiders IN ('official', 'expert', 'citizen', 'official,expert', 'official,citizen', 'expert,citizen', 'official,expert,citizen')),
  regular_per_month INTEGER NOT NULL DEFAULT 1  -- regular meetings a club holds a month (JG5: 1; O7: 2)
                 CONSTRAINT "program: regular_per_month must be a positive integer (JG5, O7)"
                 CHECK (typeof(regular_per_month) = 'integer' AND regular_per_month > 0),
  hours_cap_year REAL                           -- recognised hours at most this many a year (KR6: Jeju 20); NULL: no yearly cap
                 CONSTRAINT "program: hours_cap_year must be a number, 0 or more (KR6)"
                 CHECK (hours_cap_year IS NULL OR (typeof(hours_cap_year) IN ('integer', 'real') AND hours_cap_year >= 0)),
  hours_per_meeting_cap REAL                    -- a meeting counts for at most this many hours (D4); NULL: no cap
                 CONSTRAINT "program: hours_per_meeting_cap must be a number more than 0 (D4)"
                 CHECK (hours_per_meeting_cap IS NULL OR (typeof(hours_per_meeting_cap) IN ('integer', 'real') AND hours_per_meeting_cap > 0)),
  hours_shared_cap INTEGER NOT NULL DEFAULT 1   -- 1: the person's cap is shared with their other programs (D7); 0: this program caps apart
                 CONSTRAINT "program: hours_shared_cap must be 1 (shared) or 0 (apart) (D7)"
                 CHECK (hours_shared_cap IN (0, 1)),
  CONSTRAINT "program: ends_on must not be before starts_on" CHECK (ends_on >= starts_on),
  CONSTRAINT "program: reports_to must not be before reports_from" CHECK (reports_to >= reports_from),
  -- issue 14 (H1): a program without monthly reports (a research group) has neither month
  CONSTRAINT "program: reports_from and reports_to are both a month, or both NULL for no monthly reports"
    CHECK ((reports_from IS NULL) = (reports_to IS NULL)),
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
  -- issue 15 (B1): clubs of one program ranked apart, awards given per track (O2); NULL: the program's one ranking
  track         TEXT
                CONSTRAINT "club: track must not be empty; NULL for none (O2)" CHECK (track IS NULL OR length(track) > 0),
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
           CONSTRAINT "person: kind must be official, expert or citizen (NJ1)" CHECK (kind IN ('official', 'expert', 'citizen')),
  -- issue 14 (H2): how to reach a person (the roster's optional columns)
  email    TEXT,
  phone    TEXT
);

-- Memberships: a person in a club, from joined_on to left_on (NULL: still in).
-- issue 15 (A): a row is one stint; a person may leave a club and join it
-- again, a stint each, which must not overlap (sql/rules.sql).
CREATE TABLE IF NOT EXISTS membership (
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

-- issue 15 (A): a person's unit is dated. person.unit_id is the unit on the
-- days before the person's first row here; a row gives the unit from since
-- on, until the person's next row (NULL: no unit from that day). The view
-- person_unit_span (sql/rules.sql) is the one home of "the unit of a person
-- on a day"; every report reads it.
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

-- Judges' scores (JG8, KR7): one number per club, half-year, stage, panel,
-- judge and criterion. Issue 15 (B1): panel ('' none; O3), the judge's
-- emp_no for recusal (NULL: not an official of the office), stage screening
-- or final (O3).
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
  panel      TEXT NOT NULL DEFAULT '',
  judge_emp_no TEXT
             CONSTRAINT "score: judge_emp_no must not be empty; NULL for none" CHECK (judge_emp_no IS NULL OR length(judge_emp_no) > 0),
  stage      TEXT NOT NULL DEFAULT 'final'
             CONSTRAINT "score: stage must be screening or final (O3)" CHECK (stage IN ('screening', 'final')),
  PRIMARY KEY (club_id, period, stage, panel, judge, criterion)
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
-- rate, weighted by weight (D5). issue 15 (D): kind — cumulative (NJ8: the
-- results add up to the term's target) or level (a yearly target met or
-- not, "clubs run: 10 a year": the rate is the years met ÷ the years due;
-- sql/pledge-report.sql).
CREATE TABLE IF NOT EXISTS indicator (
  id         INTEGER PRIMARY KEY,
  pledge_id  INTEGER NOT NULL REFERENCES pledge(id),
  seq        INTEGER NOT NULL DEFAULT 1,
  name       TEXT NOT NULL
             CONSTRAINT "indicator: name must not be empty" CHECK (length(name) > 0),
  unit       TEXT,
  weight     REAL NOT NULL DEFAULT 1
             CONSTRAINT "indicator: weight must be a number more than 0 (D5)" CHECK (typeof(weight) IN ('integer', 'real') AND weight > 0),
  kind       TEXT NOT NULL DEFAULT 'cumulative'
             CONSTRAINT "indicator: kind must be cumulative or level (NJ8)" CHECK (kind IN ('cumulative', 'level')),
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

-- issue 14 (H3): the change log, a row per writing command's transaction
-- (cli/changelog.c CL1-CL5): when (Korean time, D2), the operating-system
-- user, the command and its arguments (a JSON array), and per table the rows
-- added, changed and removed, with the changed and removed rows' old values
-- (a JSON object by table). `learnclub log DB [--since DATE]` shows it.
CREATE TABLE IF NOT EXISTS change_log (
  id       INTEGER PRIMARY KEY,
  at       TEXT NOT NULL
           CONSTRAINT "change_log: at must be YYYY-MM-DD HH:MM:SS in Korean time (D2)"
           CHECK (datetime(at, '+0 days') IS at),
  os_user  TEXT NOT NULL,
  command  TEXT NOT NULL
           CONSTRAINT "change_log: command must not be empty" CHECK (length(command) > 0),
  args     TEXT NOT NULL DEFAULT '[]',
  changes  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS change_log_at ON change_log(at);

-- issue 14 (H3): the evaluations `learnclub evaluate` stored, one per
-- half-year: the day it saw the reports as of, and stale_reason, what changed
-- since (scores, research reports, committee places, the club list; NULL: the
-- stored awards are up to date). The triggers of sql/rules.sql ("stale
-- awards") set it, whoever writes; evaluate clears it.
CREATE TABLE IF NOT EXISTS evaluation (
  period        TEXT PRIMARY KEY
                CONSTRAINT "evaluation: period must be YYYY-H1 or YYYY-H2" CHECK (period GLOB '[0-9][0-9][0-9][0-9]-H[12]'),
  evaluated_on  TEXT NOT NULL
                CONSTRAINT "evaluation: evaluated_on must be a date YYYY-MM-DD" CHECK (date(evaluated_on, '+0 days') IS evaluated_on),
  stale_reason  TEXT,
  -- issue 16 (E2): the ties the run left for the committee (EV4 in
  -- sql/evaluate.sql): a JSON array of {"club_id", "first", "last"}, the places
  -- the tied clubs share; '[]' none; NULL: evaluated before version 5
  ties          TEXT
                CONSTRAINT "evaluation: ties must be a JSON array" CHECK (ties IS NULL OR (json_valid(ties) AND json_type(ties) = 'array'))
);

-- The rules that span rows or tables (views, and the triggers that read
-- them) are in sql/rules.sql, which `learnclub init` runs after this file.

PRAGMA user_version = 5;
