"""Every Cypher statement graphbuilder sends to Neo4j, one small builder per statement.

Neo4j 5 syntax, and only what Neo4j and other Bolt servers that speak Cypher 5 both
accept, except the optional full-text index, which is Neo4j's own. Labels and relationship
types are the ontology's node and edge kinds; they are checked against those lists before
they enter a statement, so nothing else ever does. Values always travel as parameters.

Every node graphbuilder writes has a ``syncHash`` property (a hash of its other properties);
nodes and relationships without one belong to someone else and are never changed or deleted.
"""

from __future__ import annotations

import re

from graphbuilder.model import EDGE_KINDS, NODE_KINDS

INDEXED: dict[str, tuple[str, ...]] = {
    "Major": ("code", "label"),
    "Occupation": ("code", "label"),
    "Course": ("label",),
    "Skill": ("label",),
    "KnowledgePoint": ("label",),
    "Technology": ("label",),
}
"""Properties indexed per label, besides ``iri`` (which its uniqueness constraint indexes)."""

FULLTEXT_PROPERTIES = ("label", "labelEn", "altLabels")


def _label(kind: str) -> str:
    if kind not in NODE_KINDS:
        raise ValueError(f"not a node kind: {kind!r}")
    return kind


def _type(kind: str) -> str:
    if kind not in EDGE_KINDS:
        raise ValueError(f"not an edge kind: {kind!r}")
    return kind


def _snake(name: str) -> str:
    """``KnowledgePoint`` → ``knowledge_point``.

    >>> _snake("KnowledgePoint")
    'knowledge_point'
    """
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def create_constraint(kind: str) -> str:
    """The uniqueness constraint on ``iri`` for one node kind (it also indexes ``iri``)."""
    label = _label(kind)
    return (
        f"CREATE CONSTRAINT gb_{_snake(label)}_iri IF NOT EXISTS "
        f"FOR (n:{label}) REQUIRE n.iri IS UNIQUE"
    )


def create_index(kind: str, prop: str) -> str:
    """A range index on one property of one node kind."""
    label = _label(kind)
    if prop not in {p for props in INDEXED.values() for p in props}:
        raise ValueError(f"not an indexed property: {prop!r}")
    name = f"gb_{_snake(label)}_{_snake(prop)}"
    return f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"


def create_fulltext_index() -> str:
    """A full-text index over every node kind's labels (Neo4j only)."""
    labels = "|".join(NODE_KINDS)
    props = ", ".join(f"n.{p}" for p in FULLTEXT_PROPERTIES)
    return f"CREATE FULLTEXT INDEX gb_labels IF NOT EXISTS FOR (n:{labels}) ON EACH [{props}]"


def schema_statements(*, fulltext: bool = False) -> list[str]:
    """Constraints, then indexes, in the order a push creates them."""
    out = [create_constraint(k) for k in NODE_KINDS]
    out += [create_index(k, p) for k, props in INDEXED.items() for p in props]
    if fulltext:
        out.append(create_fulltext_index())
    return out


def node_hashes(kind: str) -> str:
    """``iri`` and ``syncHash`` of every node of one kind that graphbuilder wrote."""
    label = _label(kind)
    return f"MATCH (n:{label}) WHERE n.syncHash IS NOT NULL RETURN n.iri AS iri, n.syncHash AS hash"


def merge_nodes(kind: str) -> str:
    """Create or replace nodes of one kind; ``$rows`` holds ``{iri, properties}`` maps."""
    label = _label(kind)
    return f"UNWIND $rows AS row MERGE (n:{label} {{iri: row.iri}}) SET n = row.properties"


def delete_nodes(kind: str) -> str:
    """Delete nodes of one kind (and their relationships); ``$iris`` lists them."""
    label = _label(kind)
    return f"UNWIND $iris AS iri MATCH (n:{label} {{iri: iri}}) DETACH DELETE n"


def relationship_hashes(rel_type: str) -> str:
    """Ends, their labels and ``syncHash`` of each relationship of one type graphbuilder wrote."""
    t = _type(rel_type)
    return (
        f"MATCH (a)-[r:{t}]->(b) WHERE r.syncHash IS NOT NULL "
        "RETURN a.iri AS source, b.iri AS target, labels(a) AS sourceLabels, "
        "labels(b) AS targetLabels, r.syncHash AS hash"
    )


def merge_relationships(rel_type: str, source_kind: str, target_kind: str) -> str:
    """Create or replace relationships of one type between two node kinds.

    ``$rows`` holds ``{source, target, properties}`` maps; both ends must exist.
    """
    t, a, b = _type(rel_type), _label(source_kind), _label(target_kind)
    return (
        f"UNWIND $rows AS row MATCH (a:{a} {{iri: row.source}}) MATCH (b:{b} {{iri: row.target}}) "
        f"MERGE (a)-[r:{t}]->(b) SET r = row.properties"
    )


def delete_relationships(rel_type: str, source_kind: str, target_kind: str) -> str:
    """Delete relationships of one type between two node kinds; ``$rows``: ``{source, target}``."""
    t, a, b = _type(rel_type), _label(source_kind), _label(target_kind)
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{a} {{iri: row.source}})-[r:{t}]->(b:{b} {{iri: row.target}}) "
        "WHERE r.syncHash IS NOT NULL DELETE r"
    )


def dump_nodes() -> str:
    """Every node graphbuilder wrote, with its labels and properties (for checks and tests)."""
    return (
        "MATCH (n) WHERE n.syncHash IS NOT NULL "
        "RETURN labels(n) AS labels, properties(n) AS properties"
    )


def dump_relationships() -> str:
    """Every relationship graphbuilder wrote, with its ends, type and properties."""
    return (
        "MATCH (a)-[r]->(b) WHERE r.syncHash IS NOT NULL "
        "RETURN a.iri AS source, type(r) AS type, b.iri AS target, properties(r) AS properties"
    )


def all_statements() -> list[str]:
    """Every statement graphbuilder can send, for each node kind and relationship type.

    A relationship statement's shape does not depend on the kinds at its ends, so each is
    built once, between majors and courses. Tests lint every one with Neo4j's own parser.
    """
    out = schema_statements(fulltext=True)
    for kind in NODE_KINDS:
        out += [node_hashes(kind), merge_nodes(kind), delete_nodes(kind)]
    for rel_type in EDGE_KINDS:
        out.append(relationship_hashes(rel_type))
        out.append(merge_relationships(rel_type, "Major", "Course"))
        out.append(delete_relationships(rel_type, "Major", "Course"))
    return [*out, dump_nodes(), dump_relationships()]
