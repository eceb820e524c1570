from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import ClientFactory, Keys

WRITE = {"title": "t", "type": "video"}


def test_anonymous_reading_is_a_setting(make_client: ClientFactory) -> None:
    open_client = make_client()
    assert open_client.get("/api/v1/search", params={"q": "数据"}).status_code == 200


def test_closed_reading_needs_any_key(make_client: ClientFactory, keys: Keys) -> None:
    client = make_client(anonymous_read=False)
    r = client.get("/api/v1/search", params={"q": "数据"})
    assert r.status_code == 401 and r.headers["www-authenticate"].startswith("Bearer")
    assert (
        client.get(
            "/api/v1/search", params={"q": "数据"}, headers=keys.header("reader")
        ).status_code
        == 200
    )
    bearer = {"Authorization": f"Bearer {keys.reader}"}
    assert client.get("/api/v1/majors/510201", headers=bearer).status_code == 200
    assert client.get("/api/v1/health").status_code == 200  # health stays open


def test_every_write_needs_a_key_with_the_role(client: TestClient, keys: Keys) -> None:
    assert client.post("/api/v1/resources", json=WRITE).status_code == 401
    r = client.post("/api/v1/resources", json=WRITE, headers=keys.header("reader"))
    assert r.status_code == 403 and "role reader" in r.json()["detail"]
    assert (
        client.post("/api/v1/resources", json=WRITE, headers=keys.header("admin")).status_code
        == 201
    )
    assert client.post("/api/v1/admin/reload").status_code == 401


def test_a_wrong_key_is_refused_even_where_anyone_may_read(client: TestClient, keys: Keys) -> None:
    wrong = keys.reader[:-2] + ("aa" if not keys.reader.endswith("aa") else "bb")
    r = client.get("/api/v1/search", params={"q": "数据"}, headers={"X-API-Key": wrong})
    assert r.status_code == 401 and r.json()["type"].endswith("#invalid-key")
    r = client.get("/api/v1/search", params={"q": "数据"}, headers={"Authorization": "Bearer nope"})
    assert r.status_code == 401


def test_without_a_key_file_nothing_can_be_written(make_client: ClientFactory, keys: Keys) -> None:
    client = make_client(api_keys_file=None)
    r = client.post("/api/v1/resources", json=WRITE, headers=keys.header("admin"))
    assert r.status_code == 401


PREFLIGHT = {
    "Origin": "https://platform.example.edu.cn",
    "Access-Control-Request-Method": "PUT",
    "Access-Control-Request-Headers": "X-API-Key",
}


def test_no_cross_origin_calls_by_default(client: TestClient) -> None:
    r = client.options("/api/v1/resources", headers=PREFLIGHT)
    assert "access-control-allow-origin" not in r.headers


def test_cors_origins_are_a_setting(make_client: ClientFactory) -> None:
    client = make_client(cors_origins=["https://platform.example.edu.cn"])
    r = client.options("/api/v1/resources", headers=PREFLIGHT)
    assert r.status_code == 200
    assert r.headers["access-control-allow-origin"] == "https://platform.example.edu.cn"
    r = client.get("/api/v1/health", headers={"Origin": "https://evil.example.com"})
    assert "access-control-allow-origin" not in r.headers
