# bench-checkers-listener.py: N TCP listeners in one process for scripts/bench-checkers. Real server i
# (0 <= i < N) is PREFIX(i // 1000 + 1):(20000 + i % 1000), PREFIX 10.50.0. unless given. Every connection is accepted and
# closed at once (what a TCP_CHECK needs). The number of connections accepted so far is written
# to STATS about once a second. SIGUSR1 closes real server 0's listener (a backend dying). With
# FIRST, only real servers FIRST..N-1 are bound (several listeners share N when one process may not
# hold N descriptors).
#   usage: python3 bench-checkers-listener.py N STATS [PREFIX [FIRST]]
import errno
import os
import resource
import select
import signal
import socket
import sys
import time

n, stats = int(sys.argv[1]), sys.argv[2]
prefix = sys.argv[3] if len(sys.argv) > 3 else "10.50.0."
first = int(sys.argv[4]) if len(sys.argv) > 4 else 0
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
if soft != resource.RLIM_INFINITY and soft < n - first + 64:
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard if hard != resource.RLIM_INFINITY and hard < n - first + 64
                                                else n - first + 64, hard))
sockets = {}
victim = None
for i in range(first, n):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((prefix + str(i // 1000 + 1), 20000 + i % 1000))
    s.listen(128)
    s.setblocking(False)
    sockets[s.fileno()] = s
    if i == 0:
        victim = s
ep = select.epoll()
for fd in sockets:
    ep.register(fd, select.EPOLLIN)
closing = False


def close_victim(signum, frame):
    global closing
    closing = True


signal.signal(signal.SIGUSR1, close_victim)
accepted = 0
last = 0.0
with open(stats + ".ready", "w") as f:
    f.write("%d\n" % n)
while True:
    if closing and victim is not None:
        ep.unregister(victim.fileno())
        del sockets[victim.fileno()]
        victim.close()
        victim = None
    for fd, _ in ep.poll(0.5):
        s = sockets.get(fd)
        while s is not None:
            try:
                c, _ = s.accept()
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EWOULDBLOCK, errno.ECONNABORTED):
                    raise
                break
            c.close()
            accepted += 1
    now = time.monotonic()
    if now - last >= 1.0:
        last = now
        with open(stats + ".tmp", "w") as f:
            f.write("%d\n" % accepted)
        os.replace(stats + ".tmp", stats)
