"""The property graph spooled to disk once, with the property schema it turned out to have.

Property-graph targets (GraphML, Neo4j CSV, the Neo4j push) declare each property's type
before the first value: GraphML's ``<key attr.type>``, the CSV header's ``name:long[]``, and a
push that must not write ``socCode`` as a string on one node and a list on the next. The
types are only known once every node has been read, so :class:`SpooledGraph` reads the store
once, writes each node and edge as a JSON line into a temporary folder while it learns the
schema, and then lets writers read the spooled elements back, typed. Memory stays flat.

Properties of a node: ``iri``, ``label`` (the preferred label), ``labelEn``, ``altLabels``
(array), the ``gb:`` attributes by local name, ``sources`` (array: the documents that state
it). Of an edge: its attributes, ``confidence`` and ``sources``. A property is an array when
any element of its kind has more than one value (``altLabels`` and ``sources`` always are).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from graphbuilder.export.pg_records import PGEdge, PGNode, Value
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.model import NODE_KINDS

ALWAYS_ARRAYS = frozenset({"altLabels", "sources"})
Props = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Column:
    """One property's type in one element kind: ``boolean``, ``long``, ``double``, ``string``."""

    name: str
    type: str
    array: bool


def _type_of(value: Value) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def merge_types(a: str, b: str) -> str:
    """The type that holds values of both types.

    >>> merge_types("long", "double"), merge_types("boolean", "long"), merge_types("long", "long")
    ('double', 'string', 'long')
    """
    if a == b:
        return a
    if {a, b} == {"long", "double"}:
        return "double"
    return "string"


def text(value: Value) -> str:
    """A value as text the way every writer spells it (``true``, ``3``, ``0.5``)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return repr(value) if isinstance(value, float) else str(value)


def _node_stream(
    reader: GraphReader, iris: frozenset[str] | None, kinds: tuple[str, ...]
) -> Iterator[PGNode]:
    for kind in kinds:
        for iri in reader.node_iris(kind):
            if (iris is None or iri in iris) and reader.kind_of(iri) == kind:
                node = reader.node(iri, kind)
                if node is not None:
                    yield node


def _edge_stream(
    reader: GraphReader, iris: frozenset[str] | None, kinds: tuple[str, ...]
) -> Iterator[PGEdge]:
    if iris is None:
        edges: Iterable[PGEdge] = reader.edges()
    else:  # a selection is small: read the edges out of its nodes only
        edges = (e for iri in sorted(iris) for e in reader.out_edges(iri) if e.target in iris)
    for e in edges:
        if e.source_kind in kinds and e.target_kind in kinds:
            yield e


def node_values(node: PGNode) -> dict[str, list[Value]]:
    """A node's properties, every one as a list of values."""
    props: dict[str, list[Value]] = {"iri": [node.iri], "label": [node.label]}
    if node.label_en is not None:
        props["labelEn"] = [node.label_en]
    props["altLabels"] = list(node.other_labels)
    for name, values in node.attrs.items():
        props[name] = list(values)
    props["sources"] = list(node.sources)
    return props


def edge_values(edge: PGEdge) -> dict[str, list[Value]]:
    """An edge's properties, every one as a list of values."""
    props: dict[str, list[Value]] = {name: list(values) for name, values in edge.attrs.items()}
    props["confidence"] = [edge.confidence]
    props["sources"] = list(edge.sources)
    return props


def typed(values: Mapping[str, list[Value]], columns: Mapping[str, Column]) -> Props:
    """Properties shaped by the schema: arrays as lists, others as one value, of its type."""

    def cast(value: Value, kind: str) -> Value:
        if kind == "string":
            return text(value)
        return float(value) if kind == "double" else value

    out: Props = {}
    for name, vals in values.items():
        col = columns[name]
        if col.array:
            if vals:  # an empty array is no property at all, as neo4j-admin reads an empty cell
                out[name] = [cast(v, col.type) for v in vals]
        elif vals:
            out[name] = cast(vals[0], col.type)
    return out


class SpooledGraph:
    """The nodes and edges of a store (or a selection), spooled once, typed on the way out.

    Args:
        reader: the store to read.
        iris: the nodes to keep (``None`` for all); edges are kept when both ends are.
        kinds: the node kinds to read.
    """

    def __init__(
        self,
        reader: GraphReader,
        iris: frozenset[str] | None = None,
        kinds: Iterable[str] = NODE_KINDS,
    ) -> None:
        self._dir = Path(tempfile.mkdtemp(prefix="graphbuilder-spool-"))
        self.node_columns: dict[str, dict[str, Column]] = {}
        self.edge_columns: dict[str, dict[str, Column]] = {}
        self.node_counts: dict[str, int] = {}
        self.edge_counts: dict[str, int] = {}
        kinds = tuple(kinds)
        try:
            self._spool("n", _node_stream(reader, iris, kinds), node_values)
            self._spool("e", _edge_stream(reader, iris, kinds), edge_values)
        except BaseException:
            self.close()
            raise

    def _spool(
        self, prefix: str, elements: Iterator[PGNode] | Iterator[PGEdge], values: Any
    ) -> None:
        """Write each element as a JSON line into its kind's file, learning the schema."""
        is_node = prefix == "n"
        schema = self.node_columns if is_node else self.edge_columns
        counts = self.node_counts if is_node else self.edge_counts
        files: dict[str, IO[str]] = {}
        try:
            for element in elements:
                kind = element.kind
                if kind not in files:
                    files[kind] = (self._dir / f"{prefix}-{kind}").open("w", encoding="utf-8")
                    counts[kind] = 0
                    schema.setdefault(kind, {})
                props: dict[str, list[Value]] = values(element)
                for name, vals in props.items():
                    self._observe(schema[kind], name, vals)
                if isinstance(element, PGNode):
                    head: list[str] = [element.iri]
                else:
                    head = [
                        element.source,
                        element.target,
                        element.source_kind,
                        element.target_kind,
                    ]
                files[kind].write(json.dumps([*head, props], ensure_ascii=False) + "\n")
                counts[kind] += 1
        finally:
            for f in files.values():
                f.close()

    @staticmethod
    def _observe(columns: dict[str, Column], name: str, vals: list[Value]) -> None:
        col = columns.get(name)
        kind = col.type if col is not None else None
        for v in vals:
            kind = _type_of(v) if kind is None else merge_types(kind, _type_of(v))
        array = name in ALWAYS_ARRAYS or len(vals) > 1 or (col is not None and col.array)
        columns[name] = Column(name, kind or "string", array)

    def _lines(self, path: Path) -> Iterator[list[Any]]:
        if not path.exists():
            return
        with path.open(encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)

    def nodes(self, kind: str) -> Iterator[tuple[str, Props]]:
        """The spooled nodes of ``kind`` as ``(iri, typed properties)``."""
        columns = self.node_columns.get(kind, {})
        for iri, props in self._lines(self._dir / f"n-{kind}"):
            yield iri, typed(props, columns)

    def edges(self, kind: str) -> Iterator[tuple[str, str, str, str, Props]]:
        """The spooled edges of ``kind``: ``(source, target, source kind, target kind, props)``."""
        columns = self.edge_columns.get(kind, {})
        for source, target, skind, tkind, props in self._lines(self._dir / f"e-{kind}"):
            yield source, target, skind, tkind, typed(props, columns)

    def close(self) -> None:
        """Delete the spool."""
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self) -> SpooledGraph:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def content_hash(props: Mapping[str, Any]) -> str:
    """A short hash of typed properties, the same wherever the same values are written.

    >>> content_hash({"a": 1, "b": ["x"]}) == content_hash({"b": ["x"], "a": 1})
    True
    """
    canonical = json.dumps(props, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:32]


def ordered_columns(columns: Mapping[str, Column]) -> list[Column]:
    """Columns in the order writers use: labels first, then attributes by name, sources last."""
    first = [columns[n] for n in ("label", "labelEn", "altLabels") if n in columns]
    last = [columns[n] for n in ("confidence", "sources") if n in columns]
    skip = {c.name for c in first + last} | {"iri"}
    return (
        first
        + sorted((c for c in columns.values() if c.name not in skip), key=lambda c: c.name)
        + last
    )
