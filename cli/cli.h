/*
** cli/cli.h — the `learnclub` command (issue 13): shared declarations.
**
** The command is one process: the system SQLite, the learnclub extension
** registered with sqlite3_auto_extension, and the workflow scripts of sql/
** embedded at build time (dist/gen/lc_sql.c). A file per family of commands
** (cmd_*.c) fills the table in main.c; every error goes through lc_fail()
** (errors.c), every result through one writer per format (output.c).
**
** Exit status: 0 all well, 1 the check found something, 2 bad usage or bad
** input (LC_EXIT_*).
*/
#ifndef LC_CLI_H
#define LC_CLI_H

#include <stddef.h>
#include <stdio.h>
#include <sqlite3.h>

#define LC_EXIT_OK 0
#define LC_EXIT_FOUND 1
#define LC_EXIT_BAD 2

/* The schema version this command writes: sql/schema.sql's PRAGMA
** user_version, carried by the generated dist/gen/lc_sql.c. */
extern const int lc_schema_version;
#define LC_SCHEMA_VERSION lc_schema_version

/* ---- text.c: a growable buffer, UTF-8 clean-up, display width -------- */
typedef struct lc_buf {
  char *z;
  size_t n, cap;
} lc_buf;
void lc_buf_add(lc_buf *b, const char *z, size_t n);
void lc_buf_str(lc_buf *b, const char *z);
void lc_buf_printf(lc_buf *b, const char *zFmt, ...);
void lc_buf_free(lc_buf *b);
/* Appends z[0..n) with invalid UTF-8 replaced by U+FFFD (L13); with
** escape=1 every control character is shown escaped (\t, \n, \x1b, \u009b:
** L1, L12), with escape=2 all but newline and tab (messages). */
void lc_buf_clean(lc_buf *b, const char *z, size_t n, int escape);
int lc_utf8_valid(const unsigned char *z, size_t n);
/* Display width of valid UTF-8 text, wcwidth per character (Korean: 2). */
size_t lc_display_width(const char *z, size_t n);
size_t lc_utf8_chars(const char *z, size_t n);

/* ---- errors.c: the one error path ----------------------------------- */
extern const char *lc_cmd; /* the command, for messages; 0 before dispatch */
/* Prints "learnclub CMD: MESSAGE" (the message cleaned and cut at 400
** characters) and exits 2. */
void lc_fail(const char *zFmt, ...)
#ifdef __GNUC__
    __attribute__((noreturn, format(printf, 1, 2)))
#endif
    ;
/* What happened to the database, in words, from a result code: the
** classification of issue 13 (busy, full, read-only, not a database, cannot
** open, corrupt, I/O, constraint, other). The text stays valid until the
** next call. */
char *lc_db_problem(sqlite3 *db, int rc, const char *zDb);
/* What a writing command says after that problem: zAfter ("nothing
** imported", say), or "nothing was written" after a full disk (E4). */
const char *lc_after(const char *zAfter);
/* lc_fail for a failed SQLite call on zDb; zAfter ("nothing was written",
** "nothing imported") is added when the caller knows it is true. */
void lc_fail_db(sqlite3 *db, int rc, const char *zDb, const char *zAfter)
#ifdef __GNUC__
    __attribute__((noreturn))
#endif
    ;
extern int lc_timeout_ms;
/* What SQLite's own messages are about (the CSV file of an import), put
** before them: "FILE: MESSAGE"; 0 for none. */
extern const char *lc_subject;

/* ---- args.c: options, positional arguments, values ------------------ */
typedef struct lc_args {
  const char *apPos[32];
  int nPos;
  const char *zFormat; /* table, csv or json */
  const char *zAsOf;   /* 0 when not given */
  const char *zHtml;   /* 0 when not given */
  const char *zSince;  /* issue 14 (H3): log --since DATE; 0 when not given */
  int nWithin;         /* issue 14 (H3): remind --within N; -1 when not given */
  const char *azOpt[16]; /* issue 14 (H1): the value of LC_OPT_x at lc_opt(x) */
  const char *zOutput; /* issue 16: --output FILE; 0 when not given */
  int bBom;            /* issue 16: --bom (csv only) */
} lc_args;
#define LC_OPT_FORMAT 1
#define LC_OPT_AS_OF 2
#define LC_OPT_HTML 4
#define LC_OPT_SINCE 8   /* issue 14 (H3) */
#define LC_OPT_WITHIN 16 /* issue 14 (H3) */
/* issue 14 (H1): options whose value the command checks, in a->azOpt */
#define LC_OPT_NAME 32
#define LC_OPT_FROM 64
#define LC_OPT_TO 128
#define LC_OPT_OFFICE 256
#define LC_OPT_PROGRAM 512
#define LC_OPT_PERIOD 1024
#define LC_OPT_CLUB 2048
#define LC_OPT_ON 4096
/* issue 16 (E1): every command that takes --format takes these too (A4) */
#define LC_OPT_OUTPUT 8192
#define LC_OPT_BOM 16384
#define LC_OPT_LAST LC_OPT_BOM
/* issue 16 (A4): the output options of this run, set by lc_parse_args for
** the writer (output.c O6, xlsx.c): one command, one output. zDb is the
** first positional argument as given, argc/argv the command's arguments. */
typedef struct lc_output_opts {
  const char *zFile; /* --output FILE, 0 for stdout */
  int bBom;          /* --bom */
  const char *zAsOf; /* --as-of, 0 when not given (then today) */
  const char *zDb;
  int argc;
  char **argv;
} lc_output_opts;
extern lc_output_opts lc_output;
/* The value of option bit (LC_OPT_NAME ...), 0 when not given. */
const char *lc_opt(const lc_args *a, int bit);
void lc_parse_args(lc_args *a, int mask, int argc, char **argv);
/* Exactly n positional arguments, named by azName for the messages. */
void lc_want_args(const lc_args *a, int n, const char *const *azName);
void lc_check_month(const char *z);
void lc_check_half(const char *z);
void lc_check_year(const char *z);
void lc_check_date(const char *zWhat, const char *z);
int lc_valid_date(const char *z);
/* Today in Korean time (LEARNCLUB_TODAY, else the clock), checked. */
const char *lc_korean_today(void);
/* issue 17: HOST:PORT or [V6]:PORT, the port 1-65535 (cmd_cluster.c CL1) */
int lc_valid_address(const char *z);
/* "HOST:PORT,..." or fail: "invalid ZOPT address '...'" (CL1) */
void lc_check_list(const char *zOpt, const char *z);
/* An office's NAME in a cluster, or fail (cmd_move.c M1) */
void lc_check_office_name(const char *zName);

/* ---- db.c: opening, checking, running scripts ----------------------- */
typedef struct lc_param {
  const char *zName; /* without the @ */
  const char *zValue;
} lc_param;
typedef struct lc_sink lc_sink;
struct lc_sink {
  /* Called for each statement that has result columns, before its rows. */
  void (*xBegin)(lc_sink *, sqlite3_stmt *, int iStmt);
  /* Called for every row of every statement that returns rows. */
  void (*xRow)(lc_sink *, sqlite3_stmt *, int iStmt);
  void *p;
};
/* The embedded text of sql/NAME (NAME like "monthly-check.sql" or
** "migrate/003.sql"); 0 when there is none. */
const char *lc_sql_text(const char *zName);
/* "./x" for a relative path: never an option or a URI (SQLITE_USE_URI). */
char *lc_db_path(const char *zPath);
sqlite3 *lc_open(const char *zDb, int flags);
/* Fails through lc_fail_db unless rc is SQLITE_OK (a bind, a setting). */
void lc_check_rc(sqlite3 *db, int rc, const char *zDb);
/* An existing learnclub database at the current schema version, opened. */
sqlite3 *lc_open_checked(const char *zDb);
/* Runs the script's statements one by one with aParam bound; rows go to
** pSink. On an error: rolls back and fails through lc_fail_db with zAfter
** when something could have been written. */
void lc_run_script(sqlite3 *db, const char *zDb, const char *zScript,
                   const lc_param *aParam, int nParam, lc_sink *pSink,
                   const char *zAfter);
/* COMMIT, or fail: rolled back (zAfter said), or with its outcome unknown. */
void lc_commit(sqlite3 *db, const char *zDb, const char *zAfter);
/* temp.lc_status.findings of the last script: exit 1 when above 0. */
int lc_findings(sqlite3 *db, const char *zDb);
void lc_close(sqlite3 *db);
/* The first column of zSql's first row as an integer, 0 when it has no row;
** a failure goes through lc_fail_db. lc_user_version() and lc_findings()
** are two such questions. */
sqlite3_int64 lc_query_int(sqlite3 *db, const char *zDb, const char *zSql);
sqlite3_int64 lc_user_version(sqlite3 *db, const char *zDb);

/* ---- remote.c: the database, a file or an office in a cluster (issue 17)
** Every statement on the command's database goes through these (RM1-RM7);
** lc_row() is the statement whose sqlite3_column_* hold the current row. */
typedef struct lc_stmt lc_stmt;
const char *lc_cluster(void); /* LEARNCLUB_CLUSTER, 0 when none */
/* learnclub-node beside this command, or LEARNCLUB_NODE; fails when missing (CL4) */
const char *lc_node_path(void);
int lc_is_remote(sqlite3 *db);
sqlite3 *lc_open_remote(const char *zName, int bCreate);
void lc_close_remote(sqlite3 *db);
void lc_remote_writes(sqlite3 *db);
/* RM6: 0 connected, 1 lost before a COMMIT was sent, 2 lost during COMMIT */
int lc_remote_lost(sqlite3 *db);
int lc_prepare(sqlite3 *db, const char *zSql, lc_stmt **pp, const char **pzTail);
int lc_bind_text(lc_stmt *p, int i, const char *z, int n);
int lc_bind_int64(lc_stmt *p, int i, sqlite3_int64 v);
int lc_bind_double(lc_stmt *p, int i, double v);
int lc_bind_null(lc_stmt *p, int i);
int lc_bind_parameter_count(lc_stmt *p);
const char *lc_bind_parameter_name(lc_stmt *p, int i);
const char *lc_stmt_sql(lc_stmt *p);
int lc_column_count(lc_stmt *p);
int lc_step(lc_stmt *p);
sqlite3_stmt *lc_row(lc_stmt *p);
int lc_reset(lc_stmt *p);
int lc_finalize(lc_stmt *p);
int lc_exec(sqlite3 *db, const char *zSql);
int lc_errcode(sqlite3 *db);
const char *lc_errmsg(sqlite3 *db);
int lc_autocommit(sqlite3 *db);

/* ---- changelog.c: the change log (issue 14) ---------------------------- */
/* Every writing command calls this once, after opening db and before its
** first change (argc, argv: the arguments after the command name). Each
** later lc_commit on db then adds the transaction's changes to change_log
** (changelog.c CL1-CL5). */
void lc_change_log(sqlite3 *db, const char *zDb, int argc, char **argv);
/* Called by lc_commit before COMMIT: an SQLite result code. */
int lc_change_log_flush(sqlite3 *db, const char *zDb);

/* ---- output.c: one writer per format -------------------------------- */
typedef struct lc_writer lc_writer;
lc_writer *lc_writer_new(const char *zFormat, sqlite3 *db);
lc_sink *lc_writer_sink(lc_writer *w);
/* The whole result, written to stdout only when the command succeeded; with
** --output FILE (issue 16, O6) it is written to FILE here, and the buffer
** returned says "learnclub CMD: wrote FILE". */
const lc_buf *lc_writer_finish(lc_writer *w);
void lc_writer_free(lc_writer *w);
/* issue 16: what the result is (the command, "list KIND"): its sheet's
** name and the context of its labels in a workbook (xlsx.c X4, X5). */
void lc_writer_context(lc_writer *w, const char *zContext);
/* issue 16: in a workbook, the rows from here on go to a new sheet zName. */
void lc_writer_sheet(lc_writer *w, const char *zName);
void lc_write_stdout(const lc_buf *b);

/* ---- files.c: output files ------------------------------------------- */
/* Refuses (exit 2) an output file that is the database, its -wal, -shm or
** -journal, or (bAnyDb) any SQLite database. */
void lc_check_output(const char *zFile, const char *zDb, int bAnyDb);
/* zFile's folder exists and is writable; zFile, if there, is a file. */
void lc_check_output_folder(const char *zFile);
/* Writes data to a new temporary file in zFile's folder, syncs it and puts
** it in place: replacing zFile (overwrite=1) or only when there is none
** (overwrite=0: returns 1 if zFile exists). A failure leaves zFile as it
** was and exits 2. */
int lc_write_file(const char *zFile, const void *pData, size_t n, int overwrite);
char *lc_dirname(const char *zPath);
/* issue 16 (F4): a new empty hidden file in zFile's folder for a library
** that writes to a name; lc_put_file syncs it and renames it to zFile (a
** failure removes it, exit 2); lc_drop_temp removes it. */
char *lc_temp_file(const char *zFile);
void lc_put_file(const char *zTmp, const char *zFile);
void lc_drop_temp(const char *zTmp);

/* ---- xlsx.c: the workbook writer (issue 16, X1-X6) ------------------- */
typedef struct lc_xbook lc_xbook;
lc_xbook *lc_xbook_new(const char *zContext);
void lc_xbook_context(lc_xbook *x, const char *zContext);
void lc_xbook_sheet(lc_xbook *x, const char *zName);
void lc_xbook_begin(lc_xbook *x, sqlite3_stmt *p);
void lc_xbook_row(lc_xbook *x, sqlite3_stmt *p);
void lc_xbook_write(lc_xbook *x, const char *zFile, const char *zTitle, const char *zSubject,
                    const char *zComments);
void lc_xbook_free(lc_xbook *x);
/* X5: the Korean label of a column in a context ("hours", "list people"). */
const char *lc_label(const char *zContext, const char *zColumn);

/* ---- csv.c: the CSV reader (see csv.c for why our own) --------------- */
#define LC_CSV_MAX_LINE (1024 * 1024)
typedef struct lc_csv_record {
  int nField;
  char **azField;   /* NUL-terminated UTF-8 */
  size_t *anField;  /* their lengths in bytes */
  long nLine;       /* the record's first line */
} lc_csv_record;
/* Called for each record; a nonzero return stops the parse. */
typedef int (*lc_csv_fn)(void *pCtx, const lc_csv_record *pRec);
#define LC_CSV_OK 0
#define LC_CSV_UNCLOSED 1    /* a quoted field runs to the end of the file */
#define LC_CSV_AFTER_QUOTE 2 /* text after a closing quote */
#define LC_CSV_STOPPED 3     /* the callback said stop */
#define LC_CSV_NOMEM 4
int lc_csv_parse(const char *z, size_t n, long nFirstLine, lc_csv_fn x,
                 void *pCtx, long *pnErrLine);
#define LC_SCAN_OK 0
#define LC_SCAN_NUL 1  /* a NUL byte: not text */
#define LC_SCAN_LONG 2 /* a line over LC_CSV_MAX_LINE bytes */
#define LC_SCAN_IO 3
/* The first pass over a file: NUL bytes, line lengths (stops at once at the
** first long line), whether it is all valid UTF-8. */
int lc_csv_scan(FILE *f, int *pbUtf8, long *pnLine);
/* The file's text as UTF-8 without a BOM: as it is, or converted from CP949
** with iconv. Returns 0, or -1 when it is not CP949 either. */
int lc_csv_decode(const char *z, size_t n, int bUtf8, char **pzOut, size_t *pnOut);

/* cmd_check.c: runs sql/SCRIPT on the checked database db, prints its
** result in zFormat, closes db; exit 1 when temp.lc_status has findings. */
int lc_run_result(sqlite3 *db, const char *zDb, const char *zScript, const lc_param *aParam,
                  int nParam, const char *zFormat, const char *zAfter);

/* ---- the commands --------------------------------------------------- */
int lc_cmd_init(int argc, char **argv);
int lc_cmd_monthly_check(int argc, char **argv);
int lc_cmd_half(int argc, char **argv);
int lc_cmd_summary(int argc, char **argv);
int lc_cmd_year(int argc, char **argv);
int lc_cmd_adoption(int argc, char **argv);
int lc_cmd_budget(int argc, char **argv);
int lc_cmd_pledge_report(int argc, char **argv);
int lc_cmd_report(int argc, char **argv);
int lc_cmd_backup(int argc, char **argv);
int lc_cmd_import(int argc, char **argv);
int lc_cmd_log(int argc, char **argv);
/* issue 14 (H1) */
/* Runs the constant zSql with ?1 (and ?2, when not 0) bound as text; returns
** 0 with *pzOut (pzOut may be 0) the first column of the first row
** (malloc'd; left alone for NULL or no row), or the error message of the
** function that refused, without its "function(): " prefix (malloc'd). Any
** other failure is lc_fail_db's. (cmd_program.c) */
char *lc_probe(sqlite3 *db, const char *zDb, const char *zSql, const char *z1,
               const char *z2, char **pzOut);
int lc_cmd_list(int argc, char **argv);
int lc_cmd_remove(int argc, char **argv);
int lc_cmd_withdraw(int argc, char **argv);
int lc_cmd_program_add(int argc, char **argv);
int lc_cmd_program_set(int argc, char **argv);
int lc_cmd_program_show(int argc, char **argv);
int lc_cmd_remind(int argc, char **argv);
int lc_cmd_check(int argc, char **argv);
/* issue 17: serve and cluster exec the node, cluster/ (cmd_cluster.c) */
int lc_cmd_serve(int argc, char **argv);
int lc_cmd_cluster(int argc, char **argv);
void lc_usage(FILE *out);

/* ---- issue 17, helper P: push and pull (cmd_move.c) ------------------- */
/* cmd_cluster.c's option table and helpers, shared with cmd_move.c: the
** options in this order in aVal (bit 1 << LC_O_x in a parse mask). */
enum { LC_O_ID, LC_O_ADDRESS, LC_O_DIR, LC_O_JOIN, LC_O_CLUSTER, LC_O_CERT, LC_O_KEY, LC_O_CA,
       LC_N_OPT };
#define LC_CLUSTER_CLIENT_OPTS \
  (1u << LC_O_CLUSTER | 1u << LC_O_CERT | 1u << LC_O_KEY | 1u << LC_O_CA)
/* Parses argv into aVal (the options in mask) and apPos (at most nPosMax):
** CL1's refusals; returns the number of positional arguments. */
int lc_cluster_parse(int argc, char **argv, unsigned mask, const char *aVal[LC_N_OPT],
                     const char **apPos, int nPosMax);
/* CL3, CL1, CL2: the cluster (--cluster, else LEARNCLUB_CLUSTER) and TLS. */
void lc_cluster_target(const char *aVal[LC_N_OPT]);
/* CL4: execs learnclub-node zSub with azArg and the options; with bWait it
** runs it as a child and returns its exit status. */
int lc_cluster_node(const char *zSub, const char **azArg, int nArg, const char *aVal[LC_N_OPT],
                    int bWait);
/* B1, B2 (cmd_files.c): a consistent copy of db written to the new file
** zFile, never over one ("a ZWHAT never overwrites"); zDb names db in
** messages. */
void lc_write_copy(sqlite3 *db, const char *zDb, const char *zFile, const char *zWhat);
int lc_cmd_push(int argc, char **argv);
int lc_cmd_pull(int argc, char **argv);

/* ---- issue 17: rollup (cmd_rollup.c; helper R) ------------------------ */
/* A workflow that takes one period and an as-of date (monthly-check,
** summary), as its command runs it: cmd_check.c's table, one home for both
** the command and `rollup`. */
typedef struct lc_workflow {
  const char *zName;                 /* the command: "summary" */
  const char *zArg;                  /* its argument in messages: "YYYY" */
  void (*xCheck)(const char *);      /* lc_check_year, lc_check_month */
  const char *zScript;               /* "summary.sql" */
  const char *zArgParam, *zAsOfParam; /* @year, @today */
  int bDbFirst;                      /* the database is checked before today */
} lc_workflow;
/* The workflow named zName, or 0. */
const lc_workflow *lc_workflow_find(const char *zName);
/* Opens zDb with lc_open_checked and fills aP (the argument, the as-of date:
** zAsOf, else today in Korean time) in the order the command does. */
sqlite3 *lc_workflow_open(const lc_workflow *w, const char *zDb, const char *zArg,
                          const char *zAsOf, lc_param aP[2]);
int lc_cmd_rollup(int argc, char **argv);

#endif
