"""Industry technologies: the courses and majors that teach one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from api.deps import IndexDep, ReaderDep, StoreDep, indexed_node
from api.problems import responses
from api.routes.majors import node_ref
from api.schemas import NodeRef, TechnologyPublic
from api.views import technology_view

router = APIRouter(
    prefix="/technologies", tags=["technologies"], responses=responses(401, 404, 422)
)


@router.get("/{key}", response_model=TechnologyPublic)
def technology(
    store: StoreDep,
    index: IndexDep,
    _: ReaderDep,
    key: Annotated[
        str,
        Path(
            pattern=r"^[A-Za-z0-9._-]{1,100}$",
            description="The key of the technology's IRI (…/technology/<key>) / 技术键.",
        ),
    ],
) -> TechnologyPublic:
    """A technology with the courses and majors that teach it / 产业技术对应的课程与专业."""
    iri = f"{store.base}technology/{key}"
    entry = indexed_node(index, iri, "Technology", f"technology {key}")
    parts = technology_view(store, index, iri)
    return TechnologyPublic(
        node=NodeRef(iri=iri, kind="Technology", label=entry.label),
        courses=[node_ref(r) for r in parts["courses"]],
        majors=[node_ref(r) for r in parts["majors"]],
    )
