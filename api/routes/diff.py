"""Diffs between two tagged versions of the served store (``graphbuilder build --tag``).

The JSON is ``graphbuilder diff OLD NEW --store DIR --json``, optionally narrowed to one node or
edge kind and one major. Only the store's own tags can be named: a client never reaches
another store directory through the API. The last few diffs are kept: tags change only with
a build, which cannot run while the server holds the store.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Query, Request
from starlette.concurrency import run_in_threadpool

from api.deps import ReaderDep, StoreDep, app_cache
from api.exporting import latest_build
from api.problems import ApiProblem, responses
from graphbuilder.algorithms.diff import GraphDiff, select
from graphbuilder.model import EDGE_KINDS, NODE_KINDS
from graphbuilder.store.oxigraph import OxigraphStore

if TYPE_CHECKING:
    from pyoxigraph import NamedNode

router = APIRouter(tags=["curriculum"], responses=responses(400, 401, 404, 422))
KEEP = 4
_TAG = r"^[^\s/\\]{1,100}$"


class DiffCache:
    """The last :data:`KEEP` whole diffs, by (build, old tag, new tag)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._diffs: OrderedDict[tuple[str, str, str], GraphDiff] = OrderedDict()

    def get(
        self, store: OxigraphStore, tags: dict[str, list[NamedNode]], old: str, new: str
    ) -> GraphDiff:
        """The diff from tag ``old`` to tag ``new`` (both in ``tags``)."""
        from graphbuilder.algorithms.diff import diff_snapshots
        from graphbuilder.store.versions import read_pair

        key = (latest_build(store) or "", old, new)
        with self._lock:
            if key in self._diffs:
                self._diffs.move_to_end(key)
                return self._diffs[key]
            pair = read_pair(store, (old, tags[old]), (new, tags[new]), store.graph_paths())
            d = diff_snapshots(*pair)
            self._diffs[key] = d
            while len(self._diffs) > KEEP:
                self._diffs.popitem(last=False)
            return d


def _cache(request: Request) -> DiffCache:
    """The application's cache (made on the first request: the lifespan does not know it)."""
    return app_cache(request, "diffs", DiffCache)


@router.get("/diff", response_model=GraphDiff)
async def diff(
    request: Request,
    store: StoreDep,
    _: ReaderDep,
    old: Annotated[
        str | None, Query(pattern=_TAG, description="The earlier tag / 旧版本标签.")
    ] = None,
    new: Annotated[
        str | None, Query(pattern=_TAG, description="The later tag / 新版本标签.")
    ] = None,
    kind: Annotated[
        str | None,
        Query(description="Only nodes or edges of this kind (`Course`, `hasPart`) / 类型."),
    ] = None,
    major: Annotated[
        str | None,
        Query(pattern=r"^[0-9]{6}$", description="Only changes touching this major / 专业代码."),
    ] = None,
) -> GraphDiff:
    """What changed between two tagged versions / 两个版本之间的变化 (按类型与专业)."""
    missing = [name for name, value in (("old", old), ("new", new)) if not value]
    if missing:
        raise ApiProblem(
            400, f"give both tags: ?old=TAG&new=TAG (missing: {', '.join(missing)})", "bad-request"
        )
    assert old is not None and new is not None
    if kind is not None and kind not in NODE_KINDS and kind not in EDGE_KINDS:
        known_kinds = ", ".join([*NODE_KINDS, *EDGE_KINDS])
        raise ApiProblem(400, f"unknown kind {kind!r}; one of {known_kinds}", "bad-request")
    tags = await run_in_threadpool(store.tags)
    unknown = [t for t in (old, new) if t not in tags]
    if unknown:
        known = ", ".join(sorted(tags)) or "none"
        raise ApiProblem(
            404, f"no tag {', '.join(map(repr, unknown))} (tags: {known})", "unknown-tag"
        )
    whole = await run_in_threadpool(_cache(request).get, store, tags, old, new)
    return whole if kind is None and major is None else select(whole, kind=kind, major=major)
