"""The networkx view of the store that learning paths run on, loaded once and kept fresh.

``graphbuilder.algorithms.load_graph`` reads the whole graph (seconds on the national one),
so it is loaded on the first path request and kept. A curated write (a resource, a link, a
review) marks it stale: the next request still gets the current graph at once while a fresh
one loads in the background, and the one after gets the fresh one. Paths may thus lag an edit
by one load; they never wait for one, except the very first.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from graphbuilder.store.oxigraph import OxigraphStore

if TYPE_CHECKING:
    import networkx as nx

log = logging.getLogger("api")


class GraphCache:
    """The loaded graph of one store, refreshed in the background after writes.

    Args:
        store: the store the graph is loaded from.
    """

    def __init__(self, store: OxigraphStore) -> None:
        self._store = store
        self._graph: nx.DiGraph[Any] | None = None
        self._stale = False
        self._lock = threading.Lock()
        self._loading: threading.Thread | None = None

    def _load(self) -> nx.DiGraph[Any]:
        from graphbuilder.algorithms import load_graph

        return load_graph(self._store)

    @property
    def loaded(self) -> bool:
        """Whether a graph has been loaded (a request would not wait for one)."""
        return self._graph is not None

    def get(self) -> nx.DiGraph[Any]:
        """The graph (loaded now if it never was)."""
        with self._lock:
            if self._graph is None:
                self._graph = self._load()
                self._stale = False
            elif self._stale and self._loading is None:
                self._loading = threading.Thread(target=self._refresh, daemon=True)
                self._loading.start()
            return self._graph

    def _refresh(self) -> None:
        self._stale = False
        try:
            fresh = self._load()
        except Exception:  # a failed refresh keeps the old graph; the next write retries
            log.exception("reloading the graph for learning paths failed")
            self._stale = True
        else:
            with self._lock:
                self._graph = fresh
        finally:
            self._loading = None

    def invalidate(self) -> None:
        """Mark the graph stale (call after every curated write)."""
        self._stale = True

    def wait(self) -> None:
        """Wait for a background refresh to end (for tests and shutdown)."""
        loading = self._loading
        if loading is not None:
            loading.join()
