# A tiny Redis-protocol responder for the LVS ITs: answers ROLE with the role written in ROLE_FILE
# (master or slave, read on every command), AUTH with +OK and PING with +PONG.
# argv: ADDRESS PORT ROLE_FILE
import socketserver
import sys

address, port, role_file = sys.argv[1], int(sys.argv[2]), sys.argv[3]


def role_reply():
    with open(role_file) as f:
        role = f.read().strip()
    if role == "master":
        return b"*3\r\n$6\r\nmaster\r\n:0\r\n*0\r\n"
    return b"*5\r\n$5\r\nslave\r\n$9\r\n127.0.0.1\r\n:6379\r\n$9\r\nconnected\r\n:0\r\n"


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        while True:
            line = self.rfile.readline()
            if not line.startswith(b"*"):
                return
            args = []
            for _ in range(int(line[1:])):
                size = int(self.rfile.readline()[1:])
                args.append(self.rfile.read(size + 2)[:-2].decode())
            name = args[0].upper() if args else ""
            if name == "ROLE":
                self.wfile.write(role_reply())
            elif name == "AUTH":
                self.wfile.write(b"+OK\r\n")
            elif name == "PING":
                self.wfile.write(b"+PONG\r\n")
            else:
                self.wfile.write(b"-ERR unknown command\r\n")
            self.wfile.flush()


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


Server((address, port), Handler).serve_forever()
