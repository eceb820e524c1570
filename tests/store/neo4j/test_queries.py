"""Every Cypher statement graphbuilder can send passes Neo4j's own parser."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from graphbuilder.model import NODE_KINDS
from graphbuilder.store.neo4j import queries

Lint = Callable[[str], list[dict[str, Any]]]


def test_every_statement_passes_neo4js_parser(cypher_lint: Lint) -> None:
    statements = queries.all_statements()
    assert len(statements) == len(set(statements)) > 50
    problems = {s: d for s in statements if (d := cypher_lint(s))}
    assert problems == {}


def test_the_parser_does_report_errors_and_unknown_labels(cypher_lint: Lint) -> None:
    assert any(d["severity"] == "error" for d in cypher_lint("MATCH (n:Major) RETRN n"))
    warnings = cypher_lint("MATCH (n:Majr) RETURN n")
    assert warnings and "Majr" in warnings[0]["message"]
    assert cypher_lint("UNWIND $rows AS row RETURN row") == []  # parameters are not errors


def test_the_schema_statements_cover_every_kind() -> None:
    statements = queries.schema_statements()
    for kind in NODE_KINDS:
        assert queries.create_constraint(kind) in statements
    assert queries.create_fulltext_index() not in statements
    assert queries.create_fulltext_index() in queries.schema_statements(fulltext=True)


@pytest.mark.parametrize(
    "build",
    [
        lambda: queries.merge_nodes("Major) DETACH DELETE (m"),
        lambda: queries.merge_relationships("hasPart]->() DELETE r //", "Major", "Course"),
        lambda: queries.create_index("Major", "code) DROP"),
    ],
)
def test_names_outside_the_ontology_never_reach_a_statement(build: Callable[[], str]) -> None:
    with pytest.raises(ValueError, match=r"not an? (node|edge) kind|not an indexed"):
        build()
