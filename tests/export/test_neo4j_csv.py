"""The Neo4j CSVs follow the header and value rules of ``neo4j-admin database import``.

The check below restates the import tool's documented rules ("CSV header format" in the
Neo4j Operations Manual, 5.x): a header field is ``name``, ``name:type`` or ``name:type[]``
with type one of int, long, float, double, boolean, byte, short, char, string, point, date,
localtime, time, localdatetime, datetime, duration (default string); a node file has exactly
one ``:ID`` field (named or not, optionally with an ID space ``:ID(Group)``) and at most one
``:LABEL``; a relationship file has exactly one ``:START_ID`` and one ``:END_ID`` (with the ID
spaces of the node files they point into) and at most one ``:TYPE``; ``:IGNORE`` columns are
skipped; arrays are split on the array delimiter; an empty field is no value.
"""

from __future__ import annotations

import csv
import re
import shlex
import subprocess
from pathlib import Path
from typing import Any

import pytest

from graphbuilder.export import EXPORTERS, Selection
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.spool import SpooledGraph
from graphbuilder.model import NODE_KINDS
from graphbuilder.store.neo4j.queries import schema_statements
from graphbuilder.store.neo4j.records import node_row
from graphbuilder.store.oxigraph import OxigraphStore

TYPES = {
    "int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point",
    "date", "localtime", "time", "localdatetime", "datetime", "duration",
}  # fmt: skip
SPECIAL = {"ID", "LABEL", "START_ID", "END_ID", "TYPE", "IGNORE"}
FIELD = re.compile(r"^(?P<name>[^:]*)(?::(?P<type>\w+)(?:\((?P<group>[^)]*)\))?(?P<array>\[\])?)?$")


def check_header(header: list[str], what: str) -> dict[str, Any]:
    """Apply the import tool's header rules; return the parsed columns."""
    columns: list[dict[str, Any]] = []
    names: set[str] = set()
    for field in header:
        m = FIELD.match(field)
        assert m, f"malformed header field {field!r}"
        name, kind, group, array = m["name"], m["type"] or "string", m["group"], bool(m["array"])
        if kind in SPECIAL:
            assert not array, field
            if kind in ("LABEL", "TYPE"):
                assert not name and group is None, f"{field}: {kind} takes no name or group"
        else:
            assert kind.lower() in TYPES, f"{field}: unknown type {kind}"
            assert name and group is None, f"{field}: a property needs a name and no group"
            assert name not in names, f"duplicate property {name}"
            names.add(name)
        columns.append({"name": name, "type": kind, "group": group or "", "array": array})
    count = {k: sum(c["type"] == k for c in columns) for k in SPECIAL}
    if what == "nodes":
        assert count["ID"] == 1 and count["LABEL"] <= 1
        assert count["START_ID"] == count["END_ID"] == count["TYPE"] == 0
    else:
        assert count["START_ID"] == count["END_ID"] == 1 and count["TYPE"] <= 1
        assert count["ID"] == count["LABEL"] == 0
    return {"columns": columns}


def check_value(value: str, kind: str, array: bool, delimiter: str) -> None:
    for v in value.split(delimiter) if array else [value]:
        if kind in ("int", "long", "short", "byte"):
            int(v)
        elif kind in ("float", "double"):
            float(v)
        elif kind == "boolean":
            assert v.lower() in ("true", "false"), v


@pytest.fixture(scope="module")
def exported(module_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "csv"
    EXPORTERS["neo4j-csv"](module_store, out)
    return out


def _command(folder: Path) -> list[str]:
    lines = [
        ln for ln in (folder / "import.sh").read_text().splitlines() if ln.startswith("neo4j-admin")
    ]
    assert len(lines) == 1
    return shlex.split(lines[0].replace('"${DATABASE:-neo4j}"', "neo4j"))


def test_headers_values_and_references_follow_the_import_rules(exported: Path) -> None:
    args = _command(exported)
    assert args[:5] == ["neo4j-admin", "database", "import", "full", "--id-type=string"]
    options = dict(a[2:].split("=", 1) for a in args if a.startswith("--"))
    delimiter = options["array-delimiter"]
    node_files = [exported / a.split("=", 1)[1] for a in args if a.startswith("--nodes=")]
    rel_files = [exported / a.split("=", 1)[1] for a in args if a.startswith("--relationships=")]
    assert sorted(p.name for p in exported.glob("*.csv")) == sorted(
        p.name for p in node_files + rel_files
    )
    ids: dict[str, set[str]] = {}
    for path, what in [(p, "nodes") for p in node_files] + [
        (p, "relationships") for p in rel_files
    ]:
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        columns = check_header(rows[0], what)["columns"]
        assert len(rows) > 1, f"{path.name} is empty"
        for row in rows[1:]:
            assert len(row) == len(columns), path.name
            for cell, col in zip(row, columns, strict=True):
                if col["type"] == "ID":
                    space = ids.setdefault(col["group"], set())
                    assert cell and cell not in space, f"duplicate id {cell}"
                    space.add(cell)
                elif col["type"] in ("START_ID", "END_ID"):
                    assert cell in ids[col["group"]], f"{path.name}: {cell} names no node"
                elif col["type"] in ("LABEL", "TYPE"):
                    assert cell, path.name
                elif cell:
                    check_value(cell, col["type"].lower(), col["array"], delimiter)
    assert subprocess.run(["sh", "-n", str(exported / "import.sh")], check=False).returncode == 0


def test_every_node_and_edge_is_there_with_the_push_s_hash(
    exported: Path, reader: GraphReader
) -> None:
    with SpooledGraph(reader) as graph:
        for kind in NODE_KINDS:
            path = exported / f"nodes-{kind}.csv"
            if not graph.node_counts.get(kind):
                assert not path.exists()
                continue
            with path.open(encoding="utf-8", newline="") as f:
                rows = {r["iri:ID(Node)"]: r for r in csv.DictReader(f)}
            for iri, props in graph.nodes(kind):
                assert (
                    rows[iri]["syncHash:string"]
                    == node_row(kind, iri, props).properties["syncHash"]
                )
            assert len(rows) == graph.node_counts[kind]
        assert sum(graph.edge_counts.values()) == sum(
            len(p.read_text(encoding="utf-8").splitlines()) - 1
            for p in exported.glob("relationships-*.csv")
        )
    cypher = (exported / "schema.cypher").read_text(encoding="utf-8")
    assert cypher == "".join(f"{s};\n" for s in schema_statements())


def test_a_value_with_the_array_delimiter_moves_the_delimiter(
    store: OxigraphStore, reader: GraphReader, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from graphbuilder.export import neo4j_csv

    # Every source path (an array value) holds a "/", so "/" cannot be the delimiter.
    monkeypatch.setattr(neo4j_csv, "DELIMITERS", ("/", *neo4j_csv.DELIMITERS))
    EXPORTERS["neo4j-csv"](store, tmp_path / "csv", Selection(kinds=("Course", "Major")))
    options = dict(a[2:].split("=", 1) for a in _command(tmp_path / "csv") if a.startswith("--"))
    chosen = options["array-delimiter"]
    assert chosen != "/"
    selection = Selection(kinds=("Course", "Major"))
    with SpooledGraph(reader, selection.resolve(reader), selection.node_kinds()) as graph:
        arrays = [
            v
            for kind in graph.node_columns
            for _, props in graph.nodes(kind)
            for value in props.values()
            if isinstance(value, list)
            for v in value
        ]
    assert arrays and not any(chosen in str(v) for v in arrays)
