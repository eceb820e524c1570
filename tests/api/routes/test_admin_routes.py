from __future__ import annotations

from fastapi.testclient import TestClient

from graphbuilder.store.keys import add_key, revoke_key
from tests.api.conftest import Keys


def test_reload_reads_new_keys_and_rebuilds_the_index(client: TestClient, keys: Keys) -> None:
    assert client.post("/api/v1/admin/reload", headers=keys.header("editor")).status_code == 403
    fresh = add_key(keys.file, "late", "editor")
    try:
        assert client.get("/api/v1/health", headers={"X-API-Key": fresh}).status_code == 200
        assert (
            client.post(
                "/api/v1/resources",
                json={"title": "t", "type": "video"},
                headers={"X-API-Key": fresh},
            ).status_code
            == 401
        )
        r = client.post("/api/v1/admin/reload", headers=keys.header("admin"))
        assert r.status_code == 200 and r.json()["keys"] == 4 and r.json()["nodes"] > 100
        made = client.post(
            "/api/v1/resources", json={"title": "t", "type": "video"}, headers={"X-API-Key": fresh}
        )
        assert made.status_code == 201
    finally:
        revoke_key(keys.file, "late")
