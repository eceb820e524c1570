"""Dependencies shared by the routes (``Annotated`` aliases).

What the lifespan opens lives on ``app.state``: the store, the label index, the key ring, the
settings, the SPARQL runner and the export cache.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request

from api.problems import ApiProblem
from api.security import Principal, requires
from graphbuilder.settings import Settings
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.search import IndexEntry, LabelIndex

T = TypeVar("T")
_STATE_LOCK = threading.Lock()


def app_cache(request: Request, name: str, make: Callable[[], T]) -> T:
    """The application's object ``name`` on ``app.state``, made by ``make()`` on first use.

    For caches the lifespan does not know about (the gap inputs, recent diffs).
    """
    return state_cache(request.app.state, name, make)


def state_cache(state: Any, name: str, make: Callable[[], T]) -> T:
    """``state.<name>``, made by ``make()`` the first time (one maker at a time)."""
    with _STATE_LOCK:
        obj: T | None = getattr(state, name, None)
        if obj is None:
            obj = make()
            setattr(state, name, obj)
    return obj


def indexed_node(index: LabelIndex, iri: str, kind: str, what: str) -> IndexEntry:
    """The index entry of ``iri`` if it is a node of ``kind``; else a 404 naming ``what``."""
    entry = index.get(iri)
    if entry is None or entry.kind != kind:
        raise ApiProblem(404, f"no {what}", "not-found")
    return entry


def get_store(request: Request) -> OxigraphStore:
    """The store opened in the application's lifespan."""
    store: OxigraphStore = request.app.state.store
    return store


def get_index(request: Request) -> LabelIndex:
    """The label index built in the application's lifespan."""
    index: LabelIndex = request.app.state.index
    return index


def get_app_settings(request: Request) -> Settings:
    """The settings the application was made with."""
    settings: Settings = request.app.state.settings
    return settings


StoreDep = Annotated[OxigraphStore, Depends(get_store)]
IndexDep = Annotated[LabelIndex, Depends(get_index)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
ReaderDep = Annotated[Principal, requires("reader")]
EditorDep = Annotated[Principal, requires("editor")]
AdminDep = Annotated[Principal, requires("admin")]


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it passes ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise ApiProblem(413, f"the body is larger than {limit} bytes", "too-large")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise ApiProblem(413, f"the body is larger than {limit} bytes", "too-large")
    return bytes(body)
