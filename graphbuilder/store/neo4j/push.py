"""Push the graph to Neo4j over Bolt: batched, idempotent, resumable.

Order: constraints and indexes, then nodes kind by kind, then relationships type by type,
then what a newer build no longer has (relationships first, then nodes). Each batch is one
managed transaction (``execute_write``), which the driver retries on transient errors.

A push compares before it writes: it reads the ``syncHash`` of every node and relationship
it wrote before and sends only rows whose hash differs, so a second push of the same graph
sends nothing and reports zero changes, and a push interrupted half-way (its last batch
rolled back) is finished by running it again. Nodes and relationships without ``syncHash``
were not written by graphbuilder and are never touched.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graphbuilder.errors import StoreError
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.spool import SpooledGraph
from graphbuilder.model import EDGE_KINDS, NODE_KINDS
from graphbuilder.store.neo4j import queries
from graphbuilder.store.neo4j.records import node_row, relationship_row
from graphbuilder.store.oxigraph import OxigraphStore

if TYPE_CHECKING:
    from neo4j import Driver, ManagedTransaction, Session

Progress = Callable[[str, int], None]
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
_COUNTERS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted")


@dataclass(frozen=True, slots=True)
class Neo4jTarget:
    """Where to push: a Bolt URI, credentials and (optionally) a database name."""

    uri: str
    user: str
    password: str = field(repr=False)
    database: str | None = None


@dataclass
class Changes:
    """What a push did to one node kind or relationship type."""

    created: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> int:
        """Created, updated and deleted together."""
        return self.created + self.updated + self.deleted

    @property
    def written(self) -> int:
        """Rows sent (created or updated)."""
        return self.created + self.updated


@dataclass
class PushSummary:
    """The outcome of a push: changes by kind and type, times, the server's own counters."""

    nodes: dict[str, Changes] = field(default_factory=dict)
    relationships: dict[str, Changes] = field(default_factory=dict)
    read_seconds: float = 0.0
    node_seconds: float = 0.0
    relationship_seconds: float = 0.0
    delete_seconds: float = 0.0
    counters: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_COUNTERS, 0))

    @property
    def changes(self) -> int:
        """Everything created, updated or deleted; 0 when the database was already in sync."""
        return sum(c.changed for c in [*self.nodes.values(), *self.relationships.values()])

    @property
    def node_rate(self) -> float:
        """Nodes written per second of the node phase."""
        n = sum(c.written for c in self.nodes.values())
        return n / self.node_seconds if self.node_seconds else 0.0

    @property
    def relationship_rate(self) -> float:
        """Relationships written per second of the relationship phase."""
        n = sum(c.written for c in self.relationships.values())
        return n / self.relationship_seconds if self.relationship_seconds else 0.0


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


@contextmanager
def connect(target: Neo4jTarget) -> Iterator[Driver]:
    """An open, verified driver; connection and authentication failures as one-line errors.

    Raises:
        StoreError: the URI is invalid, the server cannot be reached or refuses the login.
    """
    import neo4j
    from neo4j.exceptions import AuthError, ConfigurationError, ServiceUnavailable

    scheme = target.uri.partition("://")[0]
    if scheme not in BOLT_SCHEMES:
        raise StoreError(
            f"invalid Neo4j URI {target.uri!r}: use one of {', '.join(BOLT_SCHEMES)}://"
        )
    try:
        driver = neo4j.GraphDatabase.driver(
            target.uri, auth=(target.user, target.password), connection_timeout=15.0
        )
    except (ValueError, ConfigurationError) as exc:
        raise StoreError(f"invalid Neo4j URI {target.uri!r}: {_first_line(exc)}") from None
    try:
        try:
            driver.verify_connectivity()
        except AuthError:
            raise StoreError(
                f"authentication failed for user {target.user!r} at {target.uri}"
            ) from None
        except (ServiceUnavailable, OSError) as exc:
            raise StoreError(f"cannot connect to {target.uri}: {_first_line(exc)}") from None
        yield driver
    finally:
        driver.close()


def _write(tx: ManagedTransaction, statement: str, params: dict[str, Any]) -> dict[str, int]:
    counters = tx.run(statement, params).consume().counters
    return {name: int(getattr(counters, name)) for name in _COUNTERS}


def _read(tx: ManagedTransaction, statement: str) -> list[dict[str, Any]]:
    return [record.data() for record in tx.run(statement)]


class _Pusher:
    def __init__(self, session: Session, summary: PushSummary, batch: int, progress: Progress):
        self.session, self.summary, self.batch, self.progress = session, summary, batch, progress

    def send(self, statement: str, key: str, rows: list[Any], what: str) -> None:
        for i in range(0, len(rows), self.batch):
            chunk = rows[i : i + self.batch]
            counters = self.session.execute_write(_write, statement, {key: chunk})
            for name, n in counters.items():
                self.summary.counters[name] += n
            self.progress(what, len(chunk))

    def nodes(self, graph: SpooledGraph, kind: str) -> list[str]:
        """Write the changed nodes of ``kind``; return the IRIs the graph no longer has."""
        rows: list[Any] = self.session.execute_read(_read, queries.node_hashes(kind))
        existing = {r["iri"]: r["hash"] for r in rows}
        changes = self.summary.nodes.setdefault(kind, Changes())
        pending: list[dict[str, Any]] = []
        for iri, props in graph.nodes(kind):
            row = node_row(kind, iri, props)
            old = existing.pop(iri, None)
            if old == row.properties["syncHash"]:
                changes.unchanged += 1
                self.progress(kind, 1)
                continue
            if old is None:
                changes.created += 1
            else:
                changes.updated += 1
            pending.append(row.parameters())
            if len(pending) >= self.batch:
                self.send(queries.merge_nodes(kind), "rows", pending, kind)
                pending = []
        self.send(queries.merge_nodes(kind), "rows", pending, kind)
        changes.deleted = len(existing)
        return sorted(existing)

    def relationships(self, graph: SpooledGraph, rel_type: str) -> dict[tuple[str, str], list[Any]]:
        """Write the changed relationships of ``rel_type``; return the stale ones by end kinds."""
        existing: dict[tuple[str, str], tuple[str, str, str]] = {}
        for r in self.session.execute_read(_read, queries.relationship_hashes(rel_type)):
            ends = [
                next((k for k in r[f"{e}Labels"] if k in NODE_KINDS), "")
                for e in ("source", "target")
            ]
            if all(ends):
                existing[(r["source"], r["target"])] = (r["hash"], ends[0], ends[1])
        changes = self.summary.relationships.setdefault(rel_type, Changes())
        pending: dict[tuple[str, str], list[dict[str, Any]]] = {}
        for source, target, skind, tkind, props in graph.edges(rel_type):
            row = relationship_row(rel_type, source, target, skind, tkind, props)
            old = existing.pop((source, target), None)
            if old is not None and old[0] == row.properties["syncHash"]:
                changes.unchanged += 1
                self.progress(rel_type, 1)
                continue
            if old is None:
                changes.created += 1
            else:
                changes.updated += 1
            group = pending.setdefault((skind, tkind), [])
            group.append(row.parameters())
            if len(group) >= self.batch:
                self.send(
                    queries.merge_relationships(rel_type, skind, tkind), "rows", group, rel_type
                )
                pending[(skind, tkind)] = []
        for (skind, tkind), group in pending.items():
            self.send(queries.merge_relationships(rel_type, skind, tkind), "rows", group, rel_type)
        changes.deleted = len(existing)
        stale: dict[tuple[str, str], list[Any]] = {}
        for (source, target), (_, skind, tkind) in sorted(existing.items()):
            stale.setdefault((skind, tkind), []).append({"source": source, "target": target})
        return stale


def push(
    store: OxigraphStore,
    target: Neo4jTarget,
    *,
    batch_size: int = 1000,
    fulltext: bool = False,
    on_start: Callable[[int], None] | None = None,
    on_progress: Progress | None = None,
) -> PushSummary:
    """Bring the Neo4j database at ``target`` in line with the graph in ``store``.

    Args:
        store: the store to push (read-only is enough).
        target: the server, credentials and database.
        batch_size: rows per transaction.
        fulltext: also create the full-text index on labels (Neo4j only).
        on_start: called once with the number of nodes and relationships to go through.
        on_progress: called after each batch (and each unchanged row) with what and how many.

    Returns:
        What changed, kind by kind, and how long each phase took.

    Raises:
        StoreError: the server cannot be reached, refuses the login or a statement.
    """
    from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

    summary = PushSummary()
    progress: Progress = on_progress or (lambda what, n: None)
    started = time.perf_counter()
    with connect(target) as driver, driver.session(database=target.database) as session:
        try:
            for statement in queries.schema_statements(fulltext=fulltext):
                session.execute_write(_write, statement, {})
            with SpooledGraph(GraphReader(store)) as graph:
                summary.read_seconds = time.perf_counter() - started
                if on_start:
                    on_start(sum(graph.node_counts.values()) + sum(graph.edge_counts.values()))
                pusher = _Pusher(session, summary, batch_size, progress)
                t = time.perf_counter()
                stale_nodes = {kind: pusher.nodes(graph, kind) for kind in NODE_KINDS}
                summary.node_seconds = time.perf_counter() - t
                t = time.perf_counter()
                stale_rels = {rel: pusher.relationships(graph, rel) for rel in EDGE_KINDS}
                summary.relationship_seconds = time.perf_counter() - t
            t = time.perf_counter()
            for rel_type, groups in stale_rels.items():
                for (skind, tkind), rows in groups.items():
                    statement = queries.delete_relationships(rel_type, skind, tkind)
                    pusher.send(statement, "rows", rows, f"removing {rel_type}")
            for kind, iris in stale_nodes.items():
                pusher.send(queries.delete_nodes(kind), "iris", iris, f"removing {kind}")
            summary.delete_seconds = time.perf_counter() - t
        except (ServiceUnavailable, SessionExpired) as exc:
            raise StoreError(
                f"lost the connection to {target.uri} ({_first_line(exc)}); "
                "run the push again to finish it"
            ) from None
        except Neo4jError as exc:
            raise StoreError(f"{target.uri} refused a statement: {_first_line(exc)}") from None
    return summary
