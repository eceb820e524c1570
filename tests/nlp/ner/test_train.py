"""A tiny training run end to end: train → training.json → load → predict → score."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from graphbuilder.errors import InputError
from graphbuilder.eval.ner import evaluate_ner
from graphbuilder.nlp.ner.corpus import TaggedSentence, read_eduner
from graphbuilder.nlp.ner.load import load_ner_pipeline
from graphbuilder.nlp.ner.silver import SilverSet
from graphbuilder.nlp.ner.train import TRAINING_RECORD, TrainRecord, train_ner

# 30 real EduNER dev sentences (CC BY 4.0, attribution in tests/fixtures/eduner/NOTICE).
DEV30 = Path(__file__).resolve().parents[2] / "fixtures" / "eduner" / "dev30.csv"

# Overfit the 30 sentences quickly: small batches, a high learning rate, no dropout.
TINY = {
    "max_epochs": 10,
    "eval_frequency": 50,
    "learn_rate": 0.003,
    "dropout": 0.0,
    "batch_words": 200,
    "rows": (1000, 500, 500, 50),
}


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, TrainRecord]:
    out = tmp_path_factory.mktemp("ner") / "model"
    return out, train_ner(DEV30, DEV30, out, seed=0, segmenter="jieba", **TINY)


def test_training_record(trained: tuple[Path, TrainRecord]) -> None:
    out, record = trained
    written = json.loads((out / TRAINING_RECORD).read_text(encoding="utf-8"))
    digest = hashlib.sha256(DEV30.read_bytes()).hexdigest()
    assert written["seed"] == record.seed == 0
    assert written["train_sha256"] == written["dev_sha256"] == digest
    # labels=None by default: every type the training file has.
    assert written["labels"] == sorted({s[2] for sent in read_eduner(DEV30) for s in sent.spans})
    assert written["segmenter"] == "jieba"
    assert written["spacy_version"].startswith("3.")
    assert written["epochs"] >= 1
    assert written["duration_seconds"] > 0
    assert list(written["dev_per_type"]) == written["labels"]
    assert set(written["dev_micro"]) == {"p", "r", "f1"}
    assert written["model_bytes"] > 0
    assert written["history"], "the per-evaluation scores are kept"


def test_train_load_predict(trained: tuple[Path, TrainRecord]) -> None:
    out, record = trained
    nlp = load_ner_pipeline(out)
    assert nlp is not None
    doc = nlp("人工智能技术进入课堂，MOOC 也是。")
    assert doc[0].text == "人工智能", "jieba words, not characters"
    assert {e.label_ for e in doc.ents} <= set(record.labels)
    scores = evaluate_ner(DEV30, nlp)
    # It was trained on these very sentences and memorises them (0.96 with seed 0).
    assert scores["micro"]["f1"] > 0.5
    assert scores["micro"] == pytest.approx(record.dev_micro)
    assert scores["pipeline"].startswith("eduner_ner 0.1.0")


def test_non_empty_output_directory_is_refused(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(InputError, match="not empty"):
        train_ner(DEV30, DEV30, tmp_path)
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_same_seed_same_model(tmp_path: Path) -> None:
    # The character segmenter here, so that both segmenters get trained end to end.
    short = {**TINY, "max_epochs": 2}
    first = train_ner(DEV30, DEV30, tmp_path / "a", seed=3, segmenter="char", **short)
    second = train_ner(DEV30, DEV30, tmp_path / "b", seed=3, segmenter="char", **short)
    assert first.history == second.history
    for part in ("tok2vec/model", "ner/model"):
        assert (tmp_path / "a" / part).read_bytes() == (tmp_path / "b" / part).read_bytes(), part


def test_silver_sentences_join_training_and_are_recorded(tmp_path: Path) -> None:
    silver = SilverSet(
        source="hand-made",
        sentences=[
            TaggedSentence("学习人工智能技术", [(2, 6, "TOO")]),
            TaggedSentence("掌握大数据技术", [(2, 5, "TOO")]),
            TaggedSentence("学习人工智能技术", [(3, 6, "TOO")]),  # inside a word: dropped
        ],
        documents=1,
        candidates=5,
        sha256="0" * 64,
        labels=["TOO"],
    )
    record = train_ner(
        DEV30, DEV30, tmp_path / "m", seed=0, silver=silver, **{**TINY, "max_epochs": 1}
    )
    assert record.silver is not None
    assert record.silver["sha256"] == "0" * 64
    assert (record.silver["sentences"], record.silver["entities"]) == (2, 2)
    assert record.silver["dropped_misaligned"] == 1
    written = json.loads((tmp_path / "m" / TRAINING_RECORD).read_text(encoding="utf-8"))
    assert written["silver"]["source"] == "hand-made"
    assert record.train_sentences == 30, "EduNER sentences; silver ones are counted apart"
