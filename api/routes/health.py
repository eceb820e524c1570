"""Health of the service."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import StoreDep
from api.schemas import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health)
def health(store: StoreDep) -> Health:
    """Service health / 服务状态: the store served and its document count."""
    return Health(status="ok", store=str(store.path), documents=len(store.documents()))
