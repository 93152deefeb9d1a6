-- sql/program-add.sql: a new program (issue 14), run by `learnclub program-add
-- DB CODE --name NAME --from DATE --to DATE [--office TEXT] [KEY=VALUE ...]`
-- inside its transaction, with @code, @new_name, @new_office, @new_starts_on,
-- @new_ends_on bound (checked by the command: cli/cmd_program.c P2, P5).
-- Every setting starts at the schema's default; sql/program-set.sql then
-- writes the ones given, in the same transaction.
INSERT INTO program(code, name, office, starts_on, ends_on, reports_from, reports_to)
VALUES (@code, @new_name, @new_office, @new_starts_on, @new_ends_on,
        substr(@new_starts_on, 1, 7), substr(@new_ends_on, 1, 7));
