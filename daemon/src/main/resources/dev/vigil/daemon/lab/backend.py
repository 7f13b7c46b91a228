# A small web backend for the lab and the LVS tests: answers every GET with its name and prints
# "serving NAME on port PORT" once it listens. argv: NAME ADDRESS PORT (ADDRESS "" for any).
import http.server
import sys

name, address, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
body = (name + "\n").encode()


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    # The default accept queue of 5 overflows when several checks arrive together on a slow VM; a
    # dropped SYN costs the checker a 1 s retransmission and can fail a 2 s connect_timeout.
    request_queue_size = 128
    daemon_threads = True


server = Server((address, port), Handler)
print("serving", name, "on port", port, flush=True)
server.serve_forever()
