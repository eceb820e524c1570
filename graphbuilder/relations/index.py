"""Lookups over a :class:`~graphbuilder.relations.inputs.Curriculum` that several signals share."""

from __future__ import annotations

from collections import defaultdict
from functools import cached_property

from graphbuilder.relations.inputs import Curriculum, Statement
from graphbuilder.relations.terms import TermWeights, content_terms

FOUNDATION = "专业基础课程"
CORE = "专业核心课程"
# A term this many labels share (汽车, 网络, 安全生产, 法律法规) names a field, not a subject.
COMMON_TERM_LABELS = 100


class CurriculumIndex:
    """Courses per major by type, concepts per major, term sets and weights.

    Args:
        cur: what was read from the store.
    """

    def __init__(self, cur: Curriculum) -> None:
        self.cur = cur

    @cached_property
    def courses(self) -> dict[str, dict[str, list[Statement]]]:
        """major → course type → its ``hasPart`` statements, in the standard's order."""
        out: dict[str, dict[str, list[Statement]]] = defaultdict(lambda: defaultdict(list))
        for st in self.cur.parts:
            if self.cur.kinds.get(st.subject) == "Major" and "courseType" in st.attrs:
                out[st.subject][st.attrs["courseType"]].append(st)
        return {m: dict(by_type) for m, by_type in out.items()}

    def major_courses(self, major: str) -> list[Statement]:
        """Foundation then core courses of ``major``."""
        by_type = self.courses.get(major, {})
        return by_type.get(FOUNDATION, []) + by_type.get(CORE, [])

    @cached_property
    def concepts(self) -> dict[str, list[Statement]]:
        """major → its ``teaches`` statements (skills and knowledge points)."""
        out: dict[str, list[Statement]] = defaultdict(list)
        for st in self.cur.taught:
            if self.cur.kinds.get(st.subject) == "Major":
                out[st.subject].append(st)
        return dict(out)

    def skills(self, major: str) -> list[Statement]:
        """The skill statements of ``major``."""
        return [s for s in self.concepts.get(major, []) if self.kind(s.object) == "Skill"]

    def knowledge(self, major: str) -> list[Statement]:
        """The knowledge-point statements of ``major``."""
        return [s for s in self.concepts.get(major, []) if self.kind(s.object) == "KnowledgePoint"]

    def kind(self, iri: str) -> str:
        """The node's kind, ``""`` when unknown."""
        return self.cur.kinds.get(iri, "")

    def label(self, iri: str) -> str:
        """The node's label (its IRI when it has none)."""
        return self.cur.labels.get(iri, iri)

    def terms(self, iri: str) -> frozenset[str]:
        """The content terms of the node's label."""
        return content_terms(self.label(iri))

    @cached_property
    def weights(self) -> TermWeights:
        """Term weights over the labels of every course, skill and knowledge point."""
        return TermWeights(
            self.cur.labels[n]
            for n, k in sorted(self.cur.kinds.items())
            if k in ("Course", "Skill", "KnowledgePoint", "Module") and n in self.cur.labels
        )

    def specific_terms(self, a: str, b: str) -> frozenset[str]:
        """The terms both nodes' labels have that fewer than :data:`COMMON_TERM_LABELS` share."""
        w = self.weights
        return frozenset(t for t in self.terms(a) & self.terms(b) if w.df(t) < COMMON_TERM_LABELS)

    @cached_property
    def label_frequency(self) -> dict[str, int]:
        """Label → how many majors state a concept with that very label.

        Skills are one node per major even when the words are the same; a statement that
        many majors repeat word for word (终身学习…) is boilerplate, not a subject.
        """
        seen: dict[str, set[str]] = defaultdict(set)
        for st in self.cur.taught:
            seen[self.label(st.object)].add(st.subject)
        return {label: len(majors) for label, majors in seen.items()}
