from __future__ import annotations

from fastapi.testclient import TestClient


def test_health_names_the_store_its_documents_and_build(client: TestClient) -> None:
    body = client.get("/api/v1/health").json()
    assert body["status"] == "ok" and body["documents"] >= 5  # documents and derived stages
    assert len(body["build_id"]) == 16 and body["nodes"] > 100
