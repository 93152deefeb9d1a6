#!/usr/bin/python3
"""tests/cluster/lose-commit.py — a bridge that loses the answer to a COMMIT
(issue 17, remote.c RM6, db.c D7), for tests/cluster/fault.sh.

Set as LEARNCLUB_NODE, it runs the real node program (REAL_NODE) with the
same arguments and passes the frames (cluster/bridge.go B1) both ways, until
the command sends its LOSE_AT-th COMMIT (default 1, counting the import's
own COMMIT of its temporary table). That COMMIT goes to the leader, which
commits; its answer is thrown away, and the command is told the connection
was lost ('L'), as when a leader dies after committing and before answering.
With LOSE_BEFORE set (a statement's first words, such as "INSERT INTO
main.change_log"), the connection is lost instead just before that statement
reaches the leader: the transaction goes with it, and nothing is written.
Any other subcommand (serve, status...) is the real program's.
"""
import os
import struct
import subprocess
import sys
import threading

real = os.environ["REAL_NODE"]
if len(sys.argv) < 2 or sys.argv[1] != "bridge":
    os.execv(real, [real] + sys.argv[1:])

lose_at = int(os.environ.get("LOSE_AT", "1"))
lose_before = os.environ.get("LOSE_BEFORE", "").encode()
child = subprocess.Popen([real] + sys.argv[1:], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out = sys.stdout.buffer
drop = threading.Event()
answered = threading.Event()


def answers():
    seen = 0
    while True:
        b = child.stdout.read1(65536)
        if not b:
            break
        if drop.is_set():
            seen += len(b)
            if seen >= 12:  # 'H' u16 0, 'E' i64: the COMMIT's answer
                answered.set()
            continue
        out.write(b)
        out.flush()
    answered.set()


t = threading.Thread(target=answers, daemon=True)
t.start()
inp = sys.stdin.buffer


def read(n):
    b = inp.read(n)
    if len(b) != n:
        child.stdin.close()
        child.wait()
        sys.exit(0)
    return b


commits = 0
while True:
    op = read(1)
    (n,) = struct.unpack("<I", read(4))
    sql = read(n)
    frame = op + struct.pack("<I", n) + sql
    if op == b"Q":
        k = read(1)
        frame += k
        for _ in range(k[0]):
            t_ = read(1)
            frame += t_
            if t_ in (b"i", b"f"):
                frame += read(8)
            elif t_ in (b"t", b"b"):
                (m,) = struct.unpack("<I", read(4))
                frame += struct.pack("<I", m) + read(m)
    if lose_before and op == b"Q" and sql.strip().startswith(lose_before):
        child.kill()  # the bridge's connection closes: the leader rolls back
        child.wait()
        msg = b"test: lost before " + lose_before
        out.write(b"L" + struct.pack("<I", len(msg)) + msg)
        out.flush()
        sys.exit(0)
    if not lose_before and op == b"Q" and sql.strip().upper().startswith(b"COMMIT"):
        commits += 1
        if commits == lose_at:
            drop.set()
            child.stdin.write(frame)
            child.stdin.flush()
            answered.wait(30)
            msg = b"test: the answer to COMMIT was lost"
            out.write(b"L" + struct.pack("<I", len(msg)) + msg)
            out.flush()
            child.kill()
            sys.exit(0)
    child.stdin.write(frame)
    child.stdin.flush()
