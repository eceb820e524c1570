"""Node lookup by IRI or by its path under the data namespace."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from api.deps import StoreDep
from api.schemas import NodePublic
from graphbuilder.model.iris import KIND_PATHS
from graphbuilder.store.lookup import node_view

router = APIRouter(prefix="/nodes", tags=["nodes"])
_PATHS = set(KIND_PATHS.values())


def _view(store: StoreDep, iri: str) -> NodePublic:
    view = node_view(store, iri)
    if view is None:
        raise HTTPException(status_code=404, detail=f"no node {iri}")
    return NodePublic.model_validate(view)


@router.get("", response_model=NodePublic)
def node_by_iri(
    store: StoreDep, iri: Annotated[str, Query(min_length=1, max_length=2048)]
) -> NodePublic:
    """A node by its full IRI / 按 IRI 查询节点."""
    return _view(store, iri)


@router.get("/{kind_path}/{key}", response_model=NodePublic)
def node_by_path(store: StoreDep, kind_path: str, key: str) -> NodePublic:
    """A node by kind path and key, e.g. ``major/510201`` / 按类型与编码查询节点."""
    if kind_path not in _PATHS:
        raise HTTPException(
            status_code=404, detail=f"unknown kind path {kind_path!r}; one of {sorted(_PATHS)}"
        )
    return _view(store, f"{store.base}{kind_path}/{key}")
