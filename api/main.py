"""Builds the FastAPI application."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from api import problems
from api.exporting import ExportCache
from api.graphcache import GraphCache
from api.routes import (
    admin,
    diff,
    exports,
    gaps,
    health,
    links,
    majors,
    nodes,
    occupations,
    paths,
    resources,
    reviews,
    search,
    sparql,
    suggestions,
    technologies,
)
from api.sparql import SparqlRunner
from graphbuilder.settings import Settings, get_settings
from graphbuilder.store.keys import load_keys
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.search import LabelIndex

log = logging.getLogger("api")
#: The web page, built from web/ by ``make web`` (not committed).
WEB_DIR = Path(__file__).parent / "web"
ROUTERS = (
    health,
    search,
    nodes,
    majors,
    occupations,
    technologies,
    gaps,
    diff,
    paths,
    resources,
    suggestions,
    links,
    reviews,
    exports,
    sparql,
    admin,
)
DESCRIPTION = """\
The vocational knowledge graph and skill graph over HTTP / 职业教育知识图谱与技能图谱服务.

- **Read / 查询**: search by label, nodes with neighbours and provenance, majors, occupations,
  technologies, learning paths. Anonymous reading can be allowed by the server's settings.
- **Curate / 维护** (key with role `editor`): teaching resources and their links to knowledge
  points and skills, bulk import of a 资源库 listing, review of alignments and prerequisites.
- **Sync / 同步**: exports with ETags, SPARQL 1.1 (queries only, limited in time and size).

Send a key as `X-API-Key: gb_…` or `Authorization: Bearer gb_…`. Errors are RFC 9457
problem documents (`application/problem+json`).
"""


def create_served_app() -> FastAPI:
    """The application ``graphbuilder serve`` runs: the settings' store, preloaded."""
    return create_app(preload=True)


def create_app(
    store_dir: Path | None = None, *, settings: Settings | None = None, preload: bool = False
) -> FastAPI:
    """The application serving the store in ``store_dir`` (default: the settings' store).

    The store is opened for writing (editors write curated data) in the lifespan, so only
    one server (and no build) can hold it at a time. With ``preload``, the graph that learning
    paths run on and the gap report's slice load in the background as the server starts
    (about 30 and 20 s on the national graph), so the first teacher to ask does not wait.
    """

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        s = settings or get_settings()
        store = OxigraphStore(store_dir or s.store, s.base_iri)
        app.state.settings = s
        app.state.store = store
        app.state.keys = load_keys(s.api_keys_file)
        app.state.index = LabelIndex.from_store(store)
        app.state.sparql = SparqlRunner(s.sparql_timeout, s.sparql_max_results)
        app.state.exports = ExportCache()
        app.state.suggester = None  # built on the first suggestion request
        app.state.graph = GraphCache(store)  # loaded on the first path request
        app.state.preload = _preload(app, store) if preload else None
        log.info("serving %s: %d nodes indexed", store.path, len(app.state.index))
        try:
            yield
        finally:
            if app.state.preload is not None:
                app.state.preload.join()
            app.state.graph.wait()
            app.state.sparql.close()
            app.state.exports.close()
            store.close()

    app = FastAPI(
        title="graphbuilder",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
    )
    problems.install(app)
    origins = (settings or get_settings()).cors_origins
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
            allow_headers=["Authorization", "X-API-Key", "Content-Type", "If-None-Match"],
            expose_headers=["ETag", "X-Build-Id", "Location"],
        )
    for module in ROUTERS:
        app.include_router(module.router, prefix="/api/v1")
    _mount_web(app)
    return app


def _preload(app: FastAPI, store: OxigraphStore) -> threading.Thread:
    """Start loading what the first path and gap requests would otherwise wait for."""

    def run() -> None:
        started = time.perf_counter()
        try:
            app.state.graph.get()
            gaps.inputs_cache(app.state).get(store)
        except Exception:  # the first request will try again and report what is wrong
            log.exception("preloading the path graph and gap inputs failed")
        else:
            log.info("path graph and gap inputs loaded in %.1f s", time.perf_counter() - started)

    thread = threading.Thread(target=run, name="graphbuilder-preload", daemon=True)
    thread.start()
    return thread


def _mount_web(app: FastAPI) -> None:
    """Serve the web page at ``/`` and its assets under ``/static`` (503 until it is built)."""

    @app.get("/", include_in_schema=False)
    def index(request: Request) -> Response:
        page = WEB_DIR / "index.html"
        if not page.is_file():
            detail = "web page not built: run `make web`"
            return problems.problem_response(request, 503, detail, kind="web-not-built")
        return FileResponse(page, headers={"Cache-Control": "no-cache"})

    if WEB_DIR.is_dir():
        app.mount("/static", StaticFiles(directory=WEB_DIR), name="static")
