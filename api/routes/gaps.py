"""Gap reports: what a major's occupations need, and what its courses cover.

The report is ``graphbuilder.algorithms.gaps.gap_report`` over the slice of the graph that
``graphbuilder.store.gap_inputs.read_gap_inputs`` reads (seconds on the national graph), so
the slice is read on the first request and kept until the store's latest build or its
alignment reviews change. The JSON is the same as ``graphbuilder report gaps --json``; HTML
(``Accept: text/html`` or ``?format=html``) is the page ``report gaps --html`` writes.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from api.deps import ReaderDep, StoreDep, state_cache
from api.exporting import latest_build
from api.problems import ApiProblem, responses
from graphbuilder.algorithms.gaps import GapReport
from graphbuilder.store.mapping import term
from graphbuilder.store.oxigraph import OxigraphStore

if TYPE_CHECKING:
    from graphbuilder.algorithms.gaps import GapInputs

router = APIRouter(prefix="/majors", tags=["curriculum"], responses=responses(401, 404, 422))


class GapInputsCache:
    """The gap slice of one store, re-read when a build or an alignment review changed it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[str, str] | None = None
        self._inputs: GapInputs | None = None

    @property
    def loaded(self) -> bool:
        """Whether a slice has been read."""
        return self._inputs is not None

    def get(self, store: OxigraphStore) -> GapInputs:
        """The slice as the store is now (concurrent first callers wait for one read)."""
        from graphbuilder.store.gap_inputs import read_gap_inputs
        from graphbuilder.store.reviews import reviews_fingerprint

        key = (latest_build(store) or "", reviews_fingerprint(store, term("alignsTo").value))
        with self._lock:
            if self._inputs is None or self._key != key:
                self._inputs = read_gap_inputs(store)
                self._key = key
            return self._inputs


def inputs_cache(state: Any) -> GapInputsCache:
    """The application's cache on ``app.state`` (made on first use: the lifespan does not
    make it, though a preloading server fills it at start)."""
    return state_cache(state, "gap_inputs", GapInputsCache)


def _cache(request: Request) -> GapInputsCache:
    """The application's cache."""
    return inputs_cache(request.app.state)


def _wants_html(request: Request, fmt: str | None) -> bool:
    if fmt is not None:
        return fmt == "html"
    accept = request.headers.get("accept", "")
    return "text/html" in accept and "application/json" not in accept


@router.get(
    "/{code}/gaps",
    response_model=GapReport,
    responses={200: {"content": {"text/html": {"schema": {"type": "string"}}}}},
)
async def gaps(
    request: Request,
    store: StoreDep,
    _: ReaderDep,
    code: Annotated[
        str, Path(pattern=r"^[0-9]{6}$", description="Six-digit major code / 专业代码.")
    ],
    format: Annotated[
        Literal["json", "html"] | None,
        Query(description="`html` for the rendered page (as `Accept: text/html`) / 输出格式."),
    ] = None,
) -> GapReport | HTMLResponse:
    """A major's technology gap report / 专业技术缺口报告 (需求、覆盖、证据)."""
    from graphbuilder.algorithms.gaps import gap_report
    from graphbuilder.errors import NotFoundError

    cache = _cache(request)

    def run() -> GapReport | None:
        try:
            return gap_report(cache.get(store), code)
        except NotFoundError:
            return None

    report = await run_in_threadpool(run)
    if report is None:
        raise ApiProblem(404, f"no major {code}", "not-found")
    if _wants_html(request, format):
        from graphbuilder.export.gaps_html import render_gaps_html

        return HTMLResponse(render_gaps_html(report))
    return report
