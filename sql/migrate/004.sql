-- sql/migrate/004.sql: schema version 3 -> 4 (issue 12). Every rule that
-- spans rows or tables gets one home, a view, read by its triggers after the
-- write and by the workflows (S5 in sql/schema.sql); the version 3 triggers,
-- each with its rule written out, are replaced by triggers of the same names.
-- report's CHECK "submitted before its period began" becomes a trigger pair
-- on the view report_span, the one home of a period's days in SQL: the table
-- is rebuilt without the CHECK, its rows copied as they are. No row changes.
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
