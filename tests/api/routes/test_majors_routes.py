from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import COURSE_DB, TECH_LINUX, Keys


def test_a_major_with_its_parts(client: TestClient) -> None:
    r = client.get("/api/v1/majors/510201")
    assert r.status_code == 200
    m = r.json()
    assert m["node"]["label"] == "计算机应用技术" and (m["code"], m["level"]) == (
        "510201",
        "高职专科",
    )
    courses = {c["iri"]: c for c in m["courses"]}
    assert courses[COURSE_DB]["course_type"] == "专业核心课程"
    types = [c["course_type"] for c in m["courses"]]
    assert types == sorted(types)  # grouped by type
    # Every skill and knowledge point the major itself teaches is listed (those its courses
    # teach are listed too, so these are a subset).
    node = client.get("/api/v1/nodes/major/510201").json()
    taught = {e["iri"] for e in node["edges"] if (e["kind"], e["direction"]) == ("teaches", "out")}
    listed = {s["iri"] for s in m["skills"]} | {k["iri"] for k in m["knowledge_points"]}
    assert taught and taught <= listed
    assert {s["kind"] for s in m["skills"]} == {"Skill"}
    assert {o["label"] for o in m["occupations"]} == {
        "数据分析处理工程技术人员",
        "大数据工程技术人员",
    }
    assert "Web 前端开发" in {c["label"] for c in m["certificates"]}
    assert {k["kind"] for k in m["knowledge_points"]} == {"KnowledgePoint"}


def test_unknown_and_malformed_codes(client: TestClient) -> None:
    assert client.get("/api/v1/majors/999999").status_code == 404
    r = client.get("/api/v1/majors/51020")
    assert r.status_code == 422 and r.json()["errors"][0]["loc"] == ["path", "code"]


def test_a_major_lists_the_technologies_its_courses_and_skills_align_to(
    client: TestClient,
) -> None:
    m = client.get("/api/v1/majors/510201").json()
    techs = {t["label"]: t for t in m["technologies"]}
    parts = {c["iri"] for c in m["courses"]} | {s["iri"] for s in m["skills"]}
    db = techs["数据库技术"]
    assert db["kind"] == "Technology"
    assert {"数据库技术及应用", "应用数据库"} <= {v["label"] for v in db["via"]}
    assert all(v["iri"] in parts for t in m["technologies"] for v in t["via"])
    counts = [len(t["via"]) for t in m["technologies"]]
    assert counts == sorted(counts, reverse=True)  # the most aligned first


def test_a_rejected_alignment_leaves_the_major_technologies(
    inferred_client: TestClient, keys: Keys
) -> None:
    def linux() -> dict[str, object] | None:
        m = inferred_client.get("/api/v1/majors/510201").json()
        return next((t for t in m["technologies"] if t["iri"] == TECH_LINUX), None)

    row = linux()
    assert row is not None and row["label"] == "Linux 操作系统"  # the Chinese label
    assert row["via"] == [
        {"iri": COURSE_DB, "kind": "Course", "label": "数据库技术及应用", "score": 0.82,
         "status": "auto"}
    ]  # fmt: skip
    assert row["score"] == 0.82 and row["statuses"] == ["auto"]
    decision = {"subject": COURSE_DB, "predicate": "alignsTo", "object": TECH_LINUX}
    r = inferred_client.put(
        "/api/v1/reviews", json={**decision, "status": "rejected"}, headers=keys.header("editor")
    )
    assert r.status_code == 200
    assert linux() is None
