package main

// The node's SQLite gets the learnclub extension (issue 17): ext/*.c are
// built by `make` into dist/gen/liblcext.a and linked in here, and
// lcn_register() puts them on sqlite3_auto_extension before the node starts,
// so that every connection the dqlite engine opens has them. go-dqlite's
// package init has set single-thread mode by then (the known fact of issue
// 17: registering earlier, from a library constructor, initialises SQLite
// before that and breaks go-dqlite).
//
// The same hook installs an authorizer on every connection (rule N2 of
// node.go): it refuses what breaks dqlite 1.11, so that the refusal is an
// error to the client and the node stays up.

/*
#cgo CFLAGS: -std=c99
#cgo LDFLAGS: -L${SRCDIR}/../dist/gen -llcext -lsqlite3 -lm
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int sqlite3_learnclub_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

// The node says on stderr what it refused; the client gets SQLite's
// "not authorized" (SQLITE_AUTH), which the client commands explain.
static int lcn_refuse(const char *zWhat, const char *zArg) {
	fprintf(stderr, "learnclub serve: refused %s%s%s: it breaks dqlite\n", zWhat, zArg ? " " : "", zArg ? zArg : "");
	return SQLITE_DENY;
}

// N2: journal_mode, the checkpoint PRAGMAs, ATTACH and DETACH (VACUUM
// attaches a temporary database, so it is refused too). The engine itself
// runs "PRAGMA journal_mode=WAL" and "PRAGMA wal_autocheckpoint=0" on each
// connection it opens; those two exact settings pass (they change nothing on
// a dqlite database).
static int lcn_auth(void *p, int op, const char *z3, const char *z4, const char *z5, const char *z6) {
	(void)p, (void)z5, (void)z6;
	if (op == SQLITE_ATTACH) return lcn_refuse("ATTACH", z3);
	if (op == SQLITE_DETACH) return lcn_refuse("DETACH", z3);
	if (op != SQLITE_PRAGMA || !z3) return SQLITE_OK;
	if (sqlite3_stricmp(z3, "journal_mode") == 0) {
		if (z4 && sqlite3_stricmp(z4, "wal") == 0) return SQLITE_OK;
		return lcn_refuse("PRAGMA journal_mode", z4);
	}
	if (sqlite3_stricmp(z3, "wal_autocheckpoint") == 0) {
		if (z4 && strcmp(z4, "0") == 0) return SQLITE_OK;
		return lcn_refuse("PRAGMA wal_autocheckpoint", z4);
	}
	if (sqlite3_stricmp(z3, "wal_checkpoint") == 0) return lcn_refuse("PRAGMA wal_checkpoint", z4);
	return SQLITE_OK;
}

// N7: cache_spill off on every connection: dqlite's WAL takes no frames
// spilled before COMMIT, so a transaction larger than the page cache (a
// month of national meetings, a pushed office) failed with "disk I/O error".
static int lcn_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
	int rc = sqlite3_learnclub_init(db, pzErrMsg, pApi);
	if (rc == SQLITE_OK) rc = sqlite3_exec(db, "PRAGMA cache_spill = OFF", 0, 0, 0);
	if (rc != SQLITE_OK) return rc;
	return sqlite3_set_authorizer(db, lcn_auth, 0);
}

static int lcn_register(void) {
	return sqlite3_auto_extension((void (*)(void))lcn_init);
}

*/
import "C"
import "fmt"

// registerExtension puts the extension and the authorizer on every
// connection SQLite opens from now on.
func registerExtension() error {
	if rc := C.lcn_register(); rc != C.SQLITE_OK {
		return fmt.Errorf("cannot register the learnclub extension: %s", C.GoString(C.sqlite3_errstr(rc)))
	}
	return nil
}
