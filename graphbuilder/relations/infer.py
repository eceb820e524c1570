"""Prerequisite inference: run the signals, combine their claims, apply reviews, cut cycles.

The order matters: reviews come before the cycle check, so that a person's acceptance is
never cut and a rejected edge cannot force another edge out of a cycle.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from graphbuilder.relations.evidence import Evidence, Prerequisite, combine
from graphbuilder.relations.index import CurriculumIndex
from graphbuilder.relations.inputs import Curriculum
from graphbuilder.relations.signals import SIGNALS, Signal
from graphbuilder.relations.texts import curriculum_texts
from graphbuilder.relations.validate import CycleCut, break_cycles

MIN_CONFIDENCE = 0.35
PREREQUISITE_KINDS = frozenset({"Course", "Module", "KnowledgePoint", "Skill"})


@dataclass
class Inference:
    """What inference produced and why.

    Attributes:
        edges: the edges to emit, sorted by (concept, prerequisite).
        claims: signal → how many claims it made.
        edges_by_signal: signal → how many emitted edges it supports.
        only_signal: signal → how many emitted edges it alone supports.
        cuts: edges removed to break cycles, with the reason.
        stuck: cycles of accepted edges that were left.
        rejected: edges left out because a person rejected them.
        below: inferred edges left out for a confidence under :data:`MIN_CONFIDENCE`.
    """

    edges: list[Prerequisite] = field(default_factory=list)
    claims: Counter[str] = field(default_factory=Counter)
    edges_by_signal: Counter[str] = field(default_factory=Counter)
    only_signal: Counter[str] = field(default_factory=Counter)
    cuts: list[CycleCut] = field(default_factory=list)
    stuck: list[tuple[str, ...]] = field(default_factory=list)
    rejected: int = 0
    below: int = 0


def infer(
    cur: Curriculum,
    decisions: Mapping[tuple[str, str], str] | None = None,
    *,
    signals: Mapping[str, Signal] = SIGNALS,
    min_confidence: float = MIN_CONFIDENCE,
) -> Inference:
    """Infer ``requires`` edges from ``cur``.

    Args:
        cur: the curriculum read from the store.
        decisions: ``(concept, prerequisite)`` → ``accepted`` / ``rejected``: people's reviews.
            A rejected edge is not emitted; an accepted one is, whatever its confidence (and
            even when no signal finds it).
        signals: the signals to run (default: all).
        min_confidence: inferred edges below this are left out.

    Returns:
        The edges and the account of how they were made.
    """
    decisions = decisions or {}
    ix = CurriculumIndex(cur)
    texts = curriculum_texts(ix)
    out = Inference()
    claims: list[Evidence] = []
    for name, signal in signals.items():
        found = [
            e
            for e in signal(ix, texts)
            if cur.kinds.get(e.concept) in PREREQUISITE_KINDS
            and cur.kinds.get(e.prerequisite) in PREREQUISITE_KINDS
        ]
        out.claims[name] += len(found)
        claims += found
    edges = combine(claims)
    for key, status in decisions.items():
        if status == "rejected" and key in edges:
            del edges[key]
            out.rejected += 1
        elif status == "accepted":
            edge = edges.get(key) or Prerequisite(
                key[0], key[1], 1.0, [Evidence(key[0], key[1], "review", 1.0, "人工审核认可")]
            )
            edge.confidence, edge.review = 1.0, "accepted"
            edges[key] = edge
    for key in [k for k, e in edges.items() if e.review == "auto"]:
        if edges[key].confidence < min_confidence:
            del edges[key]
            out.below += 1
    # Edges other documents state (a person's edit, a textbook's stated prerequisites) take
    # part in the cycle check and are never cut; this stage does not emit them again.
    stated = {(s.subject, s.object) for s in cur.stated} - set(edges)
    for key in stated:
        edges[key] = Prerequisite(key[0], key[1], 1.0, review="stated")
    out.cuts, out.stuck = break_cycles(edges, label=lambda n: cur.labels.get(n, n))
    out.edges = sorted((e for e in edges.values() if e.review != "stated"), key=lambda e: e.key)
    for e in out.edges:
        names = e.signals
        out.edges_by_signal.update(names)
        if len(names) == 1:
            out.only_signal[names[0]] += 1
    return out
