from __future__ import annotations

import csv
import io
import time
from xml.etree import ElementTree

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat, parse

from api.sparql import Answer, SparqlRunner
from graphbuilder.store.oxigraph import OxigraphStore

GB = "https://w3id.org/graphbuilder/ontology#"
MAJORS = f"SELECT DISTINCT ?m ?code WHERE {{ ?m a <{GB}Major> ; <{GB}code> ?code }} ORDER BY ?code"
FORM = {"content-type": "application/x-www-form-urlencoded"}


def test_the_three_ways_of_sending_a_query(client: TestClient) -> None:
    by_get = client.get("/api/v1/sparql", params={"query": MAJORS})
    by_form = client.post("/api/v1/sparql", data={"query": MAJORS})
    by_body = client.post(
        "/api/v1/sparql", content=MAJORS, headers={"content-type": "application/sparql-query"}
    )
    for r in (by_get, by_form, by_body):
        assert (
            r.status_code == 200 and r.headers["content-type"] == "application/sparql-results+json"
        )
        assert r.json() == by_get.json()
    rows = by_get.json()["results"]["bindings"]
    assert [b["code"]["value"] for b in rows] == ["510201", "510202", "510203"]
    assert rows[0]["m"]["type"] == "uri" and by_get.json()["head"]["vars"] == ["m", "code"]


@pytest.mark.parametrize(
    ("accept", "media"),
    [
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv;q=0.2, application/sparql-results+json", "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
    ],
)
def test_result_formats(client: TestClient, accept: str, media: str) -> None:
    r = client.post("/api/v1/sparql", data={"query": MAJORS}, headers={"accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    if media == "text/csv":
        rows = list(csv.reader(io.StringIO(r.text)))
        assert rows[0] == ["m", "code"] and rows[1][1] == "510201"
    elif media == "text/tab-separated-values":
        lines = r.text.splitlines()
        assert lines[0] == "?m\t?code" and lines[1].endswith('\t"510201"')
    elif media.endswith("xml"):
        root = ElementTree.fromstring(r.content)
        assert len(root.findall(".//{http://www.w3.org/2005/sparql-results#}result")) == 3


def test_ask_and_construct(client: TestClient) -> None:
    ask = client.post("/api/v1/sparql", data={"query": f"ASK {{ ?m a <{GB}Major> }}"}).json()
    assert ask == {"head": {}, "boolean": True}
    q = f"CONSTRUCT {{ ?m a <{GB}Major> }} WHERE {{ ?m a <{GB}Major> }}"
    r = client.post("/api/v1/sparql", data={"query": q})
    assert r.headers["content-type"].startswith("text/turtle")
    assert len(list(parse(r.content, RdfFormat.TURTLE))) == 3
    nt = client.post(
        "/api/v1/sparql", data={"query": q}, headers={"accept": "application/n-triples"}
    )
    assert len(nt.text.strip().splitlines()) == 3
    refused = client.post("/api/v1/sparql", data={"query": q}, headers={"accept": "text/csv"})
    assert refused.status_code == 406


@pytest.mark.parametrize(
    ("send", "status", "kind"),
    [
        ({"data": {"query": "INSERT DATA { <a:b> <a:c> <a:d> }"}}, 403, "sparql-update"),
        ({"data": {"update": "CLEAR ALL"}}, 403, "sparql-update"),
        (
            {"content": "DROP ALL", "headers": {"content-type": "application/sparql-update"}},
            403,
            "sparql-update",
        ),
        (
            {"data": {"query": "SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }"}},
            403,
            "sparql-service",
        ),
        ({"data": {"query": "SELEKT * {}"}}, 400, "sparql-syntax"),
        ({"data": {"query": ""}}, 400, "sparql-syntax"),
        ({"data": {"query": "ASK {}", "default-graph-uri": "http://x/"}}, 400, "sparql-dataset"),
        (
            {"content": "ASK {}", "headers": {"content-type": "text/plain"}},
            415,
            "unsupported-media-type",
        ),
        ({"data": {"query": "x" * 100_001}}, 413, "too-large"),
    ],
)
def test_refusals(client: TestClient, send: dict[str, object], status: int, kind: str) -> None:
    r = client.post("/api/v1/sparql", **send)  # type: ignore[arg-type]
    assert r.status_code == status, r.text
    assert r.headers["content-type"] == "application/problem+json"
    assert r.json()["type"].endswith(f"#{kind}")


def test_a_store_is_never_changed_by_the_endpoint(client: TestClient) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = client.get("/api/v1/sparql", params={"query": count}).json()
    client.post("/api/v1/sparql", data={"query": "DELETE WHERE { ?s ?p ?o }"})
    assert client.get("/api/v1/sparql", params={"query": count}).json() == before


def test_result_size_limit(make_client: object) -> None:
    client = make_client(sparql_max_results=2)  # type: ignore[operator]
    r = client.post("/api/v1/sparql", data={"query": MAJORS})
    assert r.status_code == 422 and "add a LIMIT" in r.json()["detail"]
    ok = client.post("/api/v1/sparql", data={"query": MAJORS + " LIMIT 2"})
    assert ok.status_code == 200


class _Slow(SparqlRunner):
    """A runner whose queries take 0.5 s (a stand-in for a heavy query)."""

    def _evaluate(self, store: OxigraphStore, text: str) -> Answer:
        time.sleep(0.5)
        return super()._evaluate(store, text)


def test_time_limit(client: TestClient) -> None:
    app = client.app
    app.state.sparql = _Slow(timeout=0.05, max_results=10)  # type: ignore[attr-defined]
    r = client.post("/api/v1/sparql", data={"query": "ASK {}"})
    assert r.status_code == 503 and r.headers["retry-after"] == "10"
    assert r.json()["type"].endswith("#sparql-timeout")
    app.state.sparql.close()  # type: ignore[attr-defined]
