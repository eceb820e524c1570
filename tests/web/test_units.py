"""The web page's pure modules (web/src/csv.js, messages.js), tested under node (web/test/)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.web.conftest import ROOT


def test_the_page_modules_pass_their_node_tests() -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: apt-get install nodejs npm")
    run = subprocess.run(
        [node, "--test", "web/test/"], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "# fail 0" in run.stdout
