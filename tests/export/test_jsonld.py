"""JSON-LD expands with its published context to exactly the store's graph.

Expanded with pyld, the JSON-LD 1.1 processor written against the W3C test suite and
independent of our writer and of rdflib (which reads the store's side of the comparison).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pyld import jsonld
from rdflib import Graph

from graphbuilder.export import EXPORTERS, Selection
from graphbuilder.export.jsonld import load_context
from graphbuilder.ontology.shacl import ontology_dir
from graphbuilder.store.oxigraph import OxigraphStore

Violations = frozenset[tuple[str, str, str]]


def _expand_to_graph(doc: dict[str, object]) -> Graph:
    nquads = jsonld.to_rdf(jsonld.expand(doc), {"format": "application/n-quads"})
    return Graph().parse(data=nquads, format="nt")


@pytest.fixture(scope="module")
def document(
    module_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    out = tmp_path_factory.mktemp("export") / "graph.jsonld"
    EXPORTERS["jsonld"](module_store, out)
    doc: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return doc


def test_the_embedded_context_is_the_published_one(document: dict[str, object]) -> None:
    published = json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == published["@context"]


def test_expands_to_the_stores_graph_and_conforms(
    document: dict[str, object],
    store_graph: Graph,
    store_violations: Violations,
    violations: Callable[[Graph], Violations],
    assert_isomorphic: Callable[[Graph, Graph], None],
) -> None:
    got = _expand_to_graph(document)
    assert_isomorphic(got, store_graph)
    assert violations(got) == store_violations


def test_node_objects_read_like_the_ontology(document: dict[str, object]) -> None:
    graph = document["@graph"]
    assert isinstance(graph, list)
    major = next(o for o in graph if o["id"].endswith("/major/510201"))
    assert major["type"] == "Major"
    assert major["code"] == "510201"
    assert major["label"] == {"zh": "计算机应用技术"}
    assert all(isinstance(c, str) for c in major["hasPart"])
    statement = next(o for o in graph if o.get("type") == "Statement")
    assert {"subject", "predicate", "wasDerivedFrom", "extractor"} <= set(statement)


def test_every_gb_term_the_export_uses_has_a_context_term(document: dict[str, object]) -> None:
    ctx = load_context()
    keys = {k for o in document["@graph"] for k in o}  # type: ignore[union-attr]
    full_iris = sorted(k for k in keys if k.startswith("https://w3id.org/graphbuilder/ontology#"))
    assert full_iris == [], f"add these to ontologies/context.jsonld: {full_iris}"
    assert ctx.by_iri["https://w3id.org/graphbuilder/ontology#hasPart"].coerce == "@id"


def test_a_selection_expands_to_a_subgraph(
    store: OxigraphStore, store_graph: Graph, tmp_path: Path
) -> None:
    out = tmp_path / "part.jsonld"
    EXPORTERS["jsonld"](store, out, Selection(majors=("510203",)))
    got = _expand_to_graph(json.loads(out.read_text(encoding="utf-8")))
    assert 0 < len(got) < len(store_graph)
    assert set(got) <= set(store_graph)
