-- sql/program-set.sql: a program's settings (issue 14), run by `learnclub
-- program-set DB CODE KEY=VALUE ...` (and by program-add) inside its
-- transaction. @code names the program; @KEY is a setting's new value, NULL
-- when not given, already checked by the extension's parsers
-- (cli/cmd_program.c P2); @KEY_none is '1' when the setting is to be NULL
-- (none). Numbers arrive as text and are stored as numbers.
UPDATE program SET
  name           = coalesce(@name, name),
  office         = CASE WHEN @office_none IS NOT NULL THEN NULL ELSE coalesce(@office, office) END,
  starts_on      = coalesce(@starts_on, starts_on),
  ends_on        = coalesce(@ends_on, ends_on),
  reports_from   = CASE WHEN @reports_from_none IS NOT NULL THEN NULL ELSE coalesce(@reports_from, reports_from, @reports_to) END,
  reports_to     = CASE WHEN @reports_to_none IS NOT NULL THEN NULL ELSE coalesce(@reports_to, reports_to, @reports_from) END,
  report_rule    = coalesce(@report_rule, report_rule),
  award_scheme   = coalesce(@award_scheme, award_scheme),
  hours_cap      = coalesce(CAST(@hours_cap AS REAL), hours_cap),
  judges_min     = coalesce(CAST(@judges_min AS INTEGER), judges_min),
  drop_high      = coalesce(CAST(@drop_high AS INTEGER), drop_high),
  drop_low       = coalesce(CAST(@drop_low AS INTEGER), drop_low),
  tie_break      = CASE WHEN @tie_break_none IS NOT NULL THEN NULL ELSE coalesce(@tie_break, tie_break) END,
  leave_tiers    = coalesce(@leave_tiers, leave_tiers),
  trip_tiers     = coalesce(@trip_tiers, trip_tiers),
  education_type = coalesce(@education_type, education_type),
  max_members    = CASE WHEN @max_members_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@max_members AS INTEGER), max_members) END,
  outsider_pct   = CASE WHEN @outsider_pct_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@outsider_pct AS REAL), outsider_pct) END,
  -- issue 15 (C): membership, meetings, hours (cli/cmd_program.c P8)
  min_members    = CASE WHEN @min_members_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@min_members AS INTEGER), min_members) END,
  clubs_per_person = coalesce(CAST(@clubs_per_person AS INTEGER), clubs_per_person),
  max_from_one_unit = CASE WHEN @max_from_one_unit_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@max_from_one_unit AS INTEGER), max_from_one_unit) END,
  outsiders      = coalesce(@outsiders, outsiders),
  regular_per_month = coalesce(CAST(@regular_per_month AS INTEGER), regular_per_month),
  hours_cap_year = CASE WHEN @hours_cap_year_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@hours_cap_year AS REAL), hours_cap_year) END,
  hours_per_meeting_cap = CASE WHEN @hours_per_meeting_cap_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@hours_per_meeting_cap AS REAL), hours_per_meeting_cap) END,
  hours_shared_cap = coalesce(CAST(@hours_shared_cap AS INTEGER), hours_shared_cap)
WHERE code = @code;
