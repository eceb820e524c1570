"""Search nodes by label (Chinese and English; prefix, substring or fuzzy)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query

from api.deps import IndexDep, ReaderDep, StoreDep
from api.problems import ApiProblem, responses
from api.schemas import SearchHit, SearchResults
from graphbuilder.model.iris import normalise_key
from graphbuilder.model.records import NodeKind

router = APIRouter(prefix="/search", tags=["search"], responses=responses(401, 422))


@router.get("", response_model=SearchResults)
def search(
    store: StoreDep,
    index: IndexDep,
    _: ReaderDep,
    q: Annotated[
        str, Query(min_length=1, max_length=200, description="Text to find / 搜索词 (中文或英文).")
    ],
    kind: Annotated[
        list[NodeKind] | None,
        Query(description="Only these node kinds (repeatable) / 节点类型过滤."),
    ] = None,
    major: Annotated[
        str | None,
        Query(
            pattern=r"^[0-9]{6}$",
            description="Only nodes of this major, by code (e.g. 510201) / 专业代码过滤.",
        ),
    ] = None,
    mode: Annotated[
        Literal["prefix", "substring", "auto", "fuzzy"],
        Query(
            description="prefix: exact and prefix; substring: also inside labels; fuzzy: also"
            " near matches (typos); auto: substring, then fuzzy if nothing matched /"
            " 匹配方式: 前缀、包含、模糊、自动."
        ),
    ] = "auto",
    limit: Annotated[int, Query(ge=1, le=100, description="Hits per page / 每页条数.")] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000, description="Hits to skip / 偏移量.")] = 0,
) -> SearchResults:
    """Search nodes by label / 按名称搜索节点 (前缀、包含、模糊匹配; 类型与专业过滤; 分页)."""
    if not normalise_key(q):
        raise ApiProblem(422, "the query is blank", "invalid-request")
    major_iri = f"{store.base}major/{major}" if major else None
    page = index.search(
        q, kinds=tuple(kind or ()), major=major_iri, mode=mode, limit=limit, offset=offset
    )
    return SearchResults(
        data=[
            SearchHit(
                iri=h.iri,
                kind=h.entry.kind,
                label=h.entry.label,
                label_en=h.entry.label_en,
                matched=h.matched,
                match=h.match,
                score=h.score,
            )
            for h in page.hits
        ],
        count=page.total,
    )
