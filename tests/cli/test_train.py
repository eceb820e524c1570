from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from graphbuilder.cli.app import app

runner = CliRunner()


class _Record:
    def __init__(self, **kw: Any) -> None:
        self.__dict__.update(kw)


def test_train_ner_passes_its_options_and_reports_the_record(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    calls: list[dict[str, Any]] = []

    def fake_train(train: Path, dev: Path, out: Path, **kw: Any) -> _Record:
        calls.append({"train": train, "dev": dev, "out": out, **kw})
        return _Record(
            duration_seconds=1.0,
            steps=10,
            best_step=8,
            dev_micro={"p": 0.8, "r": 0.7, "f1": 0.75},
            micro_labels=["TER", "TOO"],
        )

    monkeypatch.setattr("graphbuilder.nlp.ner.train.train_ner", fake_train)
    args = ["train", "ner", "--train", "a.csv", "--dev", "b.csv", "--out", str(tmp_path / "m")]
    result = runner.invoke(app, [*args, "--seed", "7", "--segmenter", "char"])
    assert result.exit_code == 0, result.output
    assert "0.750" in result.output
    (call,) = calls
    assert (call["seed"], call["segmenter"], call["max_epochs"]) == (7, "char", 10)
    assert call["silver"] is None


def test_train_ner_builds_silver_data_when_asked(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    built: list[tuple[Path, dict[str, Any]]] = []
    passed: list[Any] = []

    def fake_build(corpus: Path, **kw: Any) -> str:
        built.append((corpus, kw))
        return "the silver set"

    def fake_train(train: Path, dev: Path, out: Path, **kw: Any) -> _Record:
        passed.append(kw["silver"])
        return _Record(
            duration_seconds=1.0,
            steps=10,
            best_step=8,
            dev_micro={"p": 0.8, "r": 0.7, "f1": 0.75},
            micro_labels=["TOO"],
        )

    monkeypatch.setattr("graphbuilder.nlp.ner.silver.build_silver", fake_build)
    monkeypatch.setattr("graphbuilder.nlp.ner.train.train_ner", fake_train)
    args = ["train", "ner", "--train", "a.csv", "--dev", "b.csv", "--out", str(tmp_path / "m")]
    result = runner.invoke(app, [*args, "--silver", "corpora", "--silver-max", "50"])
    assert result.exit_code == 0, result.output
    assert built == [(Path("corpora"), {"max_sentences": 50, "seed": 0})]
    assert passed == ["the silver set"]
    result = runner.invoke(app, [*args, "--silver", "corpora", "--silver-max", "0"])
    assert result.exit_code == 2
    assert "at least 1" in result.output


def test_an_unknown_segmenter_is_refused() -> None:
    args = ["train", "ner", "--train", "a", "--dev", "b", "--out", "c", "--segmenter", "pkuseg"]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "jieba or char" in result.output


def test_eval_skills_prints_json() -> None:
    gold = Path(__file__).resolve().parents[1] / "fixtures" / "skills" / "gold_splits.jsonl"
    result = runner.invoke(app, ["eval", "skills", "--gold", str(gold), "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["statements"] == 60
    assert set(scores["per_kind"]) == {"ability", "task"}
