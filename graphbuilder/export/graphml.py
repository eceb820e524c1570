"""GraphML export for networkx, Gephi, yEd and Cytoscape.

Nodes carry ``kind``, ``label`` (Gephi shows it), ``iri`` and every property of the property
graph (see :mod:`graphbuilder.export.spool`); edges carry ``kind``, ``label`` (the kind, for
Gephi) and their properties. GraphML has no list type, so an array property is written as
a JSON array in a string (``["4-04-04-01", "2-02-10-04"]``). Node ids are short hashes of
the IRIs (GraphML ids are XML name tokens, which IRIs are not). Characters XML 1.0 cannot
carry (most control characters) are replaced by U+FFFD.

It streams from the spool, so memory stays flat.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from graphbuilder.export.base import ExportReport
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.selection import Selection
from graphbuilder.export.spool import Column, SpooledGraph, merge_types, text
from graphbuilder.model import EDGE_KINDS
from graphbuilder.model.iris import digest
from graphbuilder.store.oxigraph import OxigraphStore

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns
    http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
"""


def node_id(iri: str) -> str:
    """The GraphML id of the node ``iri``.

    >>> node_id("https://w3id.org/graphbuilder/id/major/510201")
    'n63978f5b7c63004f'
    """
    return "n" + digest(iri)


def _xml(value: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", value))


def _keys(
    columns: Mapping[str, Mapping[str, Column]], prefix: str, fixed: tuple[str, ...]
) -> dict[str, Column]:
    """One key per property name over all element kinds, with a type that fits them all."""
    merged: dict[str, Column] = {name: Column(name, "string", False) for name in fixed}
    for kind_columns in columns.values():
        for name, col in kind_columns.items():
            old = merged.get(name)
            if old is None:
                merged[name] = col
            else:
                merged[name] = Column(name, merge_types(old.type, col.type), old.array or col.array)
    return {f"{prefix}{i}": col for i, col in enumerate(merged.values())}


def _declare(f: IO[str], keys: Mapping[str, Column], domain: str) -> None:
    for key, col in keys.items():
        kind = "string" if col.array else col.type
        f.write(
            f'  <key id="{key}" for="{domain}" attr.name={quoteattr(col.name)} '
            f'attr.type="{kind}"/>\n'
        )


def _data(f: IO[str], keys: Mapping[str, tuple[str, bool]], props: Mapping[str, Any]) -> None:
    for name, value in props.items():
        key, array = keys[name]
        if array:  # one spelling per key: a kind whose values are single still writes a list
            shown = json.dumps(value if isinstance(value, list) else [value], ensure_ascii=False)
        else:
            shown = text(value)
        f.write(f'<data key="{key}">{_xml(shown)}</data>')


def export_graphml(store: OxigraphStore, out: Path, selection: Selection) -> ExportReport:
    """Write the property graph (or a selection of it) as GraphML."""
    reader = GraphReader(store)
    iris = selection.resolve(reader)
    nodes = edges = 0
    with (
        SpooledGraph(reader, iris, selection.node_kinds()) as graph,
        out.open("w", encoding="utf-8") as f,
    ):
        node_keys = _keys(graph.node_columns, "d", ("kind",))
        edge_keys = _keys(graph.edge_columns, "e", ("kind", "label"))
        node_ids = {col.name: (key, col.array) for key, col in node_keys.items()}
        edge_ids = {col.name: (key, col.array) for key, col in edge_keys.items()}
        f.write(_HEAD)
        _declare(f, node_keys, "node")
        _declare(f, edge_keys, "edge")
        f.write('  <graph id="G" edgedefault="directed">\n')
        for kind in graph.node_columns:
            for iri, props in graph.nodes(kind):
                f.write(f'    <node id="{node_id(iri)}">')
                _data(f, node_ids, {"kind": kind, **props})
                f.write("</node>\n")
                nodes += 1
        for kind in EDGE_KINDS:
            for source, target, _, _, props in graph.edges(kind):
                eid = "e" + digest(source, kind, target)
                f.write(
                    f'    <edge id="{eid}" source="{node_id(source)}" target="{node_id(target)}">'
                )
                _data(f, edge_ids, {"kind": kind, "label": kind, **props})
                f.write("</edge>\n")
                edges += 1
        f.write("  </graph>\n</graphml>\n")
    return ExportReport(out, {"nodes": nodes, "edges": edges})
