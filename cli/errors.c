/*
** cli/errors.c — the one error path of the command (issue 13).
**
** E1. Every refusal or failure prints one message on stderr,
**     "learnclub CMD: MESSAGE" ("learnclub: MESSAGE" before a command is
**     known), and exits 2.
** E2. A message is shown clean: invalid UTF-8 as U+FFFD, control characters
**     other than newline and tab escaped (L12, L13), and cut after 1000
**     characters with "... (cut; N characters in all)".
** E3. A failed SQLite call is classified by its result code, never by the
**     text of its message: busy, full, read-only, not a database, cannot
**     open, corrupt, I/O error (disk full when the system's errno is ENOSPC),
**     out of memory; anything else (a constraint,
**     an extension function's error) is SQLite's own message. Each names
**     the database file and says what to do.
** E4. A full disk, in a writing command, is "FILE: disk is full; nothing
**     was written", whatever the command says of its other failures.
*/
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

const char *lc_cmd = 0;
int lc_timeout_ms = 10000;
const char *lc_subject = 0;

#define LC_MSG_MAX 1000

void lc_fail(const char *zFmt, ...) {
  lc_buf raw = {0}, clean = {0}, line = {0};
  va_list ap;
  int n;
  size_t nChar;
  va_start(ap, zFmt);
  n = vsnprintf(0, 0, zFmt, ap);
  va_end(ap);
  if (n > 0) {
    char *z = malloc((size_t)n + 1);
    if (z) {
      va_start(ap, zFmt);
      vsnprintf(z, (size_t)n + 1, zFmt, ap);
      va_end(ap);
      lc_buf_add(&raw, z, (size_t)n);
      free(z);
    }
  }
  lc_buf_clean(&clean, raw.z ? raw.z : "", raw.n, 2); /* E2 */
  nChar = lc_utf8_chars(clean.z, clean.n);
  lc_buf_str(&line, "learnclub");
  if (lc_cmd) lc_buf_printf(&line, " %s", lc_cmd);
  lc_buf_str(&line, ": ");
  if (nChar > LC_MSG_MAX) {
    size_t i = 0, m = 0;
    while (i < clean.n && m < LC_MSG_MAX) {
      i++;
      while (i < clean.n && ((unsigned char)clean.z[i] & 0xC0) == 0x80) i++;
      m++;
    }
    lc_buf_add(&line, clean.z, i);
    lc_buf_printf(&line, "... (cut; %zu characters in all)", nChar);
  } else {
    lc_buf_add(&line, clean.z, clean.n);
  }
  lc_buf_str(&line, "\n");
  fwrite(line.z, 1, line.n, stderr);
  fflush(stderr);
  exit(LC_EXIT_BAD); /* E1 */
}

/* Whether the last problem lc_db_problem() described was a full disk (E4). */
static int last_full;

const char *lc_after(const char *zAfter) {
  return zAfter && last_full ? "nothing was written" : zAfter; /* E4 */
}

char *lc_db_problem(sqlite3 *db, int rc, const char *zDb) {
  /* one message at a time: kept here, so that a caller that fails with it
  ** (lc_fail ends the process) leaves nothing unreachable */
  static lc_buf b;
  b.n = 0;
  last_full = (rc & 0xff) == SQLITE_FULL ||
              ((rc & 0xff) == SQLITE_IOERR && db && sqlite3_system_errno(db) == ENOSPC);
  const char *zMsg = db ? lc_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) { /* E3 */
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      lc_buf_printf(&b, "%s: database is locked (waited %d ms)", zDb, lc_timeout_ms);
      break;
    case SQLITE_FULL:
      lc_buf_printf(&b, "%s: disk is full", zDb);
      break;
    case SQLITE_READONLY:
      lc_buf_printf(&b, "%s: cannot write: the database or its folder is read-only", zDb);
      break;
    case SQLITE_NOTADB:
      lc_buf_printf(&b, "database '%s' is not a SQLite database", zDb);
      break;
    case SQLITE_CANTOPEN:
      lc_buf_printf(&b, "%s: cannot open the database or its -wal/-shm files; "
                        "check the permissions of the file and its folder", zDb);
      break;
    case SQLITE_CORRUPT:
      lc_buf_printf(&b, "%s: the database file is damaged; restore it from a backup", zDb);
      break;
    case SQLITE_IOERR:
      if (db && lc_is_remote(db)) { /* issue 17: the bridge's own words (remote.c RM6) */
        lc_buf_printf(&b, "%s: %s", zDb, zMsg);
        break;
      }
      /* the system's error code, not a text: a -shm or journal that cannot
      ** grow on a full disk is an I/O error to SQLite (M4) */
      if (db && sqlite3_system_errno(db) == ENOSPC) lc_buf_printf(&b, "%s: disk is full", zDb);
      else lc_buf_printf(&b, "%s: input/output error (%s)", zDb, sqlite3_errstr(rc));
      break;
    case SQLITE_NOMEM:
      lc_buf_str(&b, "out of memory");
      break;
    case SQLITE_PERM:
    case SQLITE_AUTH:
      lc_buf_printf(&b, "%s: access denied", zDb);
      break;
    default:
      if (lc_subject) lc_buf_printf(&b, "%s: ", lc_subject);
      lc_buf_str(&b, zMsg);
      break;
  }
  return b.z;
}

void lc_fail_db(sqlite3 *db, int rc, const char *zDb, const char *zAfter) {
  char *z = lc_db_problem(db, rc, zDb);
  zAfter = lc_after(zAfter);
  if (zAfter) lc_fail("%s; %s", z, zAfter);
  lc_fail("%s", z);
}
