from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import KP_DB, Keys


def test_suggestions_for_a_title_and_for_a_stored_resource(client: TestClient, keys: Keys) -> None:
    r = client.get("/api/v1/suggestions", params={"title": "1.2 数据库入门(PPT)"})
    assert r.status_code == 200
    found = r.json()["data"]
    assert found[0]["iri"] == KP_DB and found[0]["kind"] == "KnowledgePoint"
    assert all(0.3 <= s["score"] <= 1 for s in found)
    made = client.post(
        "/api/v1/resources",
        json={"title": "数据库入门", "type": "ppt"},
        headers=keys.header("editor"),
    ).json()
    stored = client.get(f"/api/v1/resources/{made['id']}/suggestions", params={"limit": 1}).json()
    assert [s["iri"] for s in stored["data"]] == [KP_DB]
    assert client.get("/api/v1/resources/0000000000000000/suggestions").status_code == 404
    assert client.get("/api/v1/suggestions", params={"title": ""}).status_code == 422
