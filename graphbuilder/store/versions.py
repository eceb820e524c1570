"""Graph versions as snapshots: the nodes, edges and sources of one tag or one store.

A version is a set of document graphs: a tag's (``build --tag``) or a store's live graphs.
A snapshot reads what a diff compares: each node's kind, labels and attributes, each edge,
and which documents stated each fact.

Reading goes through quad patterns on Oxigraph's indexes, never through SPARQL joins, and
never touches the reified ``rdf:Statement`` quads (nine in ten of a document graph's quads):
the mapping (``graphbuilder.store.mapping``) writes a fact's triple beside its statement in
the same graph, and a node's labels and attributes beside its ``rdf:type``, so the triples
alone say which documents stated a fact. Two tags of one store share the graphs of the
documents that did not change; :func:`read_pair` reads in full only the nodes those other
graphs mention (see :mod:`graphbuilder.store.version_reads`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import NamedNode

from graphbuilder.errors import NotFoundError
from graphbuilder.store.oxigraph import OxigraphStore

Fact = tuple[str, str, str]


@dataclass
class Snapshot:
    """One version of the graph, reduced to what a diff compares.

    A snapshot read for a diff of two tags (:func:`read_pair`) holds only the nodes and
    edges around what differs between them, the same ones for both; the diff of the two is
    the diff of the whole versions.

    Attributes:
        name: the tag or store it was read from.
        kinds: node IRI → kind.
        labels: node IRI → its label: the first of ``names`` in code-point order.
        names: node IRI → all its Chinese labels, sorted (all its labels when it has no
            Chinese one): documents may name one node differently, and a diff shows a
            node renamed by one document while another keeps the old name.
        attrs: node IRI → sorted (property, value) pairs of its literal attributes.
        edges: (source IRI, edge kind, target IRI).
        sources: a fact (node: (IRI, "a", kind); edge: (s, kind, o)) → document paths.
    """

    name: str
    kinds: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    attrs: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    edges: set[Fact] = field(default_factory=set)
    sources: dict[Fact, set[str]] = field(default_factory=dict)


def read_snapshot(
    store: OxigraphStore, graphs: Sequence[NamedNode], paths: dict[str, str], name: str
) -> Snapshot:
    """Read the whole snapshot of the version made of ``graphs`` (``paths``: graph → path)."""
    from graphbuilder.store.version_reads import QuadReader, SnapshotBuilder

    reader = QuadReader(store)
    builder = SnapshotBuilder(name, graphs, paths)
    for g in graphs:
        reader.read_graph(g, builder)
    return builder.finish()


def read_pair(
    store: OxigraphStore,
    old: tuple[str, Sequence[NamedNode]],
    new: tuple[str, Sequence[NamedNode]],
    paths: dict[str, str],
) -> tuple[Snapshot, Snapshot]:
    """Read two versions of one store (``(name, graphs)`` each) for a diff of the two.

    Graphs in both versions (documents unchanged between them) are read only for the nodes
    that the other graphs mention, their neighbours and the majors, so the cost follows the
    change, not the size of the graph. Versions that share fewer graphs than they do not
    share are read whole: reading around a change that large reads more than the whole
    (every node of a changed graph is looked up in all graphs).
    """
    from graphbuilder.store.version_reads import QuadReader, read_around_changes

    shared = set(old[1]) & set(new[1])
    if len(shared) < len(set(old[1]) ^ set(new[1])):
        return (
            read_snapshot(store, old[1], paths, old[0]),
            read_snapshot(store, new[1], paths, new[0]),
        )
    return read_around_changes(QuadReader(store), old, new, paths)


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


def snapshots_of(old: str, new: str, store: OxigraphStore | None) -> tuple[Snapshot, Snapshot]:
    """The snapshots to diff ``old`` against ``new`` (each as in :func:`snapshot_of`).

    Two tags of ``store`` are read together (:func:`read_pair`): only around what differs.

    Raises:
        NotFoundError: either version is neither a tag of ``store`` nor a store directory.
    """
    if store is not None:
        tags = store.tags()
        if old in tags and new in tags:
            return read_pair(store, (old, tags[old]), (new, tags[new]), store.graph_paths())
    return snapshot_of(old, store), snapshot_of(new, store)


def _default_base() -> str:
    from graphbuilder.settings import get_settings

    return get_settings().base_iri
