from __future__ import annotations

import json

from fastapi.testclient import TestClient

from tests.api.conftest import KP_DB, Keys

CSV = (
    "资源编号,资源名称,资源类型,链接,知识点,技能点,关联度\n"
    "R-001,数据库基础(PPT),课件,https://example.org/r1,数据库,,0.9\n"
    "R-002,前端开发实训,实训指导书,,,{skill},\n"
    "R-003,没有的知识点,视频,,量子纠缠;数据库,,\n"
)


def _unique_skill(client: TestClient) -> str:
    """The label of a skill that no other skill shares (whatever the extraction made)."""
    skills = client.get("/api/v1/majors/510201").json()["skills"]
    for s in skills:
        hits = client.get(
            "/api/v1/search", params={"q": s["label"], "kind": "Skill", "mode": "prefix"}
        ).json()["data"]
        if [h["match"] for h in hits].count("exact") == 1:
            label: str = s["label"]
            return label
    raise AssertionError("no skill with a label of its own in the fixture graph")


def _import(client: TestClient, keys: Keys, body: bytes, media: str) -> dict[str, object]:
    r = client.post(
        "/api/v1/resources/import",
        content=body,
        params={"name": "资源清单.csv"},
        headers={**keys.header("editor"), "content-type": media},
    )
    assert r.status_code == 200, r.text
    report: dict[str, object] = r.json()
    return report


def test_a_csv_listing_in_gb18030_imports_and_links(client: TestClient, keys: Keys) -> None:
    listing = CSV.format(skill=_unique_skill(client))
    report = _import(client, keys, listing.encode("gb18030"), "text/csv")
    assert (report["rows"], len(report["created"]), report["updated"]) == (3, 3, [])  # type: ignore[arg-type]
    assert report["links"] == 3
    assert report["unresolved"] == [
        {"line": 4, "field": "nodes", "value": "量子纠缠", "reason": "no node has this label"}
    ]
    linked = client.get("/api/v1/links", params={"node": KP_DB}).json()
    assert {lk["relevance"] for lk in linked["data"]} == {0.9, 1.0}
    ppt = client.get("/api/v1/resources", params={"type": "ppt"}).json()["data"][0]
    assert (ppt["identifier"], ppt["type_zh"]) == ("R-001", "演示文稿")
    again = _import(client, keys, listing.encode("utf-8"), "text/csv")
    assert (again["created"], len(again["updated"])) == ([], 3)  # type: ignore[arg-type]


def test_a_json_listing(client: TestClient, keys: Keys) -> None:
    body = {
        "resources": [
            {"title": "教案一", "type": "教案", "nodes": ["knowledge-point/263200d7d529b522"]}
        ]
    }
    report = _import(
        client, keys, json.dumps(body, ensure_ascii=False).encode(), "application/json"
    )
    assert (report["rows"], report["links"], report["unresolved"]) == (1, 1, [])


def test_bad_listings_are_refused_whole_with_their_rows(client: TestClient, keys: Keys) -> None:
    bad = "资源名称,资源类型\n好的资源,视频\n,视频\n坏类型,全息影像\n"
    r = client.post(
        "/api/v1/resources/import",
        content=bad.encode(),
        headers={**keys.header("editor"), "content-type": "text/csv"},
    )
    assert r.status_code == 422
    detail = r.json()["detail"]
    assert "row 3 title" in detail and "row 4 type" in detail
    assert client.get("/api/v1/resources").json()["count"] == 0  # nothing written
    for body, media, status in (
        (b"{", "application/json", 400),
        (b"\x00\x01\x02", "text/csv", 400),
        (b"a,b", "application/xml", 415),
    ):
        r = client.post(
            "/api/v1/resources/import",
            content=body,
            headers={**keys.header("editor"), "content-type": media},
        )
        assert r.status_code == status, (body, r.text)


def test_a_listing_over_the_size_limit(make_client: object, keys: Keys) -> None:
    client = make_client(import_max_bytes=10)  # type: ignore[operator]
    r = client.post(
        "/api/v1/resources/import",
        content=CSV.format(skill="x").encode(),
        headers={**keys.header("editor"), "content-type": "text/csv"},
    )
    assert r.status_code == 413
