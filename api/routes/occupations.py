"""Occupations: an occupation's tasks and skills, and the majors preparing for it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import IndexDep, ReaderDep, StoreDep, indexed_node
from api.problems import responses
from api.routes.majors import node_ref
from api.schemas import NodeRef, OccupationPublic
from api.views import occupation_view

router = APIRouter(prefix="/occupations", tags=["occupations"], responses=responses(401, 404, 422))


@router.get("/{code}", response_model=OccupationPublic)
def occupation(
    store: StoreDep,
    index: IndexDep,
    _: ReaderDep,
    code: Annotated[
        str,
        Path(
            pattern=r"^[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}$",
            description="Occupation code, e.g. 2-02-10-03 / 职业编码.",
        ),
    ],
) -> OccupationPublic:
    """An occupation with its tasks, skills and majors / 职业的工作任务、技能与面向专业."""
    iri = f"{store.base}occupation/{code}"
    entry = indexed_node(index, iri, "Occupation", f"occupation {code}")
    parts = occupation_view(store, index, iri)
    return OccupationPublic(
        node=NodeRef(iri=iri, kind="Occupation", label=entry.label),
        code=code,
        tasks=[node_ref(r) for r in parts["tasks"]],
        skills=[node_ref(r) for r in parts["skills"]],
        majors=[node_ref(r) for r in parts["majors"]],
    )
