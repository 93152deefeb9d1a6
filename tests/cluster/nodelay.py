#!/usr/bin/env python3
"""nodelay.py PID PORT: TCP_NODELAY of the listening socket and of every
accepted connection on PORT in process PID (cluster/main.go N3), as
"listen=1 accepted=1,1" (each accepted connection's setting, in fd order).
Reads the process's sockets through pidfd_getfd(2), which needs ptrace
rights over PID; exit 3 when they are missing (the test skips), 2 on error.
Used by tests/cluster/cluster.sh."""
import ctypes, os, socket, sys

pid, port = int(sys.argv[1]), int(sys.argv[2])
libc = ctypes.CDLL(None, use_errno=True)
SYS_pidfd_open, SYS_pidfd_getfd = 434, 438
pidfd = libc.syscall(SYS_pidfd_open, pid, 0)
if pidfd < 0:
    sys.exit(2)
listen, accepted = [], []
for name in sorted(os.listdir(f"/proc/{pid}/fd"), key=int):
    try:
        if not os.readlink(f"/proc/{pid}/fd/{name}").startswith("socket:"):
            continue
    except OSError:
        continue
    fd = libc.syscall(SYS_pidfd_getfd, pidfd, int(name), 0)
    if fd < 0:
        if ctypes.get_errno() == 1:  # EPERM: no ptrace rights
            sys.exit(3)
        continue
    s = socket.socket(fileno=fd)
    try:
        if s.family not in (socket.AF_INET, socket.AF_INET6) or s.type != socket.SOCK_STREAM:
            continue
        if s.getsockname()[1] != port:
            continue
        v = s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
        if s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN):
            listen.append(str(v))
        else:
            accepted.append(str(v))
    finally:
        s.close()
print("listen=%s accepted=%s" % (",".join(listen), ",".join(accepted)))
