package main

// The bridge (issue 17): `learnclub --cluster HOST:PORT,... COMMAND NAME`
// runs the command's own code in the C program, and every statement of it on
// the office database NAME in the cluster, through this process. The C side
// (cli/remote.c) starts `learnclub-node bridge --cluster ... NAME` with pipes
// and speaks the protocol below; this side holds ONE dqlite connection (so
// the command's temporary tables, triggers and transaction live on it) and
// uses go-dqlite's driver for it: leader finding, TLS and the wire protocol
// are the maintainers' code.
//
// CONTRACT (bridge)
//
// B1. Frames, little-endian. A request is 'Q' (one statement: u32 length,
//
//	SQL, u8 n, n values), 'X' (statements without parameters or rows:
//	u32 length, SQL) or 'W' (a write transaction's BEGIN: u32 length, SQL).
//	A value is 'i' i64, 'f' f64, 't' u32 length bytes, 'b' u32 length
//	bytes, or 'n'. The answer to 'Q' is 'H' u16 n and n column names
//	(u32 length, bytes), then 'r' and a value per column for each row, then
//	'E' i64 (rows changed); to 'X' and 'W' it is 'E' i64. Any of them may
//	end instead with 'F' u32 code, u32 length, message (the statement
//	failed; the connection is still good) or 'L' u32 length, message (the
//	connection to the leader is lost; the bridge exits after it).
//
// B2. A statement whose first word is one that never returns rows (CREATE,
//
//	INSERT, UPDATE, DELETE, DROP, BEGIN, COMMIT, END, ROLLBACK, SAVEPOINT,
//	RELEASE, REPLACE, ALTER, ANALYZE, REINDEX) is executed; any other is
//	queried, and when the engine will not query it (a PRAGMA that sets) it
//	is executed.
//
// B3. A failed query is run again as an execution to learn its message:
//
//	dqlite 1.11.1 answers a failed query with the first column's name as
//	the message (issue 17's feasibility study); an execution reports the
//	statement's own error. Only statements that read are queried (B2), so
//	running one twice changes nothing.
//
// B4. 'W' retries while the database is locked (SQLITE_BUSY: dqlite
//
//	refuses a second writer at once instead of waiting), every 20 ms up to
//	LEARNCLUB_TIMEOUT_MS, then answers the last failure.
//
// B6. NAME must be in the catalogue (database "_learnclub", table
//
//	office(name)), else the bridge says so and stops: dqlite creates a
//	database on first use, and a typo must not make an empty office. With
//	--create (init) NAME is added to it first.
//
// B7. Opening a database is retried every 100 ms while it fails and the
//
//	time of B5 lasts: a leader that dies while the command connects (the
//	connection opened, its answer cut off) is then followed to the next.
//
// B5. Connecting and finding the leader are bounded by LEARNCLUB_TIMEOUT_MS;
//
//	a statement by five minutes.
import (
	"bufio"
	"context"
	dsql "database/sql/driver"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/canonical/go-dqlite/client"
	"github.com/canonical/go-dqlite/driver"
)

type bridge struct {
	in   *bufio.Reader
	out  *bufio.Writer
	conn *driver.Conn
}

// bridgeMain: learnclub-node bridge --cluster HOST:PORT,... [TLS]
// [--command NAME] [--create] -- NAME
func bridgeMain(args []string) {
	create := false
	var rest []string
	for i := 0; i < len(args); i++ {
		if args[i] == "--create" {
			create = true
		} else if args[i] == "--" {
			rest = append(rest, args[i+1:]...)
			break
		} else {
			rest = append(rest, args[i])
		}
	}
	o := parse(rest, "cluster", "cert", "key", "ca", "command")
	if o.opt["command"] != "" {
		command = "learnclub " + o.opt["command"]
	}
	if len(o.pos) != 1 {
		fail("usage: learnclub-node bridge --cluster HOST:PORT,... NAME")
	}
	name := o.pos[0]
	c, cancel := connect(o)
	defer cancel()
	drv, err := driver.New(c.store, driver.WithDialFunc(c.dial), driver.WithContext(c.ctx),
		driver.WithLogFunc(func(client.LogLevel, string, ...interface{}) {}))
	if err != nil {
		fail("%v", err)
	}
	catalogued(drv, c, name, create) // B6
	dc, err := openRetry(c, drv, name)
	if err != nil {
		fail("no leader reachable at '%s': %v", strings.Join(c.addresses, ","), err)
	}
	b := &bridge{in: bufio.NewReaderSize(os.Stdin, 1<<16), out: bufio.NewWriterSize(os.Stdout, 1<<16), conn: dc.(*driver.Conn)}
	// the C side waits for this before its first request: the leader is found
	b.out.WriteByte('E')
	b.i64(0)
	b.flush()
	for {
		op, err := b.in.ReadByte()
		if err == io.EOF {
			b.conn.Close()
			return
		}
		if err != nil {
			fail("the command's pipe: %v", err)
		}
		sql := b.str()
		switch op {
		case 'Q':
			n, _ := b.in.ReadByte()
			args := make([]dsql.NamedValue, n)
			for i := range args {
				args[i] = dsql.NamedValue{Ordinal: i + 1, Value: b.value()}
			}
			b.statement(sql, args)
		case 'X':
			b.exec(sql, nil, 0)
		case 'W':
			b.exec(sql, nil, timeoutMS())
		default:
			fail("the command sent an unknown request '%c'", op)
		}
		b.flush()
	}
}

// B2
var execWords = []string{"CREATE", "INSERT", "UPDATE", "DELETE", "DROP", "BEGIN", "COMMIT", "END",
	"ROLLBACK", "SAVEPOINT", "RELEASE", "REPLACE", "ALTER", "ANALYZE", "REINDEX"}

func firstWord(sql string) string {
	s := sql
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		if strings.HasPrefix(s, "--") {
			if i := strings.IndexByte(s, '\n'); i >= 0 {
				s = s[i+1:]
				continue
			}
			return ""
		}
		if strings.HasPrefix(s, "/*") {
			if i := strings.Index(s, "*/"); i >= 0 {
				s = s[i+2:]
				continue
			}
			return ""
		}
		break
	}
	end := 0
	for end < len(s) && (s[end] >= 'A' && s[end] <= 'Z' || s[end] >= 'a' && s[end] <= 'z') {
		end++
	}
	return strings.ToUpper(s[:end])
}

func isExec(sql string) bool {
	w := firstWord(sql)
	for _, x := range execWords {
		if w == x {
			return true
		}
	}
	return false
}

func statementContext() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), 5*time.Minute) // B5
}

func (b *bridge) statement(sql string, args []dsql.NamedValue) {
	if isExec(sql) {
		b.out.WriteByte('H')
		b.u16(0)
		b.exec(sql, args, 0)
		return
	}
	ctx, cancel := statementContext()
	defer cancel()
	rows, err := b.conn.QueryContext(ctx, sql, args)
	if err != nil {
		// not lost yet: dqlite answers a query of a statement that returns
		// no rows with an error of code 0, which the driver calls a bad
		// connection; the execution tells (B2, B3)
		b.out.WriteByte('H')
		b.u16(0)
		b.exec(sql, args, 0) // B2, B3
		return
	}
	cols := rows.Columns()
	b.out.WriteByte('H')
	b.u16(len(cols))
	for _, c := range cols {
		b.bytes([]byte(c))
	}
	dest := make([]dsql.Value, len(cols))
	for {
		err := rows.Next(dest)
		if err == io.EOF {
			break
		}
		if err != nil {
			rows.Close()
			b.exec(sql, args, 0) // B3: the real message, or the loss
			return
		}
		b.out.WriteByte('r')
		for _, v := range dest {
			b.put(v)
		}
	}
	if err := rows.Close(); err != nil && lost(err) {
		b.lost(err)
	}
	b.out.WriteByte('E')
	b.i64(0)
}

// exec runs sql; with retryMS > 0 it retries while the database is locked (B4).
func (b *bridge) exec(sql string, args []dsql.NamedValue, retryMS int) {
	deadline := time.Now().Add(time.Duration(retryMS) * time.Millisecond)
	for {
		ctx, cancel := statementContext()
		res, err := b.conn.ExecContext(ctx, sql, args)
		cancel()
		if err == nil {
			n, _ := res.RowsAffected()
			b.out.WriteByte('E')
			b.i64(n)
			return
		}
		if lost(err) {
			b.lost(err)
		}
		e, ok := err.(driver.Error)
		if ok && e.Code&0xff == 5 /* SQLITE_BUSY */ && retryMS > 0 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
			continue
		}
		code, msg := 1, err.Error()
		if ok {
			code, msg = e.Code, e.Message
		}
		b.out.WriteByte('F')
		b.u32(uint32(code))
		b.bytes([]byte(msg))
		return
	}
}

// lost: the driver's way of saying that the connection or the leadership is
// gone (driver.go driverError): ErrBadConn, or an error that is not SQLite's.
func lost(err error) bool {
	if err == dsql.ErrBadConn {
		return true
	}
	_, ok := err.(driver.Error)
	return !ok
}

// the driver's words without its call and budget: "receive: header: EOF"
var callPrefix = regexp.MustCompile(`call [a-z-]+ \(budget [^)]*\): `)

func (b *bridge) lost(err error) {
	b.out.WriteByte('L')
	b.bytes([]byte(callPrefix.ReplaceAllString(err.Error(), "")))
	b.flush()
	os.Exit(3)
}

func timeoutMS() int {
	ms := 10000
	if z := os.Getenv("LEARNCLUB_TIMEOUT_MS"); z != "" {
		fmt.Sscan(z, &ms)
	}
	return ms
}

// ---- framing (B1) ------------------------------------------------------------

func (b *bridge) flush() {
	if err := b.out.Flush(); err != nil {
		os.Exit(3) // the command is gone
	}
}

func (b *bridge) read(p []byte) {
	if _, err := io.ReadFull(b.in, p); err != nil {
		fail("the command's pipe: %v", err)
	}
}

func (b *bridge) str() string {
	var n [4]byte
	b.read(n[:])
	p := make([]byte, binary.LittleEndian.Uint32(n[:]))
	b.read(p)
	return string(p)
}

func (b *bridge) value() dsql.Value {
	t, err := b.in.ReadByte()
	if err != nil {
		fail("the command's pipe: %v", err)
	}
	var x [8]byte
	switch t {
	case 'i':
		b.read(x[:])
		return int64(binary.LittleEndian.Uint64(x[:]))
	case 'f':
		b.read(x[:])
		return math.Float64frombits(binary.LittleEndian.Uint64(x[:]))
	case 't':
		return b.str()
	case 'b':
		return []byte(b.str())
	case 'n':
		return nil
	}
	fail("the command sent an unknown value type '%c'", t)
	return nil
}

func (b *bridge) u16(v int) {
	var x [2]byte
	binary.LittleEndian.PutUint16(x[:], uint16(v))
	b.out.Write(x[:])
}

func (b *bridge) u32(v uint32) {
	var x [4]byte
	binary.LittleEndian.PutUint32(x[:], v)
	b.out.Write(x[:])
}

func (b *bridge) i64(v int64) {
	var x [8]byte
	binary.LittleEndian.PutUint64(x[:], uint64(v))
	b.out.Write(x[:])
}

func (b *bridge) bytes(p []byte) {
	b.u32(uint32(len(p)))
	b.out.Write(p)
}

func (b *bridge) put(v dsql.Value) {
	switch x := v.(type) {
	case int64:
		b.out.WriteByte('i')
		b.i64(x)
	case float64:
		b.out.WriteByte('f')
		b.i64(int64(math.Float64bits(x)))
	case string:
		b.out.WriteByte('t')
		b.bytes([]byte(x))
	case []byte:
		b.out.WriteByte('b')
		b.bytes(x)
	case nil:
		b.out.WriteByte('n')
	case bool: // a column declared BOOLEAN: SQLite's integer
		b.out.WriteByte('i')
		if x {
			b.i64(1)
		} else {
			b.i64(0)
		}
	case time.Time: // a column declared DATE, DATETIME or TIMESTAMP: its text as stored is lost
		b.out.WriteByte('t')
		b.bytes([]byte(x.Format("2006-01-02 15:04:05")))
	default:
		b.out.WriteByte('n')
	}
}

// catalogueSchema: the cluster's list of office databases (B6, C1), made by
// the first init or push.
const catalogueSchema = "CREATE TABLE IF NOT EXISTS office(name TEXT PRIMARY KEY NOT NULL)"

func catalogued(drv *driver.Driver, c *conn, name string, create bool) {
	dc, err := openRetry(c, drv, catalogue)
	if err != nil {
		fail("no leader reachable at '%s': %v", strings.Join(c.addresses, ","), err)
	}
	cat := dc.(*driver.Conn)
	defer cat.Close()
	ctx := c.ctx
	arg := []dsql.NamedValue{{Ordinal: 1, Value: name}}
	if create {
		if _, err := cat.ExecContext(ctx, catalogueSchema, nil); err != nil {
			fail("%s", describe(catalogue, catalogueSchema, err))
		}
		const q = "INSERT INTO office(name) VALUES (?) ON CONFLICT DO NOTHING"
		if _, err := cat.ExecContext(ctx, q, arg); err != nil {
			fail("%s", describe(catalogue, q, err))
		}
		return
	}
	const q = "SELECT count(*) FROM sqlite_schema WHERE name = 'office' AND type = 'table'"
	rows, err := cat.QueryContext(ctx, q, nil)
	found := false
	if err == nil {
		dest := make([]dsql.Value, 1)
		if rows.Next(dest) == nil && dest[0].(int64) == 1 {
			rows.Close()
			rows, err = cat.QueryContext(ctx, "SELECT count(*) FROM office WHERE name = ?", arg)
			if err == nil && rows.Next(dest) == nil {
				found = dest[0].(int64) == 1
			}
		}
		if rows != nil {
			rows.Close()
		}
	}
	if err != nil {
		fail("%s", describe(catalogue, "the catalogue", err))
	}
	if !found {
		fail("database '%s' is not in the cluster at '%s'; create it with 'learnclub init' or 'learnclub push'",
			name, strings.Join(c.addresses, ","))
	}
}

// B7
func openRetry(c *conn, drv *driver.Driver, name string) (dsql.Conn, error) {
	for {
		dc, err := drv.Open(name)
		if err == nil || c.ctx.Err() != nil {
			return dc, err
		}
		select {
		case <-c.ctx.Done():
			return nil, err
		case <-time.After(100 * time.Millisecond):
		}
	}
}
