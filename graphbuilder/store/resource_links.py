"""Links from resources to the nodes they teach, and the bulk import of a 资源库 listing.

A link names its node by IRI. When a rebuild removes that node the link stays in the curated
graph and :func:`links` reports it as *dangling*: a person decides whether to relink or drop it;
nothing is dropped silently. See :mod:`graphbuilder.store.resources` for the RDF layout.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Quad

from graphbuilder.model.iris import doc_iri, statement_iri
from graphbuilder.store.mapping import RDF_TYPE, literal, term
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.resources import (
    WRITE_LOCK,
    Origin,
    ResourceData,
    description_update,
    get_resource,
    now,
    ntriples,
    origin_quads,
    resource_iri,
    statement_quads,
)


@dataclass(frozen=True, slots=True)
class Link:
    """A resource teaches a node, with a relevance; ``dangling`` when the graph lost the node."""

    resource: str
    node: str
    relevance: float
    dangling: bool


def node_exists(store: OxigraphStore, iri: str) -> bool:
    """Whether a build's graph (not the curated one) gives ``iri`` a type."""
    live = {g for g in store.live_graphs() if g not in (store.curated, store.meta)}
    found = store.raw.quads_for_pattern(NamedNode(iri), RDF_TYPE, None)
    return any(q.graph_name in live for q in found)


def links_update(
    store: OxigraphStore, items: Sequence[tuple[str, str, float]], origin: Origin
) -> str:
    """The update that writes each ``(resource, node, relevance)`` link, replacing old ones."""
    g, teaches = store.curated, term("teaches")
    quads: list[Quad] = origin_quads(store, origin)
    stmts = []
    for r, n, relevance in items:
        st, sq = statement_quads(store, r, teaches, NamedNode(n), origin)
        stmts.append(str(st))
        quads.append(Quad(NamedNode(r), teaches, NamedNode(n), g))
        quads += [*sq, Quad(st, term("relevance"), literal(float(relevance)), g)]
    d = NamedNode(doc_iri(store.base, origin.doc_id))
    return (
        f"DELETE {{ GRAPH {g} {{ ?st ?p ?o }} }} WHERE {{ VALUES ?st {{ {' '.join(stmts)} }}"
        f" GRAPH {g} {{ ?st ?p ?o }} }} ;\n"
        f"DELETE WHERE {{ GRAPH {g} {{ {d} ?p ?o }} }} ;\n"
        f"INSERT DATA {{ GRAPH {g} {{ {ntriples(quads)} }} }}"
    )


def set_link(
    store: OxigraphStore, resource: str, node: str, relevance: float, origin: Origin
) -> Link:
    """Link a resource to a node it teaches (replacing an earlier link's relevance).

    Raises:
        KeyError: there is no such resource.
    """
    with WRITE_LOCK:
        if get_resource(store, resource) is None:
            raise KeyError(resource)
        store.raw.update(links_update(store, [(resource, node, relevance)], origin))
    return Link(resource, node, relevance, not node_exists(store, node))


def remove_link(store: OxigraphStore, resource: str, node: str) -> bool:
    """Remove a link and its statement; return whether it was there."""
    g, teaches = store.curated, term("teaches")
    st = NamedNode(statement_iri(store.base, g.value, resource, teaches.value, node))
    fact = Quad(NamedNode(resource), teaches, NamedNode(node), g)
    with WRITE_LOCK:
        if fact not in store.raw:
            return False
        store.raw.update(
            f"DELETE WHERE {{ GRAPH {g} {{ {st} ?p ?o }} }} ;\n"
            f"DELETE DATA {{ GRAPH {g} {{ {ntriples([fact])} }} }}"
        )
    return True


def links(
    store: OxigraphStore, *, resource: str | None = None, node: str | None = None
) -> list[Link]:
    """The curated ``teaches`` links of resources, optionally of one resource or to one node."""
    g, teaches, kind = store.curated, term("teaches"), term("Resource")
    s = NamedNode(resource) if resource else None
    o = NamedNode(node) if node else None
    out = []
    exists: dict[str, bool] = {}
    for q in store.raw.quads_for_pattern(s, teaches, o, g):
        r, n = q.subject, q.object
        if not isinstance(r, NamedNode) or not isinstance(n, NamedNode):
            continue
        if next(store.raw.quads_for_pattern(r, RDF_TYPE, kind, g), None) is None:
            continue
        st = NamedNode(statement_iri(store.base, g.value, r.value, teaches.value, n.value))
        rel = next(store.raw.quads_for_pattern(st, term("relevance"), None, g), None)
        if n.value not in exists:
            exists[n.value] = node_exists(store, n.value)
        relevance = float(rel.object.value) if rel and isinstance(rel.object, Literal) else 1.0
        out.append(Link(r.value, n.value, relevance, not exists[n.value]))
    return sorted(out, key=lambda lk: (lk.resource, lk.node))


def import_resources(
    store: OxigraphStore,
    rows: Sequence[tuple[ResourceData, Sequence[tuple[str, float]]]],
    origin: Origin,
) -> tuple[list[str], list[str]]:
    """Create or update many resources and add their links, in one transaction.

    A resource already there (same identifier, URL or title) has its description replaced
    and keeps its links and creation time; importing the same listing twice changes nothing
    but the modification times.

    Args:
        store: a store opened for writing.
        rows: each resource with the ``(node IRI, relevance)`` links to add.
        origin: the listing they come from.

    Returns:
        The IRIs created and the IRIs updated.
    """
    created: list[str] = []
    updated: list[str] = []
    with WRITE_LOCK:
        items: dict[str, tuple[str, ResourceData, str]] = {}
        for data, _ in rows:
            iri = resource_iri(store, data)
            old = get_resource(store, iri)
            if iri not in items:
                (updated if old is not None else created).append(iri)
            items[iri] = (iri, data, old.created if old is not None else now())
        if not items:
            return created, updated
        update = description_update(store, list(items.values()), origin)
        pairs = [(resource_iri(store, d), n, rel) for d, ls in rows for n, rel in ls]
        if pairs:
            update += " ;\n" + links_update(store, pairs, origin)
        store.raw.update(update)
    return created, updated
