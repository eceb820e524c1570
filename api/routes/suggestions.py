"""Suggested nodes for a resource: the knowledge points and skills it most likely teaches.

The suggester (``graphbuilder.align.suggest``) is built on the first request and kept; it
reads every knowledge point and skill, so that first answer takes seconds on a large graph.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from api.deps import ReaderDep, StoreDep
from api.problems import responses
from api.routes.resources import ResourceId, stored
from api.schemas import Suggestion, SuggestionsPublic
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.resources import get_resource

if TYPE_CHECKING:
    from graphbuilder.align.suggest import NodeSuggester

router = APIRouter(tags=["resources"], responses=responses(401, 422))
_BUILD = threading.Lock()
Limit = Annotated[int, Query(ge=1, le=50, description="Most suggestions / 最多条数.")]
MinScore = Annotated[float, Query(ge=0, le=1, description="Lowest score / 最低得分.")]


def _suggester(request: Request, store: OxigraphStore) -> NodeSuggester:
    from graphbuilder.align.suggest import NodeSuggester

    with _BUILD:
        found: NodeSuggester | None = getattr(request.app.state, "suggester", None)
        if found is None:
            found = NodeSuggester.from_store(store)
            request.app.state.suggester = found
    return found


async def _suggest(
    request: Request, store: OxigraphStore, title: str, description: str, limit: int, floor: float
) -> SuggestionsPublic:
    def run() -> list[Suggestion]:
        found = _suggester(request, store).suggest(title, description, limit=limit, min_score=floor)
        return [
            Suggestion(
                iri=s.iri, kind=s.kind, label=s.label, score=round(s.score, 4), method=s.method
            )
            for s in found
        ]

    return SuggestionsPublic(data=await run_in_threadpool(run))


@router.get(
    "/resources/{rid}/suggestions", response_model=SuggestionsPublic, responses=responses(404)
)
async def for_resource(
    request: Request,
    store: StoreDep,
    _: ReaderDep,
    rid: ResourceId,
    limit: Limit = 10,
    min_score: MinScore = 0.3,
) -> SuggestionsPublic:
    """Nodes a stored resource likely teaches, from its title and description / 推荐关联节点."""
    r = get_resource(store, stored(store, rid))
    assert r is not None
    return await _suggest(request, store, r.data.title, r.data.description or "", limit, min_score)


@router.get("/suggestions", response_model=SuggestionsPublic)
async def for_text(
    request: Request,
    store: StoreDep,
    _: ReaderDep,
    title: Annotated[
        str, Query(min_length=1, max_length=500, description="A resource title / 资源名称.")
    ],
    description: Annotated[
        str, Query(max_length=5000, description="More text about it / 资源简介.")
    ] = "",
    limit: Limit = 10,
    min_score: MinScore = 0.3,
) -> SuggestionsPublic:
    """Nodes a resource with this title likely teaches (before creating it) / 按名称推荐节点."""
    return await _suggest(request, store, title, description, limit, min_score)
