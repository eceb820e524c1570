from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuilder.errors import InputError
from graphbuilder.eval.ner import evaluate_ner
from graphbuilder.nlp.ner import load
from graphbuilder.nlp.ner.corpus import PRODUCT_LABELS
from graphbuilder.nlp.ner.load import SHIPPED_PIPELINE, load_ner_pipeline
from graphbuilder.nlp.ner.train import TRAINING_RECORD

# 30 real EduNER dev sentences (CC BY 4.0, attribution in tests/fixtures/eduner/NOTICE).
DEV30 = Path(__file__).resolve().parents[2] / "fixtures" / "eduner" / "dev30.csv"
# sha256 of EduNER dataset/train.csv and dev.csv at commit 83766173 (see the NOTICE).
EDUNER_TRAIN_SHA256 = "4743c7b5386fde78e9be7229d8a192e543d4dc0e394240c5d8536e2f034dae6a"
EDUNER_DEV_SHA256 = "a68734f9238da36e4549488145939b1a0b9cea31f3f026f20fc7a93b8fc96349"
# The shipped model scores 0.42 micro-F1 on these 30 sentences (0.52 on the whole dev set); the
# floor leaves room for a retrained model to differ without letting a broken one (~0) through.
FLOOR_F1 = 0.3


def test_no_shipped_pipeline_means_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "SHIPPED_PIPELINE", tmp_path / "eduner-ner")
    assert load_ner_pipeline() is None


def test_an_explicit_path_must_hold_a_pipeline(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not a spaCy pipeline directory"):
        load_ner_pipeline(tmp_path)


def test_the_shipped_pipeline_loads_and_scores_above_the_floor() -> None:
    record = json.loads((SHIPPED_PIPELINE / TRAINING_RECORD).read_text(encoding="utf-8"))
    assert record["train_sha256"] == EDUNER_TRAIN_SHA256
    assert record["dev_sha256"] == EDUNER_DEV_SHA256
    assert set(PRODUCT_LABELS) <= set(record["labels"])
    nlp = load_ner_pipeline()
    assert nlp is not None
    assert nlp.path == SHIPPED_PIPELINE
    scores = evaluate_ner(DEV30, nlp)
    assert scores["n_sentences"] == 30
    assert scores["micro"]["f1"] >= FLOOR_F1, scores
