"""The courses that probably teach a step of a path the graph names no teacher for.

National standards state what a *major* teaches (major —teaches→ skill) and which courses
it has (major —hasPart→ course), never which of its courses teaches the skill. The courses
of the majors that teach a skill (else, for a skill a work task needs, of the majors that
prepare for the occupations needing it) are the candidates; a candidate is kept when it
aligns to a technology the skill aligns to, or when its name shares a content word with the
skill's object (:func:`graphbuilder.algorithms.gap_text.content_words`, the gap report's
test: 应用数据库 → 数据库技术及应用). A name sharing only a part of a word of the object
(数据 of 数据库, found by search-mode segmenting) is a weak match, kept only when nothing
better is found: 数据结构 is no teacher of 应用数据库 when 数据库技术及应用 is there.
Best first: a shared technology, then the more of the object the shared words cover, then
the more majors list the course.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import networkx as nx

from graphbuilder.algorithms.gap_text import content_words

MAX_INFERRED = 5
_INFERRED_FOR = frozenset({"Skill", "KnowledgePoint"})


@dataclass(frozen=True, slots=True)
class InferredTeacher:
    """A course that probably teaches a step, and why.

    Attributes:
        iri, label, kind: the course.
        how: ``technology`` (it aligns to a technology the step aligns to) or ``wording``
            (its name shares a content word with the step's object).
        shared: the shared technologies' labels, or the shared words.
        through: how its majors reach the step: ``teaches`` (they teach it) or
            ``preparesFor`` (they prepare for an occupation whose tasks need it).
    """

    iri: str
    label: str
    kind: str
    how: Literal["technology", "wording"]
    shared: tuple[str, ...]
    through: Literal["teaches", "preparesFor"]


@lru_cache(maxsize=1 << 16)
def _words(text: str) -> frozenset[str]:
    return frozenset(content_words(text))


def _outermost(words: frozenset[str]) -> set[str]:
    """The words not inside a longer one (search mode adds 数据 inside 数据库)."""
    return {w for w in words if not any(w != v and w in v for v in words)}


def _covered(text: str, words: Iterable[str]) -> int:
    """How many characters of ``text`` the words cover (a longer shared name ranks higher)."""
    hit = [False] * len(text)
    for w in words:
        start = text.find(w)
        while start >= 0:
            hit[start : start + len(w)] = [True] * len(w)
            start = text.find(w, start + 1)
    return sum(hit)


def _linked(G: nx.DiGraph[Any], n: Hashable, kind: str, pred: bool, of: str) -> list[Any]:
    """The neighbours of ``n`` of kind ``of`` joined by an edge of ``kind`` (into ``n`` or out)."""
    adj = G.pred[n] if pred else G.succ[n]
    return [m for m, d in adj.items() if d.get("kind") == kind and G.nodes[m].get("kind") == of]


def _majors(G: nx.DiGraph[Any], n: Hashable) -> tuple[list[Any], list[Any]]:
    """The majors that teach ``n``, and those preparing for occupations whose tasks need it."""
    teach = _linked(G, n, "teaches", True, "Major")
    occupations = set(_linked(G, n, "needsSkill", True, "Occupation"))
    for task in _linked(G, n, "needsSkill", True, "Task"):
        occupations.update(_linked(G, task, "performs", True, "Occupation"))
    prepare = {m for o in occupations for m in _linked(G, o, "preparesFor", True, "Major")}
    return teach, sorted(prepare - set(teach), key=str)


def _matches(
    G: nx.DiGraph[Any],
    n: Hashable,
    majors: list[Any],
    through: Literal["teaches", "preparesFor"],
) -> list[tuple[tuple[Any, ...], InferredTeacher]]:
    listed: Counter[Any] = Counter()
    for m in majors:
        listed.update(_linked(G, m, "hasPart", False, "Course"))
    techs = set(_linked(G, n, "alignsTo", False, "Technology"))
    obj = str(G.nodes[n].get("object") or G.nodes[n].get("label") or "")
    wanted = _words(obj)
    whole = _outermost(wanted)
    obj = re.sub(r"\s+", "", obj).casefold()  # as content_words reads it
    out = []
    for c, count in listed.items():
        label = str(G.nodes[c].get("label") or c)
        common = techs.intersection(_linked(G, c, "alignsTo", False, "Technology"))
        words = wanted & _words(label)
        if not common and not words:
            continue
        how: Literal["technology", "wording"] = "technology" if common else "wording"
        shared = sorted(str(G.nodes[t].get("label") or t) for t in common) if common else []
        shared = shared or sorted(_outermost(words))
        weak = not common and not words & whole
        key = (weak, not common, -_covered(obj, words), -count, label, str(c))
        out.append((key, InferredTeacher(str(c), label, "Course", how, tuple(shared), through)))
    return out


def inferred_teachers(
    G: nx.DiGraph[Any], n: Hashable, *, limit: int = MAX_INFERRED
) -> tuple[InferredTeacher, ...]:
    """The courses that probably teach skill or knowledge point ``n``, best first.

    Nothing for other kinds. The majors that teach ``n`` are asked first; only when none
    of their courses matches are the majors preparing for occupations that need it.

    Args:
        G: the graph (see :func:`graphbuilder.algorithms.graph.load_graph`).
        n: the step.
        limit: at most this many.

    Examples:
        >>> G = nx.DiGraph()
        >>> G.add_nodes_from([("m", {"kind": "Major", "label": "计算机应用技术"}),
        ...     ("s", {"kind": "Skill", "label": "应用数据库", "object": "数据库"}),
        ...     ("db", {"kind": "Course", "label": "数据库技术及应用"}),
        ...     ("web", {"kind": "Course", "label": "Web前端开发"})])
        >>> G.add_edge("m", "s", kind="teaches")
        >>> G.add_edges_from([("m", "db"), ("m", "web")], kind="hasPart")
        >>> [(t.label, t.how, t.shared) for t in inferred_teachers(G, "s")]
        [('数据库技术及应用', 'wording', ('数据库',))]
    """
    if G.nodes[n].get("kind") not in _INFERRED_FOR:
        return ()
    teach, prepare = _majors(G, n)
    found = _matches(G, n, teach, "teaches")
    if not found:
        found = _matches(G, n, prepare, "preparesFor")
    found.sort(key=lambda pair: pair[0])
    if found and not found[0][0][0]:
        found = [pair for pair in found if not pair[0][0]]  # strong ones only
    return tuple(t for _, t in found[:limit])
