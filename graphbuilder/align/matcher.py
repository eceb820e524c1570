"""Layered matching of texts to entries (taxonomy concepts or graph nodes), with scores.

Layers, strongest first (:mod:`graphbuilder.align.lexicon` has the dictionary ones):

======================  ====================================================  ==============
method                  when                                                  score
======================  ====================================================  ==============
``exact``               the whole text is a preferred label                   1.0
``alias``               the whole text is another label                       0.95
``term``                a Chinese label occurs inside the text                0.80–0.94
``latin-token``         a Latin label is a token run inside the text          0.85–0.95
``embedding:<name>``    no dictionary hit; cosine of the text and a label     the cosine
======================  ====================================================  ==============

A term or token score grows with the share of the text the label covers; a label that
names several entries divides its trust (× 0.75), so ambiguous labels fall under a 0.8
threshold. Each text goes to the first embedder that accepts it (a monolingual
sentence-transformers model never sees Chinese), and is compared only with labels of its
own script unless the embedder is multilingual.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from graphbuilder.align.embedders import Embedder, Vectors
from graphbuilder.align.lexicon import Entry, Hit, Lexicon
from graphbuilder.align.normalise import has_cjk, normalise
from graphbuilder.align.taxonomy import Taxonomy

AMBIGUITY = 0.75
_RANK = {"exact": 0, "alias": 1, "term": 2, "latin-token": 3}


@dataclass(frozen=True, slots=True)
class Match:
    """One entry a text matched.

    Attributes:
        iri: the entry's IRI.
        score: how sure the match is, between 0 and 1.
        method: the layer that found it (``exact``, ``alias``, ``term``, ``latin-token``,
            ``embedding:<embedder>``).
        label: the entry's label that matched (the evidence).
    """

    iri: str
    score: float
    method: str
    label: str


def _hit_score(hit: Hit, entry: Entry) -> float:
    if hit.method == "exact":
        score = 1.0
    elif hit.method == "alias":
        score = 0.95
    elif hit.method == "term":
        score = min(0.94, 0.8 + 0.15 * hit.coverage) - (0.0 if entry.pref else 0.01)
    else:
        score = min(0.95, 0.85 + 0.1 * hit.coverage)
    if len({e.iri for e in hit.entries}) > 1:
        score *= AMBIGUITY
    return round(score, 4)


class _EmbeddingIndex:
    """The label vectors of one embedder, split by script unless it is multilingual."""

    def __init__(self, embedder: Embedder, entries: list[Entry]) -> None:
        self.embedder = embedder
        self.cross_script = bool(getattr(embedder, "multilingual", False))
        accepted = [e for e in entries if embedder.accepts(e.label)]
        self.parts: dict[bool | None, list[Entry]] = {}
        if self.cross_script:
            self.parts[None] = accepted
        else:
            self.parts[True] = [e for e in accepted if has_cjk(e.label)]
            self.parts[False] = [e for e in accepted if not has_cjk(e.label)]
        self._vectors: dict[bool | None, Vectors] = {}

    def _part(self, text: str) -> bool | None:
        return None if self.cross_script else has_cjk(text)

    def best(self, texts: Sequence[str], floor: float, k: int) -> list[list[Match]]:
        out: list[list[Match]] = [[] for _ in texts]
        groups: dict[bool | None, list[int]] = {}
        for i, t in enumerate(texts):
            groups.setdefault(self._part(t), []).append(i)
        method = f"embedding:{self.embedder.name}"
        for part, idx in groups.items():
            entries = self.parts[part]
            if not entries:
                continue
            if part not in self._vectors:
                self._vectors[part] = self.embedder.encode([e.label for e in entries])
            for lo in range(0, len(idx), 512):
                rows = idx[lo : lo + 512]
                sim = self.embedder.similarity(
                    self.embedder.encode([texts[i] for i in rows]), self._vectors[part]
                )
                top = min(4 * k, sim.shape[1])
                best = np.argpartition(-sim, top - 1, axis=1)[:, :top]
                for i, row, cols in zip(rows, sim, best, strict=True):
                    found: dict[str, Match] = {}
                    for j in sorted(cols, key=lambda c: -row[c]):
                        score = round(float(row[j]), 4)
                        if score < floor or len(found) >= k:
                            break
                        e = entries[int(j)]
                        found.setdefault(e.iri, Match(e.iri, score, method, e.label))
                    out[i] = list(found.values())
        return out


class Matcher:
    """Matches texts to entries in layers; every match carries score, method and label.

    Args:
        entries: the labels to match against.
        embedders: similarity layers, in order of preference (each text uses the first one
            that accepts it).
        threshold: the lowest score :meth:`match` keeps.
        per_text: the most matches kept per text.
        embed_max_chars: texts longer than this (normalised) skip the similarity layer: a
            sentence compared with a short label never comes near a useful cosine.
    """

    def __init__(
        self,
        entries: Iterable[Entry],
        *,
        embedders: Sequence[Embedder] = (),
        threshold: float = 0.8,
        per_text: int = 5,
        embed_max_chars: int = 32,
    ) -> None:
        self.entries = list(entries)
        self.lexicon = Lexicon(self.entries)
        self.threshold = threshold
        self.per_text = per_text
        self.embed_max_chars = embed_max_chars
        self._indexes = [_EmbeddingIndex(e, self.entries) for e in embedders]

    @classmethod
    def for_taxonomy(
        cls, taxonomy: Taxonomy, *, embedders: Sequence[Embedder] = (), threshold: float = 0.8
    ) -> Matcher:
        """A matcher over every label of every concept of ``taxonomy``."""
        entries = [Entry(c.iri, lb.text, lb.kind == "pref") for c in taxonomy for lb in c.labels]
        return cls(entries, embedders=embedders, threshold=threshold)

    def add_embedder(self, embedder: Embedder, *, first: bool = False) -> None:
        """Add a similarity layer (``first``: it gets the texts it accepts before the others)."""
        index = _EmbeddingIndex(embedder, self.entries)
        self._indexes.insert(0 if first else len(self._indexes), index)

    def needs_embedding(self, text: str) -> bool:
        """Whether ``text`` would reach the similarity layer (no dictionary hit, short)."""
        return 0 < len(normalise(text)) <= self.embed_max_chars and not self.lexical(text)

    def lexical(self, text: str) -> list[Match]:
        """The dictionary matches of ``text``, best first, one per entry."""
        best: dict[str, tuple[float, int, int, Match]] = {}
        for hit in self.lexicon.lookup(text):
            for e in hit.entries:
                m = Match(e.iri, _hit_score(hit, e), hit.method, e.label)
                key = (-m.score, _RANK[hit.method], hit.start, m)
                if e.iri not in best or key[:3] < best[e.iri][:3]:
                    best[e.iri] = key
        return [k[3] for k in sorted(best.values(), key=lambda k: k[:3])]

    def match_many(self, texts: Sequence[str], *, floor: float | None = None) -> list[list[Match]]:
        """The matches of each text at or above ``floor`` (default: the threshold)."""
        floor = self.threshold if floor is None else floor
        lexical = [self.lexical(t) for t in texts]
        results = [[m for m in lex if m.score >= floor] for lex in lexical]
        pending: dict[int, list[int]] = {}
        for i, text in enumerate(texts):
            # A dictionary hit, even a weak (ambiguous) one, is the answer: similarity
            # would only find the same label again with more confidence than it deserves.
            if lexical[i] or not 0 < len(normalise(text)) <= self.embed_max_chars:
                continue
            for n, index in enumerate(self._indexes):
                if index.embedder.accepts(text):
                    pending.setdefault(n, []).append(i)
                    break
        for n, idx in pending.items():
            found = self._indexes[n].best([texts[i] for i in idx], floor, self.per_text)
            for i, matches in zip(idx, found, strict=True):
                results[i] = matches
        return [r[: self.per_text] for r in results]

    def match(self, text: str, *, floor: float | None = None) -> list[Match]:
        """The matches of one text, best first."""
        return self.match_many([text], floor=floor)[0]
