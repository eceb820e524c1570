"""The store read as a property graph: every node and edge once, merged over documents."""

from __future__ import annotations

from graphbuilder.export.property_graph import GraphReader
from graphbuilder.model import NODE_KINDS
from graphbuilder.store.stats import graph_stats


def test_counts_match_the_stores_stats(reader: GraphReader) -> None:
    stats = graph_stats(reader.store)
    for kind in NODE_KINDS:
        assert sum(1 for _ in reader.node_iris(kind)) == stats["nodes"][kind], kind  # type: ignore[index]
    edges: dict[str, int] = {}
    for edge in reader.edges():
        edges[edge.kind] = edges.get(edge.kind, 0) + 1
    for kind, n in stats["edges"].items():  # type: ignore[attr-defined]
        assert edges.get(kind, 0) == n, kind


def test_a_node_stated_by_several_documents_is_one_node_citing_each(reader: GraphReader) -> None:
    major = reader.node("https://w3id.org/graphbuilder/id/major/510201")
    assert major is not None
    assert major.kind == "Major"
    assert major.label == "计算机应用技术"
    assert major.attrs["code"] == ("510201",)
    assert len(major.sources) >= 2  # the standard and the catalogue both state it
    assert reader.node("https://w3id.org/graphbuilder/id/major/000000") is None


def test_edge_attributes_come_from_the_statement_not_the_evidence(reader: GraphReader) -> None:
    parts = reader.out_edges("https://w3id.org/graphbuilder/id/major/510201", ("hasPart",))
    assert parts
    for edge in parts:
        assert edge.source_kind == "Major" and edge.target_kind == "Course"
        assert edge.attrs["courseType"]
        assert not {"charStart", "charEnd", "extractor", "confidence"} & set(edge.attrs)
        assert 0.0 < edge.confidence <= 1.0
