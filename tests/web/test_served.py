"""How the server serves the web page (api/main.py): ``/``, ``/static/…``, and a clear 503
when the page was not built. No browser needed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import api.main
from api.main import create_app
from graphbuilder.settings import Settings
from tests.web.conftest import STATIC


def _client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(tmp_path / "store", settings=Settings()))


def test_the_page_and_its_assets_are_served(tmp_path: Path) -> None:
    if not (STATIC / "index.html").is_file():
        pytest.fail("the web page is not built: run `make web`")
    with _client(tmp_path) as client:
        page = client.get("/")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        assert page.headers["cache-control"] == "no-cache"
        assets = re.findall(r'(?:src|href)="(/static/[^"]+)"', page.text)
        assert {Path(a).suffix for a in assets} == {".js", ".css"}
        for asset in assets:
            got = client.get(asset)
            assert got.status_code == 200, asset
            assert got.content == (STATIC / asset.removeprefix("/static/")).read_bytes()
        assert "/" not in client.get("/openapi.json").json()["paths"]


def test_an_unbuilt_page_answers_503_saying_how_to_build_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(api.main, "WEB_DIR", tmp_path / "not-built")
    with _client(tmp_path) as client:
        page = client.get("/")
        assert page.status_code == 503
        assert page.headers["content-type"] == "application/problem+json"
        assert page.json()["detail"] == "web page not built: run `make web`"
        assert client.get("/static/main.js").status_code == 404
        assert client.get("/api/v1/health").status_code == 200  # the API still serves
