"""The RDF that exports write, read as a stream: the whole graph or a selection of it.

Two shapes:

- :func:`subject_quads` yields the quads of the live graphs grouped by subject: first every
  node with all its quads (over all documents), then, graph by graph, every other subject
  (reified statements, document records, reviews). Writers that merge graphs (N-Triples,
  JSON-LD) drop the repeated triples of a node, which are neighbours here.
- :func:`dataset_quads` yields the same quads graph by graph, for the formats that keep
  named graphs (N-Quads, TriG).

A selection (a set of node IRIs) keeps the nodes' own quads, their edges to other kept nodes,
the statements that carry those facts' provenance, the reviews of those facts and the
records of the documents the statements cite, so a partial export is still a graph the SHACL
shapes accept.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, QuerySolutions, Triple

from graphbuilder.export.property_graph import GraphReader
from graphbuilder.model import EDGE_KINDS, NODE_KINDS
from graphbuilder.store.mapping import (
    PROV_DERIVED,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_STATEMENT,
    RDF_SUBJECT,
    RDF_TYPE,
    term,
)

_EDGE_TERMS = {term(k) for k in EDGE_KINDS}
_KIND_TERMS = {term(k) for k in NODE_KINDS}


def value(t: object) -> str:
    """The lexical value of an RDF term (an IRI, a blank node id, a literal's text)."""
    return t.value if isinstance(t, NamedNode | BlankNode | Literal) else str(t)


def triple(q: Quad) -> Triple:
    """The triple of a quad."""
    return Triple(q.subject, q.predicate, q.object)


def distinct_triples(quads: Iterator[Quad]) -> Iterator[Triple]:
    """The triples of ``quads``, each once when its copies are neighbours (as here they are)."""
    prev: Triple | None = None
    for q in quads:
        t = triple(q)
        if t != prev:
            yield t
            prev = t


def _node_quads(reader: GraphReader, iri: str) -> Iterator[Quad]:
    for q in reader.raw.quads_for_pattern(NamedNode(iri), None, None, None):
        if reader.is_live(q.graph_name):
            yield q


def _is_node_group(reader: GraphReader, subject: object, group: list[Quad]) -> bool:
    types = {q.object for q in group if q.predicate == RDF_TYPE}
    if RDF_STATEMENT in types:
        return False
    if types & _KIND_TERMS:
        return True
    return isinstance(subject, NamedNode) and reader.kind_of(subject.value) is not None


def _all_subject_quads(reader: GraphReader) -> Iterator[Quad]:
    for kind in NODE_KINDS:
        for iri in reader.node_iris(kind):
            if reader.kind_of(iri) == kind:  # a node typed twice is written under one kind
                yield from _node_quads(reader, iri)
    for g in reader.store.live_graphs():
        for subject, quads in groupby(
            reader.raw.quads_for_pattern(None, None, None, g), key=lambda q: q.subject
        ):
            group = list(quads)
            if not _is_node_group(reader, subject, group):
                yield from group


def _kept(reader: GraphReader, iris: frozenset[str], q: Quad) -> bool:
    """Whether a node's quad survives: an edge survives only when its target is kept."""
    return q.predicate not in _EDGE_TERMS or value(q.object) in iris


def _selected_quads(reader: GraphReader, iris: frozenset[str]) -> Iterator[Quad]:
    docs: set[str] = set()
    curated = reader.store.curated
    for iri in sorted(iris):
        node = NamedNode(iri)
        yield from (q for q in _node_quads(reader, iri) if _kept(reader, iris, q))
        for ref in reader.raw.quads_for_pattern(None, RDF_SUBJECT, node, None):
            if not reader.is_live(ref.graph_name):
                continue
            quads = list(reader.raw.quads_for_pattern(ref.subject, None, None, ref.graph_name))
            said = {q.predicate: q.object for q in quads}
            predicate = said.get(RDF_PREDICATE, RDF_TYPE)
            obj = said.get(RDF_OBJECT, node)
            if not isinstance(predicate, NamedNode) or isinstance(obj, Triple):
                continue
            fact = Quad(node, predicate, obj)
            if not _kept(reader, iris, fact):
                continue
            docs.update(value(q.object) for q in quads if q.predicate == PROV_DERIVED)
            yield from quads
        for ref in reader.raw.quads_for_pattern(None, term("reviewedSubject"), node, curated):
            quads = list(reader.raw.quads_for_pattern(ref.subject, None, None, curated))
            targets = {q.object for q in quads if q.predicate == term("reviewedObject")}
            if all(value(t) in iris or reader.kind_of(value(t)) is None for t in targets):
                yield from quads
    for doc in sorted(docs):
        yield from reader.raw.quads_for_pattern(NamedNode(doc), None, None, reader.store.meta)


def subject_quads(reader: GraphReader, iris: frozenset[str] | None = None) -> Iterator[Quad]:
    """The quads of the graph (or of the selection ``iris``), grouped by subject."""
    return _all_subject_quads(reader) if iris is None else _selected_quads(reader, iris)


def union_triples(reader: GraphReader) -> Iterator[Triple]:
    """Every distinct triple of the live graphs, predicate by predicate.

    Faster than :func:`subject_quads` for a whole-graph dump that need not group by subject:
    each quad is read once, from the ``(predicate, object, subject, graph)`` index, where the
    copies of one triple in several graphs are neighbours.
    """
    found = reader.raw.query("SELECT DISTINCT ?p WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert isinstance(found, QuerySolutions)
    predicates = sorted(row["p"].value for row in found if isinstance(row["p"], NamedNode))
    for p in predicates:
        live = (
            q
            for q in reader.raw.quads_for_pattern(None, NamedNode(p), None, None)
            if reader.is_live(q.graph_name)
        )
        yield from distinct_triples(live)


def dataset_quads(reader: GraphReader, iris: frozenset[str] | None = None) -> Iterator[Quad]:
    """The quads of the graph (or of the selection ``iris``), grouped by named graph.

    The whole graph streams graph by graph; a selection, which is small by intent, is
    sorted by graph in memory.
    """
    if iris is None:
        for g in reader.store.live_graphs():
            yield from reader.raw.quads_for_pattern(None, None, None, g)
        return
    yield from sorted(set(_selected_quads(reader, iris)), key=lambda q: (str(q.graph_name), str(q)))
