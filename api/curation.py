"""What the resource and link routes share: public views, node references, keeping the index.

After every curated write the routes call :func:`after_write` (resources, links) or
:func:`curated_changed` (reviews): the resource goes into the label index as it now is (or
out of it), the export cache drops its ETag and the path graph reloads, so searches, ETags and
paths follow edits.
"""

from __future__ import annotations

from fastapi import Request

from api.exporting import ExportCache
from api.graphcache import GraphCache
from api.schemas import LinkPublic, ResourcePublic
from api.views import resolve_iri
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.resource_links import Link, links
from graphbuilder.store.resources import LINKABLE_KINDS, RESOURCE_TYPES, Resource, get_resource
from graphbuilder.store.search import IndexEntry, LabelIndex


def resource_key(iri: str) -> str:
    """The last segment of a resource IRI (its id in the API's paths)."""
    return iri.rsplit("/", 1)[-1]


def link_public(index: LabelIndex, link: Link) -> LinkPublic:
    """A link with its node's label and kind (when the node is still in the graph)."""
    e = index.get(link.node)
    return LinkPublic(
        resource=link.resource,
        node=link.node,
        label=e.label if e else None,
        kind=e.kind if e else None,
        relevance=link.relevance,
        dangling=link.dangling,
    )


def resource_public(store: OxigraphStore, index: LabelIndex, r: Resource) -> ResourcePublic:
    """A resource with its links."""
    d = r.data
    return ResourcePublic(
        id=resource_key(r.iri),
        iri=r.iri,
        title=d.title,
        type=d.type,
        type_zh=RESOURCE_TYPES[d.type],
        url=d.url,
        licence=d.licence,
        description=d.description,
        identifier=d.identifier,
        created=r.created,
        modified=r.modified,
        links=[link_public(index, lk) for lk in links(store, resource=r.iri)],
    )


def linkable(store: OxigraphStore, index: LabelIndex, ref: str) -> str:
    """The IRI of a node a resource may teach, from an IRI or a kind path and key.

    Raises:
        ValueError: not a node reference, no such node, or a node of a kind not linkable.
    """
    iri = resolve_iri(store, ref)
    e = index.get(iri)
    if e is None:
        raise ValueError(f"no node {iri}")
    if e.kind not in LINKABLE_KINDS:
        raise ValueError(f"{iri} is a {e.kind}; a resource teaches one of {list(LINKABLE_KINDS)}")
    return iri


def curated_changed(request: Request) -> None:
    """Tell the export cache and the path graph that the curated graph changed."""
    exports: ExportCache = request.app.state.exports
    graph: GraphCache = request.app.state.graph
    exports.invalidate()
    graph.invalidate()


def after_write(request: Request, store: OxigraphStore, iris: list[str]) -> None:
    """Bring the index, the export cache and the path graph up to date after writes to
    the resources ``iris``."""
    index: LabelIndex = request.app.state.index
    curated_changed(request)
    keep, drop = [], []
    for iri in iris:
        r = get_resource(store, iri)
        if r is None:
            drop.append(iri)
            continue
        majors: set[str] = set()
        for lk in links(store, resource=iri):
            e = index.get(lk.node)
            if e is not None:
                majors |= e.majors
        keep.append(IndexEntry(iri, "Resource", (r.data.title,), None, frozenset(majors)))
    if drop:
        index.remove(drop)
    if keep:
        index.upsert(keep)
