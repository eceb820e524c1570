"""Atomic skills, knowledge points and technology mentions of a document's statements, as facts.

Extractors hand each statement section to a :class:`StatementFacts` with the node that
states it (a major teaches its 主要专业能力要求; a work task needs the skills its text
names). Mentions are collected first and resolved per document at :meth:`~StatementFacts.finish`
(same key = one node; near-duplicate skills of one action merged; every surface form an
alternative label), then written as nodes and edges. Every fact carries the span of its own
evidence in the source and the name and version of the component that found it
(``graphbuilder.SkillSplitter/v1``, ``graphbuilder.KnowledgeMatcher/v1``,
``graphbuilder.TechnologyMatcher/v1``); an edge to a skill carries the proficiency level
its statement gives (``gb:proficiency``).
"""

from __future__ import annotations

from dataclasses import dataclass

from graphbuilder.extract.base import Context, FactBuilder
from graphbuilder.model import Provenance, Section
from graphbuilder.model.records import AttrValue
from graphbuilder.nlp import knowledge as knowledge_nlp
from graphbuilder.nlp import skills as skill_nlp
from graphbuilder.nlp import technology as tech_nlp
from graphbuilder.nlp.skills import KnowledgeItem
from graphbuilder.resolve.aliases import TechIdentity, identify
from graphbuilder.resolve.entities import Entity, EntityTable, Handle
from graphbuilder.resolve.normalise import core, fold, skill_key

Anchor = tuple[int, int, tuple[int, int], Handle]
"""A skill or knowledge point a mention may belong to: its span, its clause, its handle."""


@dataclass(frozen=True, slots=True)
class _Edge:
    source: str | Handle
    kind: str
    target: str | Handle
    prov: Provenance
    attrs: dict[str, AttrValue]


class StatementFacts:
    """Collects one document's statement facts, resolves them, writes them to a builder."""

    def __init__(self, fb: FactBuilder, ctx: Context) -> None:
        self.fb = fb
        self.lex = ctx.lexicons
        self.table = EntityTable()
        self._edges: list[_Edge] = []
        self._tech: dict[str, TechIdentity] = {}

    def _prov(
        self, sec: Section, i: int, j: int, component: str, version: str, confidence: float
    ) -> Provenance:
        start, end = sec.span(i, j)
        return Provenance(
            doc_id=self.fb.doc.doc_id,
            start=start,
            end=end,
            extractor=component,
            version=version,
            confidence=round(confidence, 3),
        )

    def statement(
        self,
        sec: Section,
        owner: str,
        edge: str,
        *,
        ordinal: int = 0,
        confidence: float = 1.0,
        verbal: bool = False,
        knowledge: bool = True,
        kinds: tuple[str, ...] = ("skill", "verbal"),
    ) -> None:
        """The skills (and knowledge points, and mentions) of one statement section.

        Args:
            sec: the section; its whole text is the statement.
            owner: the IRI of the node that states it (a major, a task).
            edge: the edge from ``owner`` to each skill (``teaches``, ``needsSkill``).
            ordinal: the statement's number, kept on its edges.
            confidence: how much the section itself is trusted (scales the rules').
            verbal: read the statement verb-first (a work task).
            knowledge: also take its knowledge clauses (as ``teaches`` edges).
            kinds: the clause kinds whose skills are taken.
        """
        parse = skill_nlp.split_statement(sec.text, self.lex.skills, verbal=verbal)
        anchors: list[Anchor] = []
        for s in parse.skills:
            if s.kind not in kinds:
                continue
            prov = self._prov(
                sec,
                s.start,
                s.end,
                skill_nlp.COMPONENT,
                skill_nlp.VERSION,
                confidence * s.confidence,
            )
            attrs: dict[str, AttrValue] = {"skillAction": s.action} if s.action else {}
            if s.obj:
                attrs["skillObject"] = s.obj
            key = skill_key(s.action, s.obj, self.lex.equivalences)
            handle = self.table.add("Skill", key, s.label, prov, surfaces=(s.surface,), attrs=attrs)
            self._edges.append(_Edge(owner, edge, handle, prov, _edge_attrs(s.level, ordinal)))
            anchors.append((s.start, s.end, s.clause, handle))
        if knowledge:
            anchors.extend(self.knowledge(sec, owner, list(parse.knowledge), confidence * 0.9))
        self.technologies(sec, anchors)

    def goal(self, sec: Section, owner: str) -> None:
        """A training goal: its 掌握…知识 clause and its 具备…能力 clause (not its 从事…工作)."""
        self.statement(sec, owner, "teaches", confidence=0.9, knowledge=False, kinds=("skill",))
        items = knowledge_nlp.goal_knowledge(sec.text)
        anchors = self.knowledge(sec, owner, items, 0.9)
        self.technologies(sec, anchors, only_anchored=True)

    def knowledge(
        self, sec: Section, owner: str, items: list[KnowledgeItem], confidence: float
    ) -> list[Anchor]:
        """Knowledge points ``owner`` teaches; returns them as anchors for mentions."""
        anchors: list[Anchor] = []
        for k in items:
            prov = self._prov(
                sec, k.start, k.end, knowledge_nlp.COMPONENT, knowledge_nlp.VERSION, confidence
            )
            handle = self.table.add(
                "KnowledgePoint", core(k.text, self.lex.equivalences), k.text, prov
            )
            self._edges.append(_Edge(owner, "teaches", handle, prov, _edge_attrs(k.level, 0)))
            anchors.append((k.start, k.end, (k.start, k.end), handle))
        return anchors

    def technologies(
        self,
        sec: Section,
        anchors: list[Anchor],
        owner: str | None = None,
        *,
        only_anchored: bool = False,
        within: tuple[int, int] | None = None,
    ) -> None:
        """Technology mentions of a section, each related to the skills it occurs in.

        A mention inside a skill's or knowledge point's span relates to it; one outside
        every span but inside a clause relates to that clause's skills (运用 Python 进行数据
        分析: Python relates to 分析数据); otherwise it relates to ``owner`` when given.

        Args:
            sec: the section.
            anchors: the skills and knowledge points extracted from it (offsets into
                ``within`` when it is given).
            owner: what an unanchored mention relates to (a course named by the section).
            only_anchored: skip mentions outside every anchor's span.
            within: search ``sec.text[i:j]`` only (one item of an enumeration), as if it
                were a section of its own.
        """
        i, j = within if within is not None else (0, len(sec.text))
        text = sec.text[i:j] if within is not None else sec.text
        for m in tech_nlp.find_technologies(text, self.lex.technologies):
            inside = [h for s, e, _, h in anchors if s <= m.start and m.end <= e]
            if not inside and not only_anchored:
                inside = [h for _, _, (cs, ce), h in anchors if cs <= m.start and m.end <= ce]
            targets: list[str | Handle] = list(dict.fromkeys(inside))
            if not targets and owner is not None and not only_anchored:
                targets = [owner]
            if not targets:
                continue
            ident = identify(m)
            self._tech.setdefault(ident.key, ident)
            prov = self._prov(
                sec, i + m.start, i + m.end, tech_nlp.COMPONENT, tech_nlp.VERSION, 0.9
            )
            handle = self.table.add("Technology", ident.key, ident.label, prov, surfaces=(m.text,))
            for t in targets:
                self._edges.append(_Edge(t, "relatedTo", handle, prov, {}))

    def finish(self) -> None:
        """Resolve the collected mentions and write nodes and edges to the builder."""
        eq = self.lex.equivalences
        self.table.merge_near_duplicates(
            "Skill",
            text=lambda e: core(str(e.attrs.get("skillObject", "")), eq),
            block=lambda e: fold(str(e.attrs.get("skillAction", ""))),
        )
        self.table.merge_near_duplicates("KnowledgePoint", text=lambda e: e.key)
        iris: dict[int, str] = {}
        for e in self.table.entities():
            iris[id(e)] = self._node(e)

        def iri(ref: str | Handle) -> str:
            return ref if isinstance(ref, str) else iris[id(self.table.resolve(ref))]

        for edge in self._edges:
            self.fb.edge(iri(edge.source), edge.kind, iri(edge.target), edge.prov, edge.attrs)

    def _node(self, e: Entity) -> str:
        if e.kind == "Technology":
            ident = self._tech[e.key]
            return self.fb.node(
                "Technology",
                ident.key,
                e.label,
                e.provenance,
                coded=ident.coded,
                label_en=ident.label_en,
                alt_labels=e.alt_labels,
            )
        return self.fb.node(
            e.kind, e.key, e.label, e.provenance, attrs=e.attrs, alt_labels=e.alt_labels
        )


def _edge_attrs(level: str, ordinal: int) -> dict[str, AttrValue]:
    attrs: dict[str, AttrValue] = {}
    if level:
        attrs["proficiency"] = level
    if ordinal:
        attrs["ordinal"] = ordinal
    return attrs
