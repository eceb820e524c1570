"""JSON-LD expands with its published context to exactly the store's graph, offline.

Two JSON-LD 1.1 processors independent of our writer read it: pyld (written against the W3C
test suite), given a document loader that refuses every load, and Oxigraph's streaming
parser, which loads no remote context at all. pyld's RDF is compared by rdflib isomorphism,
which reads literals by value: pyld 3 rewrites a string under an ``xsd:double`` term
(``"0.845"``) as ``"8.45E-1"`` although JSON-LD 1.1 (Object to RDF Conversion) canonicalises
numbers only. Oxigraph's RDF is compared term for term, lexical forms included.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from pyld import jsonld
from pyoxigraph import RdfFormat, parse, serialize
from rdflib import Graph

from graphbuilder.export import EXPORTERS, Selection
from graphbuilder.export.jsonld import load_context
from graphbuilder.ontology.shacl import ontology_dir
from graphbuilder.store.oxigraph import OxigraphStore

Violations = frozenset[tuple[str, str, str]]


class Loaded(Exception):
    """The processor asked for a document: the export is not self-contained."""


def _offline(url: str, options: object = None) -> dict[str, object]:
    raise Loaded(url)


OFFLINE = {"documentLoader": _offline}


def _expand_to_graph(doc: dict[str, object]) -> Graph:
    expanded = jsonld.expand(doc, OFFLINE)
    nquads = jsonld.to_rdf(expanded, {"format": "application/n-quads", **OFFLINE})
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


def test_oxigraph_reads_exactly_the_stores_triples(
    module_store: OxigraphStore, tmp_path: Path
) -> None:
    out = tmp_path / "graph.jsonld"
    EXPORTERS["jsonld"](module_store, out)
    quads = list(parse(path=out, format=RdfFormat.JSON_LD))
    got = set((serialize(quads, None, RdfFormat.N_TRIPLES) or b"").splitlines())
    expected = set(module_store.sorted_ntriples().splitlines())
    assert len(quads) == len(got)
    assert sorted(expected - got)[:5] == [] and sorted(got - expected)[:5] == []


def test_the_offline_loader_would_catch_a_remote_context() -> None:
    url = "https://w3id.org/graphbuilder/context.jsonld"
    asked: list[str] = []

    def loader(url: str, options: object = None) -> dict[str, object]:
        asked.append(url)
        return _offline(url, options)

    with pytest.raises(jsonld.JsonLdError):
        jsonld.expand({"@context": url, "@id": "urn:x"}, {"documentLoader": loader})
    assert asked == [url]


def test_every_key_the_export_uses_survives_expansion(document: dict[str, object]) -> None:
    context = document["@context"]
    assert isinstance(context, dict)
    aliases = {k for k, v in context.items() if isinstance(v, str) and v.startswith("@")}
    keys = {k for o in document["@graph"] for k in o} - aliases  # type: ignore[union-attr]
    dropped = [
        key
        for key in sorted(keys)
        if not jsonld.expand({"@context": context, "@id": "urn:probe", key: "x"}, OFFLINE)
    ]
    assert dropped == [], f"keys the context does not define (their values vanish): {dropped}"


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
