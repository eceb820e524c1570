from __future__ import annotations

import pytest

from graphbuilder.relations.pairwise import PairScorer, name_similarity

NAMES = ["probabilities", "bayes theorem", "naive bayes", "word embedding", "word2vec"]


def test_every_pair_gets_a_score_without_texts() -> None:
    scorer = PairScorer(NAMES, {})
    for a in NAMES:
        for b in NAMES:
            if a != b:
                assert 0.0 <= scorer.score(a, b) <= 1.0
                assert scorer.score(a, b, "name-similarity") == scorer.score(
                    b, a, "name-similarity"
                )


def test_texts_give_refd_its_direction() -> None:
    texts = {
        "bayestheorem": "Bayes theorem relates conditional probabilities.",
        "naivebayes": "Naive Bayes applies bayes theorem with independence between features.",
    }
    scorer = PairScorer(NAMES, texts)
    assert scorer.score("bayes theorem", "naive bayes") > 0.5
    assert scorer.score("naive bayes", "bayes theorem") < 0.5
    assert scorer.mentions.refd("probabilities", "bayes theorem") > 0


def test_unknown_concepts_are_an_error() -> None:
    with pytest.raises(KeyError):
        PairScorer(NAMES, {}).score("parsing", "word2vec")


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Word Embedding", "word embeddings", 1.0),
        ("程序设计基础", "程序设计", 1.0),  # 基础 names no subject
        ("a", "b", 0.0),
    ],
)
def test_name_similarity(a: str, b: str, expected: float) -> None:
    assert name_similarity(a, b) == pytest.approx(expected, abs=0.01)
