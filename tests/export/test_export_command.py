"""``graphbuilder export``: formats, filters and clear errors from the command line."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from graphbuilder.cli.app import app
from graphbuilder.export import EXPORTERS

runner = CliRunner()


def test_list_formats_names_every_format() -> None:
    result = runner.invoke(app, ["export", "--list-formats"])
    assert result.exit_code == 0, result.output
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.strip()]
    assert listed == list(EXPORTERS)


def test_a_filtered_export_and_a_folder_format(export_store_path: Path, tmp_path: Path) -> None:
    store = str(export_store_path)
    out = tmp_path / "m.graphml"
    args = [
        "export",
        "--store",
        store,
        "--format",
        "graphml",
        "--major",
        "510201",
        "--kind",
        "Course",
    ]
    result = runner.invoke(app, [*args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "nodes" in result.output and out.exists()
    result = runner.invoke(
        app, ["export", "--store", store, "--format", "neo4j-csv", "-o", str(tmp_path / "csv")]
    )
    assert result.exit_code == 0, result.output
    assert "import.sh" in result.output


def test_unknown_format_kind_and_major_are_one_line_errors(
    export_store_path: Path, tmp_path: Path
) -> None:
    store = str(export_store_path)
    for extra, needle in (
        (["--format", "pdf"], "unknown format"),
        (["--format", "nt", "--kind", "Majr"], "unknown node kind"),
        (["--format", "nt", "--major", "999999"], "no major with code 999999"),
    ):
        result = runner.invoke(app, ["export", "--store", store, *extra, "-o", str(tmp_path / "x")])
        assert result.exit_code == 2, result.output
        assert needle in result.output
