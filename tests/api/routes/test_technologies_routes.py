from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import COURSE_DB, TECH_LINUX


def test_a_technology_with_the_courses_and_majors_that_teach_it(
    inferred_client: TestClient,
) -> None:
    key = TECH_LINUX.rsplit("/", 1)[-1]
    t = inferred_client.get(f"/api/v1/technologies/{key}").json()
    assert t["node"]["iri"] == TECH_LINUX and t["node"]["kind"] == "Technology"
    assert COURSE_DB in {c["iri"] for c in t["courses"]}
    assert "计算机应用技术" in {m["label"] for m in t["majors"]}
    assert {c["kind"] for c in t["courses"]} == {"Course"}
    assert {m["kind"] for m in t["majors"]} == {"Major"}


def test_unknown_and_malformed_technologies(client: TestClient) -> None:
    assert client.get("/api/v1/technologies/0123456789abcdef").status_code == 404
    assert client.get("/api/v1/technologies/no%20such").status_code == 422
