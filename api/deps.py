"""Dependencies shared by the routes (``Annotated`` aliases)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from graphbuilder.settings import Settings, get_settings
from graphbuilder.store.oxigraph import OxigraphStore


def get_store(request: Request) -> OxigraphStore:
    """The store opened in the application's lifespan."""
    store: OxigraphStore = request.app.state.store
    return store


StoreDep = Annotated[OxigraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
