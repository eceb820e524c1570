"""Builds the FastAPI application."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI

from api.routes import health, nodes
from graphbuilder.settings import get_settings
from graphbuilder.store.oxigraph import OxigraphStore


def create_app(store_dir: Path | None = None) -> FastAPI:
    """The application serving the store in ``store_dir`` (default: the settings' store)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings = get_settings()
        app.state.store = OxigraphStore(
            store_dir or settings.store, settings.base_iri, read_only=True
        )
        yield

    app = FastAPI(
        title="graphbuilder",
        description="Vocational knowledge and skill graph / 职业教育知识图谱与技能图谱",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.include_router(health.router, prefix="/api/v1")
    app.include_router(nodes.router, prefix="/api/v1")
    return app
