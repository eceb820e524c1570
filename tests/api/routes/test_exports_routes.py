from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat, parse

from tests.api.conftest import Keys


def test_formats_come_from_the_registry(client: TestClient) -> None:
    from graphbuilder.export import EXPORTERS

    body = client.get("/api/v1/exports").json()
    assert [f["name"] for f in body["data"]] == sorted(EXPORTERS)
    assert body["build_id"] == client.get("/api/v1/health").json()["build_id"]
    turtle = next(f for f in body["data"] if f["name"] == "turtle")
    assert (turtle["media_type"], turtle["href"]) == ("text/turtle", "/api/v1/exports/turtle")
    assert turtle["description"] == EXPORTERS["turtle"].description


def test_turtle_streams_with_an_etag_and_answers_304(client: TestClient, keys: Keys) -> None:
    r = client.get("/api/v1/exports/turtle")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    assert r.headers["x-build-id"] == client.get("/api/v1/health").json()["build_id"]
    triples = list(parse(r.content, RdfFormat.TURTLE))
    assert len(triples) > 1000
    etag = r.headers["etag"]
    for header in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        again = client.get("/api/v1/exports/turtle", headers={"If-None-Match": header})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert client.get("/api/v1/exports/turtle", headers={"If-None-Match": '"x"'}).status_code == 200
    # A curated edit is part of the export: the ETag changes and the new export has it.
    client.post(
        "/api/v1/resources",
        json={"title": "导出测试", "type": "video"},
        headers=keys.header("editor"),
    )
    fresh = client.get("/api/v1/exports/turtle", headers={"If-None-Match": etag})
    assert fresh.status_code == 200 and fresh.headers["etag"] != etag
    assert "导出测试".encode() in fresh.content


def test_unknown_format(client: TestClient) -> None:
    r = client.get("/api/v1/exports/docx")
    assert r.status_code == 404 and "turtle" in r.json()["detail"]


class _Folder:
    """A format registered later that writes a folder."""

    suffix = ""
    description = "a test folder format"

    def __call__(self, store: object, out: Path, selection: object = None) -> None:
        out.mkdir()
        (out / "nodes.csv").write_text("id\n1\n", encoding="utf-8")
        (out / "sub").mkdir()
        (out / "sub" / "edges.csv").write_text("a,b\n", encoding="utf-8")


def test_a_format_registered_later_and_writing_a_folder_is_zipped(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import zipfile

    from graphbuilder.export import EXPORTERS

    monkeypatch.setitem(EXPORTERS, "test-folder", _Folder())  # type: ignore[arg-type]
    listed = {f["name"]: f for f in client.get("/api/v1/exports").json()["data"]}
    assert listed["test-folder"]["media_type"] == "application/zip"
    r = client.get("/api/v1/exports/test-folder")
    assert r.status_code == 200 and r.headers["content-type"] == "application/zip"
    assert r.headers["content-disposition"] == 'attachment; filename="graph-test-folder.zip"'
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        assert sorted(zf.namelist()) == ["nodes.csv", "sub/edges.csv"]


def test_a_part_of_the_graph(client: TestClient) -> None:
    whole = client.get("/api/v1/exports/nt")
    part = client.get("/api/v1/exports/nt", params={"major": "510201", "kind": "Course"})
    assert part.status_code == 200 and part.headers["etag"] != whole.headers["etag"]
    assert 0 < len(part.content) < len(whole.content)
    assert b"/course/6231950abaa9297c>" in part.content and b"/major/510203>" not in part.content
    missing = client.get("/api/v1/exports/nt", params={"major": "999999"})
    assert missing.status_code == 404
    assert client.get("/api/v1/exports/nt", params={"kind": "Planet"}).status_code == 422
