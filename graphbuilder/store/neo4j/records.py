"""Typed rows for Neo4j: what a push sends, checked before anything touches a database.

A property value is what Neo4j can store: a string, integer, float or boolean, or a list of
one of them (never null, never a map, never a mixed list). ``syncHash`` is a hash of the other
properties, so a push compares hashes to find what changed instead of rewriting everything.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from graphbuilder.export.spool import content_hash
from graphbuilder.model.records import EdgeKind, NodeKind

PropertyValue = str | bool | int | float | list[str] | list[bool] | list[int] | list[float]


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    properties: dict[str, PropertyValue]

    @model_validator(mode="after")
    def _hash_matches(self) -> _Row:
        props = dict(self.properties)
        given = props.pop("syncHash", None)
        if given != content_hash(props):
            raise ValueError("syncHash does not match the other properties")
        return self


class NodeRow(_Row):
    """One node to write: its kind (the label), IRI and properties (with ``iri``, ``syncHash``)."""

    kind: NodeKind
    iri: str = Field(min_length=1)

    @model_validator(mode="after")
    def _iri_is_a_property(self) -> NodeRow:
        if self.properties.get("iri") != self.iri:
            raise ValueError(f"node {self.iri}: the iri property must equal the row's iri")
        return self

    def parameters(self) -> dict[str, Any]:
        """The row as a ``$rows`` entry of :func:`.queries.merge_nodes`."""
        return {"iri": self.iri, "properties": self.properties}


class RelationshipRow(_Row):
    """One relationship to write: its type, both ends with their kinds, its properties."""

    type: EdgeKind
    source: str = Field(min_length=1)
    target: str = Field(min_length=1)
    source_kind: NodeKind
    target_kind: NodeKind

    def parameters(self) -> dict[str, Any]:
        """The row as a ``$rows`` entry of :func:`.queries.merge_relationships`."""
        return {"source": self.source, "target": self.target, "properties": self.properties}


def node_row(kind: str, iri: str, properties: dict[str, Any]) -> NodeRow:
    """A checked node row with its ``syncHash``.

    >>> node_row("Major", "https://x/major/1", {"iri": "https://x/major/1", "label": "专业"}).kind
    'Major'
    """
    props = {**properties, "syncHash": content_hash(properties)}
    return NodeRow.model_validate({"kind": kind, "iri": iri, "properties": props})


def relationship_row(
    rel_type: str,
    source: str,
    target: str,
    source_kind: str,
    target_kind: str,
    properties: dict[str, Any],
) -> RelationshipRow:
    """A checked relationship row with its ``syncHash``."""
    props = {**properties, "syncHash": content_hash(properties)}
    return RelationshipRow.model_validate(
        {
            "type": rel_type,
            "source": source,
            "target": target,
            "source_kind": source_kind,
            "target_kind": target_kind,
            "properties": props,
        }
    )
