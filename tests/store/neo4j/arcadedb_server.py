"""A real ArcadeDB server with its Bolt plugin, for the tests; run it in a process of its own.

A Bolt server and the driver that talks to it hang when they share one Python process (the
JVM and the driver's threads), so the tests start this script as a subprocess::

    python arcadedb_server.py ROOT BOLT_PORT HTTP_PORT PASSWORD [HEAP]

It listens on 127.0.0.1 only, prints ``ready`` once the server is up, then reads one command
per line from stdin: ``create NAME`` creates the database NAME and prints ``created NAME``.
End of input stops the server.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str]) -> int:
    """Start the server, serve ``create`` commands until stdin closes, stop it."""
    root, bolt_port, http_port, password = argv[:4]
    heap = argv[4] if len(argv) > 4 else "1g"
    os.chdir(root)  # ArcadeDB writes its log folder into the working directory
    from arcadedb_embedded.server import ArcadeDBServer

    server = ArcadeDBServer(
        os.path.join(root, "databases"),
        root_password=password,
        config={
            "host": "127.0.0.1",
            "http_port": int(http_port),
            "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "bolt_port": int(bolt_port),
        },
        jvm_kwargs={"heap_size": heap},
    )
    server.start()
    try:
        print("ready", flush=True)
        for line in sys.stdin:
            command, _, name = line.strip().partition(" ")
            if command == "create" and name:
                server.create_database(name)
                print(f"created {name}", flush=True)
            elif command:
                print(f"unknown command {line.strip()!r}", flush=True)
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
