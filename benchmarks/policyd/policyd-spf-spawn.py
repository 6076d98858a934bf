# Serves the stock policyd-spf over TCP the way Postfix's spawn(8) runs it: one policyd-spf process
# per connection, with the connection as its stdin and stdout. Its DNS goes to the benchmark's Knot
# (pydns defaults replaced after pyspf's import; /etc/resolv.conf untouched).
#   /usr/bin/python3 policyd-spf-spawn.py LISTEN_PORT KNOT_PORT CONFIG
import os
import signal
import socket
import sys

port, knot, config = int(sys.argv[1]), sys.argv[2], sys.argv[3]
here = os.path.dirname(os.path.abspath(__file__))
wrapper = os.path.join(here, "..", "..", "spf-policyd", "src", "test", "resources",
                       "side-by-side", "policyd-spf-wrapper.py")
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", port))
server.listen(256)
print("policyd-spf spawner listening on 127.0.0.1:%d" % port, flush=True)
while True:
    conn, _ = server.accept()
    if os.fork() == 0:
        server.close()
        os.dup2(conn.fileno(), 0)
        os.dup2(conn.fileno(), 1)
        conn.close()
        os.execv("/usr/bin/python3", ["/usr/bin/python3", wrapper, knot, config])
    conn.close()
