from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import KP_DB, KP_DESIGN, Keys


def _stages(body: dict[str, object]) -> list[list[str]]:
    return [[i["node"]["iri"] for i in stage] for stage in body["stages"]]  # type: ignore[attr-defined, index]


def test_a_path_puts_prerequisites_first(inferred_client: TestClient) -> None:
    kp = "knowledge-point/" + KP_DESIGN.rsplit("/", 1)[-1]
    r = inferred_client.get(f"/api/v1/paths/{kp}")
    assert r.status_code == 200
    body = r.json()
    assert body["target"]["iri"] == KP_DESIGN and body["known"] == []
    stages = _stages(body)
    assert stages[-1] == [KP_DESIGN]
    where = {iri: i for i, stage in enumerate(stages) for iri in stage}
    assert where[KP_DB] < where[KP_DESIGN]  # the injected prerequisite comes first
    last = body["stages"][-1][0]
    assert KP_DB in last["requires"] and last["stage"] == len(stages) - 1


def test_what_the_learner_knows_is_left_out(inferred_client: TestClient) -> None:
    r = inferred_client.get(f"/api/v1/paths/{KP_DESIGN}", params={"known": [KP_DB]})
    body = r.json()
    assert KP_DB in body["known"]
    assert KP_DB not in {iri for stage in _stages(body) for iri in stage}
    done = inferred_client.get(f"/api/v1/paths/{KP_DESIGN}", params={"known": [KP_DESIGN]})
    assert done.json()["stages"] == []


def _resources_of(client: TestClient, node: str) -> list[str]:
    body = client.get(f"/api/v1/paths/{KP_DESIGN}").json()
    item = next(i for stage in body["stages"] for i in stage if i["node"]["iri"] == node)
    return [r["iri"] for r in item["resources"]]


def test_linked_resources_reach_the_path_after_a_reload(
    inferred_client: TestClient, keys: Keys
) -> None:
    ed = keys.header("editor")
    assert _resources_of(inferred_client, KP_DB) == []  # the graph is loaded now
    made = inferred_client.post(
        "/api/v1/resources", json={"title": "数据库微课", "type": "video"}, headers=ed
    ).json()
    inferred_client.put(f"/api/v1/resources/{made['id']}/links", json={"node": KP_DB}, headers=ed)
    # The next answer comes at once from the graph as it was, and starts a reload.
    assert _resources_of(inferred_client, KP_DB) == []
    inferred_client.app.state.graph.wait()  # type: ignore[attr-defined]
    assert _resources_of(inferred_client, KP_DB) == [made["iri"]]


def test_unknown_and_malformed_targets(inferred_client: TestClient) -> None:
    assert inferred_client.get("/api/v1/paths/skill/0000000000000000").status_code == 404
    assert inferred_client.get("/api/v1/paths/planet/x").status_code == 422
    r = inferred_client.get(f"/api/v1/paths/{KP_DESIGN}", params={"known": "bad ref"})
    assert r.status_code == 422


def test_a_rejected_prerequisite_leaves_the_path(inferred_client: TestClient, keys: Keys) -> None:
    def direct(client: TestClient) -> list[str]:
        body = client.get(f"/api/v1/paths/{KP_DESIGN}").json()
        requires: list[str] = body["stages"][-1][0]["requires"]
        return requires

    assert KP_DB in direct(inferred_client)
    decision = {"subject": KP_DESIGN, "predicate": "requires", "object": KP_DB}
    r = inferred_client.put(
        "/api/v1/reviews", json={**decision, "status": "rejected"}, headers=keys.header("editor")
    )
    assert r.status_code == 200
    direct(inferred_client)  # answered from the graph as it was; starts the reload
    inferred_client.app.state.graph.wait()  # type: ignore[attr-defined]
    assert KP_DB not in direct(inferred_client)
