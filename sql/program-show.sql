-- sql/program-show.sql: every program with its settings (issue 14), or the
-- one @code names; run by `learnclub program-show DB [CODE]`. A NULL
-- setting is shown as none (reports_from none: no monthly reports).
SELECT code, name, office, starts_on, ends_on,
       coalesce(reports_from, 'none') AS reports_from, coalesce(reports_to, 'none') AS reports_to,
       report_rule, award_scheme, hours_cap, judges_min, drop_high, drop_low,
       coalesce(tie_break, 'none') AS tie_break, education_type,
       coalesce(max_members, 'none') AS max_members, coalesce(outsider_pct, 'none') AS outsider_pct,
       -- issue 15 (B1)
       coalesce(panel_weights, 'none') AS panel_weights, coalesce(finalists, 'none') AS finalists,
       coalesce(criteria, 'none') AS criteria,
       -- issue 15 (B2): '' incentives and a NULL allocation are shown as none
       CASE incentives WHEN '' THEN 'none' ELSE incentives END AS incentives,
       coalesce(allocation, 'none') AS allocation,
       -- issue 15 (C)
       coalesce(min_members, 'none') AS min_members, clubs_per_person, coalesce(max_from_one_unit, 'none') AS max_from_one_unit,
       outsiders, regular_per_month, coalesce(hours_cap_year, 'none') AS hours_cap_year,
       coalesce(hours_per_meeting_cap, 'none') AS hours_per_meeting_cap, hours_shared_cap
FROM program WHERE @code IS NULL OR code = @code ORDER BY starts_on, code;
