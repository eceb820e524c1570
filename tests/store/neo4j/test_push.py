"""The push against a real Bolt server: complete, idempotent, removing, resumable.

The server is ArcadeDB over Bolt (see conftest): the official driver, managed transactions,
constraints, ``UNWIND … MERGE`` batches and real rollback, as against Neo4j.
"""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from graphbuilder.errors import StoreError
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.spool import SpooledGraph
from graphbuilder.pipeline import build
from graphbuilder.store.neo4j.push import Neo4jTarget, connect, push
from graphbuilder.store.oxigraph import OxigraphStore

pytestmark = pytest.mark.neo4j
BASE = "https://w3id.org/graphbuilder/id/"
ROOT = Path(__file__).resolve().parents[3]
Dump = tuple[frozenset[tuple[Any, ...]], frozenset[tuple[Any, ...]]]
DumpFn = Callable[[Neo4jTarget], Dump]


def _open(path: Path) -> OxigraphStore:
    return OxigraphStore(path, BASE, read_only=True)


def _expected(path: Path) -> tuple[int, int]:
    with SpooledGraph(GraphReader(_open(path))) as graph:
        return sum(graph.node_counts.values()), sum(graph.edge_counts.values())


def test_a_push_writes_everything_and_a_second_changes_nothing(
    graph_store: Path, bolt_target: Neo4jTarget, dump_graph: DumpFn
) -> None:
    nodes, rels = _expected(graph_store)
    first = push(_open(graph_store), bolt_target, batch_size=100)
    assert first.counters["nodes_created"] == nodes
    assert first.counters["relationships_created"] == rels
    assert first.changes == nodes + rels
    assert first.node_rate > 0 and first.relationship_rate > 0
    before = dump_graph(bolt_target)
    assert (len(before[0]), len(before[1])) == (nodes, rels)
    second = push(_open(graph_store), bolt_target, batch_size=100)
    assert second.changes == 0
    assert second.counters == dict.fromkeys(second.counters, 0)
    assert sum(c.unchanged for c in second.nodes.values()) == nodes
    assert dump_graph(bolt_target) == before


def test_the_database_holds_the_graphs_values(graph_store: Path, bolt_target: Neo4jTarget) -> None:
    push(_open(graph_store), bolt_target)
    with connect(bolt_target) as driver, driver.session(database=bolt_target.database) as s:
        major = s.run(
            "MATCH (m:Major {iri: $iri})-[r:hasPart]->(c:Course) "
            "RETURN m.code AS code, m.label AS label, m.sources AS sources, "
            "r.courseType AS type, r.ordinal AS ordinal, c.label AS course",
            iri=f"{BASE}major/510201",
        ).data()
        names = {r["name"] for r in s.run("SHOW CONSTRAINTS").data()}
    assert major and {r["code"] for r in major} == {"510201"}
    assert {r["label"] for r in major} == {"计算机应用技术"}
    assert all(isinstance(r["sources"], list) and isinstance(r["ordinal"], int) for r in major)
    assert {"gb_major_iri", "gb_skill_iri", "gb_knowledge_point_iri"} <= names


def test_what_a_newer_build_removed_is_removed(
    graph_store: Path,
    fixture_corpus: Path,
    tmp_path: Path,
    arcadedb: Any,
    bolt_target: Neo4jTarget,
    dump_graph: DumpFn,
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(fixture_corpus, corpus)
    for onet in corpus.glob("onet/*"):
        onet.unlink()
    smaller = tmp_path / "smaller"
    assert build([corpus], smaller).failed == []
    push(_open(graph_store), bolt_target)
    summary = push(_open(smaller), bolt_target)
    deleted = sum(c.deleted for c in summary.nodes.values())
    assert deleted > 0 and summary.counters["nodes_deleted"] == deleted
    fresh = arcadedb.target()
    push(_open(smaller), fresh)
    assert dump_graph(bolt_target) == dump_graph(fresh)


def test_nodes_graphbuilder_did_not_write_are_left_alone(
    graph_store: Path, bolt_target: Neo4jTarget
) -> None:
    with connect(bolt_target) as driver, driver.session(database=bolt_target.database) as s:
        s.run("CREATE (:Skill {iri: 'urn:someone-else', label: '别人的技能'})").consume()
    push(_open(graph_store), bolt_target)
    push(_open(graph_store), bolt_target)
    with connect(bolt_target) as driver, driver.session(database=bolt_target.database) as s:
        kept = s.run("MATCH (n:Skill {iri: 'urn:someone-else'}) RETURN n.label AS label").data()
    assert kept == [{"label": "别人的技能"}]


class Interrupted(Exception):
    pass


def test_an_interrupted_push_is_finished_by_running_it_again(
    graph_store: Path, arcadedb: Any, bolt_target: Neo4jTarget, dump_graph: DumpFn
) -> None:
    batches = 0

    def stop_after_three(what: str, n: int) -> None:
        nonlocal batches
        batches += n > 1
        if batches == 3:
            raise Interrupted

    with pytest.raises(Interrupted):
        push(_open(graph_store), bolt_target, batch_size=40, on_progress=stop_after_three)
    reference = arcadedb.target()
    push(_open(graph_store), reference)
    assert dump_graph(bolt_target) != dump_graph(reference)
    resumed = push(_open(graph_store), bolt_target, batch_size=40)
    assert 0 < resumed.changes < sum(_expected(graph_store))
    assert dump_graph(bolt_target) == dump_graph(reference)


def test_a_push_killed_mid_batch_then_rerun_ends_identical(
    graph_store: Path, arcadedb: Any, bolt_target: Neo4jTarget, dump_graph: DumpFn
) -> None:
    command = [
        sys.executable, "-m", "graphbuilder.cli.app", "push-neo4j", "--store", str(graph_store),
        "--uri", bolt_target.uri, "--user", bolt_target.user, "--password", bolt_target.password,
        "--database", str(bolt_target.database), "--batch-size", "5",
    ]  # fmt: skip
    proc = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    written = 0
    with connect(bolt_target) as driver, driver.session(database=bolt_target.database) as s:
        while proc.poll() is None and written < 30:
            written = s.run("MATCH (n) WHERE n.syncHash IS NOT NULL RETURN count(n) AS n").single()[
                "n"
            ]  # type: ignore[index]
    assert proc.poll() is None, "the push finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    reference = arcadedb.target()
    push(_open(graph_store), reference)
    half = dump_graph(bolt_target)
    assert 0 < len(half[0]) < len(dump_graph(reference)[0])
    push(_open(graph_store), bolt_target, batch_size=5)
    assert dump_graph(bolt_target) == dump_graph(reference)


def test_connection_and_login_failures_are_one_line(graph_store: Path, arcadedb: Any) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = sock.getsockname()[1]  # nothing listens there once the socket closes
    cases = [
        (
            Neo4jTarget(arcadedb.uri, "root", "wrong-password"),
            "authentication failed for user 'root'",
        ),
        (
            Neo4jTarget(f"bolt://127.0.0.1:{closed}", "root", "x"),
            f"cannot connect to bolt://127.0.0.1:{closed}",
        ),
        (
            Neo4jTarget("http://127.0.0.1:7687", "root", "x"),
            "invalid Neo4j URI 'http://127.0.0.1:7687'",
        ),
    ]
    for target, message in cases:
        with pytest.raises(StoreError, match=re.escape(message)) as caught:
            push(_open(graph_store), target)
        assert "\n" not in str(caught.value)
