"""Majors: a major's courses, skills, knowledge points, occupations and certificates."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from pyoxigraph import Literal, NamedNode

from api.deps import IndexDep, ReaderDep, StoreDep
from api.problems import ApiProblem, responses
from api.schemas import CourseRef, MajorPublic, NodeRef
from api.views import Ref, major_view
from graphbuilder.store.mapping import term

router = APIRouter(prefix="/majors", tags=["majors"], responses=responses(401, 404, 422))


def node_ref(ref: Ref) -> NodeRef:
    """A view's node reference as a response model."""
    return NodeRef(iri=ref.iri, kind=ref.kind, label=ref.label)


@router.get("/{code}", response_model=MajorPublic)
def major(
    store: StoreDep,
    index: IndexDep,
    _: ReaderDep,
    code: Annotated[
        str, Path(pattern=r"^[0-9]{6}$", description="Six-digit major code / 专业代码.")
    ],
) -> MajorPublic:
    """A major's courses, skills, occupations, certificates / 专业的课程、技能、职业与证书."""
    iri = f"{store.base}major/{code}"
    entry = index.get(iri)
    if entry is None or entry.kind != "Major":
        raise ApiProblem(404, f"no major {code}", "not-found")
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
    )
