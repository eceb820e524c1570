from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import Keys

VIDEO = {"title": "数据库入门微课", "type": "video", "url": "https://example.org/v/1"}


def test_create_read_update_delete(client: TestClient, keys: Keys) -> None:
    ed = keys.header("editor")
    r = client.post("/api/v1/resources", json=VIDEO, headers=ed)
    assert r.status_code == 201, r.text
    made = r.json()
    assert (made["type_zh"], made["links"]) == ("视频", [])
    assert r.headers["location"].endswith(f"/api/v1/resources/{made['id']}")
    assert client.get(f"/api/v1/resources/{made['id']}").json() == made
    r = client.patch(
        f"/api/v1/resources/{made['id']}",
        json={"licence": "CC BY 4.0", "url": None},
        headers=ed,
    )
    assert r.status_code == 200
    changed = r.json()
    assert (changed["licence"], changed["url"], changed["title"]) == (
        "CC BY 4.0",
        None,
        VIDEO["title"],
    )
    assert changed["created"] == made["created"]
    page = client.get("/api/v1/resources", params={"type": "video"}).json()
    assert page["count"] == 1 and page["data"][0]["id"] == made["id"]
    assert client.get("/api/v1/resources", params={"type": "ppt"}).json()["count"] == 0
    assert client.delete(f"/api/v1/resources/{made['id']}", headers=ed).status_code == 204
    assert client.get(f"/api/v1/resources/{made['id']}").status_code == 404
    assert client.delete(f"/api/v1/resources/{made['id']}", headers=ed).status_code == 404


def test_a_created_resource_is_searchable_at_once(client: TestClient, keys: Keys) -> None:
    made = client.post("/api/v1/resources", json=VIDEO, headers=keys.header("editor")).json()
    hits = client.get("/api/v1/search", params={"q": "入门微课", "kind": "Resource"}).json()
    assert [h["iri"] for h in hits["data"]] == [made["iri"]]
    client.delete(f"/api/v1/resources/{made['id']}", headers=keys.header("editor"))
    assert client.get("/api/v1/search", params={"q": "入门微课"}).json()["count"] == 0


def test_the_same_resource_twice_is_a_conflict(client: TestClient, keys: Keys) -> None:
    ed = keys.header("editor")
    assert client.post("/api/v1/resources", json=VIDEO, headers=ed).status_code == 201
    r = client.post("/api/v1/resources", json={**VIDEO, "title": "另一个标题"}, headers=ed)
    assert r.status_code == 409 and r.json()["type"].endswith("#resource-exists")


def test_invalid_bodies(client: TestClient, keys: Keys) -> None:
    ed = keys.header("editor")
    for body in (
        {"title": "x", "type": "hologram"},
        {"title": "", "type": "video"},
        {"title": "x", "type": "video", "url": "ftp://x"},
        {"title": "x", "type": "video", "colour": "red"},
    ):
        r = client.post("/api/v1/resources", json=body, headers=ed)
        assert r.status_code == 422, body
        assert r.json()["errors"]
    made = client.post("/api/v1/resources", json=VIDEO, headers=ed).json()
    r = client.patch(f"/api/v1/resources/{made['id']}", json={"title": None}, headers=ed)
    assert r.status_code == 422 and "cannot be cleared" in r.json()["detail"]
    assert client.get("/api/v1/resources/xyz").status_code == 422
    assert (
        client.patch("/api/v1/resources/0000000000000000", json={}, headers=ed).status_code == 404
    )
