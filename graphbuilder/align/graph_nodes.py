"""Read the nodes to align (or to suggest) from a built store, with their labels."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

from graphbuilder.store.mapping import RDF_TYPE, RDFS_LABEL, SKOS_ALT, term
from graphbuilder.store.oxigraph import OxigraphStore


@dataclass(frozen=True, slots=True)
class GraphNode:
    """A node of the built graph: IRI, kind, labels (preferred first)."""

    iri: str
    kind: str
    labels: tuple[str, ...]

    @property
    def label(self) -> str:
        """Its first label."""
        return self.labels[0] if self.labels else ""


def read_nodes(
    store: OxigraphStore, kinds: Iterable[str], *, skip_docs: Iterable[str] = ()
) -> list[GraphNode]:
    """Every node of ``kinds`` in the live document graphs, sorted by IRI.

    Args:
        store: the store.
        kinds: node kinds (``Skill``, ``Course``, …).
        skip_docs: ids of documents whose graphs are ignored (a stage's own output).

    Returns:
        The nodes with their Chinese labels first, then other labels, then alt labels.
    """
    docs = store.documents()
    skip = {store.graph_name(d, docs[d].fingerprint) for d in skip_docs if d in docs}
    live = set(store.live_graphs()) - skip
    out: list[GraphNode] = []
    for kind in kinds:
        iris = sorted(
            {
                q.subject.value
                for q in store.raw.quads_for_pattern(None, RDF_TYPE, term(kind), None)
                if q.graph_name in live and isinstance(q.subject, NamedNode)
            }
        )
        for iri in iris:
            zh: dict[str, None] = {}
            other: dict[str, None] = {}
            alt: dict[str, None] = {}
            s = NamedNode(iri)
            for pred, bucket in ((RDFS_LABEL, None), (SKOS_ALT, alt)):
                for q in store.raw.quads_for_pattern(s, pred, None, None):
                    if q.graph_name not in live or not isinstance(q.object, Literal):
                        continue
                    target = bucket if bucket is not None else zh
                    if bucket is None and q.object.language not in (None, "zh"):
                        target = other
                    target[q.object.value] = None
            labels = tuple(dict.fromkeys([*zh, *other, *alt]))
            if labels:
                out.append(GraphNode(iri, kind, labels))
    return out
