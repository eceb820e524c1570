"""Structure and similarity: 中职 → 高职专科 → 职教本科 through 接续专业.

A major's standard names the majors of the next level that continue it. What the higher
major teaches on a subject builds on what the lower major taught on the same subject, so a
skill (or course) of the higher major requires the most similar skill (course) of each
major that continues into it, when the two share half or more of their weighted terms
(including a specific one) but not nearly all: nearly the same words are the same ability or
subject, nothing to learn first.

A student comes from one of those lower majors, not from all: the prerequisites one skill
gets from different lower majors are alternatives, an OR group named ``continuation``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from graphbuilder.relations.evidence import Evidence, Span
from graphbuilder.relations.index import CurriculumIndex
from graphbuilder.relations.inputs import Statement
from graphbuilder.relations.signals.mention import BOILERPLATE_MAJORS

LEVEL_ORDER = {"中职": 0, "高职专科": 1, "职教本科": 2}
GROUP = "continuation"
_MIN_SIMILARITY = 0.5
# Above this the two name one subject in other words (人体解剖与生理学 / 人体解剖生理学):
# telling them apart is entity resolution's job; neither is learnt before the other.
_MAX_SIMILARITY = 0.8
_FOUNDATION_NAME = re.compile(r"(?:基础|概论|导论|入门)$")


def _best_matches(
    ix: CurriculumIndex, lower: list[Statement], higher: list[Statement]
) -> Iterator[tuple[Statement, Statement, float]]:
    """For each higher item, the most similar lower item (similarity ≥ the threshold)."""
    w = ix.weights
    for h in higher:
        best: tuple[float, str, Statement] | None = None
        for lo in lower:
            if lo.object == h.object or ix.label(lo.object) == ix.label(h.object):
                continue
            if not ix.specific_terms(lo.object, h.object):
                continue
            sim = w.overlap(ix.terms(lo.object), ix.terms(h.object))
            if _MIN_SIMILARITY <= sim < _MAX_SIMILARITY and (
                best is None or (-sim, ix.label(lo.object)) < (-best[0], best[1])
            ):
                best = (sim, ix.label(lo.object), lo)
        if best is not None:
            yield best[2], h, best[0]


def _note(ix: CurriculumIndex, lo: Statement, hi: Statement, route: str, sim: float) -> str:
    return (
        f"「{ix.label(hi.object)}」建立在「{ix.label(lo.object)}」之上（{route}，相似度 {sim:.2f}）"
    )


def continuation(ix: CurriculumIndex) -> Iterator[Evidence]:
    """Higher-level skills and courses → the similar ones of the majors continuing into them."""
    cur = ix.cur
    feeders: dict[str, list[tuple[str, Span]]] = defaultdict(list)
    for st in cur.continues:
        below, above = cur.levels.get(st.subject, ""), cur.levels.get(st.object, "")
        if (
            below in LEVEL_ORDER
            and above in LEVEL_ORDER
            and LEVEL_ORDER[below] < LEVEL_ORDER[above]
        ):
            feeders[st.object].append((st.subject, st.span))
    for higher in sorted(feeders):
        hi_skills = [
            s
            for s in ix.skills(higher)
            if ix.label_frequency.get(ix.label(s.object), 0) < BOILERPLATE_MAJORS
        ]
        for lower, link in sorted(feeders[higher]):
            route = f"{cur.major_name(lower)} 接续 {cur.major_name(higher)}"
            for lo, hi, sim in _best_matches(ix, ix.skills(lower), hi_skills):
                note = _note(ix, lo, hi, route, sim)
                conf = round(0.3 + 0.4 * sim, 3)
                yield Evidence(
                    hi.object,
                    lo.object,
                    "continuation",
                    conf,
                    note,
                    (link, lo.span, hi.span),
                    GROUP,
                )
            lower_courses = ix.major_courses(lower)
            shared = {c.object for c in lower_courses}
            # A higher major's own 基础/概论 course builds on nothing of the lower one's.
            higher_courses = [
                c
                for c in ix.major_courses(higher)
                if c.object not in shared and not _FOUNDATION_NAME.search(ix.label(c.object))
            ]
            courses = _best_matches(ix, lower_courses, higher_courses)
            for lo, hi, sim in courses:
                note = "课程" + _note(ix, lo, hi, route, sim)
                conf = round(0.25 + 0.35 * sim, 3)
                yield Evidence(
                    hi.object,
                    lo.object,
                    "continuation",
                    conf,
                    note,
                    (link, lo.span, hi.span),
                    GROUP,
                )
