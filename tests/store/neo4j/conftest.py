"""What the Neo4j tests stand on: the fixture graph, Neo4j's Cypher parser, a Bolt server.

- ``cypher_lint``: Neo4j's own parser and semantic analysis (``@neo4j-cypher/language-support``
  in ``tools/cypher-lint``, installed by ``make test``) in one long-lived ``node`` process;
- ``arcadedb``: a real ArcadeDB server with its Bolt plugin (it answers the official driver
  as "Neo4j/5.26.0 compatible"), started once per session in a process of its own, on
  127.0.0.1 with free ports and a temporary root; ``bolt_target`` is a fresh database on it.
"""

from __future__ import annotations

import json
import queue
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from graphbuilder.model import EDGE_KINDS, NODE_KINDS
from graphbuilder.pipeline import build
from graphbuilder.store.neo4j import queries
from graphbuilder.store.neo4j.push import Neo4jTarget, connect

ROOT = Path(__file__).resolve().parents[3]
LINT = ROOT / "tools" / "cypher-lint"
SERVER = Path(__file__).with_name("arcadedb_server.py")
PASSWORD = "graphbuilder-test"


@pytest.fixture(scope="session")
def graph_store(fixture_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture corpus, built once."""
    path = tmp_path_factory.mktemp("neo4j") / "store"
    assert build([fixture_corpus], path).failed == []
    return path


class _Lines:
    """Lines a child process prints, read by a thread so a wait can time out."""

    def __init__(self, stream: Any) -> None:
        self._queue: queue.Queue[str] = queue.Queue()
        self._thread = threading.Thread(target=self._pump, args=(stream,), daemon=True)
        self._thread.start()

    def join(self) -> None:
        """Wait for the stream's end (the process has exited)."""
        self._thread.join(timeout=30)

    def _pump(self, stream: Any) -> None:
        for line in stream:
            self._queue.put(line.rstrip("\n"))

    def next(self, timeout: float) -> str:
        return self._queue.get(timeout=timeout)


@pytest.fixture(scope="session")
def cypher_lint() -> Iterator[Callable[[str], list[dict[str, Any]]]]:
    """``cypher_lint(statement)``: what Neo4j's parser says of it (parameter notices dropped)."""
    node = shutil.which("node")
    if node is None or not (LINT / "node_modules").is_dir():
        pytest.fail(
            "Neo4j's Cypher parser is missing: run `npm ci` in tools/cypher-lint (make test does)"
        )
    proc = subprocess.Popen(
        [node, str(LINT / "lint.mjs")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert proc.stdin is not None and proc.stdout is not None
    lines = _Lines(proc.stdout)
    schema = {"labels": list(NODE_KINDS), "relationshipTypes": list(EDGE_KINDS)}

    def lint(statement: str) -> list[dict[str, Any]]:
        assert proc.stdin is not None
        proc.stdin.write(json.dumps({"query": statement, "schema": schema}) + "\n")
        proc.stdin.flush()
        reply = json.loads(lines.next(timeout=120))
        assert "failure" not in reply, reply.get("failure")
        diagnostics: list[dict[str, Any]] = reply["diagnostics"]
        return diagnostics

    yield lint
    proc.stdin.close()
    proc.wait(timeout=30)
    lines.join()
    proc.stdout.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@dataclass
class ArcadeDB:
    """A running ArcadeDB server with Bolt; ``target()`` makes a fresh database on it."""

    proc: subprocess.Popen[str]
    lines: _Lines
    bolt_port: int
    names: Iterator[int] = field(default_factory=count)

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def target(self) -> Neo4jTarget:
        name = f"db{next(self.names)}"
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"create {name}\n")
        self.proc.stdin.flush()
        assert self.lines.next(timeout=120) == f"created {name}"
        return Neo4jTarget(self.uri, "root", PASSWORD, name)


@pytest.fixture(scope="session")
def arcadedb(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ArcadeDB]:
    root = tmp_path_factory.mktemp("arcadedb")
    bolt, http = _free_port(), _free_port()
    log = (root / "server.log").open("w", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(SERVER), str(root), str(bolt), str(http), PASSWORD],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=log,
        text=True,
    )
    assert proc.stdout is not None
    lines = _Lines(proc.stdout)
    try:
        first = lines.next(timeout=300)
    except queue.Empty:
        first = ""
    if first != "ready":
        proc.kill()
        log.close()
        pytest.fail(f"ArcadeDB did not start: {(root / 'server.log').read_text()[-2000:]}")
    yield ArcadeDB(proc, lines, bolt)
    assert proc.stdin is not None
    proc.stdin.close()
    try:
        proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=60)
    lines.join()
    proc.stdout.close()
    log.close()


@pytest.fixture
def bolt_target(arcadedb: ArcadeDB) -> Neo4jTarget:
    """A fresh, empty database on the test server."""
    return arcadedb.target()


Dump = tuple[frozenset[tuple[Any, ...]], frozenset[tuple[Any, ...]]]


def dump(target: Neo4jTarget) -> Dump:
    """Every node and relationship graphbuilder wrote, as comparable sets."""
    with connect(target) as driver, driver.session(database=target.database) as session:
        nodes = frozenset(
            (tuple(sorted(r["labels"])), json.dumps(r["properties"], sort_keys=True))
            for r in session.run(queries.dump_nodes())
        )
        rels = frozenset(
            (r["source"], r["type"], r["target"], json.dumps(r["properties"], sort_keys=True))
            for r in session.run(queries.dump_relationships())
        )
    return nodes, rels


@pytest.fixture(scope="session")
def dump_graph() -> Callable[[Neo4jTarget], Dump]:
    """``dump_graph(target)``: what graphbuilder wrote there, comparable."""
    return dump
