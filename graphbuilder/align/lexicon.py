"""The dictionary layers of matching: whole-text, Chinese-term and Latin-token lookups.

Every label of every entry is indexed by its normalised form. Three lookups use the index:

- ``exact`` / ``alias``: the whole normalised text is a preferred / alternative label;
- ``term``: a label with Chinese characters occurs inside the text (longest first, no
  overlaps); a short one (≤ 3 characters) only where jieba's segmentation, which knows
  every label, puts word boundaries around it (so 气动 is not found in 空气动力学);
- ``latin-token``: a run of Latin tokens inside the text is a label (``PLC`` in
  ``PLC技术``). Labels of one letter are never looked up this way, and labels of up to three
  characters only with the same letter case (``AI`` but not ``ai``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from graphbuilder.align.normalise import has_cjk, latin_grams, normalise

SHORT_TERM = 3


@dataclass(frozen=True, slots=True)
class Entry:
    """One label of one matchable thing (a taxonomy concept or a graph node)."""

    iri: str
    label: str
    pref: bool


@dataclass(frozen=True, slots=True)
class Hit:
    """A dictionary hit: which entries, how, and how much of the text the label covers."""

    entries: tuple[Entry, ...]
    method: str
    coverage: float
    start: int


class Lexicon:
    """The label index of a set of entries.

    Args:
        entries: every (IRI, label, preferred?) to index.
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.by_key: dict[str, list[Entry]] = {}
        for e in entries:
            key = normalise(e.label)
            if key:
                bucket = self.by_key.setdefault(key, [])
                if all(x.iri != e.iri or x.label != e.label for x in bucket):
                    bucket.append(e)
        self.terms = {k for k in self.by_key if has_cjk(k) and len(k) >= 2}
        self.term_lengths = sorted({len(k) for k in self.terms}, reverse=True)
        self.term_heads = {k[:2] for k in self.terms}
        self.latin = {k for k in self.by_key if not has_cjk(k) and len(k) >= 2}

    @cached_property
    def _jieba(self) -> Any:
        import jieba  # type: ignore[import-untyped]

        tok = jieba.Tokenizer()
        for k in self.terms:
            tok.add_word(k, freq=max(1000, 100 * len(k)))
        return tok

    def _bounded(self, text: str, start: int, end: int, cuts: list[set[int]]) -> bool:
        if end - start > SHORT_TERM:
            return True
        if not cuts:
            bounds, pos = {0}, 0
            for tok in self._jieba.lcut(text, HMM=False):
                pos += len(tok)
                bounds.add(pos)
            cuts.append(bounds)
        return start in cuts[0] and end in cuts[0]

    def lookup(self, text: str) -> list[Hit]:
        """Every dictionary hit in ``text``, whole-text hits first."""
        key = normalise(text)
        if not key:
            return []
        whole = self.by_key.get(key)
        if whole:
            pref = tuple(e for e in whole if e.pref)
            return [Hit(pref, "exact", 1.0, 0)] if pref else [Hit(tuple(whole), "alias", 1.0, 0)]
        hits = self._terms(key)
        hits += self._latin(text, len(key))
        return hits

    def _terms(self, key: str) -> list[Hit]:
        hits: list[Hit] = []
        cuts: list[set[int]] = []
        i, n = 0, len(key)
        while i < n - 1:
            if key[i : i + 2] not in self.term_heads:
                i += 1
                continue
            for length in self.term_lengths:
                if (
                    i + length <= n
                    and key[i : i + length] in self.terms
                    and self._bounded(key, i, i + length, cuts)
                ):
                    entries = tuple(self.by_key[key[i : i + length]])
                    hits.append(Hit(entries, "term", length / n, i))
                    i += length - 1
                    break
            i += 1
        return hits

    def _latin(self, text: str, norm_len: int) -> list[Hit]:
        hits: list[Hit] = []
        taken: list[tuple[int, int]] = []
        for g in latin_grams(text):
            if g.key not in self.latin or any(s < g.end and g.start < e for s, e in taken):
                continue
            entries = tuple(
                e for e in self.by_key[g.key] if len(g.key) > SHORT_TERM or e.label == g.text
            )
            if entries:
                taken.append((g.start, g.end))
                hits.append(Hit(entries, "latin-token", len(g.key) / norm_len, g.start))
        return hits
