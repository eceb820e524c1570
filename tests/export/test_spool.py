"""The spool learns each property's type and shape, and hands back typed values."""

from __future__ import annotations

from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.spool import Column, SpooledGraph, content_hash, typed


def test_typed_values_follow_the_schema() -> None:
    columns = {
        "code": Column("code", "string", False),
        "socCode": Column("socCode", "string", True),
        "score": Column("score", "double", False),
        "altLabels": Column("altLabels", "string", True),
    }
    values = {"code": ["510201"], "socCode": ["15-1252.00"], "score": [1], "altLabels": []}
    assert typed(values, columns) == {"code": "510201", "socCode": ["15-1252.00"], "score": 1.0}


def test_the_schema_makes_a_property_an_array_when_any_node_has_several(
    reader: GraphReader,
) -> None:
    with SpooledGraph(reader, kinds=("Major", "Technology")) as graph:
        major = graph.node_columns["Major"]
        assert major["code"] == Column("code", "string", False)
        assert major["sources"].array and major["altLabels"].array
        for _, props in graph.nodes("Technology"):
            assert isinstance(props.get("hotTechnology", False), bool | list)
            assert isinstance(props["sources"], list)
        assert sum(graph.node_counts.values()) == sum(1 for _ in reader.node_iris("Major")) + sum(
            1 for _ in reader.node_iris("Technology")
        )


def test_the_hash_ignores_key_order_but_not_values() -> None:
    assert content_hash({"a": 1, "b": [1.0]}) == content_hash({"b": [1.0], "a": 1})
    assert content_hash({"a": 1}) != content_hash({"a": 2})
