"""Review decisions on inferred edges (alignments, prerequisites); they win over later builds."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response

from api.curation import curated_changed
from api.deps import EditorDep, ReaderDep, StoreDep
from api.problems import ApiProblem, responses
from api.schemas import ReviewCreate, ReviewPublic, ReviewsPublic
from api.views import fact_exists, resolve_iri
from graphbuilder.store.mapping import term
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.reviews import clear_review, reviews, set_review

router = APIRouter(prefix="/reviews", tags=["reviews"], responses=responses(401, 403, 422))
Kind = Literal["alignsTo", "requires"]
_IRI_DOC = "IRI or kind/key (e.g. skill/3f…) / 节点"


def _fact(store: OxigraphStore, subject: str, kind: str, obj: str) -> tuple[str, str, str]:
    try:
        return (resolve_iri(store, subject), term(kind).value, resolve_iri(store, obj))
    except ValueError as exc:
        raise ApiProblem(422, str(exc), "invalid-request") from None


@router.get("", response_model=ReviewsPublic)
def list_reviews(
    store: StoreDep,
    _: ReaderDep,
    predicate: Annotated[Kind | None, Query(description="Edge kind / 关系类型.")] = None,
    status: Annotated[
        Literal["accepted", "rejected"] | None, Query(description="Decision / 决定.")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="Per page / 每页条数.")] = 100,
    offset: Annotated[int, Query(ge=0, description="Skip / 偏移量.")] = 0,
) -> ReviewsPublic:
    """The review decisions / 审核决定列表."""
    kinds = {term(k).value: k for k in ("alignsTo", "requires")}
    found = [
        ReviewPublic(subject=s, predicate=kinds[p], object=o, status=st)
        for (s, p, o), st in sorted(reviews(store).items())
        if p in kinds
        and (predicate is None or kinds[p] == predicate)
        and (status is None or st == status)
    ]
    return ReviewsPublic(data=found[offset : offset + limit], count=len(found))


@router.put("", response_model=ReviewPublic, responses=responses(404))
def decide(
    request: Request, store: StoreDep, editor: EditorDep, body: ReviewCreate
) -> ReviewPublic:
    """Accept or reject an alignment or a prerequisite edge / 接受或拒绝对齐、先修关系."""
    fact = _fact(store, body.subject, body.predicate, body.object)
    if not fact_exists(store, fact):
        raise ApiProblem(404, f"the graph has no {body.predicate} edge {fact[0]} → {fact[2]}")
    set_review(store, fact, body.status, reviewer=editor.name)
    curated_changed(request)
    return ReviewPublic(
        subject=fact[0], predicate=body.predicate, object=fact[2], status=body.status
    )


@router.delete("", status_code=204, response_class=Response, responses=responses(404))
def forget(
    request: Request,
    store: StoreDep,
    _: EditorDep,
    subject: Annotated[str, Query(min_length=1, max_length=2048, description=_IRI_DOC)],
    predicate: Annotated[Kind, Query(description="Edge kind / 关系类型.")],
    object: Annotated[str, Query(min_length=1, max_length=2048, description=_IRI_DOC)],
) -> Response:
    """Forget a decision: the build's inference applies again / 撤销审核决定."""
    fact = _fact(store, subject, predicate, object)
    if fact not in reviews(store):
        raise ApiProblem(404, f"no decision on {fact[0]} {predicate} {fact[2]}", "not-found")
    clear_review(store, fact)
    curated_changed(request)
    return Response(status_code=204)
