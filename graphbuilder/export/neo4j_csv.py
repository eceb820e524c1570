"""CSV files for ``neo4j-admin database import full``, with the command line to run.

One node file per kind (``nodes-Major.csv`` …) and one relationship file per type
(``relationships-hasPart.csv`` …), with the headers the import tool reads: ``iri:ID(Node)``
(one ID space, so relationships name their ends by IRI), ``:LABEL``, ``:START_ID(Node)``,
``:END_ID(Node)``, ``:TYPE`` and typed property columns (``hotTechnology:boolean``,
``ordinal:long``, ``socCode:string[]``). Arrays are joined by the array delimiter, ``;``
unless a value contains one. ``import.sh`` holds the command; ``schema.cypher`` the
constraints and indexes to create afterwards (the same ones ``push-neo4j`` creates), so a
database loaded from these files and one pushed to agree, ``syncHash`` included.

It streams from the spool, so memory stays flat.
"""

from __future__ import annotations

import csv
import shlex
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from graphbuilder.export.base import ExportReport
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.selection import Selection
from graphbuilder.export.spool import Column, SpooledGraph, content_hash, ordered_columns, text
from graphbuilder.model import EDGE_KINDS
from graphbuilder.store.neo4j.queries import schema_statements
from graphbuilder.store.oxigraph import OxigraphStore

ID_SPACE = "Node"
DELIMITERS = (";", "|", "¦", "‡")


def header_field(col: Column) -> str:
    """One typed header field.

    >>> header_field(Column("socCode", "string", True))
    'socCode:string[]'
    >>> header_field(Column("ordinal", "long", False))
    'ordinal:long'
    """
    return f"{col.name}:{col.type}{'[]' if col.array else ''}"


def _cell(value: Any, delimiter: str) -> str:
    if isinstance(value, list):
        return delimiter.join(text(v) for v in value)
    return text(value)


def _choose_delimiter(graph: SpooledGraph) -> str:
    """The first candidate array delimiter that no array value contains."""
    used: set[str] = set()
    for kind, columns in graph.node_columns.items():
        arrays = [c.name for c in columns.values() if c.array]
        for _, props in graph.nodes(kind):
            used.update(
                ch
                for name in arrays
                for v in props.get(name, [])
                for ch in DELIMITERS
                if ch in text(v)
            )
    for kind, columns in graph.edge_columns.items():
        arrays = [c.name for c in columns.values() if c.array]
        for *_, props in graph.edges(kind):
            used.update(
                ch
                for name in arrays
                for v in props.get(name, [])
                for ch in DELIMITERS
                if ch in text(v)
            )
    free = [d for d in DELIMITERS if d not in used]
    if not free:
        raise ValueError(
            f"every array delimiter candidate ({' '.join(DELIMITERS)}) occurs in a value"
        )
    return free[0]


def _write(
    path: Path,
    head: list[str],
    columns: list[Column],
    rows: Iterable[tuple[list[str], Mapping[str, Any]]],
    delimiter: str,
) -> tuple[int, bool]:
    """Write one CSV file; return its row count and whether any field spans lines."""
    n, multiline = 0, False
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(head + [header_field(c) for c in columns] + ["syncHash:string"])
        for fixed, props in rows:
            cells = fixed + [
                _cell(props[c.name], delimiter) if c.name in props else "" for c in columns
            ]
            cells.append(content_hash(props))
            multiline = multiline or any("\n" in c or "\r" in c for c in cells)
            out.writerow(cells)
            n += 1
    return n, multiline


def import_command(
    nodes: list[Path], relationships: list[Path], delimiter: str, multiline: bool
) -> str:
    """The ``neo4j-admin`` command that loads the files into a new database."""
    args = [
        "neo4j-admin",
        "database",
        "import",
        "full",
        "--id-type=string",
        f"--array-delimiter={delimiter}",
    ]
    if multiline:
        args.append("--multiline-fields=true")
    args += [f"--nodes={p.name}" for p in nodes]
    args += [f"--relationships={p.name}" for p in relationships]
    return shlex.join(args) + ' "${DATABASE:-neo4j}"'


def export_neo4j_csv(store: OxigraphStore, out: Path, selection: Selection) -> ExportReport:
    """Write node and relationship CSVs, ``import.sh`` and ``schema.cypher`` into folder ``out``."""
    reader = GraphReader(store)
    iris = selection.resolve(reader)
    out.mkdir(parents=True, exist_ok=True)
    node_files: list[Path] = []
    rel_files: list[Path] = []
    counts = {"nodes": 0, "relationships": 0}
    multiline = False
    with SpooledGraph(reader, iris, selection.node_kinds()) as graph:
        delimiter = _choose_delimiter(graph)
        for kind, columns in graph.node_columns.items():
            path = out / f"nodes-{kind}.csv"
            rows = (([iri, kind], props) for iri, props in graph.nodes(kind))
            cols = ordered_columns(columns)
            n, ml = _write(path, [f"iri:ID({ID_SPACE})", ":LABEL"], cols, rows, delimiter)
            node_files.append(path)
            counts["nodes"] += n
            multiline = multiline or ml
        for kind in EDGE_KINDS:
            if kind not in graph.edge_columns:
                continue
            path = out / f"relationships-{kind}.csv"
            rows = (([s, t, kind], props) for s, t, _, _, props in graph.edges(kind))
            head = [f":START_ID({ID_SPACE})", f":END_ID({ID_SPACE})", ":TYPE"]
            n, ml = _write(path, head, ordered_columns(graph.edge_columns[kind]), rows, delimiter)
            rel_files.append(path)
            counts["relationships"] += n
            multiline = multiline or ml
    command = import_command(node_files, rel_files, delimiter, multiline)
    script = out / "import.sh"
    script.write_text(
        "#!/bin/sh\n"
        "# Loads these files into a new Neo4j 5 database (stopped; DATABASE, default neo4j).\n"
        "# Afterwards create the constraints and indexes: cypher-shell -f schema.cypher\n"
        'set -eu\ncd "$(dirname "$0")"\n' + command + "\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    (out / "schema.cypher").write_text(
        "".join(f"{s};\n" for s in schema_statements()), encoding="utf-8"
    )
    files = (*node_files, *rel_files, script, out / "schema.cypher")
    return ExportReport(out, counts, files)
