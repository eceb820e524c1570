"""End to end against a real Neo4j 5, only when ``NEO4J_URI`` names one.

``docker compose up -d`` starts one (see docker-compose.yml), then::

    NEO4J_URI=bolt://localhost:7687 NEO4J_USER=neo4j NEO4J_PASSWORD=graphbuilder \\
        .venv/bin/python -m pytest tests/store/neo4j/test_e2e_neo4j.py

It pushes the fixture graph with the full-text index (which only Neo4j has), pushes it again
(zero changes), then pushes an empty graph, which removes everything graphbuilder wrote.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from graphbuilder.store.neo4j.push import Neo4jTarget, connect, push
from graphbuilder.store.oxigraph import OxigraphStore

BASE = "https://w3id.org/graphbuilder/id/"
pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif("NEO4J_URI" not in os.environ, reason="no Neo4j: set NEO4J_URI to run"),
]


@pytest.fixture
def neo4j_target() -> Neo4jTarget:
    return Neo4jTarget(
        os.environ["NEO4J_URI"],
        os.environ.get("NEO4J_USER", "neo4j"),
        os.environ.get("NEO4J_PASSWORD", ""),
        os.environ.get("NEO4J_DATABASE") or None,
    )


def test_push_again_and_clean_up_on_neo4j(
    graph_store: Path, neo4j_target: Neo4jTarget, tmp_path: Path
) -> None:
    store = OxigraphStore(graph_store, BASE, read_only=True)
    first = push(store, neo4j_target, fulltext=True)
    assert first.changes > 0
    with connect(neo4j_target) as driver, driver.session(database=neo4j_target.database) as s:
        indexes = {r["name"] for r in s.run("SHOW INDEXES YIELD name RETURN name").data()}
        hits = s.run(
            "CALL db.index.fulltext.queryNodes('gb_labels', $q) YIELD node RETURN node.iri AS iri",
            q="计算机应用技术",
        ).data()
    assert {"gb_labels", "gb_major_iri"} <= indexes
    assert f"{BASE}major/510201" in {h["iri"] for h in hits}
    assert push(store, neo4j_target).changes == 0
    empty = OxigraphStore(tmp_path / "empty", BASE)
    cleaned = push(empty, neo4j_target)
    assert cleaned.counters["nodes_deleted"] == sum(c.created for c in first.nodes.values())
