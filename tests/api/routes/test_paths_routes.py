from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from tests.api.conftest import BASE, COURSE_DB, KP_DB, KP_DESIGN, Keys


def _stages(body: dict[str, Any]) -> list[list[str]]:
    return [[i["node"]["iri"] for i in stage] for stage in body["stages"]]


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


def _items(body: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["node"]["iri"]: i for stage in body["stages"] for i in stage}


def test_an_occupation_path_learns_the_skills_its_tasks_need_first(client: TestClient) -> None:
    occupation = client.get("/api/v1/occupations/2-02-10-03").json()
    needed = {s["iri"] for s in occupation["skills"]}
    body = client.get("/api/v1/paths/occupation/2-02-10-03").json()
    stages = _stages(body)
    assert stages[-1] == [occupation["node"]["iri"]] and len(stages) >= 2
    earlier = {iri for stage in stages[:-1] for iri in stage}
    assert needed and needed <= earlier
    assert set(body["stages"][-1][0]["requires"]) <= needed
    # Knowing one of the skills takes it off the path.
    some = sorted(needed)[0]
    fewer = client.get("/api/v1/paths/occupation/2-02-10-03", params={"known": [some]}).json()
    assert some not in {iri for stage in _stages(fewer) for iri in stage}


def test_steps_without_a_teaching_course_name_the_inferred_ones(client: TestClient) -> None:
    skill = f"{BASE}skill/912a4ac907e88304"  # 应用数据库, taught by the major 510201
    major = client.get("/api/v1/majors/510201").json()
    courses = {c["iri"] for c in major["courses"]}
    item = _items(client.get(f"/api/v1/paths/{skill}").json())[skill]
    assert item["taught_by"] == []  # the standard names no course teaching it
    inferred = item["taught_by_inferred"]
    assert inferred[0]["label"] == "数据库技术及应用" and inferred[0]["how"] == "technology"
    assert inferred[0]["shared"] == ["数据库技术"] and inferred[0]["through"] == "teaches"
    assert 1 <= len(inferred) <= 5 and {i["iri"] for i in inferred} <= courses
    # A course step is taught by itself: no inference for it.
    assert (
        _items(client.get(f"/api/v1/paths/{COURSE_DB}").json())[COURSE_DB]["taught_by_inferred"]
        == []
    )
