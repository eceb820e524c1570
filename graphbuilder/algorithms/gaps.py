"""Gap report for one major: what industry needs, what the major's courses cover.

The chain of evidence is the graph's own. A technology is *needed* when a task of an
occupation the major prepares for (major —preparesFor→ occupation —performs→ task) names it:

- ``task``: the task's text aligns to it (task —alignsTo→ technology);
- ``skill``: an atomic skill the task needs aligns to it (task —needsSkill→ skill —alignsTo→);
- ``mention``: the occupation document relates the task or its skill to a technology it
  mentions (—relatedTo→ technology, itself or through the mention's alignments).

A needed technology is *covered* when a course or a skill of the major aligns to it, or
names one of its labels (``液压与气动技术`` names 气动技术 even when the course aligned
only to its best entry). Demand is

    demand = 2·hot + 2·in_demand + (occupations of this major needing it)
             + 0.1·(majors nationwide whose occupations need it)

with ``hot``/``in_demand`` the O*NET Hot Technology / In Demand flags (0 or 1). Most work
tasks name no technology (a nurse's 执行医嘱): for those majors the report's substance is
the *skills* the tasks need, each covered or not by the major's courses and skills
(:mod:`graphbuilder.algorithms.gap_skills`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Literal

from graphbuilder.algorithms.gap_models import (
    Cover,
    Evidence,
    GapReport,
    Need,
    SkillNeed,
    StaleCourse,
    cover_lines,
)
from graphbuilder.algorithms.gap_text import names, untaught, verb_reading
from graphbuilder.errors import NotFoundError

__all__ = [
    "Cover",
    "Evidence",
    "GapInputs",
    "GapReport",
    "Need",
    "SkillNeed",
    "StaleCourse",
    "gap_report",
    "needed_by",
]


@dataclass
class GapInputs:
    """The slice of the graph a gap report reads (see :func:`graphbuilder.store.gap_inputs`).

    Attributes:
        kinds: node IRI → kind (Major, Occupation, Task, Skill, Course, Technology).
        labels: IRI → label (Chinese preferred).
        alt_labels: technology IRI → its other (Chinese) labels.
        major_codes: major code → IRI.
        skill_objects: skill IRI → the object of its action (``skillObject``).
        prepares: major IRI → occupation IRIs.
        tasks: occupation IRI → task IRIs.
        needs: task IRI → skill IRIs (``needsSkill``).
        aligns: node IRI → technology IRIs it aligns to (rejected reviews left out).
        related: task or skill IRI → technologies an occupation document relates it to.
        courses: major IRI → course IRIs (``hasPart``).
        skills: major IRI → skill IRIs (``teaches``).
        hot, in_demand: technology IRIs with the O*NET flags.
        categories: technology IRI → category labels.
    """

    kinds: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    alt_labels: dict[str, list[str]] = field(default_factory=dict)
    major_codes: dict[str, str] = field(default_factory=dict)
    skill_objects: dict[str, str] = field(default_factory=dict)
    prepares: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    tasks: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    needs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    aligns: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    related: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    courses: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    skills: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    hot: set[str] = field(default_factory=set)
    in_demand: set[str] = field(default_factory=set)
    categories: dict[str, list[str]] = field(default_factory=dict)
    _by_occupation: dict[str, dict[str, list[Evidence]]] = field(default_factory=dict, repr=False)
    _concepts: set[str] | None = field(default=None, repr=False)

    def label(self, iri: str) -> str:
        """The node's label (its IRI when it has none)."""
        return self.labels.get(iri, iri)

    def tech_labels(self, tech: str) -> list[str]:
        """Every label of a technology: preferred first."""
        return [self.label(tech), *self.alt_labels.get(tech, [])]


def _targets(g: GapInputs, tech: str) -> set[str]:
    """A mentioned technology as taxonomy concepts: its alignments, or itself when it is
    one (an O*NET technology, or the target of an alignment); else nothing (``DRI``)."""
    if g.aligns.get(tech):
        return g.aligns[tech]
    if g._concepts is None:
        g._concepts = set(g.categories) | g.hot | g.in_demand
        for targets in g.aligns.values():
            g._concepts |= targets
    return {tech} if tech in g._concepts else set()


def needed_by(g: GapInputs, occupation: str) -> dict[str, list[Evidence]]:
    """Technology → the evidence that ``occupation``'s tasks need it (cached on ``g``)."""
    if occupation in g._by_occupation:
        return g._by_occupation[occupation]
    out: dict[str, list[Evidence]] = defaultdict(list)
    for task in sorted(g.tasks.get(occupation, set())):
        text = g.label(task)

        def add(
            tech: str, via: str, how: Literal["task", "skill", "mention"], task: str = task
        ) -> None:
            out[tech].append(
                Evidence(occupation=g.label(occupation), occupation_iri=occupation,
                         task=g.label(task), task_iri=task, via=via, how=how)
            )  # fmt: skip

        for tech in g.aligns.get(task, set()):
            if not verb_reading(text, g.tech_labels(tech)):
                add(tech, text, "task")
        mentions = set(g.related.get(task, set()))
        for skill in sorted(g.needs.get(task, set())):
            wording = g.label(skill)
            for tech in g.aligns.get(skill, set()):
                if not verb_reading(wording, g.tech_labels(tech)):
                    add(tech, wording, "skill")
            mentions |= g.related.get(skill, set())
        for mention in sorted(mentions):
            # A skill node is shared by every task that words it alike, and so are its
            # relations: only a mention this task's own text names is this task's evidence.
            labels = g.tech_labels(mention)
            if names(text, labels) and not verb_reading(text, labels):
                for tech in _targets(g, mention):
                    add(tech, g.label(mention), "mention")
    g._by_occupation[occupation] = out
    return out


def _covers(g: GapInputs, major: str) -> list[tuple[str, str]]:
    courses = sorted(g.courses.get(major, set()), key=g.label)
    return [("Course", c) for c in courses] + [
        ("Skill", s) for s in sorted(g.skills.get(major, set()), key=g.label)
    ]


def _coverage(g: GapInputs, major: str, tech: str) -> list[Cover]:
    out: list[Cover] = []
    for kind, node in _covers(g, major):
        if tech in g.aligns.get(node, set()):
            how: Literal["aligned", "named"] = "aligned"
        elif names(g.label(node), g.tech_labels(tech)):
            how = "named"
        else:
            continue
        out.append(Cover(kind=kind, iri=node, label=g.label(node), how=how))  # type: ignore[arg-type]
    return sorted(out, key=lambda c: (c.how != "aligned", c.kind, c.label))


def gap_report(
    g: GapInputs, code: str, *, evidence_per_need: int = 5, skills: int = 40
) -> GapReport:
    """The gap report of the major with ``code``.

    Args:
        g: the graph slice.
        code: the major's code.
        evidence_per_need: evidence lines kept per need.
        skills: needed skills kept (most shared first).

    Raises:
        NotFoundError: no major has that code.

    Examples:
        >>> g = GapInputs(labels={"m": "机电", "o": "装配工", "t": "编程", "T": "PLC", "c": "电工"},
        ...               major_codes={"1": "m"})
        >>> g.prepares["m"] = {"o"}; g.tasks["o"] = {"t"}; g.aligns["t"] = {"T"}
        >>> g.courses["m"] = {"c"}; g.hot.add("T")
        >>> r = gap_report(g, "1")
        >>> [(n.label, n.covered, n.demand) for n in r.needed]
        [('PLC', False, 3.1)]
        >>> g.aligns["c"] = {"T"}
        >>> need = gap_report(g, "1").needed[0]
        >>> need.covered_by, [(c.label, c.how) for c in need.coverage]
        (['课程 电工'], [('电工', 'aligned')])
    """
    from graphbuilder.algorithms.gap_skills import skill_needs

    major = g.major_codes.get(code)
    if major is None:
        raise NotFoundError(f"no major with code {code!r}")
    occupations = sorted(g.prepares.get(major, set()), key=g.label)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    occ_count: dict[str, int] = defaultdict(int)
    for occ in occupations:
        for tech, ev in needed_by(g, occ).items():
            occ_count[tech] += 1
            evidence[tech].extend(ev)
    nationwide: dict[str, int] = defaultdict(int)
    if evidence:
        for other in g.major_codes.values():
            techs: set[str] = set()
            for occ in g.prepares.get(other, set()):
                techs |= needed_by(g, occ).keys() & evidence.keys()
            for tech in techs:
                nationwide[tech] += 1
    needed = []
    for tech, ev in evidence.items():
        hot, flagged = tech in g.hot, tech in g.in_demand
        cover = _coverage(g, major, tech)
        needed.append(
            Need(
                iri=tech,
                label=g.label(tech),
                categories=g.categories.get(tech, []),
                hot=hot,
                in_demand=flagged,
                occupations=occ_count[tech],
                majors_nationwide=nationwide[tech],
                demand=round(2 * hot + 2 * flagged + occ_count[tech] + 0.1 * nationwide[tech], 2),
                covered=bool(cover),
                covered_by=cover_lines(cover[:5]),
                coverage=cover[:5],
                evidence=_distinct(ev)[:evidence_per_need],
            )
        )
    needed.sort(key=lambda n: (-n.demand, n.label))
    return GapReport(
        code=code,
        major=g.label(major),
        occupations=[g.label(o) for o in occupations],
        needed=needed,
        needed_skills=skill_needs(g, major, occupations, _covers(g, major))[:skills],
        stale_courses=_stale(g, major),
        untaught_skills=untaught(g, major),
    )


def _distinct(evidence: list[Evidence]) -> list[Evidence]:
    """One line per (occupation, via): the same task wording repeats across occupations."""
    seen: set[tuple[str, str]] = set()
    out = []
    for e in sorted(evidence, key=lambda e: (e.how != "task", e.occupation, e.task, e.via)):
        if (e.occupation, e.via) not in seen:
            seen.add((e.occupation, e.via))
            out.append(e)
    return out


def _stale(g: GapInputs, major: str) -> list[StaleCourse]:
    demanded: set[str] = set(g.hot | g.in_demand)
    for occupations in g.prepares.values():
        for occ in occupations:
            demanded |= needed_by(g, occ).keys()
    stale = []
    for course in sorted(g.courses.get(major, set()), key=g.label):
        techs = g.aligns.get(course, set())
        # Only an O*NET technology (one with a commodity class) carries a demand signal of
        # its own; a field concept no task names (智能财务) is unknown, not out of demand.
        if techs and all(t in g.categories for t in techs) and not techs & demanded:
            stale.append(
                StaleCourse(course=g.label(course), technologies=sorted(map(g.label, techs)))
            )
    return stale
