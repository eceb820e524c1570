"""The held-out-lexicon measurement, with a hand-made recogniser whose answers are known."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
import spacy

from graphbuilder.errors import InputError
from graphbuilder.nlp.ner.discovery import (
    TechnologyHoldout,
    discovery_scores,
    split_documents,
    technology_holdout,
)
from graphbuilder.nlp.ner.load import register_functions
from graphbuilder.nlp.ner.silver import corpus_sentences
from graphbuilder.nlp.technology import TAXONOMY_CSV, fold

# Three real majors of the 计算机类 standard and eight real occupations (see its README).
CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


def test_split_documents_is_seeded() -> None:
    docs = sorted({d for d, _ in corpus_sentences(CORPUS)})
    held = split_documents(CORPUS, fraction=0.5, seed=0)
    assert len(held) == 1 and set(held) <= set(docs)
    assert split_documents(CORPUS, fraction=0.5, seed=0) == held
    assert split_documents(CORPUS, fraction=0.0) == []


def test_discovery_scores_count_held_out_terms_and_unlisted_spans(tmp_path: Path) -> None:
    register_functions()
    nlp = spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "graphbuilder.ZhPrivateJieba.v1"}}}
    )
    ruler = nlp.add_pipe("entity_ruler")
    # Finds 云计算 (held out below) where jieba keeps it whole, never 大数据 (held out too),
    # and 部署, a span that no lexicon term or rule gives.
    ruler.add_patterns(  # type: ignore[attr-defined]
        [{"label": "TOO", "pattern": "云计算"}, {"label": "TOO", "pattern": "部署"}]
    )
    holdout = TechnologyHoldout(
        tmp_path / "unused.csv",
        ("cn:cloud-computing", "cn:big-data"),
        frozenset({"云计算", "大数据"}),
    )
    docs = sorted({d for d, _ in corpus_sentences(CORPUS)})
    scores = discovery_scores(nlp, CORPUS, docs, holdout)
    texts = [t for _, t in corpus_sentences(CORPUS)]
    assert scores.sentences == len(texts)
    assert scores.occurrences > scores.exact > 0
    assert scores.overlap >= scores.exact
    assert scores.distinct_found == 1 < scores.distinct_terms
    assert {span for span, _ in scores.unlisted} == {"部署"}


def test_technology_holdout(tmp_path: Path) -> None:
    held = technology_holdout(TAXONOMY_CSV, tmp_path / "t.csv", fraction=0.2, seed=0)
    with TAXONOMY_CSV.open(encoding="utf-8", newline="") as fh:
        all_ids = {row["id"] for row in csv.DictReader(fh)}
    with held.taxonomy.open(encoding="utf-8", newline="") as fh:
        kept_ids = {row["id"] for row in csv.DictReader(fh)}
    assert set(held.concepts) == all_ids - kept_ids
    assert len(held.concepts) == round(len(all_ids) * 0.2)
    assert held.forms and all(f == fold(f) for f in held.forms)
    same = technology_holdout(TAXONOMY_CSV, tmp_path / "u.csv", fraction=0.2, seed=0)
    assert same.concepts == held.concepts
    other = technology_holdout(TAXONOMY_CSV, tmp_path / "v.csv", fraction=0.2, seed=1)
    assert other.concepts != held.concepts


def test_an_empty_taxonomy_is_refused(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text("id,label_zh\n", encoding="utf-8")
    with pytest.raises(InputError, match="no rows"):
        technology_holdout(table, tmp_path / "out.csv")
