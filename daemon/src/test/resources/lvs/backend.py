# A tiny HTTP backend for the LVS ITs: answers every GET with its name. argv: NAME ADDRESS PORT
import http.server
import sys

name, address, port = sys.argv[1], sys.argv[2], int(sys.argv[3])


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = (name + "\n").encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


http.server.ThreadingHTTPServer((address, port), Handler).serve_forever()
