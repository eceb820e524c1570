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


def test_build_with_the_recogniser(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    chapter = Path(__file__).resolve().parents[1] / "fixtures" / "docs" / "javascript-tutorial"
    (src / "intro.md").write_bytes((chapter / "docs" / "basic" / "introduction.md").read_bytes())
    store = str(tmp_path / "s")
    result = runner.invoke(app, ["build", str(src), "--store", store, "--ner-model", str(src)])
    assert result.exit_code == 2
    assert "not a spaCy pipeline" in " ".join(result.output.split())
    result = runner.invoke(app, ["build", str(src), "--store", store, "--ner"])
    assert result.exit_code == 0, result.output
    from graphbuilder.store.oxigraph import OxigraphStore

    st = OxigraphStore(Path(store), "https://w3id.org/graphbuilder/id/", read_only=True)
    rows = st.query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s <https://w3id.org/graphbuilder/ontology#extractor> "
        '?e FILTER(STRSTARTS(STR(?e), "eduner_ner")) }'
    )
    assert int(next(iter(rows))[0].value) > 0
