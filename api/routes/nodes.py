"""Node lookup by IRI or by its path under the data namespace."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Query

from api.deps import ReaderDep, StoreDep
from api.problems import ApiProblem, responses
from api.schemas import NodePublic, ReviewedEdgePublic
from api.views import resolve_iri, reviewed_edges
from graphbuilder.model.iris import KIND_PATHS
from graphbuilder.store.lookup import node_view

router = APIRouter(prefix="/nodes", tags=["nodes"], responses=responses(401, 404, 422))
_PATHS = sorted(set(KIND_PATHS.values()))


def view(store: StoreDep, iri: str) -> NodePublic:
    """The public view of node ``iri`` (404 when the graph lacks it)."""
    found = node_view(store, iri)
    if found is None:
        raise ApiProblem(404, f"no node {iri}", "not-found")
    node = NodePublic.model_validate(found)
    node.alignments = [
        ReviewedEdgePublic(subject=e.subject, object=e.object, score=e.score, status=e.status)
        for e in reviewed_edges(store, iri, "alignsTo")
    ]
    node.prerequisites = [
        ReviewedEdgePublic(subject=e.subject, object=e.object, score=e.score, status=e.status)
        for e in reviewed_edges(store, iri, "requires")
    ]
    return node


@router.get("", response_model=NodePublic)
def node_by_iri(
    store: StoreDep,
    _: ReaderDep,
    iri: Annotated[
        str,
        Query(
            min_length=1,
            max_length=2048,
            description="The node's IRI, or kind/key (e.g. major/510201) / 节点 IRI.",
        ),
    ],
) -> NodePublic:
    """A node by its full IRI, with neighbours, labels, alignments, provenance / 按 IRI 查询节点."""
    try:
        return view(store, resolve_iri(store, iri))
    except ValueError as exc:
        raise ApiProblem(422, str(exc), "invalid-request") from None


@router.get("/{kind_path}/{key}", response_model=NodePublic)
def node_by_path(
    store: StoreDep,
    _: ReaderDep,
    kind_path: Annotated[
        str, Path(description=f"The kind path / 节点类型路径, one of {', '.join(_PATHS)}.")
    ],
    key: Annotated[
        str,
        Path(
            max_length=200,
            description="The code or key, e.g. 510201 / 编码或键.",
        ),
    ],
) -> NodePublic:
    """A node by kind path and key, e.g. ``major/510201`` / 按类型与编码查询节点."""
    if kind_path not in _PATHS:
        raise ApiProblem(404, f"unknown kind path {kind_path!r}; one of {_PATHS}", "not-found")
    try:
        iri = resolve_iri(store, f"{kind_path}/{key}")
    except ValueError as exc:
        raise ApiProblem(404, f"no node {kind_path}/{key}: {exc}", "not-found") from None
    return view(store, iri)
