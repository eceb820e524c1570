"""Health of the service."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import IndexDep, StoreDep
from api.exporting import latest_build
from api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(store: StoreDep, index: IndexDep) -> Health:
    """Service health / 服务状态: the store served, its documents and latest build."""
    return Health(
        status="ok",
        store=str(store.path),
        documents=len(store.documents()),
        build_id=latest_build(store),
        nodes=len(index),
    )
