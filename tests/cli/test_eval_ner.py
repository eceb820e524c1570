from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuilder.cli.app import app

runner = CliRunner()
GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "eduner" / "dev30.csv"


def test_without_a_trained_pipeline_the_rules_are_scored_and_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("graphbuilder.nlp.ner.load.load_ner_pipeline", lambda path=None: None)
    result = runner.invoke(app, ["eval", "ner", "--gold", str(GOLD), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["pipeline"].startswith("graphbuilder_rules")
    assert scores["n_sentences"] == 30
    assert set(scores["micro"]) >= {"p", "r", "f1"}
    # The rules find technologies (TOO); they model no course names (CRN).
    assert scores["per_type"]["TOO"]["p"] > 0
    assert scores["per_type"]["CRN"]["f1"] == 0


def test_a_model_path_that_holds_no_pipeline_is_an_input_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "ner", "--gold", str(GOLD), "--model", str(tmp_path)])
    assert result.exit_code == 2
    assert "not a spaCy" in " ".join(result.output.split())
