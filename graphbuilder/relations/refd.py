"""Reference distance (RefD; Liang et al., EMNLP 2015) between concepts, from their texts.

A is a prerequisite of B when the concepts B's text refers to refer to A much more than the
concepts A's text refers to refer to B::

    RefD(A, B) = Σc w(c,B)·r(c,A) / Σc w(c,B)  −  Σc w(c,A)·r(c,B) / Σc w(c,A)

with ``w(c,X) = 1`` when X's text mentions c and ``r(c,X) = 1`` when c's text mentions X
(c ranges over all concepts, X itself included: a text that names A refers to A). A concept
is mentioned by a text that contains its name, or all of its name's subject terms (taken
line by line: a term does not straddle two lines).
RefD lies in [-1, 1]; it is antisymmetric.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from graphbuilder.model.iris import normalise_key
from graphbuilder.relations.terms import content_terms


class MentionIndex:
    """Which concepts each concept's text mentions.

    Args:
        names: concept id → its name.
        texts: concept id → its text (a concept without text is known by its name only).

    >>> ix = MentionIndex({"a": "neural network", "b": "convolutional neural network"}, {})
    >>> sorted(ix.mentions["b"]), sorted(ix.mentions["a"])
    (['a', 'b'], ['a'])
    >>> ix.refd("a", "b"), ix.refd("b", "a")
    (1.0, -1.0)
    """

    def __init__(self, names: Mapping[str, str], texts: Mapping[str, str]) -> None:
        need = {c: content_terms(n) for c, n in names.items()}
        keys = {c: normalise_key(n) for c, n in names.items()}
        df: dict[str, int] = defaultdict(int)
        for terms in need.values():
            for t in terms:
                df[t] += 1
        # Each concept is looked up by its rarest term only: a text that mentions it has
        # that term, and rare terms have short lists.
        by_term: dict[str, list[str]] = defaultdict(list)
        for c, terms in need.items():
            if terms:
                by_term[min(terms, key=lambda t: (df[t], t))].append(c)
        # Names without subject terms (short or generic) are found by their words alone.
        bare = [(o, k) for o, k in keys.items() if len(k) >= 2 and not need[o]]
        self.mentions: dict[str, frozenset[str]] = {}
        for c, name in names.items():
            text = f"{name}\n{texts.get(c, '')}"
            # Line by line: the terms of a line are cached, and texts repeat lines.
            terms = frozenset().union(*(content_terms(line) for line in text.split("\n")))
            key = normalise_key(text)
            found: set[str] = {c}
            for t in terms:
                for other in by_term.get(t, ()):
                    if other not in found and need[other] <= terms:
                        found.add(other)
            if texts.get(c):
                found.update(o for o, k in bare if k in key)
            self.mentions[c] = frozenset(found)
        referrers: dict[str, set[str]] = defaultdict(set)
        for c, mentioned in self.mentions.items():
            for other in mentioned:
                referrers[other].add(c)
        self.referrers = {c: frozenset(r) for c, r in referrers.items()}

    def _refers(self, x: str, a: str) -> float:
        related = self.mentions.get(x, frozenset())
        if not related:
            return 0.0
        return len(related & self.referrers.get(a, frozenset())) / len(related)

    def refd(self, a: str, b: str) -> float:
        """RefD(a, b): > 0 when ``a`` looks like a prerequisite of ``b``."""
        return self._refers(b, a) - self._refers(a, b)
