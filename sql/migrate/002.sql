-- sql/migrate/002.sql: schema version 1 -> 2. Adds committee_place, where the
-- evaluation committee records its decision on a tie (D3), and an index of
-- meetings by day. No row is touched.
CREATE TABLE IF NOT EXISTS committee_place (
  club_id  INTEGER NOT NULL REFERENCES club(id),
  period   TEXT NOT NULL
           CONSTRAINT "committee_place: period must be YYYY-H1 or YYYY-H2" CHECK (period GLOB '[0-9][0-9][0-9][0-9]-H[12]'),
  place    INTEGER NOT NULL
           CONSTRAINT "committee_place: place must be a positive integer" CHECK (typeof(place) = 'integer' AND place > 0),
  note     TEXT,
  PRIMARY KEY (club_id, period)
);
CREATE INDEX IF NOT EXISTS meeting_day ON meeting(held_on);
PRAGMA user_version = 2;
