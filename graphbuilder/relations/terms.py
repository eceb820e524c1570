"""Content terms of a label or a text, and how specific each term is.

Prerequisite signals compare concepts by the words they share: a skill that names a course's
subject, a 中职 skill and the 高职 skill that builds on it. Words every curriculum uses
(技术, 应用, 能力, 具备…) say nothing about which concept is meant, so they are left out, and
the rest are weighted by how rarely they occur (inverse document frequency).

Chinese is cut with jieba (imported on first use); Latin words are kept whole, lower-cased
and with a plural ``s`` removed, so ``neural networks`` and ``Neural Network`` share terms.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

# Words that name no subject: the vocabulary of how curricula are written, not of what
# they teach. The rule is "would a teacher tell two courses apart by this word?".
GENERIC_TERMS = frozenset(
    {
        "技术", "基础", "应用", "管理", "实务", "概论", "导论", "原理", "实训", "工程", "设计",
        "综合", "专业", "实践", "方法", "分析", "系统", "基本", "知识", "能力", "具备", "具有",
        "进行", "相关", "能够", "使用", "运用", "一定", "常用", "相应", "主要", "以及", "根据",
        "开展", "完成", "实施", "熟练", "良好", "初步", "较强", "基本知识", "基本技能", "技能",
        "工作", "问题", "要求", "规范", "操作", "常见", "一般", "独立", "需求", "标准", "发展",
        "and", "of", "the", "for", "in", "to", "with", "a", "an", "on", "by", "introduction",
        "intro", "basic", "basics", "fundamental", "fundamentals", "method", "model",
        "application", "applications", "technique", "techniques", "theory",
    }
)  # fmt: skip

_LATIN = re.compile(r"[a-z][a-z0-9+#.\-]*")
_HAN = re.compile(r"[\u4e00-\u9fff]+")


def _stem(word: str) -> str:
    """``networks`` → ``network``, ``probabilities`` → ``probability``; ``-ss`` stays."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _jieba_cut(text: str) -> list[str]:
    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(60)
    return list(jieba.lcut(text))


@lru_cache(maxsize=200_000)
def content_terms(text: str) -> frozenset[str]:
    """The terms of ``text`` that name a subject (no generic words, no single Han characters).

    >>> sorted(content_terms("Convolutional Neural Networks"))
    ['convolutional', 'network', 'neural']
    >>> sorted(content_terms("具备数据库应用能力"))
    ['数据库']
    """
    lowered = text.lower()
    terms = {_stem(w.strip(".-")) for w in _LATIN.findall(lowered)}
    for run in _HAN.findall(lowered):
        terms.update(w for w in _jieba_cut(run) if len(w) >= 2)
    return frozenset(t for t in terms if len(t) >= 2 and t not in GENERIC_TERMS)


class TermWeights:
    """Inverse document frequency of terms over a collection of texts.

    Args:
        texts: the collection; each text counts once per term.

    >>> w = TermWeights(["数据库应用", "数据库原理", "网络安全"])
    >>> w.idf("网络安全") > w.idf("数据库")
    True
    """

    def __init__(self, texts: Iterable[str]) -> None:
        df: Counter[str] = Counter()
        n = 0
        for text in texts:
            n += 1
            df.update(content_terms(text))
        self._df = df
        self._n = max(n, 1)

    def idf(self, term: str) -> float:
        """``log((N + 1) / (df + 1)) + 1``: rarer terms weigh more; unseen terms weigh most."""
        return math.log((self._n + 1) / (self._df.get(term, 0) + 1)) + 1.0

    def df(self, term: str) -> int:
        """How many texts of the collection have ``term``."""
        return self._df.get(term, 0)

    def mass(self, terms: Iterable[str]) -> float:
        """The summed weight of ``terms``.

        ``math.fsum`` is exact, so the sum does not depend on the order a set of terms is
        iterated in (which changes with ``PYTHONHASHSEED``): equal coverages stay equal and
        ties are broken the same way on every run.
        """
        return math.fsum(self.idf(t) for t in terms)

    def overlap(self, a: frozenset[str], b: frozenset[str]) -> float:
        """Weighted Jaccard of two term sets, between 0 and 1."""
        union = self.mass(a | b)
        return self.mass(a & b) / union if union else 0.0

    def coverage(self, part: frozenset[str], whole: frozenset[str]) -> float:
        """How much of ``part``'s weight ``whole`` also names, between 0 and 1."""
        total = self.mass(part)
        return self.mass(part & whole) / total if total else 0.0
