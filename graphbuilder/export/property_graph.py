"""The store read as a property graph: typed nodes and edges with their attributes.

RDF keeps a fact once per document that states it (one named graph per document); a
property graph keeps it once. :class:`GraphReader` merges the documents' graphs while it
reads, straight from Oxigraph's indexes, so memory stays flat however large the graph is:

- nodes of a kind come from the ``(predicate, object, subject, graph)`` index, where the
  copies of one node in several graphs are neighbours, then each node's own quads;
- edges of a kind come from the same index ordered by object and subject, so the copies of
  one edge are neighbours too; an edge's attributes (``gb:courseType``, ``gb:ordinal``,
  ``gb:score``, ``gb:reviewStatus`` …) live on its reified statement, whose IRI is computed
  from the graph and the triple, not searched for.

Only live graphs count (those a document record names, the meta and curated graphs).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from pyoxigraph import Literal, NamedNode, Quad

from graphbuilder.export.pg_records import PGEdge, PGNode, Value, literal_value
from graphbuilder.model import EDGE_KINDS, NODE_KINDS
from graphbuilder.model.iris import statement_iri
from graphbuilder.ontology.namespace import GB
from graphbuilder.store.mapping import RDF_TYPE, RDFS_LABEL, SKOS_ALT, term
from graphbuilder.store.oxigraph import OxigraphStore

_GB = str(GB)
# What a statement says about the evidence of a fact rather than about the fact itself.
_PROVENANCE = {"charStart", "charEnd", "extractor", "confidence", "buildId"}
_KIND_TERMS = {term(k): k for k in NODE_KINDS}
_EDGE_TERMS = {term(k).value: k for k in EDGE_KINDS}


def _add(values: dict[str, set[Value]], key: str, value: Value) -> None:
    values.setdefault(key, set()).add(value)


def _frozen(values: dict[str, set[Value]]) -> dict[str, tuple[Value, ...]]:
    return {
        k: tuple(sorted(v, key=lambda x: (type(x).__name__, x))) for k, v in sorted(values.items())
    }


class GraphReader:
    """Reads nodes and edges out of a store, merged over its live graphs.

    Args:
        store: the store (read-only is enough).
    """

    def __init__(self, store: OxigraphStore) -> None:
        self.store = store
        self.raw = store.raw
        docs = store.documents()
        self._live = set(store.live_graphs())
        self._graph_paths: dict[NamedNode, str] = {
            store.graph_name(r.doc_id, r.fingerprint): r.path for r in docs.values()
        }
        self._graph_paths[store.curated] = "curated"
        self._graph_paths[store.meta] = "meta"
        self.kind_of = lru_cache(maxsize=1 << 16)(self._kind_of)

    def is_live(self, graph: object) -> bool:
        """Whether ``graph`` is one of the store's live graphs."""
        return graph in self._live

    def source_path(self, graph: NamedNode) -> str:
        """The path of the document whose graph ``graph`` is."""
        return self._graph_paths.get(graph, graph.value)

    def _kind_of(self, iri: str) -> str | None:
        kinds = {
            _KIND_TERMS[q.object]
            for q in self.raw.quads_for_pattern(NamedNode(iri), RDF_TYPE, None, None)
            if isinstance(q.object, NamedNode)
            and q.object in _KIND_TERMS
            and q.graph_name in self._live
        }
        return min(kinds) if kinds else None

    # --- nodes ---------------------------------------------------------------------------

    def node_iris(self, kind: str) -> Iterator[str]:
        """The IRIs of every node of ``kind``, each once, in index order."""
        prev: NamedNode | None = None
        for q in self.raw.quads_for_pattern(None, RDF_TYPE, term(kind), None):
            s = q.subject
            if s == prev or q.graph_name not in self._live or not isinstance(s, NamedNode):
                continue
            prev = s
            yield s.value

    def node(self, iri: str, kind: str | None = None) -> PGNode | None:
        """One node, or ``None`` when no live graph types ``iri`` with a node kind."""
        kind = kind or self.kind_of(iri)
        if kind is None:
            return None
        labels: dict[str, set[Value]] = {}
        alts: set[str] = set()
        attrs: dict[str, set[Value]] = {}
        sources: set[str] = set()
        for q in self.raw.quads_for_pattern(NamedNode(iri), None, None, None):
            g = q.graph_name
            if g not in self._live:
                continue
            p, o = q.predicate, q.object
            if p == RDF_TYPE:
                if o == term(kind) and isinstance(g, NamedNode):
                    sources.add(self.source_path(g))
            elif not isinstance(o, Literal):
                continue
            elif p == RDFS_LABEL:
                _add(labels, o.language or "", o.value)
            elif p == SKOS_ALT:
                alts.add(o.value)
            elif p.value.startswith(_GB):
                _add(attrs, p.value[len(_GB) :], literal_value(o))
        return PGNode(
            iri=iri,
            kind=kind,
            labels={k: tuple(str(x) for x in v) for k, v in _frozen(labels).items()},
            alt_labels=tuple(sorted(alts)),
            attrs=_frozen(attrs),
            sources=tuple(sorted(sources)),
        )

    def nodes(self, kinds: Iterable[str] = NODE_KINDS) -> Iterator[PGNode]:
        """Every node of ``kinds``, kind by kind."""
        for kind in kinds:
            for iri in self.node_iris(kind):
                node = self.node(iri, kind)
                if node is not None:
                    yield node

    # --- edges ---------------------------------------------------------------------------

    def _merge(self, quads: Iterable[Quad]) -> Iterator[list[Quad]]:
        """Group the live copies of one fact (neighbours in index order) together."""
        group: list[Quad] = []
        for q in quads:
            if q.graph_name not in self._live:
                continue
            if group and (q.subject, q.predicate, q.object) != (
                group[0].subject,
                group[0].predicate,
                group[0].object,
            ):
                yield group
                group = []
            group.append(q)
        if group:
            yield group

    def _edge(self, copies: list[Quad]) -> PGEdge | None:
        first = copies[0]
        s, o = first.subject, first.object
        if not isinstance(s, NamedNode) or not isinstance(o, NamedNode):
            return None
        skind, tkind = self.kind_of(s.value), self.kind_of(o.value)
        if skind is None or tkind is None:
            return None
        attrs: dict[str, set[Value]] = {}
        confidence: float | None = None
        sources: set[str] = set()
        for q in copies:
            g = q.graph_name
            assert isinstance(g, NamedNode)
            sources.add(self.source_path(g))
            st = NamedNode(
                statement_iri(self.store.base, g.value, s.value, q.predicate.value, o.value)
            )
            for a in self.raw.quads_for_pattern(st, None, None, g):
                name = a.predicate.value[len(_GB) :] if a.predicate.value.startswith(_GB) else ""
                if not name or not isinstance(a.object, Literal):
                    continue
                value = literal_value(a.object)
                if name == "confidence" and isinstance(value, float):
                    confidence = value if confidence is None else max(confidence, value)
                elif name not in _PROVENANCE:
                    _add(attrs, name, value)
        return PGEdge(
            source=s.value,
            kind=_EDGE_TERMS[first.predicate.value],
            target=o.value,
            source_kind=skind,
            target_kind=tkind,
            attrs=_frozen(attrs),
            confidence=1.0 if confidence is None else confidence,
            sources=tuple(sorted(sources)),
        )

    def edges(self, kinds: Iterable[str] = EDGE_KINDS) -> Iterator[PGEdge]:
        """Every edge of ``kinds`` whose two ends are nodes, kind by kind."""
        for kind in kinds:
            for copies in self._merge(self.raw.quads_for_pattern(None, term(kind), None, None)):
                edge = self._edge(copies)
                if edge is not None:
                    yield edge

    def out_edges(self, iri: str, kinds: Iterable[str] = EDGE_KINDS) -> list[PGEdge]:
        """The edges of ``kinds`` leaving ``iri``."""
        out: list[PGEdge] = []
        for kind in kinds:
            quads = self.raw.quads_for_pattern(NamedNode(iri), term(kind), None, None)
            out += [e for c in self._merge(quads) if (e := self._edge(c)) is not None]
        return out

    def in_edges(self, iri: str, kinds: Iterable[str] = EDGE_KINDS) -> list[PGEdge]:
        """The edges of ``kinds`` arriving at ``iri``."""
        out: list[PGEdge] = []
        for kind in kinds:
            quads = self.raw.quads_for_pattern(None, term(kind), NamedNode(iri), None)
            out += [e for c in self._merge(quads) if (e := self._edge(c)) is not None]
        return out
