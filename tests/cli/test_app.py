from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from graphbuilder.cli.app import app

runner = CliRunner()


def test_build_stats_validate_export(fixture_corpus: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "s")
    result = runner.invoke(app, ["build", str(fixture_corpus), "--store", store])
    assert result.exit_code == 0, result.output
    assert "built" in result.output

    result = runner.invoke(app, ["stats", "--store", store, "--json"])
    assert result.exit_code == 0, result.output
    counts = json.loads(result.stdout)
    assert set(counts) == {"nodes", "edges", "triples"}
    assert counts["nodes"]["Major"] == 3
    assert counts["edges"]["preparesFor"] > 0
    assert counts["triples"] > 1000

    result = runner.invoke(app, ["validate", "--store", store])
    assert result.exit_code == 0, result.output

    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["export", "--store", store, "--format", "turtle", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("@prefix")


def test_strict_build_fails_on_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "src"
    bad.mkdir()
    (bad / "x.md").write_bytes(b"\x00\x01binary")
    result = runner.invoke(app, ["build", str(bad), "--store", str(tmp_path / "s"), "--strict"])
    assert result.exit_code == 1
    assert "x.md" in result.output and "binary" in result.output


def test_missing_source_and_missing_store_are_clear_errors(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(tmp_path / "nope"), "--store", str(tmp_path / "s")])
    assert result.exit_code == 2
    assert "no such file or folder" in result.output
    result = runner.invoke(app, ["stats", "--store", str(tmp_path / "empty")])
    assert result.exit_code != 0
