from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from api.sparql import Answer, SparqlProblem, SparqlRunner, is_update, offered, render, uses_service
from graphbuilder.store.oxigraph import OxigraphStore

BASE = "https://w3id.org/graphbuilder/id/"


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    st = OxigraphStore(tmp_path / "s", BASE)
    g = st.curated
    st.raw.extend(
        [
            Quad(
                NamedNode("http://x/a"), NamedNode("http://x/p"), Literal("中文", language="zh"), g
            ),
            Quad(
                NamedNode("http://x/a"),
                NamedNode("http://x/q"),
                Literal("1", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
                g,
            ),
            Quad(NamedNode("http://x/a"), NamedNode("http://x/r"), BlankNode("b0"), g),
            Quad(
                NamedNode("http://x/b"), NamedNode("http://x/p"), Literal('tab\there, "quoted"'), g
            ),
        ]
    )
    return st


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("SELECT * { SERVICE <http://x/> { ?s ?p ?o } }", True),
        ("select * { service silent <http://x/> { ?s ?p ?o } }", True),
        ("SELECT * { ?s ?p ?o }#SERVICE\n", False),
        ('SELECT * { ?s ?p "SERVICE" }', False),
        ("SELECT * { ?s <http://x/SERVICE> ?o }", False),
        ("PREFIX ex: <http://x/> SELECT ?service { ?service ex:service ?o }", False),
        ("SELECT * { ?s ?p ?o FILTER(?o<1) SERVICE<http://x/>{?a ?b ?c} }", True),
    ],
)
def test_service_calls_are_found_whatever_hides_the_word(text: str, expected: bool) -> None:
    assert uses_service(text) is expected


def test_updates_are_told_from_broken_queries() -> None:
    assert is_update("PREFIX x: <http://x/> INSERT DATA { x:a x:b x:c }")
    assert is_update("CLEAR ALL") and is_update("LOAD <http://x/data.ttl>")
    assert not is_update("SELEKT * {}") and not is_update("SELECT * { ?s ?p ?o }")


def test_answers_in_every_format(store: OxigraphStore) -> None:
    runner = SparqlRunner(timeout=5, max_results=10)
    ans = runner.run(store, "SELECT ?s ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p")
    body = json.loads(render(ans, "application/sparql-results+json"))
    assert body["head"]["vars"] == ["s", "o"]
    objects = [b["o"] for b in body["results"]["bindings"]]
    assert {"type": "literal", "value": "中文", "xml:lang": "zh"} in objects
    assert {
        "type": "literal",
        "value": "1",
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
    } in objects
    assert {"type": "literal", "value": 'tab\there, "quoted"'} in objects  # xsd:string: no datatype
    assert any(o["type"] == "bnode" for o in objects)
    csv_text = render(ans, "text/csv").decode()
    assert '"tab\there, ""quoted"""' in csv_text and csv_text.startswith("s,o\r\n")
    tsv = render(ans, "text/tab-separated-values").decode().splitlines()
    assert tsv[0] == "?s\t?o" and '<http://x/b>\t"tab\\there, \\"quoted\\""' in tsv
    assert b'xml:lang="zh"' in render(ans, "application/sparql-results+xml")
    runner.close()


def test_offered_formats_follow_the_query_form() -> None:
    assert offered(Answer("graph"))[0] == "text/turtle"
    assert "text/csv" not in offered(Answer("boolean"))
    assert render(Answer("boolean", boolean=False), "application/sparql-results+xml").endswith(
        b"<boolean>false</boolean></sparql>"
    )


def test_limits_and_refusals(store: OxigraphStore) -> None:
    runner = SparqlRunner(timeout=5, max_results=2)
    with pytest.raises(SparqlProblem) as info:
        runner.run(store, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert (info.value.status, info.value.kind) == (422, "sparql-too-many-results")
    with pytest.raises(SparqlProblem) as info:
        runner.run(store, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert info.value.status == 422
    assert (
        len(
            runner.run(
                store, "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 2"
            ).triples
        )
        == 2
    )
    for text, status in (("DELETE WHERE { ?s ?p ?o }", 403), ("nonsense", 400)):
        with pytest.raises(SparqlProblem) as info:
            runner.run(store, text)
        assert info.value.status == status
    runner.close()


class _SlowStore:
    """Stands in for a store whose query runs long."""

    def query(self, text: str) -> object:
        time.sleep(0.4)
        return None


def test_the_request_waits_no_longer_than_the_time_limit() -> None:
    runner = SparqlRunner(timeout=0.05, max_results=10)
    started = time.perf_counter()
    with pytest.raises(SparqlProblem) as info:
        runner.run(_SlowStore(), "ASK {}")  # type: ignore[arg-type]
    assert (info.value.status, info.value.kind) == (503, "sparql-timeout")
    assert time.perf_counter() - started < 0.35
    runner.close()


def test_the_examples_in_the_docstrings() -> None:
    import doctest

    import api.routes.sparql
    import api.sparql

    for module in (api.sparql, api.routes.sparql):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
