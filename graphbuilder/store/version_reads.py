"""How snapshots (``graphbuilder.store.versions``) read the store: quad patterns, no SPARQL.

Two reads exist. :meth:`QuadReader.read_graph` reads one document graph whole: its typed
nodes (one pattern per node kind), its edges (one per edge kind) and each node's own quads
(labels, attributes). :func:`read_around_changes` reads two versions that share graphs: it
takes the subjects of the graphs that are not shared (the changed documents' old and new
graphs) and reads, across every graph, only those nodes, their edges' targets and the
majors. Neither ever reads a reified ``rdf:Statement``: the triple beside it says as much.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from pyoxigraph import Literal, NamedNode, Quad

from graphbuilder.model import EDGE_KINDS, NODE_KINDS
from graphbuilder.ontology.namespace import GB
from graphbuilder.store.mapping import RDF_TYPE, RDFS_LABEL, literal_text, term
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.versions import Fact, Snapshot

_NS = str(GB)
_KIND_TERMS = tuple(NamedNode(_NS + k) for k in NODE_KINDS)
_EDGE_TERMS = tuple(NamedNode(_NS + k) for k in EDGE_KINDS)
_KINDS = {t.value: k for t, k in zip(_KIND_TERMS, NODE_KINDS, strict=True)}
_EDGES = {t.value: k for t, k in zip(_EDGE_TERMS, EDGE_KINDS, strict=True)}
_TYPE = RDF_TYPE.value
_LABEL = RDFS_LABEL.value
_CODE = term("code")


class SnapshotBuilder:
    """Gathers the quads of one version (its graphs; quads of other graphs are ignored).

    Args:
        name: the version's name (tag or store path).
        graphs: the version's document graphs.
        paths: graph IRI → the source path of its document.
    """

    def __init__(self, name: str, graphs: Iterable[NamedNode], paths: dict[str, str]) -> None:
        self._snap = Snapshot(name)
        self._paths = {g.value: paths.get(g.value, g.value) for g in graphs}
        self._labels: dict[str, set[tuple[str, str]]] = {}
        self._attrs: dict[str, set[tuple[str, str]]] = {}

    def add(self, q: Quad) -> None:
        """Take one quad: a node's kind, label or attribute, or an edge."""
        path = self._paths.get(q.graph_name.value)  # type: ignore[union-attr]
        if path is None:
            return
        s, p, o = q.subject.value, q.predicate.value, q.object  # type: ignore[union-attr]
        if p == _TYPE:
            kind = _KINDS.get(o.value)  # type: ignore[union-attr]
            if kind is not None:
                self._snap.kinds[s] = kind
                self._snap.sources.setdefault((s, "a", kind), set()).add(path)
        elif p == _LABEL:
            if isinstance(o, Literal):
                self._labels.setdefault(s, set()).add((o.language or "", o.value))
        elif p.startswith(_NS):
            edge = _EDGES.get(p)
            if edge is not None:
                fact: Fact = (s, edge, o.value)  # type: ignore[union-attr]
                self._snap.edges.add(fact)
                self._snap.sources.setdefault(fact, set()).add(path)
            if isinstance(o, Literal):
                self._attrs.setdefault(s, set()).add((p[len(_NS) :], o.value))

    def finish(self) -> Snapshot:
        """The snapshot: labels and attributes kept for typed nodes only."""
        snap = self._snap
        kinds = snap.kinds
        snap.names = {iri: _names(ls) for iri, ls in self._labels.items() if iri in kinds}
        snap.labels = {iri: names[0] for iri, names in snap.names.items()}
        snap.attrs = {iri: tuple(sorted(a)) for iri, a in self._attrs.items() if iri in kinds}
        return snap


def _graph(q: Quad) -> str:
    """The IRI of the graph ``q`` sits in ("" for the default graph)."""
    g = q.graph_name
    return g.value if isinstance(g, NamedNode) else ""


def _names(labels: set[tuple[str, str]]) -> tuple[str, ...]:
    """The Chinese labels, else all labels, in code-point order (so every read agrees).

    Examples:
        >>> _names({("en", "Python"), ("zh", "Python语言"), ("zh", "Python 语言")})
        ('Python 语言', 'Python语言')
        >>> _names({("en", "Python")})
        ('Python',)
    """
    zh = {text for lang, text in labels if lang == "zh"}
    return tuple(sorted(zh or {text for _, text in labels}))


class QuadReader:
    """Every read a snapshot makes of the store, by quad pattern (a seam tests count)."""

    def __init__(self, store: OxigraphStore) -> None:
        self._raw = store.raw

    def read_graph(self, g: NamedNode, builder: SnapshotBuilder) -> None:
        """Give ``builder`` every node and edge of document graph ``g``.

        A node's labels and attributes sit in the graphs that type it (the mapping writes
        them together), so each node typed here is read here.
        """
        raw = self._raw
        nodes = {
            q.subject for t in _KIND_TERMS for q in raw.quads_for_pattern(None, RDF_TYPE, t, g)
        }
        for t in _EDGE_TERMS:
            for q in raw.quads_for_pattern(None, t, None, g):
                builder.add(q)
        for n in nodes:
            for q in raw.quads_for_pattern(n, None, None, g):
                builder.add(q)

    def graph_subjects(self, g: NamedNode) -> set[str]:
        """The IRIs document graph ``g`` says something about: typed, labelled or linked."""
        raw = self._raw
        quads = [
            *raw.quads_for_pattern(None, RDFS_LABEL, None, g),
            *(q for t in _KIND_TERMS for q in raw.quads_for_pattern(None, RDF_TYPE, t, g)),
            *(q for t in _EDGE_TERMS for q in raw.quads_for_pattern(None, t, None, g)),
        ]
        return {literal_text(q.subject) for q in quads}

    def typed(self, kind: str) -> Iterator[Quad]:
        """Every ``rdf:type`` quad of ``kind``, in every graph."""
        return self._raw.quads_for_pattern(None, RDF_TYPE, NamedNode(_NS + kind), None)

    def about(self, iri: str, predicate: NamedNode | None = None) -> Iterator[Quad]:
        """Every quad whose subject is ``iri`` (and predicate ``predicate``), in every graph."""
        return self._raw.quads_for_pattern(NamedNode(iri), predicate, None, None)

    def edges_into(self, iri: str) -> Iterator[Quad]:
        """Every edge whose target is ``iri``, in every graph."""
        target = NamedNode(iri)
        for t in _EDGE_TERMS:
            yield from self._raw.quads_for_pattern(None, t, target, None)


def read_around_changes(
    reader: QuadReader,
    old: tuple[str, Sequence[NamedNode]],
    new: tuple[str, Sequence[NamedNode]],
    paths: dict[str, str],
) -> tuple[Snapshot, Snapshot]:
    """Two snapshots that diff as the whole versions do, read around what differs.

    Whatever differs between the versions is stated in a graph only one of them holds, by
    a node that graph mentions (``touched``). Both snapshots hold, from all their graphs:
    each touched node whole (kind, labels, attributes, out-edges, sources), the edges into
    it from majors, and the kind and label of the targets of its edges and of every major
    (with its code: a change is grouped by the majors next to it). The same is asked of
    both versions, and what is not touched reads the same in both (only shared graphs
    state it), so what is only in one of the two snapshots is exactly what is only in one
    of the two versions.
    """
    (old_name, old_graphs), (new_name, new_graphs) = old, new
    builders = (
        SnapshotBuilder(old_name, old_graphs, paths),
        SnapshotBuilder(new_name, new_graphs, paths),
    )

    def take(quads: Iterable[Quad]) -> None:
        for q in quads:
            for b in builders:
                b.add(q)

    either = {g.value for g in (*old_graphs, *new_graphs)}
    differing = sorted(set(old_graphs) ^ set(new_graphs), key=lambda g: g.value)
    touched: set[str] = set()
    for g in differing:
        touched |= reader.graph_subjects(g)
    targets: set[str] = set()
    for iri in sorted(touched):
        quads = list(reader.about(iri))
        take(quads)
        targets.update(
            literal_text(q.object)
            for q in quads
            if q.predicate.value in _EDGES and _graph(q) in either
        )
    typed_major = [q for q in reader.typed("Major") if _graph(q) in either]
    take(typed_major)
    majors = {literal_text(q.subject) for q in typed_major}
    for iri in sorted(touched):
        take(q for q in reader.edges_into(iri) if literal_text(q.subject) in majors)
    for iri in sorted(majors - touched):
        take(reader.about(iri, _CODE))
        take(reader.about(iri, RDFS_LABEL))
    for iri in sorted(targets - touched - majors):
        take(reader.about(iri, RDF_TYPE))
        take(reader.about(iri, RDFS_LABEL))
    return builders[0].finish(), builders[1].finish()
