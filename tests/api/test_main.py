"""The application's life: the store it holds, and curated data across restarts and rebuilds."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.main import create_app
from graphbuilder.errors import StoreError
from graphbuilder.pipeline import build
from graphbuilder.settings import Settings
from graphbuilder.store.oxigraph import OxigraphStore
from tests.api.conftest import BASE, KP_DB, KP_DESIGN, Keys

STANDARD = "moe/standards/5102计算机类.md"


def _app(store: Path, keys: Keys) -> TestClient:
    return TestClient(create_app(store, settings=Settings(api_keys_file=keys.file)))


def test_the_server_holds_the_store_for_writing(store_dir: Path, keys: Keys) -> None:
    with _app(store_dir, keys) as client:
        assert client.get("/api/v1/health").status_code == 200
        with pytest.raises(StoreError):
            OxigraphStore(store_dir, BASE)  # a build could not open it now
    OxigraphStore(store_dir, BASE).close()  # released on shutdown


def test_resources_and_links_survive_a_restart_and_a_rebuild(
    tmp_path: Path, fixture_corpus: Path, keys: Keys
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(fixture_corpus, corpus)
    store = tmp_path / "store"
    settings = Settings()
    build([corpus], store, settings=settings)
    ed = keys.header("editor")
    with _app(store, keys) as client:
        made = client.post(
            "/api/v1/resources",
            json={"title": "数据库设计实训指导书", "type": "training-guide", "identifier": "R-42"},
            headers=ed,
        ).json()
        for node, relevance in ((KP_DB, 0.9), (KP_DESIGN, 0.7)):
            r = client.put(
                f"/api/v1/resources/{made['id']}/links",
                json={"node": node, "relevance": relevance},
                headers=ed,
            )
            assert r.status_code == 200 and not r.json()["dangling"]
    with _app(store, keys) as client:  # a restart
        after = client.get(f"/api/v1/resources/{made['id']}").json()
        assert {k: v for k, v in after.items() if k != "links"} == {
            k: v for k, v in made.items() if k != "links"
        }
        assert {(lk["node"], lk["relevance"]) for lk in after["links"]} == {
            (KP_DB, 0.9),
            (KP_DESIGN, 0.7),
        }

    # The standard changes: 510203 no longer names the knowledge point 数据库设计与应用.
    path = corpus / STANDARD
    text = path.read_text(encoding="utf-8")
    assert "网页设计、数据库设计与应用、程序设计" in text
    path.write_text(text.replace("数据库设计与应用、", ""), encoding="utf-8")
    summary = build([corpus], store, settings=settings)
    assert any(o.status == "built" and o.path == STANDARD for o in summary.outcomes)

    with _app(store, keys) as client:
        resource = client.get(f"/api/v1/resources/{made['id']}").json()
        assert (resource["title"], resource["identifier"]) == ("数据库设计实训指导书", "R-42")
        links = {lk["node"]: lk for lk in resource["links"]}
        assert set(links) == {KP_DB, KP_DESIGN}  # nothing dropped
        assert (links[KP_DB]["dangling"], links[KP_DB]["relevance"]) == (False, 0.9)
        assert links[KP_DESIGN]["dangling"] and links[KP_DESIGN]["label"] is None
        report = client.get("/api/v1/links", params={"dangling": True}).json()
        assert [(lk["resource"], lk["node"]) for lk in report["data"]] == [(made["iri"], KP_DESIGN)]
        assert client.get("/api/v1/nodes", params={"iri": KP_DESIGN}).status_code == 404
        hits = client.get("/api/v1/search", params={"q": "实训指导书", "kind": "Resource"}).json()
        assert [h["iri"] for h in hits["data"]] == [made["iri"]]
        # The dangling link can be removed by hand.
        r = client.delete(
            f"/api/v1/resources/{made['id']}/links", params={"node": KP_DESIGN}, headers=ed
        )
        assert r.status_code == 204


def test_serve_passes_the_store_and_the_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import uvicorn

    from graphbuilder.cli.app import app
    from graphbuilder.settings import get_settings

    seen: dict[str, object] = {}

    def run(target: str, **kwargs: object) -> None:
        seen.update(kwargs, target=target)
        seen["settings"] = get_settings()

    monkeypatch.setattr(uvicorn, "run", run)
    # serve sets these for the server process; set here first so they are restored after.
    monkeypatch.setenv("GRAPHBUILDER_API_KEYS_FILE", "")
    monkeypatch.setenv("GRAPHBUILDER_STORE", "")
    keys = tmp_path / "keys.json"
    result = CliRunner().invoke(
        app, ["serve", "--store", str(tmp_path / "s"), "--keys", str(keys), "--port", "8123"]
    )
    assert result.exit_code == 0, result.output
    target = ("api.main:create_served_app", True, 8123)
    assert (seen["target"], seen["factory"], seen["port"]) == target
    settings = seen["settings"]
    assert isinstance(settings, Settings)
    assert (settings.store, settings.api_keys_file) == (tmp_path / "s", keys)


def test_a_preloading_server_answers_the_first_path_without_loading(
    store_dir: Path, keys: Keys
) -> None:
    app = create_app(store_dir, settings=Settings(api_keys_file=keys.file), preload=True)
    with TestClient(app) as client:
        app.state.preload.join()
        assert app.state.graph.loaded and app.state.gap_inputs.loaded
        assert client.get("/api/v1/health").status_code == 200
    plain = create_app(store_dir, settings=Settings(api_keys_file=keys.file))
    with TestClient(plain):
        assert plain.state.preload is None and not plain.state.graph.loaded


def test_openapi_describes_every_route_in_chinese_and_english(store_dir: Path, keys: Keys) -> None:
    import re

    spec = create_app(store_dir, settings=Settings(api_keys_file=keys.file)).openapi()
    for path, operations in spec["paths"].items():
        assert path.startswith("/api/v1/")
        for method, op in operations.items():
            text = op.get("description", "")
            assert re.search(r"[\u4e00-\u9fff]", text) and re.search(r"[A-Za-z]{3}", text), (
                method,
                path,
            )
            undocumented = [p["name"] for p in op.get("parameters", []) if not p.get("description")]
            assert undocumented == [], (method, path)
