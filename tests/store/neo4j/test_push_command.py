"""``graphbuilder push-neo4j``: a summary on success, one clear line on failure."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graphbuilder.cli.app import app

pytestmark = pytest.mark.neo4j
runner = CliRunner()


def _args(store: Path, uri: str, password: str, database: str | None) -> list[str]:
    args = ["push-neo4j", "--store", str(store), "--uri", uri, "--user", "root"]
    args += ["--password", password]
    return args + (["--database", database] if database else [])


def test_push_then_push_again(graph_store: Path, arcadedb: Any) -> None:
    target = arcadedb.target()
    result = runner.invoke(app, _args(graph_store, target.uri, target.password, target.database))
    assert result.exit_code == 0, result.output
    assert "changes" in result.output and "nodes" in result.output
    result = runner.invoke(app, _args(graph_store, target.uri, target.password, target.database))
    assert result.exit_code == 0, result.output
    assert "in sync" in result.output and "0 changes" in result.output


def test_a_wrong_password_is_one_line_and_exit_1(graph_store: Path, arcadedb: Any) -> None:
    result = runner.invoke(app, _args(graph_store, arcadedb.uri, "wrong-password", None))
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [f"authentication failed for user 'root' at {arcadedb.uri}"]
