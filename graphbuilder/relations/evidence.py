"""What a prerequisite signal says, and how the claims of several signals are combined.

A signal yields :class:`Evidence`: "``concept`` requires ``prerequisite``, because …", with
a confidence and the spans it read. :func:`combine` merges every claim about one pair into
a :class:`Prerequisite` edge whose confidence is the noisy-or of its claims: independent
signals that agree make an edge more certain, and no single weak signal makes it certain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Span:
    """A character span of a source document."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """One signal's claim that ``concept`` requires ``prerequisite``.

    Attributes:
        concept: the IRI of what is learnt later (the subject of ``gb:requires``).
        prerequisite: the IRI of what must be learnt first (its object).
        signal: the signal's name (``foundation-core``, ``refd``, …).
        confidence: between 0 and 1.
        note: why, in words a teacher can check.
        spans: the source spans the claim rests on.
        group: an OR-group name: the prerequisites of one concept that share a group are
            alternatives (any one suffices); ``""`` means the prerequisite is needed (AND).
    """

    concept: str
    prerequisite: str
    signal: str
    confidence: float
    note: str
    spans: tuple[Span, ...] = ()
    group: str = ""


@dataclass
class Prerequisite:
    """A ``concept requires prerequisite`` edge with everything that supports it.

    Attributes:
        concept: the IRI of what is learnt later.
        prerequisite: the IRI of what must be learnt first.
        confidence: the noisy-or of the claims (1.0 when a person accepted it).
        evidence: the claims, strongest first.
        group: the OR group (``""`` for a plain, AND prerequisite).
        review: ``auto`` (inferred) or ``accepted`` (a person accepted it).
    """

    concept: str
    prerequisite: str
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    group: str = ""
    review: str = "auto"

    @property
    def key(self) -> tuple[str, str]:
        """``(concept, prerequisite)``."""
        return self.concept, self.prerequisite

    @property
    def signals(self) -> tuple[str, ...]:
        """The names of the signals that support the edge, sorted."""
        return tuple(sorted({e.signal for e in self.evidence}))


def noisy_or(confidences: Iterable[float]) -> float:
    """``1 - Π(1 - c)``: the chance that at least one independent claim is right.

    >>> round(noisy_or([0.5, 0.5]), 2)
    0.75
    >>> noisy_or([])
    0.0
    """
    miss = 1.0
    for c in confidences:
        miss *= 1.0 - min(max(c, 0.0), 1.0)
    return 1.0 - miss


def combine(claims: Iterable[Evidence]) -> dict[tuple[str, str], Prerequisite]:
    """Merge claims into one edge per ``(concept, prerequisite)`` pair.

    Several claims from one signal count once, at their best confidence (a signal repeating
    itself is not independent evidence). An edge is in an OR group only when every claim
    puts it there: one claim that it is simply needed makes it needed.

    >>> e = [Evidence("b", "a", "s1", 0.5, "x"), Evidence("b", "a", "s2", 0.5, "y"),
    ...      Evidence("b", "a", "s2", 0.4, "z")]
    >>> edge = combine(e)[("b", "a")]
    >>> round(edge.confidence, 2), edge.signals
    (0.75, ('s1', 's2'))
    """
    grouped: dict[tuple[str, str], list[Evidence]] = {}
    for claim in claims:
        if claim.concept == claim.prerequisite:
            continue
        grouped.setdefault((claim.concept, claim.prerequisite), []).append(claim)
    edges: dict[tuple[str, str], Prerequisite] = {}
    for (concept, prereq), found in grouped.items():
        found.sort(key=lambda e: (-e.confidence, e.signal, e.note))
        best: dict[str, float] = {}
        for e in found:
            best.setdefault(e.signal, e.confidence)
        groups = {e.group for e in found}
        group = "" if "" in groups else min(groups)
        edges[(concept, prereq)] = Prerequisite(
            concept, prereq, noisy_or(best.values()), found, group
        )
    return edges
