/*
** cli/remote.c — the database a command works on: a local SQLite file, or an
** office database in a dqlite cluster (issue 17).
**
** Every statement the command runs on its database goes through lc_prepare,
** lc_step and the rest below; sqlite3_* calls on the connection are for what
** needs no table (the JSON writer, a setting's check by an extension
** function), which runs locally either way.
**
** RM1. The cluster is LEARNCLUB_CLUSTER (main.c sets it from a leading
**      --cluster HOST:PORT,...), with LEARNCLUB_CERT, LEARNCLUB_KEY and
**      LEARNCLUB_CA for TLS (main.c: --cert, --key, --ca). When it is set,
**      the command's DB argument is the office database's NAME there.
** RM2. The connection is then a local in-memory SQLite (with the extension,
**      for what runs locally) and a bridge: the cluster node program
**      (`learnclub-node bridge`, cluster/bridge.go B1-B5), started with an
**      argv array, on pipes. The bridge holds one dqlite connection, so the
**      command's temporary tables, its TEMP triggers (changelog.c) and its
**      transaction live on the leader as they would on a file.
** RM3. A statement is sent whole, with its parameters by index. Its end is
**      found as SQLite finds it (sqlite3_complete at each ';'), and its
**      parameters are numbered as SQLite numbers them: ?NNN its own index, ?
**      the next, :name @name $name the next unless seen before.
** RM4. Each row comes back with each value's own type; the row is bound to a
**      local statement SELECT ?1 AS "first column", ... and stepped once, so
**      the writers (output.c, xlsx.c) read exactly what a file would give.
** RM5. A writing command's BEGIN (lc_change_log was called) is sent as BEGIN
**      IMMEDIATE and retried while the database is locked, up to
**      LEARNCLUB_TIMEOUT_MS (bridge B4); dqlite refuses a second writer at
**      once instead of waiting.
** RM6. A lost connection to the leader fails the statement with an I/O
**      error whose message says so; the transaction is gone (the leader
**      rolled it back) unless the statement was COMMIT, whose outcome is
**      then unknown (lc_remote_lost() 2, db.c D7; 1 before COMMIT).
** RM7. The office database must be in the cluster's catalogue (bridge),
**      unless the command creates it (init, whose NAME follows push's rule,
**      cmd_move.c M1): dqlite creates a database on first use, and a typo
**      must not make an empty office.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cli.h"

extern char **environ;

/* The bridge to one office database. */
typedef struct lc_remote {
  sqlite3 *db;      /* the local connection standing for it */
  pid_t pid;
  FILE *to, *from;  /* the bridge's stdin and stdout */
  int inTxn;        /* a transaction is open on the leader */
  int bWrites;      /* RM5 */
  int lost;         /* RM6: 1 lost, 2 lost during COMMIT */
  int errcode;      /* the last failure */
  char *zErr;
} lc_remote;

#define LC_MAX_REMOTE 4
static lc_remote *aRemote[LC_MAX_REMOTE];

static lc_remote *remote_of(sqlite3 *db) {
  int i;
  for (i = 0; i < LC_MAX_REMOTE; i++)
    if (aRemote[i] && aRemote[i]->db == db) return aRemote[i];
  return 0;
}

const char *lc_cluster(void) {
  const char *z = getenv("LEARNCLUB_CLUSTER");
  return z && z[0] ? z : 0;
}

int lc_is_remote(sqlite3 *db) { return remote_of(db) != 0; }

/* ---- the statement ---------------------------------------------------- */
typedef struct lc_value {
  int type; /* SQLITE_INTEGER ... SQLITE_NULL */
  sqlite3_int64 i;
  double f;
  char *z;
  int n;
} lc_value;

struct lc_stmt {
  sqlite3_stmt *p;  /* local: the statement itself */
  lc_remote *r;     /* remote: */
  char *zSql;
  int nParam;
  char **azParam;   /* the parameters' names by index - 1 (0 for ?NNN, ?) */
  lc_value *aBind;
  int state;        /* 0 not sent, 1 rows coming, 2 done */
  int nCol;
  char **azCol;
  sqlite3_stmt *pRow; /* RM4 */
  int rc;
};

/* ---- the pipe ---------------------------------------------------------- */
static void put(lc_remote *r, const void *p, size_t n) {
  if (n && fwrite(p, 1, n, r->to) != n) r->lost = r->lost ? r->lost : 1;
}
static void put_u32(lc_remote *r, uint32_t v) {
  unsigned char a[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                        (unsigned char)(v >> 24)};
  put(r, a, 4);
}
static void put_i64(lc_remote *r, sqlite3_int64 v) {
  unsigned char a[8];
  int k;
  for (k = 0; k < 8; k++) a[k] = (unsigned char)((sqlite3_uint64)v >> (8 * k));
  put(r, a, 8);
}
static void put_str(lc_remote *r, const char *z, size_t n) {
  put_u32(r, (uint32_t)n);
  put(r, z, n);
}
static int get(lc_remote *r, void *p, size_t n) {
  return n == 0 || fread(p, 1, n, r->from) == n;
}
static int get_u32(lc_remote *r, uint32_t *v) {
  unsigned char a[4];
  if (!get(r, a, 4)) return 0;
  *v = (uint32_t)a[0] | (uint32_t)a[1] << 8 | (uint32_t)a[2] << 16 | (uint32_t)a[3] << 24;
  return 1;
}
static int get_i64(lc_remote *r, sqlite3_int64 *v) {
  unsigned char a[8];
  sqlite3_uint64 u = 0;
  int k;
  if (!get(r, a, 8)) return 0;
  for (k = 7; k >= 0; k--) u = u << 8 | a[k];
  *v = (sqlite3_int64)u;
  return 1;
}
/* A length-prefixed string, malloc'd and NUL-terminated; 0 on a broken pipe. */
static char *get_str(lc_remote *r, int *pn) {
  uint32_t n;
  char *z;
  if (!get_u32(r, &n) || n > 0x3fffffff) return 0;
  if (!(z = malloc((size_t)n + 1))) lc_fail("out of memory");
  if (!get(r, z, n)) {
    free(z);
    return 0;
  }
  z[n] = 0;
  if (pn) *pn = (int)n;
  return z;
}

static void set_error(lc_remote *r, int code, const char *zMsg) {
  free(r->zErr);
  r->zErr = strdup(zMsg ? zMsg : "");
  r->errcode = code;
}

/* RM6: the bridge said 'L', or the pipe broke. */
static int lost(lc_remote *r, const char *zWhy, int bCommit) {
  lc_buf b = {0};
  lc_buf_printf(&b, "the connection to the cluster's leader was lost (%s)", zWhy ? zWhy : "the bridge stopped");
  set_error(r, SQLITE_IOERR, b.z);
  lc_buf_free(&b);
  r->lost = bCommit ? 2 : 1;
  r->inTxn = 0;
  return SQLITE_IOERR;
}

/* What the bridge answers after a request: 'E' (returns SQLITE_OK, rows
** changed in *pn), 'F' or 'L' (an error code), or, with bRows, 'H'/'r'
** (returned as is for the caller to read on). */
static int answer(lc_remote *r, int *pOp, int bCommit) {
  int op = fgetc(r->from);
  if (pOp) *pOp = op;
  if (op == 'E') {
    sqlite3_int64 n;
    if (!get_i64(r, &n)) return lost(r, 0, bCommit);
    return SQLITE_OK;
  }
  if (op == 'F') {
    uint32_t code;
    char *z;
    if (!get_u32(r, &code) || !(z = get_str(r, 0))) return lost(r, 0, bCommit);
    set_error(r, code ? (int)code : SQLITE_ERROR, z);
    free(z);
    return r->errcode;
  }
  if (op == 'L') {
    char *z = get_str(r, 0);
    int rc = lost(r, z, bCommit);
    free(z);
    return rc;
  }
  if (op == 'H' || op == 'r') return SQLITE_ROW;
  return lost(r, 0, bCommit);
}

/* The first word of a statement, upper-cased, into a (at most n-1 letters). */
static void first_word(const char *z, char *a, size_t n) {
  size_t k = 0;
  for (;;) {
    while (*z == ' ' || *z == '\t' || *z == '\n' || *z == '\r') z++;
    if (z[0] == '-' && z[1] == '-') {
      z = strchr(z, '\n');
      if (!z) break;
      continue;
    }
    if (z[0] == '/' && z[1] == '*') {
      z = strstr(z + 2, "*/");
      if (!z) break;
      z += 2;
      continue;
    }
    while (k + 1 < n && ((*z >= 'A' && *z <= 'Z') || (*z >= 'a' && *z <= 'z')))
      a[k++] = (char)(*z >= 'a' ? *z - 32 : *z), z++;
    break;
  }
  a[k] = 0;
}

/* Keeps inTxn as SQLite's autocommit flag would be after zSql succeeded. */
static void track_txn(lc_remote *r, const char *zSql) {
  char w[16];
  first_word(zSql, w, sizeof(w));
  if (strcmp(w, "BEGIN") == 0 || (strcmp(w, "SAVEPOINT") == 0)) r->inTxn = 1;
  else if (strcmp(w, "COMMIT") == 0 || strcmp(w, "END") == 0) r->inTxn = 0;
  else if (strcmp(w, "ROLLBACK") == 0) {
    const char *z = strstr(zSql, "TO");
    if (!z) z = strstr(zSql, "to");
    if (!z) r->inTxn = 0;
  }
}

/* After a failure SQLite may have rolled the transaction back (a full disk,
** RAISE(ROLLBACK)): asked of the leader, a BEGIN fails inside one. */
static void probe_txn(lc_remote *r) {
  int rc, code = r->errcode;
  char *zErr;
  if (!r->inTxn || r->lost) return;
  /* the failure stays the one to tell: the probe's own is not */
  zErr = r->zErr;
  r->zErr = 0;
  put(r, "X", 1);
  put_str(r, "BEGIN", 5);
  fflush(r->to);
  rc = answer(r, 0, 0);
  if (!r->lost && rc == SQLITE_OK) {
    r->inTxn = 0;
    put(r, "X", 1);
    put_str(r, "ROLLBACK", 8);
    fflush(r->to);
    (void)answer(r, 0, 0);
  }
  if (r->lost) { /* the loss is what happened */
    free(zErr);
    return;
  }
  free(r->zErr);
  r->zErr = zErr;
  r->errcode = code;
}

/* ---- opening and closing ------------------------------------------------ */
/* CL4: learnclub-node beside this command (LEARNCLUB_NODE overrides it),
** checked; the one place that finds it, for serve, cluster, push, pull,
** rollup and every command on a cluster. */
const char *lc_node_path(void) {
  static char zPath[PATH_MAX + 32];
  const char *zNode = getenv("LEARNCLUB_NODE");
  char zSelf[PATH_MAX], *zSlash;
  ssize_t len;
  if (!zNode) {
    len = readlink("/proc/self/exe", zSelf, sizeof(zSelf) - 1);
    if (len < 0) lc_fail("cannot find this command's folder: %s", strerror(errno));
    zSelf[len] = 0;
    zSlash = strrchr(zSelf, '/');
    if (zSlash) *zSlash = 0;
    snprintf(zPath, sizeof(zPath), "%s/learnclub-node", zSelf);
    zNode = zPath;
  }
  if (access(zNode, X_OK) != 0)
    lc_fail("the cluster node '%s' is not there; build it with make (it needs golang-go, "
            "golang-github-canonical-go-dqlite-dev and libdqlite-dev)", zNode);
  return zNode;
}

sqlite3 *lc_open_remote(const char *zName, int bCreate) {
  const char *zCluster = lc_cluster(), *zNode;
  const char *argv[16];
  static const char *const azTls[][2] = {{"LEARNCLUB_CERT", "--cert"}, {"LEARNCLUB_KEY", "--key"},
                                         {"LEARNCLUB_CA", "--ca"}};
  int toChild[2], fromChild[2], n = 0, k, i, rc;
  posix_spawn_file_actions_t fa;
  lc_remote *r;
  sqlite3 *db = 0;
  lc_check_list("--cluster", zCluster);
  if (bCreate) lc_check_office_name(zName); /* RM7: init makes a name push would take (M1) */
  zNode = lc_node_path();
  for (i = 0; i < LC_MAX_REMOTE && aRemote[i]; i++) {}
  if (i == LC_MAX_REMOTE) lc_fail("too many cluster databases open at once");
  if (!(r = calloc(1, sizeof(*r)))) lc_fail("out of memory");
  argv[n++] = zNode;
  argv[n++] = "bridge";
  argv[n++] = "--cluster";
  argv[n++] = zCluster;
  for (k = 0; k < 3; k++) {
    const char *z = getenv(azTls[k][0]);
    if (z && z[0]) argv[n++] = azTls[k][1], argv[n++] = z;
  }
  if (lc_cmd) argv[n++] = "--command", argv[n++] = lc_cmd;
  if (bCreate) argv[n++] = "--create";
  argv[n++] = "--";
  argv[n++] = zName;
  argv[n] = 0;
  if (pipe(toChild) != 0 || pipe(fromChild) != 0) lc_fail("cannot make a pipe: %s", strerror(errno));
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, toChild[0], 0);
  posix_spawn_file_actions_adddup2(&fa, fromChild[1], 1);
  posix_spawn_file_actions_addclose(&fa, toChild[1]);
  posix_spawn_file_actions_addclose(&fa, fromChild[0]);
  fflush(stdout);
  rc = posix_spawn(&r->pid, zNode, &fa, 0, (char *const *)argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) lc_fail("cannot run '%s': %s", zNode, strerror(rc));
  close(toChild[0]);
  close(fromChild[1]);
  signal(SIGPIPE, SIG_IGN); /* a bridge that stops is a lost connection */
  r->to = fdopen(toChild[1], "wb");
  r->from = fdopen(fromChild[0], "rb");
  if (!r->to || !r->from) lc_fail("out of memory");
  /* the bridge answers 'E' once it has found the leader and opened NAME; else
  ** it has said why on stderr and stopped (its exit status is ours: 2) */
  if (fgetc(r->from) != 'E' || !get(r, (char[8]){0}, 8)) {
    int st = 0;
    waitpid(r->pid, &st, 0);
    exit(LC_EXIT_BAD);
  }
  rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE, 0);
  if (rc != SQLITE_OK) lc_fail("out of memory");
  sqlite3_extended_result_codes(db, 1);
  r->db = db;
  aRemote[i] = r;
  return db;
}

void lc_close_remote(sqlite3 *db) {
  lc_remote *r = remote_of(db);
  int i, st;
  if (!r) return;
  for (i = 0; i < LC_MAX_REMOTE; i++)
    if (aRemote[i] == r) aRemote[i] = 0;
  fclose(r->to); /* the bridge closes its connection at the end of its input */
  fclose(r->from);
  waitpid(r->pid, &st, 0);
  free(r->zErr);
  free(r);
}

void lc_remote_writes(sqlite3 *db) {
  lc_remote *r = remote_of(db);
  if (r) r->bWrites = 1;
}

int lc_remote_lost(sqlite3 *db) {
  lc_remote *r = remote_of(db);
  return r ? r->lost : 0;
}

/* ---- the statement, local or remote ---------------------------------------- */
/* A character of an identifier or a parameter's name (RM3). */
static int ident_char(char c) {
  return c == '_' || c == '$' || (unsigned char)c >= 0x80 || (c >= 'A' && c <= 'Z') ||
         (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Past a quoted string or identifier, or a comment, that starts at z[i]
** (RM3); i itself when none starts there. */
static size_t skip_quoted(const char *z, size_t i, size_t n) {
  char c = z[i];
  if (c == '\'' || c == '"' || c == '`' || c == '[') {
    char e = c == '[' ? ']' : c;
    for (i++; i < n; i++)
      if (z[i] == e) {
        if (e != ']' && i + 1 < n && z[i + 1] == e) i++; /* '' inside '...' */
        else break;
      }
    return i + 1 > n ? n : i + 1;
  }
  if (c == '-' && z[i + 1] == '-') {
    while (i < n && z[i] != '\n') i++;
    return i;
  }
  if (c == '/' && z[i + 1] == '*') {
    const char *e = strstr(z + i + 2, "*/");
    return e ? (size_t)(e - z) + 2 : n;
  }
  return i;
}

/* RM3: the end of the first statement of z (its length), 0 when only
** spaces and comments are left. */
static size_t statement_end(const char *z, int *pEmpty) {
  size_t i = 0, j, n = strlen(z);
  int bWord = 0;
  while (i < n) {
    char c = z[i];
    if ((j = skip_quoted(z, i, n)) != i) {
      if (c != '-' && c != '/') bWord = 1;
      i = j;
    } else if (c == ';') {
      char *zCopy;
      int bDone;
      i++;
      if (!bWord) continue;
      zCopy = sqlite3_mprintf("%.*s", (int)i, z);
      if (!zCopy) lc_fail("out of memory");
      bDone = sqlite3_complete(zCopy);
      sqlite3_free(zCopy);
      if (bDone) break;
    } else {
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') bWord = 1;
      i++;
    }
  }
  *pEmpty = !bWord;
  return i > n ? n : i;
}

/* RM3: the parameters of a statement, numbered as SQLite numbers them. */
static void number_params(lc_stmt *s) {
  const char *z = s->zSql;
  size_t i = 0, j, n = strlen(z);
  while (i < n) {
    char c = z[i];
    if ((j = skip_quoted(z, i, n)) != i) {
      i = j;
    } else if (c == '?' || ((c == ':' || c == '@' || c == '$') && i + 1 < n && z[i + 1] != '$' &&
                            ident_char(z[i + 1]))) {
      int idx = 0, k;
      for (j = i + 1; j < n && ident_char(z[j]); j++) {}
      if (c == '?') {
        idx = j > i + 1 ? atoi(z + i + 1) : s->nParam + 1;
      } else {
        for (k = 0; k < s->nParam; k++)
          if (s->azParam[k] && strlen(s->azParam[k]) == j - i && memcmp(s->azParam[k], z + i, j - i) == 0)
            idx = k + 1;
        if (!idx) idx = s->nParam + 1;
      }
      if (idx > 255) lc_fail("a statement has more than 255 parameters");
      if (idx > s->nParam) {
        s->azParam = realloc(s->azParam, sizeof(char *) * (size_t)idx);
        if (!s->azParam) lc_fail("out of memory");
        for (k = s->nParam; k < idx; k++) s->azParam[k] = 0;
        s->nParam = idx;
      }
      if (c != '?' && !s->azParam[idx - 1]) {
        s->azParam[idx - 1] = sqlite3_mprintf("%.*s", (int)(j - i), z + i);
        if (!s->azParam[idx - 1]) lc_fail("out of memory");
      }
      i = j;
    } else if (ident_char(c)) {
      /* an identifier: a '$' or ':' inside it starts no parameter */
      while (i < n && ident_char(z[i])) i++;
    } else {
      i++;
    }
  }
  s->aBind = calloc((size_t)(s->nParam ? s->nParam : 1), sizeof(lc_value));
  if (!s->aBind) lc_fail("out of memory");
  for (i = 0; i < (size_t)s->nParam; i++) s->aBind[i].type = SQLITE_NULL;
}

int lc_prepare(sqlite3 *db, const char *zSql, lc_stmt **pp, const char **pzTail) {
  lc_remote *r = remote_of(db);
  lc_stmt *s;
  *pp = 0;
  if (!r) {
    sqlite3_stmt *p = 0;
    int rc = sqlite3_prepare_v2(db, zSql, -1, &p, pzTail);
    if (rc != SQLITE_OK || !p) return rc;
    if (!(s = calloc(1, sizeof(*s)))) lc_fail("out of memory");
    s->p = p;
    *pp = s;
    return SQLITE_OK;
  }
  {
    int bEmpty;
    size_t n = statement_end(zSql, &bEmpty);
    if (pzTail) *pzTail = zSql + n;
    if (bEmpty) return SQLITE_OK;
    if (r->lost) return r->errcode;
    if (!(s = calloc(1, sizeof(*s)))) lc_fail("out of memory");
    s->r = r;
    s->zSql = sqlite3_mprintf("%.*s", (int)n, zSql);
    if (!s->zSql) lc_fail("out of memory");
    number_params(s);
    *pp = s;
    return SQLITE_OK;
  }
}

static void value_clear(lc_value *v) {
  free(v->z);
  memset(v, 0, sizeof(*v));
  v->type = SQLITE_NULL;
}

static lc_value *bind_slot(lc_stmt *s, int i) {
  if (i < 1 || i > s->nParam) return 0;
  value_clear(&s->aBind[i - 1]);
  return &s->aBind[i - 1];
}

int lc_bind_text(lc_stmt *s, int i, const char *z, int n) {
  lc_value *v;
  if (s->p) return sqlite3_bind_text(s->p, i, z, n, SQLITE_TRANSIENT);
  if (!(v = bind_slot(s, i))) return SQLITE_RANGE;
  if (!z) return SQLITE_OK;
  if (n < 0) n = (int)strlen(z);
  if (!(v->z = malloc((size_t)n + 1))) lc_fail("out of memory");
  memcpy(v->z, z, (size_t)n);
  v->z[n] = 0;
  v->n = n;
  v->type = SQLITE_TEXT;
  return SQLITE_OK;
}

int lc_bind_int64(lc_stmt *s, int i, sqlite3_int64 x) {
  lc_value *v;
  if (s->p) return sqlite3_bind_int64(s->p, i, x);
  if (!(v = bind_slot(s, i))) return SQLITE_RANGE;
  v->type = SQLITE_INTEGER;
  v->i = x;
  return SQLITE_OK;
}

int lc_bind_double(lc_stmt *s, int i, double x) {
  lc_value *v;
  if (s->p) return sqlite3_bind_double(s->p, i, x);
  if (!(v = bind_slot(s, i))) return SQLITE_RANGE;
  v->type = SQLITE_FLOAT;
  v->f = x;
  return SQLITE_OK;
}

int lc_bind_null(lc_stmt *s, int i) {
  if (s->p) return sqlite3_bind_null(s->p, i);
  return bind_slot(s, i) ? SQLITE_OK : SQLITE_RANGE;
}

int lc_bind_parameter_count(lc_stmt *s) {
  return s->p ? sqlite3_bind_parameter_count(s->p) : s->nParam;
}

const char *lc_bind_parameter_name(lc_stmt *s, int i) {
  if (s->p) return sqlite3_bind_parameter_name(s->p, i);
  return i >= 1 && i <= s->nParam ? s->azParam[i - 1] : 0;
}

const char *lc_stmt_sql(lc_stmt *s) { return s->p ? sqlite3_sql(s->p) : s->zSql; }

/* RM4: the local statement that holds a row of nCol columns so named. */
static int make_row_stmt(lc_stmt *s) {
  lc_buf b = {0};
  int i, rc;
  lc_buf_str(&b, "SELECT ");
  for (i = 0; i < s->nCol; i++) {
    char *z = sqlite3_mprintf("%s?%d AS \"%w\"", i ? ", " : "", i + 1, s->azCol[i]);
    if (!z) lc_fail("out of memory");
    lc_buf_str(&b, z);
    sqlite3_free(z);
  }
  rc = sqlite3_prepare_v2(s->r->db, b.z, -1, &s->pRow, 0);
  lc_buf_free(&b);
  return rc;
}

/* Sends the statement and reads its header (RM3). */
static int send_statement(lc_stmt *s) {
  lc_remote *r = s->r;
  int i, op, rc;
  char w[16];
  first_word(s->zSql, w, sizeof(w));
  if (r->bWrites && strcmp(w, "BEGIN") == 0 && !strstr(s->zSql, "IMMEDIATE") &&
      !strstr(s->zSql, "immediate") && !strstr(s->zSql, "EXCLUSIVE")) {
    /* RM5 */
    put(r, "W", 1);
    put_str(r, "BEGIN IMMEDIATE", 15);
    fflush(r->to);
    s->state = 2;
    rc = answer(r, 0, 0);
    if (rc == SQLITE_OK) r->inTxn = 1;
    return rc == SQLITE_OK ? SQLITE_DONE : rc;
  }
  put(r, strcmp(w, "BEGIN") == 0 ? "W" : "Q", 1);
  put_str(r, s->zSql, strlen(s->zSql));
  if (strcmp(w, "BEGIN") != 0) {
    unsigned char n = (unsigned char)s->nParam;
    put(r, &n, 1);
    for (i = 0; i < s->nParam; i++) {
      lc_value *v = &s->aBind[i];
      switch (v->type) {
        case SQLITE_INTEGER: put(r, "i", 1), put_i64(r, v->i); break;
        case SQLITE_FLOAT: {
          sqlite3_int64 bits;
          memcpy(&bits, &v->f, 8);
          put(r, "f", 1), put_i64(r, bits);
          break;
        }
        case SQLITE_TEXT: put(r, "t", 1), put_str(r, v->z, (size_t)v->n); break;
        case SQLITE_BLOB: put(r, "b", 1), put_str(r, v->z, (size_t)v->n); break;
        default: put(r, "n", 1); break;
      }
    }
  }
  if (fflush(r->to) != 0 || r->lost) return lost(r, 0, strcmp(w, "COMMIT") == 0 || strcmp(w, "END") == 0);
  if (strcmp(w, "BEGIN") == 0) {
    s->state = 2;
    rc = answer(r, 0, 0);
    if (rc == SQLITE_OK) r->inTxn = 1;
    return rc == SQLITE_OK ? SQLITE_DONE : rc;
  }
  rc = answer(r, &op, strcmp(w, "COMMIT") == 0 || strcmp(w, "END") == 0);
  if (rc != SQLITE_ROW || op != 'H') return rc == SQLITE_ROW ? lost(r, 0, 0) : rc;
  {
    uint8_t a[2];
    if (!get(r, a, 2)) return lost(r, 0, 0);
    s->nCol = a[0] | a[1] << 8;
  }
  if (s->nCol) {
    if (!(s->azCol = calloc((size_t)s->nCol, sizeof(char *)))) lc_fail("out of memory");
    for (i = 0; i < s->nCol; i++)
      if (!(s->azCol[i] = get_str(r, 0))) return lost(r, 0, 0);
    rc = make_row_stmt(s);
    if (rc != SQLITE_OK) {
      set_error(r, rc, sqlite3_errmsg(r->db));
      return rc;
    }
  }
  s->state = 1;
  return SQLITE_OK;
}

/* Reads the next row into pRow (SQLITE_ROW), or the end (SQLITE_DONE). */
static int next_row(lc_stmt *s) {
  lc_remote *r = s->r;
  int op, rc, i;
  char w[16];
  first_word(s->zSql, w, sizeof(w));
  rc = answer(r, &op, strcmp(w, "COMMIT") == 0 || strcmp(w, "END") == 0);
  if (rc == SQLITE_OK) {
    s->state = 2;
    track_txn(r, s->zSql);
    return SQLITE_DONE;
  }
  if (rc != SQLITE_ROW) {
    s->state = 2;
    return rc;
  }
  if (op != 'r' || !s->pRow) return lost(r, 0, 0);
  sqlite3_reset(s->pRow);
  for (i = 0; i < s->nCol; i++) {
    int t = fgetc(r->from), n = 0;
    sqlite3_int64 x;
    char *z;
    switch (t) {
      case 'i':
        if (!get_i64(r, &x)) return lost(r, 0, 0);
        rc = sqlite3_bind_int64(s->pRow, i + 1, x);
        break;
      case 'f': {
        double d;
        if (!get_i64(r, &x)) return lost(r, 0, 0);
        memcpy(&d, &x, 8);
        rc = sqlite3_bind_double(s->pRow, i + 1, d);
        break;
      }
      case 't':
      case 'b':
        if (!(z = get_str(r, &n))) return lost(r, 0, 0);
        rc = t == 't' ? sqlite3_bind_text(s->pRow, i + 1, z, n, free)
                      : sqlite3_bind_blob(s->pRow, i + 1, z, n, free);
        break;
      case 'n': rc = sqlite3_bind_null(s->pRow, i + 1); break;
      default: return lost(r, 0, 0);
    }
    if (rc != SQLITE_OK) lc_fail("out of memory");
  }
  rc = sqlite3_step(s->pRow);
  if (rc != SQLITE_ROW) lc_fail("out of memory");
  return SQLITE_ROW;
}

int lc_step(lc_stmt *s) {
  int rc;
  if (s->p) return sqlite3_step(s->p);
  if (s->state == 2) return s->rc ? s->rc : SQLITE_DONE;
  if (s->state == 0) {
    rc = send_statement(s);
    if (rc != SQLITE_OK) {
      s->state = 2;
      if (rc == SQLITE_DONE) {
        track_txn(s->r, s->zSql);
        return rc;
      }
      s->rc = rc;
      if (rc != SQLITE_DONE) probe_txn(s->r);
      return rc;
    }
  }
  rc = next_row(s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    s->rc = rc;
    probe_txn(s->r);
  }
  return rc;
}

int lc_column_count(lc_stmt *s) {
  if (s->p) return sqlite3_column_count(s->p);
  if (s->state == 0) {
    int rc = send_statement(s);
    if (rc != SQLITE_OK) {
      s->state = 2;
      s->rc = rc == SQLITE_DONE ? 0 : rc;
      if (rc == SQLITE_DONE) track_txn(s->r, s->zSql);
      else probe_txn(s->r);
    }
  }
  return s->nCol;
}

sqlite3_stmt *lc_row(lc_stmt *s) { return s->p ? s->p : s->pRow; }

/* Reads what is left of a statement's answer, so the next request starts
** clean. */
static void drain(lc_stmt *s) {
  while (s->state == 1) (void)lc_step(s);
}

int lc_reset(lc_stmt *s) {
  if (s->p) return sqlite3_reset(s->p);
  drain(s);
  s->state = 0;
  s->rc = 0;
  return SQLITE_OK;
}

int lc_finalize(lc_stmt *s) {
  int i, rc = SQLITE_OK;
  if (!s) return SQLITE_OK;
  if (s->p) {
    rc = sqlite3_finalize(s->p);
  } else {
    drain(s);
    for (i = 0; i < s->nParam; i++) {
      sqlite3_free(s->azParam[i]);
      value_clear(&s->aBind[i]);
    }
    for (i = 0; i < s->nCol; i++) free(s->azCol[i]);
    free(s->azParam);
    free(s->aBind);
    free(s->azCol);
    sqlite3_finalize(s->pRow);
    sqlite3_free(s->zSql);
  }
  free(s);
  return rc;
}

int lc_exec(sqlite3 *db, const char *zSql) {
  lc_remote *r = remote_of(db);
  const char *z = zSql;
  if (!r) return sqlite3_exec(db, zSql, 0, 0, 0);
  /* statement by statement, so that each is tracked and a BEGIN is RM5's */
  while (*z) {
    lc_stmt *s = 0;
    const char *zTail = 0;
    int rc = lc_prepare(db, z, &s, &zTail);
    if (rc != SQLITE_OK) return rc;
    if (!s) break;
    while ((rc = lc_step(s)) == SQLITE_ROW) {}
    lc_finalize(s);
    if (rc != SQLITE_DONE) return rc;
    z = zTail;
  }
  return SQLITE_OK;
}

int lc_errcode(sqlite3 *db) {
  lc_remote *r = remote_of(db);
  return r ? r->errcode : sqlite3_extended_errcode(db);
}

const char *lc_errmsg(sqlite3 *db) {
  lc_remote *r = remote_of(db);
  return r ? (r->zErr ? r->zErr : "not an error") : sqlite3_errmsg(db);
}

int lc_autocommit(sqlite3 *db) {
  lc_remote *r = remote_of(db);
  return r ? !r->inTxn : sqlite3_get_autocommit(db);
}
