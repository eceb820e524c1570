"""Push a built store to a Bolt server three ways: fresh, again, and killed half-way then re-run.

The server is ArcadeDB with its Bolt plugin (the test server script, a process of its own,
127.0.0.1 only, temporary root), unless ``--uri`` names another (e.g. a Neo4j from
docker-compose.yml). Reports nodes/s and relationships/s of the fresh push, the changes of
the second push (0 when idempotent), and whether a push killed (SIGKILL) half-way and then run
again ends with exactly what the uninterrupted push wrote.

Run: ``python benchmarks/neo4j_push.py --store /tmp/national-store-ro [--batch-size 1000]``
"""

from __future__ import annotations

import argparse
import json
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graphbuilder.settings import get_settings
from graphbuilder.store.neo4j import queries
from graphbuilder.store.neo4j.push import Neo4jTarget, connect, push
from graphbuilder.store.oxigraph import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
SERVER = ROOT / "tests" / "store" / "neo4j" / "arcadedb_server.py"
PASSWORD = "graphbuilder-bench"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def arcadedb(heap: str) -> Iterator[tuple[str, Any]]:
    """A running ArcadeDB with Bolt: yields its URI and a ``create(name)`` function."""
    root = Path(tempfile.mkdtemp(prefix="graphbuilder-arcadedb-"))
    bolt, http = _free_port(), _free_port()
    log = (root / "server.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, str(SERVER), str(root), str(bolt), str(http), PASSWORD, heap],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    if proc.stdout.readline().strip() != "ready":
        proc.kill()
        raise SystemExit(f"ArcadeDB did not start; see {root / 'server.log'}")

    def create(name: str) -> None:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(f"create {name}\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == f"created {name}"

    try:
        yield f"bolt://127.0.0.1:{bolt}", create
    finally:
        proc.stdin.close()
        proc.wait(timeout=300)
        log.close()


def dump(target: Neo4jTarget) -> tuple[set[str], set[str]]:
    """Everything graphbuilder wrote, as comparable sets."""
    with connect(target) as driver, driver.session(database=target.database) as s:
        nodes = {
            json.dumps([r["labels"], r["properties"]], sort_keys=True)
            for r in s.run(queries.dump_nodes())
        }
        rels = {json.dumps(r.data(), sort_keys=True) for r in s.run(queries.dump_relationships())}
    return nodes, rels


def written(target: Neo4jTarget) -> int:
    """Nodes plus relationships graphbuilder has written so far."""
    with connect(target) as driver, driver.session(database=target.database) as s:
        n = s.run("MATCH (n) WHERE n.syncHash IS NOT NULL RETURN count(n) AS n").single()
        r = s.run("MATCH ()-[r]->() WHERE r.syncHash IS NOT NULL RETURN count(r) AS n").single()
    return int(n["n"] if n else 0) + int(r["n"] if r else 0)


def main() -> int:
    """Fresh push, second push, killed push and its re-run; print figures and JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--heap", default="4g")
    args = parser.parse_args()
    store = OxigraphStore(args.store, get_settings().base_iri, read_only=True)
    result: dict[str, Any] = {}
    with arcadedb(args.heap) as (uri, create):
        create("fresh")
        fresh = Neo4jTarget(uri, "root", PASSWORD, "fresh")
        t = time.perf_counter()
        first = push(store, fresh, batch_size=args.batch_size)
        result["fresh"] = {
            "seconds": round(time.perf_counter() - t, 1),
            "read_seconds": round(first.read_seconds, 1),
            "nodes": sum(c.written for c in first.nodes.values()),
            "relationships": sum(c.written for c in first.relationships.values()),
            "nodes_per_s": round(first.node_rate),
            "relationships_per_s": round(first.relationship_rate),
            "counters": first.counters,
        }
        print("fresh push:", json.dumps(result["fresh"]), flush=True)
        t = time.perf_counter()
        second = push(store, fresh, batch_size=args.batch_size)
        result["second"] = {"seconds": round(time.perf_counter() - t, 1), "changes": second.changes}
        print("second push:", json.dumps(result["second"]), flush=True)
        total = result["fresh"]["nodes"] + result["fresh"]["relationships"]
        create("killed")
        killed = Neo4jTarget(uri, "root", PASSWORD, "killed")
        command = [
            sys.executable, "-m", "graphbuilder.cli.app", "push-neo4j", "--store", str(args.store),
            "--uri", uri, "--user", "root", "--password", PASSWORD, "--database", "killed",
            "--batch-size", str(args.batch_size),
        ]  # fmt: skip
        proc = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        seen = 0
        while proc.poll() is None and seen < total // 2:
            time.sleep(0.5)
            seen = written(killed)
        finished_first = proc.poll() is not None
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        at_kill = written(killed)
        rerun = push(store, killed, batch_size=args.batch_size)
        same = dump(killed) == dump(fresh)
        result["killed"] = {
            "killed_at": at_kill,
            "of": total,
            "finished_before_kill": finished_first,
            "rerun_changes": rerun.changes,
            "identical_to_uninterrupted": same,
        }
        print("killed push:", json.dumps(result["killed"]), flush=True)
    print(json.dumps(result))
    return 0 if same and second.changes == 0 and not finished_first else 1


if __name__ == "__main__":
    sys.exit(main())
