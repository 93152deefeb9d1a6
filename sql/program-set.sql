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
  education_type = coalesce(@education_type, education_type),
  max_members    = CASE WHEN @max_members_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@max_members AS INTEGER), max_members) END,
  outsider_pct   = CASE WHEN @outsider_pct_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@outsider_pct AS REAL), outsider_pct) END,
  -- issue 15 (B2): incentives (IC1-IC4 in sql/rules.sql) and the support allocation (AL1)
  incentives     = coalesce(@incentives, incentives),
  allocation     = CASE WHEN @allocation_none IS NOT NULL THEN NULL ELSE coalesce(@allocation, allocation) END,
  -- issue 15 (C): membership, meetings, hours (cli/cmd_program.c P10)
  min_members    = CASE WHEN @min_members_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@min_members AS INTEGER), min_members) END,
  clubs_per_person = coalesce(CAST(@clubs_per_person AS INTEGER), clubs_per_person),
  max_from_one_unit = CASE WHEN @max_from_one_unit_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@max_from_one_unit AS INTEGER), max_from_one_unit) END,
  outsiders      = coalesce(@outsiders, outsiders),
  regular_per_month = coalesce(CAST(@regular_per_month AS INTEGER), regular_per_month),
  hours_cap_year = CASE WHEN @hours_cap_year_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@hours_cap_year AS REAL), hours_cap_year) END,
  hours_per_meeting_cap = CASE WHEN @hours_per_meeting_cap_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@hours_per_meeting_cap AS REAL), hours_per_meeting_cap) END,
  hours_shared_cap = coalesce(CAST(@hours_shared_cap AS INTEGER), hours_shared_cap)
WHERE code = @code;
-- issue 15 (B1): the judging settings (cli/cmd_program.c P8)
UPDATE program SET
  panel_weights = CASE WHEN @panel_weights_none IS NOT NULL THEN NULL ELSE coalesce(@panel_weights, panel_weights) END,
  finalists     = CASE WHEN @finalists_none IS NOT NULL THEN NULL ELSE coalesce(CAST(@finalists AS INTEGER), finalists) END,
  criteria      = CASE WHEN @criteria_none IS NOT NULL THEN NULL ELSE coalesce(@criteria, criteria) END
WHERE code = @code AND coalesce(@panel_weights, @panel_weights_none, @finalists, @finalists_none, @criteria, @criteria_none) IS NOT NULL;

-- issue 15 (B2): leave_tiers and trip_tiers are shorthands of incentives
-- (IC5, cli/cmd_program.c P9): the tiers listed get leave*2 (trip), every
-- other tier loses its leave (trip) grant, and a tier left without a grant
-- is dropped; the grants of a tier in IC1's order of kinds. The command
-- refuses incentives together with a shorthand.
UPDATE program SET incentives = (
  SELECT coalesce(group_concat(t.tier || ':' || t.grants, ','), '') FROM (
    SELECT g.tier, group_concat(g.grant_text, '+') AS grants, min(g.tier_pos) AS tier_pos FROM (
      SELECT i.tier, i.tier_pos, i.kind_order, i.grant_pos, i.grant_text FROM program_incentive i
      WHERE i.program_id = program.id
        AND NOT (i.kind = 'leave' AND @leave_tiers IS NOT NULL) AND NOT (i.kind = 'trip' AND @trip_tiers IS NOT NULL)
      UNION ALL
      SELECT x.tier, coalesce((SELECT min(i.tier_pos) FROM program_incentive i WHERE i.program_id = program.id AND i.tier = x.tier),
                              1000 + x.pos), x.kind_order, -1, x.grant_text
      FROM (SELECT j.value AS tier, CAST(j.key AS INTEGER) AS pos, 1 AS kind_order, 'leave*2' AS grant_text
            FROM json_each(CASE WHEN coalesce(@leave_tiers, '') = '' THEN '[]'
                           ELSE '[' || replace(json_quote(@leave_tiers), ',', '","') || ']' END) j
            UNION ALL
            SELECT j.value, 100 + CAST(j.key AS INTEGER), 4, 'trip'
            FROM json_each(CASE WHEN coalesce(@trip_tiers, '') = '' THEN '[]'
                           ELSE '[' || replace(json_quote(@trip_tiers), ',', '","') || ']' END) j) x
      ORDER BY 2, 3, 4) g
    GROUP BY g.tier ORDER BY tier_pos) t)
WHERE code = @code AND (@leave_tiers IS NOT NULL OR @trip_tiers IS NOT NULL);
