"""Silver data from the rules, on the small real fixture corpus."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from graphbuilder.errors import InputError
from graphbuilder.nlp.ner.corpus import TaggedSentence
from graphbuilder.nlp.ner.discovery import technology_holdout
from graphbuilder.nlp.ner.load import register_functions
from graphbuilder.nlp.ner.silver import (
    SilverSet,
    build_silver,
    corpus_sentences,
    silver_docbin,
    split_sentences,
)
from graphbuilder.nlp.technology import fold

# Three real majors of the 计算机类 standard and eight real occupations (see its README).
CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def silver() -> SilverSet:
    return build_silver(CORPUS, seed=0)


@pytest.fixture(scope="module")
def jieba_nlp() -> spacy.language.Language:
    register_functions()
    return spacy.blank(
        "zh", config={"nlp": {"tokenizer": {"@tokenizers": "graphbuilder.ZhPrivateJieba.v1"}}}
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("掌握PLC编程。具备网络搭建能力；", ["掌握PLC编程。", "具备网络搭建能力；"]),
        ("短句。\n计算机网络技术应用", ["计算机网络技术应用"]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_corpus_sentences_are_prose_distinct_and_can_exclude_documents() -> None:
    pairs = corpus_sentences(CORPUS)
    texts = [t for _, t in pairs]
    assert len(texts) == len(set(texts))
    docs = sorted({d for d, _ in pairs})
    assert len(docs) == 2, "the standard and the occupations; workbooks and O*NET hold no prose"
    assert any("云计算" in t for t in texts)
    rest = corpus_sentences(CORPUS, exclude_docs={docs[0]})
    assert {d for d, _ in rest} == {docs[1]}


def test_a_corpus_without_prose_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   ", encoding="utf-8")
    with pytest.raises(InputError, match="no prose"):
        corpus_sentences(tmp_path)


def test_silver_spans_are_technologies_only(silver: SilverSet) -> None:
    assert silver.labels == ["TOO"]
    assert silver.sentences, "the fixture names 云计算, Linux, 大数据 ..."
    assert silver.candidates >= len(silver.sentences)
    texts = {fold(s.text[a:b]) for s in silver.sentences for a, b, _ in s.spans}
    assert {"云计算", "大数据"} <= texts
    for sentence in silver.sentences:
        assert sentence.spans
        assert all(label == "TOO" for _, _, label in sentence.spans)


def test_silver_is_seeded_and_capped(silver: SilverSet) -> None:
    again = build_silver(CORPUS, seed=0)
    assert again.sha256 == silver.sha256
    capped = build_silver(CORPUS, seed=1, max_sentences=5)
    assert len(capped.sentences) == 5
    assert capped.sha256 != silver.sha256


def test_silver_docbin_leaves_unlabelled_tokens_missing(jieba_nlp: spacy.language.Language) -> None:
    sentences = [
        TaggedSentence("学习人工智能技术", [(2, 6, "TOO")]),
        TaggedSentence("学习人工智能技术", [(3, 6, "TOO")]),  # inside a word
    ]
    store, dropped = silver_docbin(sentences, jieba_nlp)
    assert dropped == 1
    (doc,) = store.get_docs(jieba_nlp.vocab)  # the second has no span left: not kept
    tags = [(t.text, t.ent_iob_, t.ent_type_) for t in doc]
    assert tags == [("学习", "", ""), ("人工智能", "B", "TOO"), ("技术", "", "")]


def test_held_out_terms_are_not_labelled(tmp_path: Path) -> None:
    table = tmp_path / "taxonomy.csv"
    table.write_text(
        "id,label_zh,label_en,alt_zh,alt_en,broader,related\n"
        "cn:cloud,云计算,Cloud computing,云计算技术,,,\n"
        "cn:bigdata,大数据,Big data,,,,\n",
        encoding="utf-8",
    )
    held = technology_holdout(table, tmp_path / "kept.csv", fraction=0.5, seed=0)
    (concept,) = held.concepts
    gone = {"cn:cloud": "云计算", "cn:bigdata": "大数据"}[concept]
    labelled = build_silver(CORPUS, seed=0, holdout=held)
    texts = {s.text[a:b] for s in labelled.sentences for a, b, _ in s.spans}
    assert gone not in texts
    assert labelled.held_out_concepts == [concept]
