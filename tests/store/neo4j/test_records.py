"""Rows are checked before anything touches a database."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from graphbuilder.store.neo4j.records import NodeRow, node_row, relationship_row

IRI = "https://w3id.org/graphbuilder/id/major/510201"


def test_a_row_carries_the_hash_of_its_properties() -> None:
    row = node_row("Major", IRI, {"iri": IRI, "label": "计算机应用技术", "socCode": ["a", "b"]})
    assert row.parameters()["properties"]["syncHash"] == row.properties["syncHash"]
    again = node_row("Major", IRI, {"socCode": ["a", "b"], "label": "计算机应用技术", "iri": IRI})
    assert again.properties["syncHash"] == row.properties["syncHash"]


@pytest.mark.parametrize(
    ("kind", "props", "problem"),
    [
        ("Majr", {"iri": IRI}, "kind"),
        ("Major", {"iri": IRI, "x": None}, "properties.x"),
        ("Major", {"iri": IRI, "x": {"nested": 1}}, "properties.x"),
        ("Major", {"iri": IRI, "x": ["a", 1]}, "properties.x"),
        ("Major", {"iri": "https://elsewhere/1"}, "iri property"),
    ],
)
def test_what_neo4j_cannot_store_is_refused(kind: str, props: dict[str, Any], problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        node_row(kind, IRI, props)


def test_extra_fields_and_a_forged_hash_are_refused() -> None:
    good = node_row("Major", IRI, {"iri": IRI}).model_dump()
    with pytest.raises(ValidationError, match="extra"):
        NodeRow.model_validate({**good, "colour": "red"})
    with pytest.raises(ValidationError, match="syncHash"):
        NodeRow.model_validate({**good, "properties": {**good["properties"], "label": "x"}})
    with pytest.raises(ValidationError, match="type"):
        relationship_row("hasParts", IRI, IRI, "Major", "Course", {})
