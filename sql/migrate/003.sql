-- sql/migrate/003.sql: schema version 2 -> 3. The Naju research groups and
-- pledge card (NJ1-NJ9, D5, D6, KR8): team composition rules on program
-- (max_members NJ6, outsider_pct NJ1), person.kind (official, expert,
-- citizen), selection rounds on club (NJ6); calls for teams (team_call,
-- NJ3), proposals and their adoption (NJ2, NJ4), pledges and their
-- indicators (NJ8, NJ9), budget plans (NJ7); the composition triggers.
-- Columns are added at the end of their tables, as schema.sql declares them;
-- no row is touched (existing people are officials, existing programs have
-- no composition rule).
ALTER TABLE program ADD COLUMN max_members INTEGER
  CONSTRAINT "program: max_members must be a positive integer (NJ6)"
  CHECK (max_members IS NULL OR (typeof(max_members) = 'integer' AND max_members > 0));
ALTER TABLE program ADD COLUMN outsider_pct REAL
  CONSTRAINT "program: outsider_pct must be a number from 0 to 100 (NJ1)"
  CHECK (outsider_pct IS NULL OR (typeof(outsider_pct) IN ('integer', 'real') AND outsider_pct >= 0 AND outsider_pct <= 100));
ALTER TABLE person ADD COLUMN kind TEXT NOT NULL DEFAULT 'official'
  CONSTRAINT "person: kind must be official, expert or citizen (NJ1)" CHECK (kind IN ('official', 'expert', 'citizen'));
ALTER TABLE club ADD COLUMN selection_round INTEGER
  CONSTRAINT "club: selection_round must be a positive integer (NJ6)"
  CHECK (selection_round IS NULL OR (typeof(selection_round) = 'integer' AND selection_round > 0));
ALTER TABLE club ADD COLUMN selected_on TEXT
  CONSTRAINT "club: selected_on must be a date YYYY-MM-DD" CHECK (selected_on IS NULL OR date(selected_on, '+0 days') IS selected_on);

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

-- Team composition (NJ1, NJ6), checked as each membership is written. A
-- team's size is its roster: every membership of the club, whatever its
-- dates. max_members: the roster has at most that many people. outsider_pct:
-- outsiders (experts, citizens: person.kind other than official) are at most
-- that share of the roster, exactly: outsiders × 100 ≤ outsider_pct × size,
-- so 1 of 5 is 20% and allowed, 1 of 4 (25%) is not. Write a team's officials
-- before its outsiders, and remove its outsiders first.
CREATE TRIGGER IF NOT EXISTS membership_team_size_insert BEFORE INSERT ON membership
WHEN (SELECT p.max_members FROM club c JOIN program p ON p.id = c.program_id WHERE c.id = NEW.club_id)
     <= (SELECT count(*) FROM membership WHERE club_id = NEW.club_id AND person_id IS NOT NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'membership: the team would have more members than its program''s max_members (NJ6)'); END;
CREATE TRIGGER IF NOT EXISTS membership_team_size_update BEFORE UPDATE OF club_id, person_id ON membership
WHEN (SELECT p.max_members FROM club c JOIN program p ON p.id = c.program_id WHERE c.id = NEW.club_id)
     <= (SELECT count(*) FROM membership WHERE club_id = NEW.club_id AND person_id IS NOT NEW.person_id
           AND NOT (club_id = OLD.club_id AND person_id = OLD.person_id))
BEGIN SELECT RAISE(ABORT, 'membership: the team would have more members than its program''s max_members (NJ6)'); END;

CREATE TRIGGER IF NOT EXISTS membership_outsider_share_insert BEFORE INSERT ON membership
WHEN (SELECT kind FROM person WHERE id = NEW.person_id) <> 'official'
 AND (1 + (SELECT count(*) FROM membership m JOIN person x ON x.id = m.person_id
           WHERE m.club_id = NEW.club_id AND m.person_id <> NEW.person_id AND x.kind <> 'official')) * 100.0
     > (SELECT p.outsider_pct FROM club c JOIN program p ON p.id = c.program_id WHERE c.id = NEW.club_id)
       * (1 + (SELECT count(*) FROM membership WHERE club_id = NEW.club_id AND person_id <> NEW.person_id))
BEGIN SELECT RAISE(ABORT, 'membership: outsiders (experts, citizens) would be more than the program''s outsider_pct of the team (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS membership_outsider_share_update BEFORE UPDATE OF club_id, person_id ON membership
WHEN (SELECT kind FROM person WHERE id = NEW.person_id) <> 'official'
 AND (1 + (SELECT count(*) FROM membership m JOIN person x ON x.id = m.person_id
           WHERE m.club_id = NEW.club_id AND m.person_id <> NEW.person_id AND x.kind <> 'official'
             AND NOT (m.club_id = OLD.club_id AND m.person_id = OLD.person_id))) * 100.0
     > (SELECT p.outsider_pct FROM club c JOIN program p ON p.id = c.program_id WHERE c.id = NEW.club_id)
       * (1 + (SELECT count(*) FROM membership WHERE club_id = NEW.club_id AND person_id <> NEW.person_id
                 AND NOT (club_id = OLD.club_id AND person_id = OLD.person_id)))
BEGIN SELECT RAISE(ABORT, 'membership: outsiders (experts, citizens) would be more than the program''s outsider_pct of the team (NJ1)'); END;
-- An official leaving the roster (deleted, or moved to another team or person)
-- must not leave the team's outsiders over the share.
CREATE TRIGGER IF NOT EXISTS membership_outsider_share_delete BEFORE DELETE ON membership
WHEN (SELECT kind FROM person WHERE id = OLD.person_id) = 'official'
 AND (SELECT count(*) FROM membership m JOIN person x ON x.id = m.person_id
      WHERE m.club_id = OLD.club_id AND x.kind <> 'official') * 100.0
     > (SELECT p.outsider_pct FROM club c JOIN program p ON p.id = c.program_id WHERE c.id = OLD.club_id)
       * ((SELECT count(*) FROM membership WHERE club_id = OLD.club_id) - 1)
BEGIN SELECT RAISE(ABORT, 'membership: without this official, outsiders would be more than the program''s outsider_pct of the team (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS membership_outsider_share_leave BEFORE UPDATE OF club_id, person_id ON membership
WHEN (NEW.club_id IS NOT OLD.club_id OR (SELECT kind FROM person WHERE id = NEW.person_id) <> 'official')
 AND (SELECT kind FROM person WHERE id = OLD.person_id) = 'official'
 AND (SELECT count(*) FROM membership m JOIN person x ON x.id = m.person_id
      WHERE m.club_id = OLD.club_id AND x.kind <> 'official') * 100.0
     > (SELECT p.outsider_pct FROM club c JOIN program p ON p.id = c.program_id WHERE c.id = OLD.club_id)
       * ((SELECT count(*) FROM membership WHERE club_id = OLD.club_id) - 1)
BEGIN SELECT RAISE(ABORT, 'membership: without this official, outsiders would be more than the program''s outsider_pct of the team (NJ1)'); END;
-- An official who becomes an expert or a citizen counts as an outsider.
CREATE TRIGGER IF NOT EXISTS person_outsider_share_update BEFORE UPDATE OF kind ON person
WHEN OLD.kind = 'official' AND NEW.kind <> 'official' AND EXISTS (
  SELECT 1 FROM membership me JOIN club c ON c.id = me.club_id JOIN program p ON p.id = c.program_id
  WHERE me.person_id = NEW.id
    AND (1 + (SELECT count(*) FROM membership m JOIN person x ON x.id = m.person_id
              WHERE m.club_id = me.club_id AND x.kind <> 'official' AND m.person_id <> NEW.id)) * 100.0
        > p.outsider_pct * (SELECT count(*) FROM membership WHERE club_id = me.club_id))
BEGIN SELECT RAISE(ABORT, 'person: as an outsider the person would put a team over its program''s outsider_pct (NJ1)'); END;

-- A team joins a program whose call was not cancelled (NJ3), and no more
-- teams than the call's max_teams (NJ1).
CREATE TRIGGER IF NOT EXISTS club_call_insert BEFORE INSERT ON club
WHEN EXISTS (SELECT 1 FROM team_call WHERE program_id = NEW.program_id AND outcome = 'cancelled')
BEGIN SELECT RAISE(ABORT, 'club: the program''s call for teams was cancelled (NJ3)'); END;
CREATE TRIGGER IF NOT EXISTS club_call_update BEFORE UPDATE OF program_id ON club
WHEN EXISTS (SELECT 1 FROM team_call WHERE program_id = NEW.program_id AND outcome = 'cancelled')
BEGIN SELECT RAISE(ABORT, 'club: the program''s call for teams was cancelled (NJ3)'); END;
CREATE TRIGGER IF NOT EXISTS club_max_teams_insert BEFORE INSERT ON club
WHEN (SELECT max_teams FROM team_call WHERE program_id = NEW.program_id)
     <= (SELECT count(*) FROM club WHERE program_id = NEW.program_id)
BEGIN SELECT RAISE(ABORT, 'club: the program already has its call''s max_teams teams (NJ1)'); END;
CREATE TRIGGER IF NOT EXISTS club_max_teams_update BEFORE UPDATE OF program_id ON club
WHEN NEW.program_id IS NOT OLD.program_id
 AND (SELECT max_teams FROM team_call WHERE program_id = NEW.program_id)
     <= (SELECT count(*) FROM club WHERE program_id = NEW.program_id)
BEGIN SELECT RAISE(ABORT, 'club: the program already has its call''s max_teams teams (NJ1)'); END;

-- The half-year's regular meetings for `hours`, covering (bench/README.md).
CREATE INDEX IF NOT EXISTS meeting_kind_day ON meeting(kind, held_on, club_id, hours);

PRAGMA user_version = 3;
