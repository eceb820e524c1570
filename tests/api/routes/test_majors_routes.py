from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import COURSE_DB


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
