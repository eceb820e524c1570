"""The RDF line and dataset formats: Turtle, N-Triples, N-Quads and TriG.

N-Triples, N-Quads and TriG stream: Oxigraph's serialiser writes each quad as the index
yields it, so memory stays flat. N-Triples merges the documents' graphs (each triple once);
N-Quads and TriG keep every named graph (one per document, the meta graph of document
records, the curated graph), so a platform can replace one document's facts alone.
Turtle is sorted, so it is canonical but holds the graph's lines in memory (see ``turtle``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from pyoxigraph import RdfFormat, serialize

from graphbuilder.export.base import ExportReport
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.rdf_source import (
    dataset_quads,
    distinct_triples,
    subject_quads,
    union_triples,
)
from graphbuilder.export.selection import Selection
from graphbuilder.export.turtle import export_turtle, prefixes, sorted_lines, write_turtle
from graphbuilder.store.oxigraph import OxigraphStore

T = TypeVar("T")


class Counted(Iterator[T]):
    """An iterator that counts what passes through it."""

    def __init__(self, items: Iterable[T]) -> None:
        self._items = iter(items)
        self.count = 0

    def __next__(self) -> T:
        item = next(self._items)
        self.count += 1
        return item


def export_turtle_selection(store: OxigraphStore, out: Path, selection: Selection) -> ExportReport:
    """Turtle of the whole graph, or of a selection (sorted the same way)."""
    if selection.everything:
        return ExportReport(out, {"triples": export_turtle(store, out)})
    reader = GraphReader(store)
    triples = distinct_triples(subject_quads(reader, selection.resolve(reader)))
    data = sorted_lines(serialize(triples, None, RdfFormat.N_TRIPLES) or b"")
    return ExportReport(out, {"triples": write_turtle(data, store.base, out)})


def export_ntriples(store: OxigraphStore, out: Path, selection: Selection) -> ExportReport:
    """N-Triples, streamed: every distinct triple of the live graphs merged."""
    reader = GraphReader(store)
    iris = selection.resolve(reader)
    source = (
        union_triples(reader) if iris is None else distinct_triples(subject_quads(reader, iris))
    )
    triples = Counted(source)
    serialize(triples, str(out), RdfFormat.N_TRIPLES)
    return ExportReport(out, {"triples": triples.count})


def _export_dataset(
    store: OxigraphStore, out: Path, selection: Selection, fmt: RdfFormat
) -> ExportReport:
    reader = GraphReader(store)
    quads = Counted(dataset_quads(reader, selection.resolve(reader)))
    names = prefixes(store.base) if fmt == RdfFormat.TRIG else None
    serialize(quads, str(out), fmt, prefixes=names)
    return ExportReport(out, {"quads": quads.count})


def export_nquads(store: OxigraphStore, out: Path, selection: Selection) -> ExportReport:
    """N-Quads, streamed: every quad in its document's named graph."""
    return _export_dataset(store, out, selection, RdfFormat.N_QUADS)


def export_trig(store: OxigraphStore, out: Path, selection: Selection) -> ExportReport:
    """TriG, streamed: every named graph kept, with the usual prefixes."""
    return _export_dataset(store, out, selection, RdfFormat.TRIG)
