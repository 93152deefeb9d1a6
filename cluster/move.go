package main

// Moving offices in and out of the cluster (issue 17): `learnclub push NAME
// FILE` and the node's half of `learnclub pull NAME FILE`. The C command
// (cli/cmd_move.c M1-M3) has checked NAME, the cluster, TLS and, for push,
// that FILE is a learnclub database at the current schema version, then runs
//
//	learnclub-node push --cluster HOST:PORT,... NAME FILE [TLS]
//	learnclub-node dump --cluster HOST:PORT,... NAME DIR [TLS]
//
// CONTRACT (push)
//
// P1. Never over an office: NAME in the catalogue ("_learnclub".office) is
//     refused, and so is a database NAME that already has tables, unless it
//     is exactly FILE's copy (P5). Nothing is written then.
// P2. FILE is read in one read transaction, opened read-only with SQLite.
//     The copy is ONE transaction on the database NAME: FILE's tables (in
//     FILE's order, their CREATE statements as written), every row with its
//     exact storage class (integer, real, text, blob, NULL) and its rowid
//     (tables without an INTEGER PRIMARY KEY keep their rowids too),
//     sqlite_sequence, then the indexes, views and triggers (after the rows,
//     so no trigger fires on the copy), and PRAGMA user_version. Foreign
//     keys are off on the connection meanwhile: the rows are checked already.
//     Not copied: ANALYZE's statistics (sqlite_stat*; learnclub never runs
//     ANALYZE). Refused: a virtual table, a table of more than 255 columns,
//     text holding a NUL byte (dqlite's protocol cuts text at a NUL).
// P3. Values are bound, never spliced into SQL: multi-row INSERT ... VALUES
//     in batches of at most 255 parameters (dqlite's limit per statement).
//     The schema's own CREATE statements are run as FILE has them.
// P4. Then the catalogue lists NAME, in a second transaction (dqlite has no
//     transaction across databases). If that one fails, the copy is there
//     but not listed, and push says "run the same push again".
// P5. Run again, push finds NAME's tables: when they are exactly FILE's
//     (schema, user_version, and every row of every table, compared by a
//     digest of quote() of each value, the same query on both sides) it only
//     lists NAME in the catalogue; otherwise P1 refuses. So a push cut off
//     after its copy (a lost COMMIT, a failed catalogue write) is completed
//     by the same push, never doubled.
// P6. It says "pushed FILE as NAME: N tables, M rows" (the tables and rows
//     of the office's own tables, SQLite's not counted).
//
// CONTRACT (dump, for pull)
//
// D1. NAME must be in the catalogue; the leader's consistent copy
//     (client.Dump: the database file and its WAL) is written to DIR/db and
//     DIR/db-wal (mode 0600). cmd_move.c M3 does the rest.

/*
#include <sqlite3.h>
#include <stdlib.h>

static int lcm_bind_text(sqlite3_stmt *p, int i, const char *z) {
	return sqlite3_bind_text(p, i, z, -1, SQLITE_TRANSIENT);
}
*/
import "C"

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io/ioutil"
	"os"
	"path/filepath"
	"strings"
	"unsafe"
)

// ---- reading a local file ---------------------------------------------------

// source is FILE, read-only, in one read transaction (P2).
type source struct {
	db   *C.sqlite3
	file string
}

func openSource(file string) *source {
	path := file
	if !strings.HasPrefix(path, "/") {
		path = "./" + path // never a URI or an option (cli/db.c D1)
	}
	cpath := C.CString(path)
	defer C.free(unsafe.Pointer(cpath))
	s := &source{file: file}
	if rc := C.sqlite3_open_v2(cpath, &s.db, C.SQLITE_OPEN_READONLY, nil); rc != C.SQLITE_OK {
		fail("cannot open '%s': %s", file, C.GoString(C.sqlite3_errstr(rc)))
	}
	C.sqlite3_busy_timeout(s.db, C.int(timeoutMs()))
	s.exec("BEGIN")
	s.each("SELECT count(*) FROM sqlite_schema", nil, func([]interface{}) {}) // the snapshot
	return s
}

func (s *source) fail(what string) {
	fail("cannot read '%s': %s: %s", s.file, what, C.GoString(C.sqlite3_errmsg(s.db)))
}

func (s *source) exec(stmt string) {
	cs := C.CString(stmt)
	defer C.free(unsafe.Pointer(cs))
	if C.sqlite3_exec(s.db, cs, nil, nil, nil) != C.SQLITE_OK {
		s.fail(stmt)
	}
}

// each runs query with the text args bound and calls fn with each row's
// values: int64, float64, string, []byte or nil (P2: the storage class).
func (s *source) each(query string, args []string, fn func([]interface{})) {
	cq := C.CString(query)
	defer C.free(unsafe.Pointer(cq))
	var p *C.sqlite3_stmt
	if C.sqlite3_prepare_v2(s.db, cq, -1, &p, nil) != C.SQLITE_OK {
		s.fail(query)
	}
	defer C.sqlite3_finalize(p)
	for i, a := range args {
		ca := C.CString(a)
		rc := C.lcm_bind_text(p, C.int(i+1), ca)
		C.free(unsafe.Pointer(ca))
		if rc != C.SQLITE_OK {
			s.fail(query)
		}
	}
	n := int(C.sqlite3_column_count(p))
	for {
		rc := C.sqlite3_step(p)
		if rc == C.SQLITE_DONE {
			return
		}
		if rc != C.SQLITE_ROW {
			s.fail(query)
		}
		row := make([]interface{}, n)
		for i := 0; i < n; i++ {
			ci := C.int(i)
			switch C.sqlite3_column_type(p, ci) {
			case C.SQLITE_INTEGER:
				row[i] = int64(C.sqlite3_column_int64(p, ci))
			case C.SQLITE_FLOAT:
				row[i] = float64(C.sqlite3_column_double(p, ci))
			case C.SQLITE_TEXT:
				z := C.sqlite3_column_text(p, ci)
				row[i] = C.GoStringN((*C.char)(unsafe.Pointer(z)), C.sqlite3_column_bytes(p, ci))
			case C.SQLITE_BLOB:
				b := C.sqlite3_column_blob(p, ci)
				row[i] = append([]byte{}, C.GoBytes(b, C.sqlite3_column_bytes(p, ci))...)
			default:
				row[i] = nil
			}
		}
		fn(row)
	}
}

func (s *source) close() {
	s.exec("COMMIT")
	C.sqlite3_close(s.db)
}

// ---- what FILE holds ------------------------------------------------------

type schemaRow struct {
	kind, name, sql string
	hasSQL          bool
}

type table struct {
	name  string
	cols  []string // the stored columns (generated ones are computed again)
	rowid string   // "rowid", "_rowid_" or "oid" when kept apart; "" for none
}

type plan struct {
	userVersion int64
	schema      []schemaRow // sqlite_schema in rowid order
	tables      []table     // the office's tables, then sqlite_sequence if there
}

func quoteID(z string) string { return `"` + strings.ReplaceAll(z, `"`, `""`) + `"` }

func readPlan(s *source) plan {
	var pl plan
	s.each("PRAGMA user_version", nil, func(r []interface{}) { pl.userVersion = r[0].(int64) })
	s.each("SELECT type, name, sql FROM sqlite_schema ORDER BY rowid", nil, func(r []interface{}) {
		row := schemaRow{kind: r[0].(string), name: r[1].(string)}
		if z, ok := r[2].(string); ok {
			row.sql, row.hasSQL = z, true
		}
		pl.schema = append(pl.schema, row)
	})
	var seq *table
	for _, r := range pl.schema {
		if r.kind != "table" {
			continue
		}
		if strings.HasPrefix(strings.ToUpper(r.sql), "CREATE VIRTUAL") {
			fail("'%s' has a virtual table '%s'; push copies ordinary tables only", s.file, r.name)
		}
		internal := strings.HasPrefix(strings.ToLower(r.name), "sqlite_")
		if internal && r.name != "sqlite_sequence" {
			continue // ANALYZE's statistics (P2)
		}
		t := table{name: r.name}
		names := map[string]bool{}
		s.each("SELECT name, hidden FROM pragma_table_xinfo(?1)", []string{r.name}, func(c []interface{}) {
			names[strings.ToLower(c[0].(string))] = true
			if c[1].(int64) == 0 {
				t.cols = append(t.cols, c[0].(string))
			}
		})
		if !internal && !withoutRowid(s, r.name) {
			for _, alias := range []string{"rowid", "_rowid_", "oid"} {
				if !names[alias] {
					t.rowid = alias
					break
				}
			}
		}
		if len(t.cols)+1 > 255 {
			fail("table '%s' of '%s' has %d columns; dqlite binds at most 255 values a statement", r.name, s.file, len(t.cols))
		}
		if internal {
			seq = &t
		} else {
			pl.tables = append(pl.tables, t)
		}
	}
	if seq != nil {
		pl.tables = append(pl.tables, *seq)
	}
	return pl
}

// A table WITHOUT ROWID has no rowid to keep (pragma_table_list: SQLite 3.37).
func withoutRowid(s *source, name string) bool {
	w := false
	s.each("SELECT wr FROM pragma_table_list WHERE schema = 'main' AND name = ?1", []string{name},
		func(r []interface{}) { w = r[0].(int64) != 0 })
	return w
}

// The columns selected from a table: its rowid first, when kept apart.
func (t table) selectCols() []string {
	var cols []string
	if t.rowid != "" {
		cols = append(cols, t.rowid)
	}
	return append(cols, t.cols...)
}

func (t table) order() string {
	if t.rowid != "" {
		return " ORDER BY " + t.rowid
	}
	return ""
}

// ---- P5: the digest, one query on both sides -----------------------------------

// rowsOf is a way to run a query: FILE's source or the cluster's connection.
type rowsOf func(query string, fn func([]interface{}))

func digest(pl plan, run rowsOf) string {
	h := sha256.New()
	run("SELECT 'user_version ' || user_version FROM pragma_user_version", func(r []interface{}) {
		fmt.Fprintf(h, "%v\n", r[0])
	})
	run("SELECT type || char(31) || name || char(31) || tbl_name || char(31) || coalesce(sql, '') "+
		"FROM sqlite_schema WHERE name NOT LIKE 'sqlite\\_stat%' ESCAPE '\\' ORDER BY type, name",
		func(r []interface{}) { fmt.Fprintf(h, "%v\n", r[0]) })
	for _, t := range pl.tables {
		var q []string
		for _, c := range t.selectCols() {
			q = append(q, "quote("+quoteID(c)+")")
		}
		fmt.Fprintf(h, "table %s\n", t.name)
		run("SELECT "+strings.Join(q, " || ',' || ")+" FROM "+quoteID(t.name)+t.order(), func(r []interface{}) {
			fmt.Fprintf(h, "%v\n", r[0])
		})
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// ---- push -------------------------------------------------------------------

func timeoutMs() int {
	ms := 10000
	if z := os.Getenv("LEARNCLUB_TIMEOUT_MS"); z != "" {
		fmt.Sscanf(z, "%d", &ms)
	}
	return ms
}

// listed: is NAME in the catalogue?
func listed(c *conn, name string) bool {
	cat := c.open(catalogue)
	defer cat.Close()
	var n int
	if err := cat.QueryRowContext(c.ctx, "SELECT count(*) FROM sqlite_schema WHERE name = 'office'").Scan(&n); err != nil {
		fail("%s", describe(catalogue, "the catalogue", err))
	}
	if n == 0 {
		return false
	}
	if err := cat.QueryRowContext(c.ctx, "SELECT count(*) FROM office WHERE name = ?", name).Scan(&n); err != nil {
		fail("%s", describe(catalogue, "the catalogue", err))
	}
	return n > 0
}

func push(o options) {
	if len(o.pos) != 2 {
		fail("usage: learnclub push NAME FILE [--cluster HOST:PORT,...] [--cert FILE --key FILE --ca FILE]")
	}
	name, file := o.pos[0], o.pos[1]
	src := openSource(file)
	pl := readPlan(src)
	c, cancel := connect(o)
	defer cancel()
	c.leader().Close()   // C5: "no leader reachable at ..." when there is none
	if listed(c, name) { // P1
		fail("the cluster already has an office '%s'; a push never overwrites", name)
	}
	db := c.open(name)
	defer db.Close()
	cn, err := db.Conn(c.ctx)
	if err != nil {
		fail("%s", describe(name, "connect", err))
	}
	defer cn.Close()
	run := func(stmt string, args ...interface{}) {
		if _, err := cn.ExecContext(c.ctx, stmt, args...); err != nil {
			fail("%s; nothing was written", describe(name, stmt, err))
		}
	}
	run("PRAGMA foreign_keys = OFF") // P2
	// the node has cache_spill off on every connection (N7): the copy's
	// pages stay in the leader's memory until COMMIT (P2)
	tx, err := cn.BeginTx(c.ctx, nil)
	if err != nil {
		fail("%s; nothing was written", describe(name, "BEGIN", err))
	}
	var there int
	if err := tx.QueryRowContext(c.ctx, "SELECT count(*) FROM sqlite_schema").Scan(&there); err != nil {
		fail("%s; nothing was written", describe(name, "SELECT count(*) FROM sqlite_schema", err))
	}
	nTables, nRows := 0, int64(0)
	completed := false
	if there > 0 { // P1, P5
		tx.Rollback()
		local := digest(pl, func(q string, fn func([]interface{})) { src.each(q, nil, fn) })
		remote := digest(pl, func(q string, fn func([]interface{})) { remoteEach(c, cn, name, q, fn) })
		if local != remote {
			fail("the cluster's database '%s' already has tables; a push never overwrites", name)
		}
		completed = true
		for _, t := range pl.tables {
			if t.name != "sqlite_sequence" {
				nTables++
				src.each("SELECT count(*) FROM "+quoteID(t.name), nil, func(r []interface{}) { nRows += r[0].(int64) })
			}
		}
	} else {
		nTables, nRows = copyInto(tx, c.ctx, name, src, pl)
		if err := tx.Commit(); err != nil {
			fail("%s: the copy's COMMIT failed (%v); if it was committed after all, the same push run again completes it", name, err)
		}
	}
	src.close()
	// P4
	cat := c.open(catalogue)
	defer cat.Close()
	after := fmt.Sprintf("the copy of '%s' is in the cluster as '%s' but not in the catalogue; run the same push again to list it", file, name)
	ctx, txc := c.ctx, (*sql.Tx)(nil)
	if txc, err = cat.BeginTx(ctx, nil); err != nil {
		fail("%s; %s", describe(catalogue, "BEGIN", err), after)
	}
	for _, stmt := range []string{catalogueSchema, "INSERT OR IGNORE INTO office(name) VALUES (?)"} {
		var args []interface{}
		if strings.Contains(stmt, "?") {
			args = append(args, name)
		}
		if _, err := txc.ExecContext(ctx, stmt, args...); err != nil {
			fail("%s; %s", describe(catalogue, stmt, err), after)
		}
	}
	if err := txc.Commit(); err != nil {
		fail("%s; %s", describe(catalogue, "COMMIT", err), after)
	}
	note := ""
	if completed {
		note = " (the copy was there already: now in the catalogue)"
	}
	fmt.Printf("pushed %s as %s: %d tables, %d rows%s\n", file, name, nTables, nRows, note)
}

// remoteEach runs a digest query on the cluster's database (P5).
func remoteEach(c *conn, cn *sql.Conn, name, q string, fn func([]interface{})) {
	rows, err := cn.QueryContext(c.ctx, q)
	if err != nil {
		fn([]interface{}{"error: " + err.Error()}) // a difference, not a failure
		return
	}
	defer rows.Close()
	for rows.Next() {
		var v interface{}
		if err := rows.Scan(&v); err != nil {
			fail("%s", describe(name, q, err))
		}
		if b, ok := v.([]byte); ok {
			v = string(b)
		}
		fn([]interface{}{v})
	}
	if err := rows.Err(); err != nil {
		fail("%s", describe(name, q, err))
	}
}

// copyInto writes FILE's schema and rows in the open transaction (P2, P3).
func copyInto(tx *sql.Tx, ctx context.Context, name string, src *source, pl plan) (int, int64) {
	exec := func(stmt string, args []interface{}) {
		if _, err := tx.ExecContext(ctx, stmt, args...); err != nil {
			tx.Rollback()
			if len(stmt) > 200 {
				stmt = stmt[:200] + "..."
			}
			fail("%s; nothing was written", describe(name, stmt, err))
		}
	}
	for _, r := range pl.schema {
		if r.kind == "table" && r.hasSQL && !strings.HasPrefix(strings.ToLower(r.name), "sqlite_") {
			exec(r.sql, nil)
		}
	}
	nTables, nRows := 0, int64(0)
	for _, t := range pl.tables {
		cols := t.selectCols()
		if t.name == "sqlite_sequence" {
			exec("DELETE FROM sqlite_sequence", nil)
		} else {
			nTables++
		}
		var q []string
		for _, c := range cols {
			q = append(q, quoteID(c))
		}
		head := "INSERT INTO " + quoteID(t.name) + "(" + strings.Join(q, ", ") + ") VALUES "
		tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		per := 255 / len(cols)
		var batch []interface{}
		n := 0
		flush := func() {
			if n > 0 {
				exec(head+strings.TrimSuffix(strings.Repeat(tuple+", ", n), ", "), batch)
				batch, n = batch[:0], 0
			}
		}
		sel := make([]string, len(q))
		copy(sel, q)
		src.each("SELECT "+strings.Join(sel, ", ")+" FROM "+quoteID(t.name)+t.order(), nil, func(r []interface{}) {
			for i, v := range r {
				if z, ok := v.(string); ok && strings.IndexByte(z, 0) >= 0 {
					tx.Rollback()
					fail("table '%s' of '%s': column '%s' holds text with a NUL byte, which dqlite cannot carry; nothing was written", t.name, src.file, cols[i])
				}
			}
			batch = append(batch, r...)
			n++
			if t.name != "sqlite_sequence" {
				nRows++
			}
			if n == per {
				flush()
			}
		})
		flush()
	}
	for _, r := range pl.schema {
		if r.kind != "table" && r.hasSQL {
			exec(r.sql, nil)
		}
	}
	exec(fmt.Sprintf("PRAGMA user_version = %d", pl.userVersion), nil) // an integer read from FILE
	return nTables, nRows
}

// ---- dump (D1) -------------------------------------------------------------

func dump(o options) {
	if len(o.pos) != 2 {
		fail("usage: learnclub-node dump --cluster HOST:PORT,... NAME DIR")
	}
	name, dir := o.pos[0], o.pos[1]
	c, cancel := connect(o)
	defer cancel()
	cli := c.leader()
	defer cli.Close()
	if !listed(c, name) {
		fail("no office '%s' in the cluster's catalogue; nothing was written", name)
	}
	files, err := cli.Dump(c.ctx, name)
	if err != nil {
		fail("cannot copy '%s' from the cluster: %v; nothing was written", name, err)
	}
	found := false
	for _, f := range files {
		var to string
		switch f.Name {
		case name:
			to, found = "db", true
		case name + "-wal":
			to = "db-wal"
		default:
			continue
		}
		if err := ioutil.WriteFile(filepath.Join(dir, to), f.Data, 0o600); err != nil {
			fail("cannot write the copy of '%s' in '%s': %v; nothing was written", name, dir, err)
		}
	}
	if !found {
		fail("the cluster gave no database file for '%s'; nothing was written", name)
	}
}
