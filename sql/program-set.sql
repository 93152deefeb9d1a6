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
  outsider_pct   = CASE WHEN @outsider_pct_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@outsider_pct AS REAL), outsider_pct) END
WHERE code = @code;
-- issue 15 (B1): the judging settings (cli/cmd_program.c P8)
UPDATE program SET
  panel_weights = CASE WHEN @panel_weights_none IS NOT NULL THEN NULL ELSE coalesce(@panel_weights, panel_weights) END,
  finalists     = CASE WHEN @finalists_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@finalists AS INTEGER), finalists) END,
  criteria      = CASE WHEN @criteria_none IS NOT NULL THEN NULL ELSE coalesce(@criteria, criteria) END
WHERE code = @code AND coalesce(@panel_weights, @panel_weights_none, @finalists, @finalists_none, @criteria, @criteria_none) IS NOT NULL;
