"""Majors: a major's courses, skills, knowledge points, occupations, certificates and the
industry technologies its courses and skills align to."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from pyoxigraph import Literal, NamedNode

from api.deps import IndexDep, ReaderDep, StoreDep, indexed_node
from api.problems import responses
from api.schemas import AlignedVia, CourseRef, MajorPublic, MajorTechnology, NodeRef
from api.views import AlignedTechnology, Ref, aligned_technologies, major_view
from graphbuilder.store.mapping import term

router = APIRouter(prefix="/majors", tags=["majors"], responses=responses(401, 404, 422))


def node_ref(ref: Ref) -> NodeRef:
    """A view's node reference as a response model."""
    return NodeRef(iri=ref.iri, kind=ref.kind, label=ref.label)


def technology(t: AlignedTechnology) -> MajorTechnology:
    """An aligned technology as a response model."""
    return MajorTechnology(
        iri=t.ref.iri,
        kind=t.ref.kind,
        label=t.ref.label,
        score=t.score,
        statuses=sorted({status for _, _, status in t.via}),
        via=[
            AlignedVia(iri=r.iri, kind=r.kind, label=r.label, score=score, status=status)
            for r, score, status in t.via
        ],
    )


@router.get("/{code}", response_model=MajorPublic)
def major(
    store: StoreDep,
    index: IndexDep,
    _: ReaderDep,
    code: Annotated[
        str, Path(pattern=r"^[0-9]{6}$", description="Six-digit major code / 专业代码.")
    ],
) -> MajorPublic:
    """A major's courses, skills, occupations, technologies / 专业的课程、技能、职业与产业技术."""
    iri = f"{store.base}major/{code}"
    entry = indexed_node(index, iri, "Major", f"major {code}")
    levels = store.raw.quads_for_pattern(NamedNode(iri), term("level"), None, None)
    level = next((q.object.value for q in levels if isinstance(q.object, Literal)), None)
    parts = major_view(store, index, iri)
    return MajorPublic(
        node=NodeRef(iri=iri, kind="Major", label=entry.label),
        code=code,
        level=level,
        courses=[
            CourseRef(iri=c.iri, kind=c.kind, label=c.label, course_type=c.course_type)
            for c in parts["courses"]
        ],
        skills=[node_ref(r) for r in parts["skills"]],
        knowledge_points=[node_ref(r) for r in parts["knowledge_points"]],
        occupations=[node_ref(r) for r in parts["occupations"]],
        certificates=[node_ref(r) for r in parts["certificates"]],
        continues_to=[node_ref(r) for r in parts["continues_to"]],
        technologies=[
            technology(t)
            for t in aligned_technologies(store, index, [*parts["courses"], *parts["skills"]])
        ],
    )
