from __future__ import annotations

from fastapi.testclient import TestClient


def test_an_occupation_with_its_tasks_and_majors(client: TestClient) -> None:
    r = client.get("/api/v1/occupations/2-02-10-03")
    assert r.status_code == 200
    o = r.json()
    assert o["node"]["label"] == "计算机软件工程技术人员"
    assert len(o["tasks"]) == 8 and all(t["kind"] == "Task" for t in o["tasks"])
    assert "编写和管理软件开发文档" in {t["label"] for t in o["tasks"]}
    assert {m["iri"].rsplit("/", 1)[-1] for m in o["majors"]} >= {"510203"}
    # The skills: those the occupation needs and those its tasks need.
    needed = set()
    for iri in [o["node"]["iri"], *(t["iri"] for t in o["tasks"])]:
        edges = client.get("/api/v1/nodes", params={"iri": iri}).json()["edges"]
        needed |= {e["iri"] for e in edges if (e["kind"], e["direction"]) == ("needsSkill", "out")}
    assert {s["iri"] for s in o["skills"]} == needed
    assert {s["kind"] for s in o["skills"]} <= {"Skill"}


def test_unknown_and_malformed_occupations(client: TestClient) -> None:
    assert client.get("/api/v1/occupations/9-99-99-99").status_code == 404
    assert client.get("/api/v1/occupations/2020103").status_code == 422
