"""Links from resources to the nodes they teach, and the report of dangling links."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from api.curation import after_write, link_public, linkable
from api.deps import EditorDep, IndexDep, ReaderDep, StoreDep
from api.problems import ApiProblem, responses
from api.routes.resources import ResourceId, stored
from api.schemas import LinkCreate, LinkPublic, LinksPublic
from api.views import resolve_iri
from graphbuilder.store.resource_links import links, remove_link, set_link
from graphbuilder.store.resources import Origin

router = APIRouter(tags=["links"], responses=responses(401, 403, 422))
_NODE_DOC = "The node: IRI or kind/key (e.g. skill/3f…) / 节点"


@router.get("/resources/{rid}/links", response_model=LinksPublic, responses=responses(404))
def resource_links(store: StoreDep, index: IndexDep, _: ReaderDep, rid: ResourceId) -> LinksPublic:
    """The nodes a resource teaches / 资源关联的知识点与技能点."""
    found = links(store, resource=stored(store, rid))
    return LinksPublic(data=[link_public(index, lk) for lk in found], count=len(found))


@router.put("/resources/{rid}/links", response_model=LinkPublic, responses=responses(404))
def link(
    request: Request,
    store: StoreDep,
    index: IndexDep,
    editor: EditorDep,
    rid: ResourceId,
    body: LinkCreate,
) -> LinkPublic:
    """Link a resource to a node it teaches, or change the link's relevance / 关联资源与节点."""
    iri = stored(store, rid)
    try:
        node = linkable(store, index, body.node)
    except ValueError as exc:
        raise ApiProblem(422, str(exc), "invalid-link") from None
    made = set_link(store, iri, node, body.relevance, Origin.api(editor.name))
    after_write(request, store, [iri])
    return link_public(index, made)


@router.delete(
    "/resources/{rid}/links", status_code=204, response_class=Response, responses=responses(404)
)
def unlink(
    request: Request,
    store: StoreDep,
    _: EditorDep,
    rid: ResourceId,
    node: Annotated[str, Query(min_length=1, max_length=2048, description=_NODE_DOC)],
) -> Response:
    """Remove a link (a dangling one too) / 删除资源关联."""
    iri = stored(store, rid)
    try:
        target = resolve_iri(store, node)
    except ValueError as exc:
        raise ApiProblem(422, str(exc), "invalid-request") from None
    if not remove_link(store, iri, target):
        raise ApiProblem(404, f"resource {rid} has no link to {target}", "not-found")
    after_write(request, store, [iri])
    return Response(status_code=204)


@router.get("/links", response_model=LinksPublic)
def all_links(
    store: StoreDep,
    index: IndexDep,
    _: ReaderDep,
    node: Annotated[
        str | None, Query(min_length=1, max_length=2048, description=f"{_NODE_DOC}.")
    ] = None,
    dangling: Annotated[
        bool | None,
        Query(
            description="Only links whose node a rebuild removed (true) or kept (false) / 失效关联."
        ),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="Per page / 每页条数.")] = 100,
    offset: Annotated[int, Query(ge=0, description="Skip / 偏移量.")] = 0,
) -> LinksPublic:
    """Resource links: the resources of a node, or the dangling links / 资源关联与失效关联报告."""
    try:
        target = resolve_iri(store, node) if node else None
    except ValueError as exc:
        raise ApiProblem(422, str(exc), "invalid-request") from None
    found = [lk for lk in links(store, node=target) if dangling is None or lk.dangling == dangling]
    return LinksPublic(
        data=[link_public(index, lk) for lk in found[offset : offset + limit]], count=len(found)
    )
