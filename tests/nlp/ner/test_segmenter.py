"""The private jieba tokenizer, with and without jieba's HMM."""

from __future__ import annotations

import jieba  # type: ignore[import-untyped]
import spacy

from graphbuilder.nlp.ner.load import register_functions

TEXT = "具身认知在慕课中的应用"


def _tokens(**tokenizer: object) -> list[str]:
    register_functions()
    config = {"@tokenizers": "graphbuilder.ZhPrivateJieba.v1", **tokenizer}
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": config}})
    return [t.text for t in nlp(TEXT)]


def test_hmm_joins_unknown_characters_and_can_be_switched_off() -> None:
    with_hmm = _tokens()
    assert with_hmm == _tokens(hmm=True)
    assert "具身" in with_hmm and "慕课" in with_hmm
    without = _tokens(hmm=False)
    assert "".join(without) == TEXT
    assert without[:2] == ["具", "身"] and "慕课" not in without


def test_a_word_added_to_jieba_elsewhere_changes_nothing() -> None:
    before = _tokens(hmm=False)
    jieba.add_word("在慕课中")
    try:
        assert _tokens(hmm=False) == before
    finally:
        jieba.del_word("在慕课中")
