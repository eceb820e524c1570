"""Near-duplicate labels: pairs close by edit distance or by vector similarity, then clusters.

Two labels are near-duplicates when their string similarity (``rapidfuzz`` ratio, 0–1) or
the cosine of their vectors reaches its threshold. Vectors are character n-gram counts by
default (no model needed); any embedder (a sentence-transformers model's ``encode``) can
replace them. Clusters are the connected components of the pairs; each keeps the pairs and
their scores as evidence, and names as representative its most frequent label (then the
shortest, then the first in sort order), so the choice does not depend on input order.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

Embed = Callable[[list[str]], Sequence[Sequence[float]]]

PREFILTER = 0.7
"""Without an embedder, pairs less similar than this as strings are not compared further."""


@dataclass(frozen=True, slots=True)
class Pair:
    """Two labels found close, with both scores."""

    a: str
    b: str
    string: float
    vector: float


@dataclass(frozen=True, slots=True)
class Cluster:
    """Labels that name one thing: the representative, every member, and the evidence."""

    representative: str
    members: tuple[str, ...]
    pairs: tuple[Pair, ...]


def ngram_vector(text: str, sizes: tuple[int, ...] = (1, 2)) -> Counter[str]:
    """Character n-gram counts of ``text``.

    >>> sorted(ngram_vector("数据库").items())
    [('库', 1), ('据', 1), ('据库', 1), ('数', 1), ('数据', 1)]
    """
    out: Counter[str] = Counter()
    for n in sizes:
        out.update(text[i : i + n] for i in range(len(text) - n + 1))
    return out


def _cosine_counts(u: Counter[str], v: Counter[str]) -> float:
    dot = sum(c * v[g] for g, c in u.items() if g in v)
    norm = math.sqrt(sum(c * c for c in u.values()) * sum(c * c for c in v.values()))
    return dot / norm if norm else 0.0


def _candidates(
    uniq: list[str], embed: Embed | None, string_threshold: float, vector_threshold: float
) -> list[tuple[int, int, float, float]]:
    """Pairs ``(i, j, string score, vector score)`` worth a look.

    With an embedder every pair's cosine is computed (one matrix product); with character
    n-grams only pairs whose string similarity reaches ``PREFILTER`` get a cosine, since
    n-gram vectors of strings that far apart are never close either.
    """
    import numpy as np
    from rapidfuzz import fuzz, process

    if len(uniq) < 2:
        return []
    cutoff = min(string_threshold, PREFILTER if embed is None else string_threshold)
    strings = process.cdist(uniq, uniq, scorer=fuzz.ratio, score_cutoff=cutoff * 100)
    if embed is not None:
        vecs = np.asarray(embed(uniq), dtype=float)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        unit = vecs / np.where(norms == 0, 1, norms)
        sims = unit @ unit.T
        mask = np.triu((strings > 0) | (sims >= vector_threshold), 1)
        return [
            (int(i), int(j), float(strings[i, j]) / 100, float(sims[i, j]))
            for i, j in zip(*np.nonzero(mask), strict=True)
        ]
    out = []
    for i, j in zip(*np.nonzero(np.triu(strings, 1)), strict=True):
        u, v = ngram_vector(uniq[i]), ngram_vector(uniq[j])
        out.append((int(i), int(j), float(strings[i, j]) / 100, _cosine_counts(u, v)))
    return out


def near_duplicates(
    labels: Sequence[str],
    *,
    counts: dict[str, int] | None = None,
    string_threshold: float = 0.9,
    vector_threshold: float = 0.92,
    min_length: int = 4,
    embed: Embed | None = None,
) -> list[Cluster]:
    """Cluster the labels that are near-duplicates of each other.

    Args:
        labels: the labels (duplicates are ignored).
        counts: how often each label occurs (decides the representative).
        string_threshold: the least string similarity (0–1) of a pair.
        vector_threshold: the least cosine of a pair.
        min_length: shorter labels are never paired (数控 and 数据 differ by one character).
        embed: turns labels into vectors; character n-grams when ``None``.

    Returns:
        The clusters of two or more labels, sorted by representative.

    Examples:
        >>> labels = ["钢结构工程施工进度", "钢结构工程的施工进度", "数据库"]
        >>> [c.members for c in near_duplicates(labels)]
        [('钢结构工程施工进度', '钢结构工程的施工进度')]
    """
    uniq = sorted({t for t in labels if len(t) >= min_length})
    parent = list(range(len(uniq)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    pairs: list[Pair] = []
    for i, j, s, v in _candidates(uniq, embed, string_threshold, vector_threshold):
        if s >= string_threshold or v >= vector_threshold:
            pairs.append(Pair(uniq[i], uniq[j], round(s, 4), round(v, 4)))
            parent[find(i)] = find(j)
    groups: dict[int, list[str]] = {}
    for i, label in enumerate(uniq):
        groups.setdefault(find(i), []).append(label)
    counts = counts or {}
    out = []
    for members in groups.values():
        if len(members) < 2:
            continue
        rep = min(members, key=lambda m: (-counts.get(m, 0), len(m), m))
        evidence = tuple(p for p in pairs if p.a in members)
        out.append(Cluster(rep, tuple(members), evidence))
    return sorted(out, key=lambda c: c.representative)
