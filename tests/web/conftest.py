"""Browser tests of the web page: a real server on a real store, driven in headless Chromium.

One store (the fixture corpus, whose derived stages infer prerequisite chains and
alignments) is built and served by ``graphbuilder serve`` in a subprocess for the whole
session, with an editor key. Chromium is Debian's (``/usr/bin/chromium``), driven by
Playwright; no browser is downloaded. Each test gets a fresh browser context (so an empty
localStorage) and fails if the page throws or asks anything of another host.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from graphbuilder.pipeline import build
from graphbuilder.settings import Settings
from graphbuilder.store.keys import add_key

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "api" / "web"
SHOTS = ROOT / "build" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
BASE = "https://w3id.org/graphbuilder/id/"

# Nodes of the fixture corpus the tests use (IRIs are deterministic: same input, same IDs).
SKILL_SECURITY = f"{BASE}skill/caa27d08c58cdde4"  # 配置网络安全软硬件: a three-stage path
KP_SECURITY = f"{BASE}knowledge-point/d4443b35a832768c"  # 网络安全
KP_DB = f"{BASE}knowledge-point/263200d7d529b522"  # 数据库


@dataclass(frozen=True)
class Server:
    """A running ``graphbuilder serve`` and an editor key for it."""

    url: str
    editor_key: str

    def api(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        """Call the API directly (as the editor), to set up or check what the page did."""
        headers = {"X-API-Key": self.editor_key, **kwargs.pop("headers", {})}
        return httpx.request(
            method, f"{self.url}/api/v1{path}", headers=headers, timeout=30, **kwargs
        )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def _graphbuilder() -> str:
    found = shutil.which("graphbuilder", path=str(Path(sys.executable).parent)) or shutil.which(
        "graphbuilder"
    )
    if found is None:
        pytest.fail("the graphbuilder command is not installed (pip install -e '.[dev]')")
    return found


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, fixture_corpus: Path) -> Iterator[Server]:
    """``graphbuilder serve`` on the built fixture corpus, on a free local port."""
    work = tmp_path_factory.mktemp("web")
    store = work / "store"
    summary = build([fixture_corpus], store, settings=Settings())
    assert not summary.failed
    keys = work / "keys.json"
    editor = add_key(keys, "ed", "editor")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("GRAPHBUILDER_")}
    log = (work / "serve.log").open("wb")
    cmd = [_graphbuilder(), "serve", "--store", str(store), "--keys", str(keys)]
    proc = subprocess.Popen(
        [*cmd, "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            said = (work / "serve.log").read_text(errors="replace")
            if proc.poll() is not None:
                pytest.fail(f"graphbuilder serve exited: {said}")
            try:
                if httpx.get(f"{url}/api/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"graphbuilder serve did not answer: {(work / 'serve.log').read_text()}"
                )
            time.sleep(0.2)
        yield Server(url, editor)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium under Playwright (never a downloaded browser)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium"
            " (apt-get install chromium fonts-noto-cjk)"
        )
    if not (STATIC / "index.html").is_file():
        pytest.fail("the web page is not built: run `make web`")
    from playwright.sync_api import sync_playwright

    # The first suggestion request builds the suggester (seconds on a busy machine).
    expect.set_options(timeout=15_000)
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Browser, server: Server) -> Iterator[Page]:
    """A page in a fresh context on the server; fails the test on a script error or on a
    request to any other host (the page must work offline: no CDN, no web fonts)."""
    context = browser.new_context(
        base_url=server.url, viewport={"width": 1280, "height": 900}, accept_downloads=True
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on(
        "request",
        lambda req: (
            None if req.url.startswith((server.url, "data:", "blob:")) else foreign.append(req.url)
        ),
    )
    yield page
    context.close()
    assert not errors, f"the page threw: {errors}"
    assert not foreign, f"the page asked other hosts: {foreign}"


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as build/screenshots/{name}.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
