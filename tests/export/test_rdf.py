"""Turtle, N-Triples, N-Quads and TriG parse back to the store's graph and pass the shapes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Quad, RdfFormat, parse, serialize
from rdflib import Dataset, Graph, URIRef

from graphbuilder.export import EXPORTERS, Selection
from graphbuilder.export.turtle import export_turtle
from graphbuilder.store.oxigraph import OxigraphStore

# rdflib's own N-Quads and TriG parsers use Dataset.default_context and ConjunctiveGraph,
# which rdflib 7 itself deprecates.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]
Violations = frozenset[tuple[str, str, str]]
RDFLIB_FORMATS = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig"}
GB = "https://w3id.org/graphbuilder/ontology#"


def _parse(fmt: str, path: Path) -> Graph:
    """The export as one graph (a dataset's named graphs merged)."""
    if fmt in ("nquads", "trig"):
        ds = Dataset()
        ds.parse(data=path.read_text(encoding="utf-8"), format=RDFLIB_FORMATS[fmt])
        merged = Graph()
        for s, p, o, _ in ds.quads():
            merged.add((s, p, o))
        return merged
    return Graph().parse(data=path.read_text(encoding="utf-8"), format=RDFLIB_FORMATS[fmt])


@pytest.mark.parametrize("fmt", list(RDFLIB_FORMATS))
def test_export_parses_back_isomorphic_and_conforms(
    fmt: str,
    store: OxigraphStore,
    store_graph: Graph,
    store_violations: Violations,
    violations: Callable[[Graph], Violations],
    tmp_path: Path,
    assert_isomorphic: Callable[[Graph, Graph], None],
) -> None:
    out = tmp_path / f"graph{EXPORTERS[fmt].suffix}"
    report = EXPORTERS[fmt](store, out)
    got = _parse(fmt, out)
    assert_isomorphic(got, store_graph)
    assert sum(report.counts.values()) >= len(store_graph)
    assert violations(got) == store_violations


STRICT = {
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
}


def _lines(quads: list[Quad], fmt: RdfFormat) -> set[bytes]:
    out = set((serialize(quads, None, fmt) or b"").splitlines())
    out.discard(b"")
    return out


@pytest.mark.parametrize("fmt", list(STRICT))
def test_a_strict_parser_reads_back_exactly_the_stores_triples_or_quads(
    fmt: str, store: OxigraphStore, tmp_path: Path
) -> None:
    """Oxigraph's parser checks every IRI and literal; terms compare by lexical form.

    rdflib (above) normalises literals as it parses (``"0.50"^^xsd:double`` reads as
    ``"0.5"``), so this is the check that the export writes each term exactly as stored, and
    that the dataset formats put each quad in its own named graph.
    """
    out = tmp_path / f"graph{EXPORTERS[fmt].suffix}"
    EXPORTERS[fmt](store, out)
    dataset = fmt in ("nquads", "trig")
    parsed = list(parse(path=out, format=STRICT[fmt], without_named_graphs=not dataset))
    assert not any(isinstance(t, BlankNode) for q in parsed for t in (q.subject, q.object))
    if dataset:
        expected = _lines(list(store.content_quads()), RdfFormat.N_QUADS)
        got = _lines(parsed, RdfFormat.N_QUADS)
    else:
        expected = set(store.sorted_ntriples().splitlines())
        got = _lines(parsed, RdfFormat.N_TRIPLES)
    assert len(parsed) == len(got), "a triple or quad written twice"
    assert sorted(expected - got)[:5] == [] and sorted(got - expected)[:5] == []


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_dataset_formats_keep_one_named_graph_per_document(
    fmt: str, store: OxigraphStore, tmp_path: Path
) -> None:
    out = tmp_path / f"graph{EXPORTERS[fmt].suffix}"
    EXPORTERS[fmt](store, out)
    ds = Dataset()
    ds.parse(data=out.read_text(encoding="utf-8"), format=RDFLIB_FORMATS[fmt])
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {
        str(g.value)
        for g in store.live_graphs()
        if store.raw.contains_named_graph(g)
        and next(store.raw.quads_for_pattern(None, None, None, g), None) is not None
    }
    for rec in store.documents().values():
        g = store.graph_name(rec.doc_id, rec.fingerprint)
        expected = {str(q) for q in store.raw.quads_for_pattern(None, None, None, g)}
        assert len(ds.graph(URIRef(g.value))) == len(expected), rec.path


def test_turtle_through_the_registry_is_byte_identical_to_export_turtle(
    store: OxigraphStore, tmp_path: Path
) -> None:
    EXPORTERS["turtle"](store, tmp_path / "a.ttl")
    export_turtle(store, tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()


@pytest.mark.parametrize("fmt", list(RDFLIB_FORMATS))
def test_a_major_alone_is_a_subgraph_that_still_conforms(
    fmt: str,
    store: OxigraphStore,
    store_graph: Graph,
    store_violations: Violations,
    violations: Callable[[Graph], Violations],
    tmp_path: Path,
) -> None:
    major = URIRef("https://w3id.org/graphbuilder/id/major/510201")
    other = URIRef("https://w3id.org/graphbuilder/id/major/510203")
    out = tmp_path / f"part{EXPORTERS[fmt].suffix}"
    EXPORTERS[fmt](store, out, Selection(majors=("510201",)))
    got = _parse(fmt, out)
    assert set(got) <= set(store_graph)
    assert (major, URIRef(GB + "code"), None) in got
    assert (other, URIRef(GB + "code"), None) not in got
    courses = set(store_graph.objects(major, URIRef(GB + "hasPart")))
    assert courses and courses <= set(got.subjects())
    assert violations(got) <= store_violations


def test_selected_turtle_is_deterministic(store: OxigraphStore, tmp_path: Path) -> None:
    selection = Selection(majors=("510202",), kinds=("Major", "Course", "Occupation"))
    EXPORTERS["turtle"](store, tmp_path / "a.ttl", selection)
    EXPORTERS["turtle"](store, tmp_path / "b.ttl", selection)
    data = (tmp_path / "a.ttl").read_bytes()
    assert data == (tmp_path / "b.ttl").read_bytes()
    got = Graph().parse(data=data.decode(), format="turtle")
    kinds = {
        str(o).rsplit("#", 1)[-1]
        for o in got.objects(None, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"))
        if str(o).startswith(GB)
    }
    assert kinds <= {"Major", "Course", "Occupation", "SourceDocument"}
    assert {"Major", "Course", "Occupation"} <= kinds
