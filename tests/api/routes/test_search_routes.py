from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import COURSE_DB


def _search(client: TestClient, **params: object) -> dict[str, object]:
    r = client.get("/api/v1/search", params=params)
    assert r.status_code == 200, r.text
    body: dict[str, object] = r.json()
    return body


def test_search_ranks_exact_then_prefix_then_substring(client: TestClient) -> None:
    body = _search(client, q="数据库")
    hits = body["data"]
    assert isinstance(hits, list)
    assert hits[0]["label"] == "数据库" and hits[0]["match"] == "exact"
    matches = [h["match"] for h in hits]
    assert matches == sorted(matches, key=["exact", "prefix", "substring"].index)


def test_kind_major_and_pages(client: TestClient) -> None:
    courses = _search(client, q="数据库", kind="Course", limit=100)
    assert {h["kind"] for h in courses["data"]} == {"Course"}  # type: ignore[union-attr]
    in_major = _search(client, q="数据库", kind="Course", major="510201")
    assert [h["iri"] for h in in_major["data"]] == [COURSE_DB]  # type: ignore[index]
    both = _search(client, q="网络", kind=["Course", "Occupation"], limit=100)
    kinds = {h["kind"] for h in both["data"]}  # type: ignore[union-attr]
    assert kinds == {"Course", "Occupation"}
    page = _search(client, q="网络", limit=2, offset=2)
    assert page["count"] == _search(client, q="网络")["count"] and len(page["data"]) == 2  # type: ignore[arg-type]


def test_english_and_fuzzy(client: TestClient) -> None:
    first = _search(client, q="linux")["data"][0]  # type: ignore[index]
    assert (first["matched"], first["match"], first["label_en"]) == ("Linux", "exact", "Linux")
    typo = _search(client, q="Wireshak")["data"][0]  # type: ignore[index]
    assert (typo["label_en"], typo["match"]) == ("Wireshark", "fuzzy")
    assert _search(client, q="Wireshak", mode="substring")["count"] == 0


def test_bad_queries_get_problem_answers(client: TestClient) -> None:
    for params in ({"q": "   "}, {"q": "x", "kind": "Planet"}, {"q": "x", "major": "51"}, {}):
        r = client.get("/api/v1/search", params=params)
        assert r.status_code == 422, params
        assert r.headers["content-type"] == "application/problem+json"
        assert r.json()["status"] == 422
