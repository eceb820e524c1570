"""Prerequisite scores for pairs of concept names, with or without a text per concept.

This is the inference method applied to bare concepts (an evaluation set such as
LectureBank has names and labels, no curriculum): the same text signals the build uses,
on whatever text a concept has.

- ``inference``: the noisy-or of
  containment (B's name holds all of A's subject terms and more: A is the general subject,
  0.7), RefD over the concepts' texts (0.2 + 0.6·RefD when RefD > 0) and similarity
  directed by generality (related concepts, the one more concepts refer to comes first:
  similarity × generality gap, at most 0.5), plus at most 0.05 for the shorter subject
  (general before specific; it only orders pairs nothing else tells apart). A concept
  without text is known by its name.
- ``name-similarity``: the baseline, how alike the two names are (character bigrams and
  subject terms), the same in both directions.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Literal

from graphbuilder.model.iris import normalise_key
from graphbuilder.relations.evidence import noisy_or
from graphbuilder.relations.refd import MentionIndex
from graphbuilder.relations.terms import content_terms

Method = Literal["inference", "name-similarity"]
METHODS: tuple[Method, ...] = ("inference", "name-similarity")


def _bigrams(text: str) -> set[str]:
    key = normalise_key(text)
    return {key[i : i + 2] for i in range(len(key) - 1)} or {key}


def name_similarity(a: str, b: str) -> float:
    """Dice of character bigrams or Jaccard of subject terms, whichever is higher.

    >>> name_similarity("Neural Networks", "neural network")
    1.0
    >>> name_similarity("数据库", "网络安全")
    0.0
    """
    x, y = _bigrams(a), _bigrams(b)
    dice = 2 * len(x & y) / (len(x) + len(y))
    ta, tb = content_terms(a), content_terms(b)
    jac = len(ta & tb) / len(ta | tb) if ta | tb else 0.0
    return round(max(dice, jac), 6)


class PairScorer:
    """Scores "A is a prerequisite of B" for the concepts it was made with.

    Args:
        names: every concept of the evaluation set (the RefD concept space).
        texts: normalised concept name → its text (see
            :func:`graphbuilder.relations.texts.read_text_dir`); may be empty.

    >>> s = PairScorer(["neural network", "convolutional neural network", "parsing"], {})
    >>> s.score("neural network", "convolutional neural network") > 0.5
    True
    >>> s.score("convolutional neural network", "neural network") < 0.5
    True
    """

    def __init__(self, names: Sequence[str], texts: Mapping[str, str]) -> None:
        self.names = sorted(set(names))
        self._texts = {n: texts.get(normalise_key(n), "") for n in self.names}
        self.mentions = MentionIndex({n: n for n in self.names}, self._texts)
        self._terms = {n: content_terms(f"{n}\n{self._texts[n]}") for n in self.names}

    def generality(self, name: str) -> float:
        """``log(1 + how many other concepts refer to it)``."""
        return math.log1p(len(self.mentions.referrers.get(name, frozenset())) - 1)

    def _related(self, a: str, b: str) -> float:
        sim = name_similarity(a, b)
        if self._texts.get(a) and self._texts.get(b):
            ta, tb = self._terms[a], self._terms[b]
            sim = max(sim, len(ta & tb) / len(ta | tb) if ta | tb else 0.0)
        return sim

    def score(self, a: str, b: str, method: Method = "inference") -> float:
        """The score (0 to 1) that ``a`` is a prerequisite of ``b``."""
        if method == "name-similarity":
            return name_similarity(a, b)
        if a not in self._texts or b not in self._texts:
            raise KeyError(a if a not in self._texts else b)
        ta, tb = content_terms(a), content_terms(b)
        contain = 0.7 if ta and ta < tb else 0.0
        refd = self.mentions.refd(a, b)
        by_refd = 0.2 + 0.6 * refd if refd > 0 else 0.0
        gap = self.generality(a) - self.generality(b)
        directed = 0.5 * self._related(a, b) * (1 / (1 + math.exp(-2 * gap)))
        # A tie-break for ranking, too small to cross the threshold alone: the concept with
        # the shorter subject (fewer terms) is the more general one, learnt first.
        prior = 0.05 / (1 + math.exp(len(ta) - len(tb)))
        return round(min(1.0, noisy_or([contain, by_refd, directed]) + prior), 6)
