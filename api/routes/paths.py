"""Learning paths: what to learn, in what order, to reach a skill, a knowledge point, a course
or an occupation (its tasks' needed skills are its prerequisites).

The path comes from ``graphbuilder.algorithms.learning_path`` over the graph of
``graphbuilder.algorithms.load_graph`` (see :mod:`api.graphcache` for how it is kept fresh).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from api.deps import ReaderDep, StoreDep
from api.graphcache import GraphCache
from api.problems import ApiProblem, responses
from api.schemas import InferredTeacherPublic, NodeRef, PathItemPublic, PathPublic
from api.views import resolve_iri

if TYPE_CHECKING:
    from graphbuilder.algorithms import PathItem, Ref
    from graphbuilder.algorithms.path_teachers import InferredTeacher

router = APIRouter(prefix="/paths", tags=["paths"], responses=responses(401, 404, 422))
_REF_DOC = "kind/key (e.g. skill/3f…) or an IRI"


def _ref(r: Ref) -> NodeRef:
    return NodeRef(iri=r.iri, kind=r.kind, label=r.label)


def _inferred(t: InferredTeacher) -> InferredTeacherPublic:
    return InferredTeacherPublic(
        iri=t.iri, kind=t.kind, label=t.label, how=t.how, shared=list(t.shared), through=t.through
    )


def _item(i: PathItem) -> PathItemPublic:
    return PathItemPublic(
        node=_ref(i.node),
        stage=i.stage,
        requires=list(i.requires),
        taught_by=[_ref(r) for r in i.taught_by],
        taught_by_inferred=[_inferred(t) for t in i.taught_by_inferred],
        resources=[_ref(r) for r in i.resources],
        alternatives=[_ref(r) for r in i.alternatives],
    )


@router.get("/{target:path}", response_model=PathPublic)
async def learning_path(
    request: Request,
    store: StoreDep,
    _: ReaderDep,
    target: Annotated[
        str, Path(max_length=2048, description=f"What to reach: {_REF_DOC} / 学习目标.")
    ],
    known: Annotated[
        list[str] | None,
        Query(
            max_length=200, description=f"What the learner has (repeatable): {_REF_DOC} / 已掌握."
        ),
    ] = None,
    min_confidence: Annotated[
        float,
        Query(
            ge=0,
            le=1,
            description="Prerequisites below this confidence are not followed / 置信度下限.",
        ),
    ] = 0.0,
) -> PathPublic:
    """The staged learning path to a target / 技能学习路径 (先修关系分阶段排序)."""
    try:
        goal = resolve_iri(store, target)
        have = [resolve_iri(store, k) for k in known or ()]
    except ValueError as exc:
        raise ApiProblem(422, str(exc), "invalid-request") from None
    cache: GraphCache = request.app.state.graph

    def run() -> PathPublic | None:
        from graphbuilder.algorithms import learning_path as plan

        G = cache.get()
        if goal not in G:
            return None
        path = plan(G, goal, known=have, min_confidence=min_confidence)
        return PathPublic(
            target=_ref(path.target),
            known=list(path.known),
            stages=[[_item(i) for i in stage] for stage in path.stages],
        )

    found = await run_in_threadpool(run)
    if found is None:
        raise ApiProblem(404, f"no node {goal}", "not-found")
    return found
