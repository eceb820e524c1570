from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.conftest import BASE, COURSE_DB, KP_DB, KP_DESIGN, TECH_DOCKER, TECH_LINUX


def test_a_node_by_path_has_labels_edges_and_provenance(client: TestClient) -> None:
    r = client.get("/api/v1/nodes/major/510201")
    assert r.status_code == 200
    node = r.json()
    assert node["kinds"] == ["Major"] and node["labels"]["zh"] == ["计算机应用技术"]
    assert {
        "kind": "hasPart",
        "direction": "out",
        "iri": COURSE_DB,
        "label": "数据库技术及应用",
    } in node["edges"]
    assert node["provenance"] and all(p["path"] for p in node["provenance"])


def test_by_iri_and_by_kind_key_agree(client: TestClient) -> None:
    a = client.get("/api/v1/nodes", params={"iri": f"{BASE}major/510201"}).json()
    b = client.get("/api/v1/nodes", params={"iri": "major/510201"}).json()
    assert a == b


def test_missing_and_malformed_nodes(client: TestClient) -> None:
    assert client.get("/api/v1/nodes/major/999999").status_code == 404
    assert client.get("/api/v1/nodes/planet/1").status_code == 404
    r = client.get("/api/v1/nodes", params={"iri": "not an iri"})
    assert r.status_code == 422 and r.json()["type"].endswith("#invalid-request")


def test_alignments_and_prerequisites_with_review_status(inferred_client: TestClient) -> None:
    course = inferred_client.get("/api/v1/nodes", params={"iri": COURSE_DB}).json()
    aligned = {(a["subject"], a["object"]): (a["score"], a["status"]) for a in course["alignments"]}
    assert aligned[(COURSE_DB, TECH_LINUX)] == (0.82, "auto")
    assert aligned[(COURSE_DB, TECH_DOCKER)] == (0.61, "auto")
    kp = inferred_client.get("/api/v1/nodes", params={"iri": KP_DB}).json()
    assert (KP_DESIGN, KP_DB) in {(p["subject"], p["object"]) for p in kp["prerequisites"]}
    assert all(KP_DB in (p["subject"], p["object"]) for p in kp["prerequisites"])
    tech = inferred_client.get("/api/v1/nodes", params={"iri": TECH_LINUX}).json()
    assert COURSE_DB in {a["subject"] for a in tech["alignments"]}  # seen from the other end
    assert {a["object"] for a in tech["alignments"]} == {TECH_LINUX}


def test_neighbour_labels_are_chinese_when_the_neighbour_has_one(
    inferred_client: TestClient,
) -> None:
    course = inferred_client.get("/api/v1/nodes", params={"iri": COURSE_DB}).json()
    labels = {e["iri"]: e["label"] for e in course["edges"] if e["kind"] == "alignsTo"}
    # Linux has the labels Linux@en and "Linux 操作系统"@zh; Docker, Docker@en and "Docker 容器"@zh.
    assert labels[TECH_LINUX] == "Linux 操作系统" and labels[TECH_DOCKER] == "Docker 容器"
    tech = inferred_client.get("/api/v1/nodes", params={"iri": TECH_LINUX}).json()
    assert tech["labels"]["en"] == ["Linux"]  # the English one is still there
