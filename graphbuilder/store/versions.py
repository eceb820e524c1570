"""Graph versions as snapshots: the nodes, edges and sources of one tag or one store.

A version is a set of document graphs: a tag's (``build --tag``) or a store's live graphs.
A snapshot reads what a diff compares: each node's kind, labels and attributes, each edge,
and which documents stated each fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import BlankNode, NamedNode, QuerySolutions

from graphbuilder.errors import NotFoundError
from graphbuilder.model import EDGE_KINDS, NODE_KINDS
from graphbuilder.ontology.namespace import GB
from graphbuilder.store.mapping import literal_text
from graphbuilder.store.oxigraph import OxigraphStore

Fact = tuple[str, str, str]


@dataclass
class Snapshot:
    """One version of the graph, reduced to what a diff compares.

    Attributes:
        name: the tag or store it was read from.
        kinds: node IRI → kind.
        labels: node IRI → its Chinese (or only) label.
        attrs: node IRI → sorted (property, value) pairs of its literal attributes.
        edges: (source IRI, edge kind, target IRI).
        sources: a fact (node: (IRI, "a", kind); edge: (s, kind, o)) → document paths.
    """

    name: str
    kinds: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    attrs: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    edges: set[Fact] = field(default_factory=set)
    sources: dict[Fact, set[str]] = field(default_factory=dict)


def _rows(store: OxigraphStore, sparql: str, graphs: list[NamedNode]) -> QuerySolutions:
    names: list[NamedNode | BlankNode] = list(graphs)
    res = store.raw.query(sparql, default_graph=list(graphs), named_graphs=names)
    assert isinstance(res, QuerySolutions)
    return res


def read_snapshot(
    store: OxigraphStore, graphs: list[NamedNode], paths: dict[str, str], name: str
) -> Snapshot:
    """Read the snapshot of the version made of ``graphs`` (``paths``: graph → source path)."""
    ns = str(GB)
    snap = Snapshot(name)
    if not graphs:
        return snap
    kinds = " ".join(f"<{ns}{k}>" for k in NODE_KINDS)
    for row in _rows(store, f"SELECT ?n ?k WHERE {{ VALUES ?k {{ {kinds} }} ?n a ?k }}", graphs):
        snap.kinds[row["n"].value] = row["k"].value[len(ns) :]
    for row in _rows(
        store,
        "SELECT ?n ?l WHERE { ?n <http://www.w3.org/2000/01/rdf-schema#label> ?l }",
        graphs,
    ):
        iri = row["n"].value
        if iri in snap.kinds and (iri not in snap.labels or row["l"].language == "zh"):
            snap.labels[iri] = literal_text(row["l"])
    attrs: dict[str, set[tuple[str, str]]] = {}
    for row in _rows(
        store,
        # Statements (…/stmt/…) carry most literals (spans, extractor, confidence): leaving
        # them out in the query, not in Python, reads a tenth of the rows.
        f"SELECT ?n ?p ?o WHERE {{ ?n ?p ?o FILTER(isLiteral(?o) && STRSTARTS(STR(?p), '{ns}')"
        f" && !STRSTARTS(STR(?n), '{store.base}stmt/')) }}",
        graphs,
    ):
        iri = row["n"].value
        if iri in snap.kinds:
            attrs.setdefault(iri, set()).add((row["p"].value[len(ns) :], literal_text(row["o"])))
    snap.attrs = {iri: tuple(sorted(a)) for iri, a in attrs.items()}
    preds = " ".join(f"<{ns}{k}>" for k in EDGE_KINDS)
    for row in _rows(
        store, f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {preds} }} ?s ?p ?o }}", graphs
    ):
        snap.edges.add((row["s"].value, row["p"].value[len(ns) :], row["o"].value))
    rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    for row in _rows(
        store,
        f"SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?st <{rdf}subject> ?s ; <{rdf}predicate> ?p ;"
        f" <{rdf}object> ?o }} }}",
        graphs,
    ):
        p = row["p"].value
        fact = (
            (row["s"].value, "a", row["o"].value[len(ns) :])
            if p == f"{rdf}type"
            else (row["s"].value, p[len(ns) :], row["o"].value)
        )
        snap.sources.setdefault(fact, set()).add(paths.get(row["g"].value, row["g"].value))
    return snap


def snapshot_of(version: str, store: OxigraphStore | None) -> Snapshot:
    """The snapshot of ``version``: a tag of ``store``, or the path of another store.

    Raises:
        NotFoundError: ``version`` is neither a tag of ``store`` nor a store directory.
    """
    if store is not None:
        tags = store.tags()
        if version in tags:
            return read_snapshot(store, tags[version], store.graph_paths(), version)
    path = Path(version)
    if (path / "CURRENT").exists():
        other = OxigraphStore(path, store.base if store else _default_base(), read_only=True)
        paths = {
            other.graph_name(r.doc_id, r.fingerprint).value: r.path
            for r in other.documents().values()
        }
        live = [g for g in other.live_graphs() if g.value in paths]
        return read_snapshot(other, live, paths, version)
    known = ", ".join(sorted(store.tags())) if store is not None else ""
    raise NotFoundError(
        f"{version!r} is neither a tag of the store (tags: {known or 'none'}) nor a store directory"
    )


def _default_base() -> str:
    from graphbuilder.settings import get_settings

    return get_settings().base_iri
