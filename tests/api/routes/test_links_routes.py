from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import BASE, KP_DB, Keys


def _resource(client: TestClient, keys: Keys) -> str:
    r = client.post(
        "/api/v1/resources",
        json={"title": "数据库微课", "type": "video"},
        headers=keys.header("editor"),
    )
    rid: str = r.json()["id"]
    return rid


def test_link_relink_list_and_unlink(client: TestClient, keys: Keys) -> None:
    ed = keys.header("editor")
    rid = _resource(client, keys)
    r = client.put(
        f"/api/v1/resources/{rid}/links", json={"node": KP_DB, "relevance": 0.6}, headers=ed
    )
    assert r.status_code == 200
    assert r.json() == {
        "resource": f"{BASE}resource/{rid}",
        "node": KP_DB,
        "label": "数据库",
        "kind": "KnowledgePoint",
        "relevance": 0.6,
        "dangling": False,
    }
    kp_path = "knowledge-point/" + KP_DB.rsplit("/", 1)[-1]
    client.put(
        f"/api/v1/resources/{rid}/links", json={"node": kp_path, "relevance": 0.8}, headers=ed
    )
    links = client.get(f"/api/v1/resources/{rid}/links").json()
    assert links["count"] == 1 and links["data"][0]["relevance"] == 0.8
    by_node = client.get("/api/v1/links", params={"node": kp_path}).json()
    assert [lk["resource"] for lk in by_node["data"]] == [f"{BASE}resource/{rid}"]
    assert client.get("/api/v1/links", params={"dangling": True}).json()["count"] == 0
    node = client.get("/api/v1/nodes", params={"iri": KP_DB}).json()
    assert {
        "kind": "teaches",
        "direction": "in",
        "iri": f"{BASE}resource/{rid}",
        "label": "数据库微课",
    } in node["edges"]
    r = client.delete(f"/api/v1/resources/{rid}/links", params={"node": KP_DB}, headers=ed)
    assert r.status_code == 204
    r = client.delete(f"/api/v1/resources/{rid}/links", params={"node": KP_DB}, headers=ed)
    assert r.status_code == 404


def test_only_existing_linkable_nodes(client: TestClient, keys: Keys) -> None:
    ed = keys.header("editor")
    rid = _resource(client, keys)
    for node, why in (
        (f"{BASE}skill/0000000000000000", "no node"),
        ("major/510201", "is a Major"),
        ("not a node", "neither an IRI"),
    ):
        r = client.put(f"/api/v1/resources/{rid}/links", json={"node": node}, headers=ed)
        assert r.status_code == 422 and why in r.json()["detail"], node
    r = client.put(
        f"/api/v1/resources/{rid}/links", json={"node": KP_DB, "relevance": 2}, headers=ed
    )
    assert r.status_code == 422
    r = client.put("/api/v1/resources/0000000000000000/links", json={"node": KP_DB}, headers=ed)
    assert r.status_code == 404
    assert client.get("/api/v1/links", params={"node": "bad ref"}).status_code == 422
