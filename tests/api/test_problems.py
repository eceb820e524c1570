from __future__ import annotations

from fastapi import FastAPI, Query
from fastapi.testclient import TestClient

from api.problems import ApiProblem, install
from graphbuilder.errors import NotFoundError, StoreError


def _app() -> FastAPI:
    app = FastAPI()
    install(app)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret path /etc/passwd in a traceback")

    @app.get("/missing")
    def missing() -> None:
        raise NotFoundError("no tag 2024")

    @app.get("/store")
    def store() -> None:
        raise StoreError("disk /var/x failed")

    @app.get("/typed")
    def typed(n: int = Query(ge=1)) -> None:
        raise ApiProblem(409, "taken", "resource-exists", {"X-Hint": "y"})

    return app


def test_every_error_is_a_problem_document() -> None:
    client = TestClient(_app(), raise_server_exceptions=False)
    r = client.get("/typed", params={"n": 1})
    assert r.status_code == 409 and r.headers["content-type"] == "application/problem+json"
    assert r.headers["x-hint"] == "y"
    assert r.json() == {
        "type": "https://w3id.org/graphbuilder/problems#resource-exists",
        "title": "Conflict",
        "status": 409,
        "detail": "taken",
        "instance": "/typed",
    }
    r = client.get("/typed", params={"n": 0})
    body = r.json()
    assert r.status_code == 422 and body["errors"][0]["loc"] == ["query", "n"]
    assert "query.n" in body["detail"] and "input" not in body["errors"][0]
    r = client.get("/nowhere")
    assert r.status_code == 404 and r.json()["type"] == "about:blank"
    assert client.get("/missing").json()["detail"] == "no tag 2024"
    assert client.post("/missing").status_code == 405


def test_no_stack_trace_or_internal_text_reaches_a_client() -> None:
    client = TestClient(_app(), raise_server_exceptions=False)
    for path, status in (("/boom", 500), ("/store", 503)):
        r = client.get(path)
        assert r.status_code == status and r.headers["content-type"] == "application/problem+json"
        text = r.text
        assert "secret" not in text and "/var/x" not in text and "Traceback" not in text
