-- sql/migrate/004.sql: schema version 3 -> 4 (issue 12). Every rule that
-- spans rows or tables gets one home, a view, read by its triggers after the
-- write and by the workflows (S5 in sql/schema.sql); the version 3 triggers,
-- each with its rule written out, are replaced by triggers of the same names.
-- report's CHECK "submitted before its period began" becomes a trigger pair
-- on the view report_span, the one home of a period's days in SQL: the table
-- is rebuilt without the CHECK, its rows copied as they are. No row changes.
-- Issue 13 adds the index club_name, for the imports (version 4 was not yet released).
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

-- report as sql/schema.sql declares it (JG6, JG7), renamed when filled.
CREATE TABLE report_v4 (
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
INSERT INTO report_v4(id, club_id, kind, period, submitted_at, board_ref, title)
SELECT id, club_id, kind, period, submitted_at, board_ref, title FROM report ORDER BY id;
DROP TABLE report;
ALTER TABLE report_v4 RENAME TO report;
CREATE INDEX IF NOT EXISTS report_period ON report(kind, period);
-- The imports find a club by its name (IM1, IP2, IS1; issue 13): as in sql/schema.sql.
CREATE INDEX IF NOT EXISTS club_name ON club(name);

-- issue 14 (H1): program as sql/schema.sql declares it, rebuilt because
-- reports_from and reports_to may now be NULL (a program without monthly
-- reports); its rows are copied as they are, with the tier lists written
-- without spaces after commas ('최우수, 우수' -> '최우수,우수', as
-- `learnclub program-set` stores them). init runs this with foreign keys off.
CREATE TABLE program_v4 (
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
  -- issue 14 (H1): a program without monthly reports (a research group) has neither month
  CONSTRAINT "program: reports_from and reports_to are both a month, or both NULL for no monthly reports"
    CHECK ((reports_from IS NULL) = (reports_to IS NULL)),
  CONSTRAINT "program: judges_min must be more than drop_high + drop_low"
    CHECK (drop_high >= 0 AND drop_low >= 0 AND judges_min > drop_high + drop_low)
);
INSERT INTO program_v4(id, code, name, office, starts_on, ends_on, reports_from, reports_to, report_rule,
                       award_scheme, hours_cap, judges_min, drop_high, drop_low, tie_break, leave_tiers,
                       trip_tiers, education_type, max_members, outsider_pct)
SELECT id, code, name, office, starts_on, ends_on, reports_from, reports_to, report_rule,
       award_scheme, hours_cap, judges_min, drop_high, drop_low, tie_break,
       replace(replace(leave_tiers, ', ', ','), ' ,', ','), replace(replace(trip_tiers, ', ', ','), ' ,', ','),
       education_type, max_members, outsider_pct
FROM program ORDER BY id;
DROP TABLE program;
ALTER TABLE program_v4 RENAME TO program;

-- issue 14 (H2): a person's email and phone, the roster's optional columns.
ALTER TABLE person ADD COLUMN email TEXT;
ALTER TABLE person ADD COLUMN phone TEXT;

-- issue 14 (H3): the change log (as sql/schema.sql declares it), a row per writing command's transaction
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
  stale_reason  TEXT
);
-- issue 14 (H3): a version 3 database's stored awards were stored by
-- evaluate: each half-year with awards is an evaluation, up to date, recorded
-- on the day of the upgrade (Korean time), so that a later change marks it stale.
INSERT INTO evaluation(period, evaluated_on, stale_reason)
SELECT DISTINCT period, date('now', '+9 hours'), NULL FROM award WHERE true
ON CONFLICT (period) DO NOTHING;

-- The new rules (views, and the triggers that read them) are created by
-- sql/rules.sql, which `learnclub init` runs after the migrations.

PRAGMA user_version = 4;
