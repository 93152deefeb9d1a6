// learnclub-node — the cluster side of learnclub (issue 17, first step): a
// dqlite node whose SQLite has the learnclub extension, and the client calls
// that administer a cluster. `learnclub serve` and `learnclub cluster ...`
// (cli/cmd_cluster.c) check their arguments and exec this program with an
// argv array; it is not meant to be run by hand, but it can be.
//
//	learnclub-node serve  --id N --address HOST:PORT --dir DIR [--join HOST:PORT,...] [TLS]
//	learnclub-node status --cluster HOST:PORT,... [TLS]
//	learnclub-node remove --cluster HOST:PORT,... ID [TLS]
//	learnclub-node query|exec --cluster HOST:PORT,... DB SQL [TLS]   (tests, debugging)
//	learnclub-node push --cluster HOST:PORT,... NAME FILE [TLS]  (move.go: learnclub push)
//	learnclub-node dump --cluster HOST:PORT,... NAME DIR [TLS]   (move.go: learnclub pull)
//	learnclub-node transfer --cluster HOST:PORT,... ID [TLS]   (C6: leadership to node ID)
//	learnclub-node bridge --cluster HOST:PORT,... [TLS] [--command C] [--create] -- NAME
//	                                          (the command's connection: bridge.go)
//	TLS: --cert FILE --key FILE --ca FILE
//
// Why Go on go-dqlite's app package, not C on libdqlite: libdqlite 1.11's C
// API has no join, role or TLS calls; the app package is the maintainers' own
// code for joining, roles (voters, stand-bys, spares) and TLS (docs/cluster.md).
//
// CONTRACT (node)
//
// N1. Identity. --id 1 bootstraps a new cluster and takes no --join; any
//
//	other id joins the cluster at --join on its first start (DIR empty),
//	as a spare that the app package promotes: voters up to three, then up
//	to three stand-bys, then spares (N5). On a restart DIR's info.yaml must
//	name the same id and address; --join is then not needed.
//
// N2. The node refuses journal_mode, ATTACH, DETACH, VACUUM and the checkpoint
//
//	PRAGMAs (ext.go): the client gets SQLITE_AUTH "not authorized", the
//	node logs what it refused, and it stays up.
//
// N3. TCP_NODELAY on every connection the node accepts.
// N4. SIGTERM or SIGINT: hand over its role and leadership (at most 5 s),
//
//	close, say "learnclub serve: node N stopped", exit 0.
//
// N5. Roles: WithVoters(3), WithStandBys(3).
// N6. Plaintext only on loopback (127.0.0.0/8, ::1, localhost): any other
//
//	address, for the node and for --join, needs --cert, --key and --ca
//	(mutual TLS with one CA, app.SimpleTLSConfig).
//
// N7. Every connection has cache_spill off (ext.go): dqlite's WAL takes no
//
//	frames spilled before COMMIT; a transaction larger than the page cache
//	failed with "disk I/O error".
//
// CONTRACT (client)
//
// C1. status: one line per node (id, address, role, "leader" on the
//
//	leader's), then each office database listed in the catalogue (the
//	database "_learnclub", table office(name)) with its size in bytes.
//
// C2. remove ID: the leader removes node ID from the cluster; an id that is
//
//	not a member is refused.
//
// C3. A refused statement (N2) is told as such, naming the statement.
// C4. Every client call is bounded by LEARNCLUB_TIMEOUT_MS (default 10000).
// C5. The client's addresses follow N6.
//
// C6. transfer ID: the leader hands its leadership to node ID, which takes
//
//	it only once it has every committed entry (Raft's election rule): how
//	the tests see that a restarted node has caught up, and how an operator
//	moves the leader off a machine before maintenance (docs/cluster.md).
//
// Errors: "learnclub COMMAND: MESSAGE" on stderr, exit 2 (cli/errors.c E1).
package main

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"database/sql"
	"fmt"
	"io/ioutil"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/canonical/go-dqlite/app"
	"github.com/canonical/go-dqlite/client"
	"github.com/canonical/go-dqlite/driver"
	"github.com/ghodss/yaml"
)

var command = "learnclub-node"

func fail(format string, args ...interface{}) {
	fmt.Fprintf(os.Stderr, "%s: %s\n", command, fmt.Sprintf(format, args...))
	os.Exit(2)
}

// options: --name value pairs and the positional arguments.
type options struct {
	opt map[string]string
	pos []string
}

func parse(args []string, names ...string) options {
	o := options{opt: map[string]string{}}
	for i := 0; i < len(args); i++ {
		a := args[i]
		if !strings.HasPrefix(a, "--") {
			o.pos = append(o.pos, a)
			continue
		}
		known := false
		for _, n := range names {
			known = known || a == "--"+n
		}
		if !known {
			fail("unknown option '%s'", a)
		}
		if i+1 >= len(args) {
			fail("%s needs a value", a)
		}
		o.opt[a[2:]] = args[i+1]
		i++
	}
	return o
}

// N6, C5: plaintext is for loopback addresses only.
func loopback(address string) bool {
	host, _, err := net.SplitHostPort(address)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// tlsConfig loads the certificates (nil, nil without them) and refuses
// plaintext on any address that is not loopback (N6).
func tlsConfig(o options, addresses []string) (listen, dial *tls.Config) {
	cert, key, ca := o.opt["cert"], o.opt["key"], o.opt["ca"]
	if cert == "" && key == "" && ca == "" {
		for _, a := range addresses {
			if !loopback(a) {
				fail("plaintext is allowed on loopback only; '%s' needs --cert, --key and --ca", a)
			}
		}
		return nil, nil
	}
	if cert == "" || key == "" || ca == "" {
		fail("--cert, --key and --ca go together")
	}
	pair, err := tls.LoadX509KeyPair(cert, key)
	if err != nil {
		fail("cannot load the certificate '%s' and key '%s': %v", cert, key, err)
	}
	pem, err := ioutil.ReadFile(ca)
	if err != nil {
		fail("cannot read the CA '%s': %v", ca, err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		fail("the CA '%s' holds no PEM certificate", ca)
	}
	listen, dial = app.SimpleTLSConfig(pair, pool)
	// Go 1.19's TLS 1.3 session resumption through the app's proxy fails
	// ("invalid PSK binder", seen here): no session cache, a full handshake.
	dial.ClientSessionCache = nil
	return listen, dial
}

func splitList(z string) []string {
	if z == "" {
		return nil
	}
	return strings.Split(z, ",")
}

func main() {
	if len(os.Args) < 2 {
		fail("usage: learnclub-node serve|status|remove|sql ...")
	}
	tlsNames := []string{"cert", "key", "ca"}
	switch os.Args[1] {
	case "serve":
		command = "learnclub serve"
		serve(parse(os.Args[2:], append(tlsNames, "id", "address", "dir", "join")...))
	case "status":
		command = "learnclub cluster status"
		status(parse(os.Args[2:], append(tlsNames, "cluster")...))
	case "remove":
		command = "learnclub cluster remove"
		remove(parse(os.Args[2:], append(tlsNames, "cluster")...))
	case "push":
		command = "learnclub push"
		push(parse(os.Args[2:], append(tlsNames, "cluster")...))
	case "dump":
		command = "learnclub pull"
		dump(parse(os.Args[2:], append(tlsNames, "cluster")...))
	case "transfer":
		command = "learnclub-node transfer"
		transfer(parse(os.Args[2:], append(tlsNames, "cluster")...))
	case "bridge":
		command = "learnclub-node bridge"
		bridgeMain(os.Args[2:])
	case "query", "exec":
		command = "learnclub-node " + os.Args[1]
		runSQL(parse(os.Args[2:], append(tlsNames, "cluster")...), os.Args[1] == "exec")
	default:
		fail("unknown command '%s'", os.Args[1])
	}
}

// ---- the node ----------------------------------------------------------

// nodeInfo is app's info.yaml (N1).
type nodeInfo struct {
	ID      uint64 `json:"ID"`
	Address string `json:"Address"`
	Role    int    `json:"Role"`
}

func serve(o options) {
	id, err := strconv.ParseUint(o.opt["id"], 10, 64)
	if err != nil || id == 0 {
		fail("invalid --id '%s'; expected a positive integer", o.opt["id"])
	}
	address, dir, join := o.opt["address"], o.opt["dir"], splitList(o.opt["join"])
	if address == "" || dir == "" || len(o.pos) > 0 {
		fail("usage: learnclub serve --id N --address HOST:PORT --dir DIR [--join HOST:PORT,...] [--cert FILE --key FILE --ca FILE]")
	}
	listen, dial := tlsConfig(o, append([]string{address}, join...))
	prepareDir(id, address, dir, join)

	if err := registerExtension(); err != nil {
		fail("%v", err)
	}
	opts := []app.Option{app.WithAddress(address), app.WithVoters(3), app.WithStandBys(3),
		app.WithRolesAdjustmentFrequency(5 * time.Second), app.WithLogFunc(logFunc)}
	if listen != nil {
		opts = append(opts, app.WithTLS(listen, dial))
	}
	node, err := app.New(dir, opts...)
	if err != nil {
		fail("cannot start node %d at '%s': %v", id, address, err)
	}
	setNoDelay(address) // N3
	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	ready := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		ready <- node.Ready(ctx)
	}()
	select {
	case err := <-ready:
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: node %d is not ready yet: %v\n", command, id, err)
		} else {
			fmt.Fprintf(os.Stderr, "%s: node %d at %s ready\n", command, id, address)
		}
	case <-stop:
		shutdown(node, id)
	}
	<-stop
	shutdown(node, id)
}

// N4
func shutdown(node *app.App, id uint64) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := node.Handover(ctx); err != nil {
		fmt.Fprintf(os.Stderr, "%s: node %d: handover: %v\n", command, id, err)
	}
	if err := node.Close(); err != nil {
		fail("node %d: close: %v", id, err)
	}
	fmt.Fprintf(os.Stderr, "%s: node %d stopped\n", command, id)
	os.Exit(0)
}

// Only warnings and errors, on stderr.
func logFunc(l client.LogLevel, format string, a ...interface{}) {
	if l >= client.LogWarn {
		fmt.Fprintf(os.Stderr, "%s: %s: %s\n", command, l.String(), fmt.Sprintf(format, a...))
	}
}

// prepareDir writes app's info.yaml and cluster.yaml for a new node, so that
// it has the id it was given (the engine bootstraps a cluster when its id is
// 1), or checks them on a restart (N1).
func prepareDir(id uint64, address, dir string, join []string) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		fail("cannot create --dir '%s': %v", dir, err)
	}
	infoPath := filepath.Join(dir, "info.yaml")
	if data, err := ioutil.ReadFile(infoPath); err == nil {
		var info nodeInfo
		if err := yaml.Unmarshal(data, &info); err != nil {
			fail("'%s' is not a node's info.yaml: %v", infoPath, err)
		}
		if info.ID != id || info.Address != address {
			fail("--dir '%s' belongs to node %d at '%s', not to node %d at '%s'", dir, info.ID, info.Address, id, address)
		}
		return
	} else if !os.IsNotExist(err) {
		fail("cannot read '%s': %v", infoPath, err)
	}
	if id == 1 && len(join) > 0 {
		fail("node 1 bootstraps a new cluster and takes no --join")
	}
	if id != 1 && len(join) == 0 {
		fail("node %d is new: it needs --join HOST:PORT,... of the cluster's nodes", id)
	}
	store := []client.NodeInfo{{Address: address}}
	if id != 1 {
		store = nil
		for _, a := range join {
			store = append(store, client.NodeInfo{Address: a})
		}
		writeYAML(filepath.Join(dir, "join"), nil)
	}
	writeYAML(filepath.Join(dir, "cluster.yaml"), store)
	writeYAML(infoPath, nodeInfo{ID: id, Address: address})
}

func writeYAML(path string, v interface{}) {
	var data []byte
	if v != nil {
		var err error
		if data, err = yaml.Marshal(v); err != nil {
			fail("%s: %v", path, err)
		}
	}
	if err := ioutil.WriteFile(path, data, 0o600); err != nil {
		fail("cannot write '%s': %v", path, err)
	}
}

// setNoDelay sets TCP_NODELAY on the engine's listening socket: the engine
// (libuv) does not, and Linux gives each accepted connection the listening
// socket's setting (N3). With TLS the app package's Go proxy accepts, and Go
// sets TCP_NODELAY on every TCP connection by default; its listener is
// covered here too.
func setNoDelay(address string) {
	_, port, _ := net.SplitHostPort(address)
	entries, err := ioutil.ReadDir("/proc/self/fd")
	if err != nil {
		fail("cannot list /proc/self/fd: %v", err)
	}
	done := 0
	for _, e := range entries {
		fd, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if v, err := syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_ACCEPTCONN); err != nil || v != 1 {
			continue
		}
		sa, err := syscall.Getsockname(fd)
		if err != nil {
			continue
		}
		p := -1
		switch a := sa.(type) {
		case *syscall.SockaddrInet4:
			p = a.Port
		case *syscall.SockaddrInet6:
			p = a.Port
		}
		if strconv.Itoa(p) != port {
			continue
		}
		if err := syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1); err != nil {
			fail("cannot set TCP_NODELAY on '%s': %v", address, err)
		}
		done++
	}
	if done == 0 {
		fail("found no listening socket for '%s' to set TCP_NODELAY on", address)
	}
}

// ---- the client --------------------------------------------------------

type conn struct {
	addresses  []string
	store      client.NodeStore
	dial       client.DialFunc
	ctx        context.Context
	registered bool
}

// connect checks the addresses (N6) and the timeout (C4).
func connect(o options) (*conn, context.CancelFunc) {
	addresses := splitList(o.opt["cluster"])
	if len(addresses) == 0 {
		fail("--cluster HOST:PORT,... is required")
	}
	_, dial := tlsConfig(o, addresses)
	c := &conn{addresses: addresses, dial: client.DefaultDialFunc}
	if dial != nil {
		c.dial = client.DialFuncWithTLS(client.DefaultDialFunc, dial)
	}
	store := client.NewInmemNodeStore()
	var nodes []client.NodeInfo
	for _, a := range addresses {
		nodes = append(nodes, client.NodeInfo{Address: a})
	}
	store.Set(context.Background(), nodes)
	c.store = store
	ms := 10000
	if z := os.Getenv("LEARNCLUB_TIMEOUT_MS"); z != "" {
		if n, err := strconv.Atoi(z); err == nil {
			ms = n
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Duration(ms)*time.Millisecond)
	c.ctx = ctx
	return c, cancel
}

func (c *conn) leader() *client.Client {
	cli, err := client.FindLeader(c.ctx, c.store, client.WithDialFunc(c.dial), client.WithLogFunc(client.DefaultLogFunc))
	if err != nil {
		fail("no leader reachable at '%s': %v", strings.Join(c.addresses, ","), err)
	}
	return cli
}

// open opens database name through the driver, registered once (C4: the
// driver's calls are bounded by the same context).
func (c *conn) open(name string) *sql.DB {
	if !c.registered {
		drv, err := driver.New(c.store, driver.WithDialFunc(c.dial), driver.WithContext(c.ctx),
			driver.WithLogFunc(func(client.LogLevel, string, ...interface{}) {}))
		if err != nil {
			fail("%v", err)
		}
		sql.Register("learnclub-dqlite", drv)
		c.registered = true
	}
	db, err := sql.Open("learnclub-dqlite", name)
	if err != nil {
		fail("%s: %v", name, err)
	}
	return db
}

// C3: what a failed statement says; a refusal by the node (N2) is named.
func describe(name, stmt string, err error) string {
	if e, ok := err.(driver.Error); ok && e.Code == 23 /* SQLITE_AUTH */ {
		return fmt.Sprintf("%s: the node refused '%s': journal_mode, ATTACH, DETACH, VACUUM and checkpoint PRAGMAs break dqlite", name, stmt)
	}
	return fmt.Sprintf("%s: %v", name, err)
}

// C1
func status(o options) {
	if len(o.pos) > 0 {
		fail("unexpected argument '%s'", o.pos[0])
	}
	c, cancel := connect(o)
	defer cancel()
	cli := c.leader()
	defer cli.Close()
	nodes, err := cli.Cluster(c.ctx)
	if err != nil {
		fail("cannot list the nodes: %v", err)
	}
	leader, err := cli.Leader(c.ctx)
	if err != nil {
		fail("cannot find the leader: %v", err)
	}
	var out strings.Builder
	fmt.Fprintf(&out, "%-20s %-24s %-8s %s\n", "node", "address", "role", "leader")
	for _, n := range nodes {
		mark := ""
		if leader != nil && n.ID == leader.ID {
			mark = "leader"
		}
		fmt.Fprintf(&out, "%-20d %-24s %-8s %s\n", n.ID, n.Address, n.Role.String(), mark)
	}
	db := c.open(catalogue)
	defer db.Close()
	var n int
	if err := db.QueryRowContext(c.ctx, "SELECT count(*) FROM sqlite_schema WHERE name = 'office'").Scan(&n); err != nil {
		fail("%s", describe(catalogue, "the catalogue", err))
	}
	var names []string
	if n > 0 {
		rows, err := db.QueryContext(c.ctx, "SELECT name FROM office ORDER BY name")
		if err != nil {
			fail("%s", describe(catalogue, "SELECT name FROM office", err))
		}
		for rows.Next() {
			var name string
			if err := rows.Scan(&name); err != nil {
				fail("%s", describe(catalogue, "SELECT name FROM office", err))
			}
			names = append(names, name)
		}
		if err := rows.Err(); err != nil {
			fail("%s", describe(catalogue, "SELECT name FROM office", err))
		}
		rows.Close()
	}
	fmt.Fprintf(&out, "\n%-20s %s\n", "database", "bytes")
	if len(names) == 0 {
		fmt.Fprintf(&out, "(none in the catalogue)\n")
	}
	for _, name := range names {
		office := c.open(name)
		var size int64
		const q = "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size"
		if err := office.QueryRowContext(c.ctx, q).Scan(&size); err != nil {
			fail("%s", describe(name, q, err))
		}
		office.Close()
		fmt.Fprintf(&out, "%-20s %d\n", name, size)
	}
	os.Stdout.WriteString(out.String())
}

// The catalogue of office databases (C1, bridge.go B6): init and push add to it.
const catalogue = "_learnclub"

// nodeCall: the node id that remove and transfer take (C2, C6), and a
// client of the leader to ask.
func nodeCall(o options, usage string) (uint64, *conn, context.CancelFunc, *client.Client) {
	if len(o.pos) != 1 {
		fail("usage: %s", usage)
	}
	id, err := strconv.ParseUint(o.pos[0], 10, 64)
	if err != nil || id == 0 {
		fail("invalid node id '%s'; expected a positive integer", o.pos[0])
	}
	c, cancel := connect(o)
	return id, c, cancel, c.leader()
}

// C2
func remove(o options) {
	id, c, cancel, cli := nodeCall(o, "learnclub cluster remove --cluster HOST:PORT,... ID")
	defer cancel()
	defer cli.Close()
	nodes, err := cli.Cluster(c.ctx)
	if err != nil {
		fail("cannot list the nodes: %v", err)
	}
	for _, n := range nodes {
		if n.ID == id {
			if err := cli.Remove(c.ctx, id); err != nil {
				fail("cannot remove node %d: %v", id, err)
			}
			fmt.Printf("node %d removed\n", id)
			return
		}
	}
	fail("no node %d in the cluster", id)
}

// query DB STATEMENT prints the statement's rows, columns joined by "|";
// exec DB STATEMENT runs a statement that returns none (the driver wants
// to be told which). The tests' client until --cluster lands.
func runSQL(o options, exec bool) {
	if len(o.pos) != 2 {
		fail("usage: learnclub-node query|exec --cluster HOST:PORT,... DB STATEMENT")
	}
	name, stmt := o.pos[0], o.pos[1]
	c, cancel := connect(o)
	defer cancel()
	db := c.open(name)
	defer db.Close()
	if exec {
		if _, err := db.ExecContext(c.ctx, stmt); err != nil {
			fail("%s", describe(name, stmt, err))
		}
		return
	}
	rows, err := db.QueryContext(c.ctx, stmt)
	if err != nil {
		fail("%s", describe(name, stmt, err))
	}
	cols, _ := rows.Columns()
	var out strings.Builder
	for rows.Next() {
		vals := make([]interface{}, len(cols))
		ptrs := make([]interface{}, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			fail("%s", describe(name, stmt, err))
		}
		for i, v := range vals {
			if i > 0 {
				out.WriteString("|")
			}
			switch x := v.(type) {
			case nil:
			case []byte:
				out.Write(x)
			default:
				fmt.Fprint(&out, x)
			}
		}
		out.WriteString("\n")
	}
	if err := rows.Err(); err != nil {
		fail("%s", describe(name, stmt, err))
	}
	os.Stdout.WriteString(out.String())
}

// C6
func transfer(o options) {
	id, c, cancel, cli := nodeCall(o, "learnclub-node transfer --cluster HOST:PORT,... ID")
	defer cancel()
	defer cli.Close()
	if err := cli.Transfer(c.ctx, id); err != nil {
		fail("cannot transfer the leadership to node %d: %v", id, err)
	}
	fmt.Printf("node %d leads\n", id)
}
