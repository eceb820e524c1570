from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import COURSE_DB, KP_DB, KP_DESIGN, TECH_DOCKER, TECH_LINUX, Keys


def _status(client: TestClient, node: str, kind: str, other: str) -> str:
    view = client.get("/api/v1/nodes", params={"iri": node}).json()
    for e in view["alignments" if kind == "alignsTo" else "prerequisites"]:
        if other in (e["subject"], e["object"]):
            status: str = e["status"]
            return status
    raise AssertionError(f"no {kind} edge {node} – {other}")


def test_reject_and_accept_then_forget(inferred_client: TestClient, keys: Keys) -> None:
    c, ed = inferred_client, keys.header("editor")
    reject = {
        "subject": COURSE_DB,
        "predicate": "alignsTo",
        "object": TECH_LINUX,
        "status": "rejected",
    }
    r = c.put("/api/v1/reviews", json=reject, headers=ed)
    assert r.status_code == 200 and r.json()["status"] == "rejected"
    assert _status(c, COURSE_DB, "alignsTo", TECH_LINUX) == "rejected"
    linux = c.get(f"/api/v1/technologies/{TECH_LINUX.rsplit('/', 1)[-1]}").json()
    assert COURSE_DB not in {x["iri"] for x in linux["courses"]}  # the decision wins at once
    accept = {"subject": KP_DESIGN, "predicate": "requires", "object": KP_DB, "status": "accepted"}
    assert c.put("/api/v1/reviews", json=accept, headers=ed).status_code == 200
    assert _status(c, KP_DB, "requires", KP_DESIGN) == "accepted"
    listed = c.get("/api/v1/reviews").json()
    assert listed["count"] == 2
    only = c.get("/api/v1/reviews", params={"predicate": "requires", "status": "accepted"}).json()
    assert [(x["subject"], x["object"]) for x in only["data"]] == [(KP_DESIGN, KP_DB)]
    # A decision can change even after the edge is gone (a rebuild honours the rejection).
    again = {**reject, "status": "accepted"}
    assert c.put("/api/v1/reviews", json=again, headers=ed).json()["status"] == "accepted"
    params = {"subject": COURSE_DB, "predicate": "alignsTo", "object": TECH_LINUX}
    assert c.delete("/api/v1/reviews", params=params, headers=ed).status_code == 204
    assert _status(c, COURSE_DB, "alignsTo", TECH_LINUX) == "auto"
    assert c.delete("/api/v1/reviews", params=params, headers=ed).status_code == 404


def test_only_edges_the_graph_has(inferred_client: TestClient, keys: Keys) -> None:
    ed = keys.header("editor")
    body = {"subject": KP_DB, "predicate": "alignsTo", "object": TECH_DOCKER, "status": "accepted"}
    r = inferred_client.put("/api/v1/reviews", json=body, headers=ed)
    assert r.status_code == 404
    for bad in (
        {**body, "predicate": "teaches"},
        {**body, "status": "maybe"},
        {**body, "subject": "x y"},
    ):
        assert inferred_client.put("/api/v1/reviews", json=bad, headers=ed).status_code == 422


def test_reviews_need_an_editor(inferred_client: TestClient, keys: Keys) -> None:
    body = {
        "subject": COURSE_DB,
        "predicate": "alignsTo",
        "object": TECH_LINUX,
        "status": "rejected",
    }
    assert inferred_client.put("/api/v1/reviews", json=body).status_code == 401
    r = inferred_client.put("/api/v1/reviews", json=body, headers=keys.header("reader"))
    assert r.status_code == 403
