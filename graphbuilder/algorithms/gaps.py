"""Gap report for one major: what industry needs, what the major's courses cover.

The chain of evidence is the graph's own: major —preparesFor→ occupation —performs→ task
—alignsTo→ technology (and occupation/task —needsSkill→ skill —alignsTo→ technology). A
needed technology is *covered* when a course or a skill of the major aligns to it. Demand is

    demand = 2·hot + 2·in_demand + (occupations of this major needing it)
             + 0.1·(majors nationwide whose occupations need it)

with ``hot``/``in_demand`` the O*NET Hot Technology / In Demand flags (0 or 1), so flagged
technologies rank first and, among equals, those more occupations and majors need.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, Field

from graphbuilder.errors import NotFoundError


@dataclass
class GapInputs:
    """The slice of the graph a gap report reads (see :func:`graphbuilder.store.gap_inputs`).

    Attributes:
        labels: IRI → label (Chinese preferred).
        major_codes: major code → IRI.
        prepares: major IRI → occupation IRIs.
        tasks: occupation IRI → task IRIs.
        needs: occupation or task IRI → skill IRIs (``needsSkill``).
        aligns: node IRI → technology IRIs it aligns to.
        courses: major IRI → course IRIs (``hasPart``).
        skills: major IRI → skill IRIs (``teaches``).
        hot, in_demand: technology IRIs with the O*NET flags.
        categories: technology IRI → category labels.
    """

    labels: dict[str, str] = field(default_factory=dict)
    major_codes: dict[str, str] = field(default_factory=dict)
    prepares: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    tasks: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    needs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    aligns: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    courses: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    skills: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    hot: set[str] = field(default_factory=set)
    in_demand: set[str] = field(default_factory=set)
    categories: dict[str, list[str]] = field(default_factory=dict)


class Evidence(BaseModel):
    """Why a technology is needed: an occupation of the major and its task or skill."""

    model_config = ConfigDict(extra="forbid")

    occupation: str
    via: str


class Need(BaseModel):
    """A technology the major's occupations need, ranked by demand."""

    model_config = ConfigDict(extra="forbid")

    iri: str
    label: str
    categories: list[str]
    hot: bool
    in_demand: bool
    occupations: int
    majors_nationwide: int
    demand: float
    covered: bool
    covered_by: list[str] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)


class StaleCourse(BaseModel):
    """A course whose technologies no occupation (of any major) needs and none is hot."""

    model_config = ConfigDict(extra="forbid")

    course: str
    technologies: list[str]


class GapReport(BaseModel):
    """The gap report of one major."""

    model_config = ConfigDict(extra="forbid")

    code: str
    major: str
    occupations: list[str]
    needed: list[Need]
    stale_courses: list[StaleCourse]
    untaught_skills: list[str]

    @property
    def uncovered(self) -> list[Need]:
        """The needed technologies no course or skill of the major covers."""
        return [n for n in self.needed if not n.covered]


def _needed_by(g: GapInputs, occupation: str) -> dict[str, list[str]]:
    """Technology → what of the occupation needs it (task or skill labels)."""
    out: dict[str, list[str]] = defaultdict(list)
    for via in {occupation} | g.tasks.get(occupation, set()):
        for tech in g.aligns.get(via, set()):
            out[tech].append(g.labels.get(via, via))
        for skill in g.needs.get(via, set()):
            for tech in g.aligns.get(skill, set()):
                out[tech].append(g.labels.get(skill, skill))
    return out


def _needed_anywhere(g: GapInputs) -> set[str]:
    """Technologies some occupation (of any major) needs through a task or a skill."""
    out: set[str] = set()
    for occupations in g.prepares.values():
        for occ in occupations:
            out |= _needed_by(g, occ).keys()
    return out


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def gap_report(g: GapInputs, code: str, *, evidence_per_need: int = 5) -> GapReport:
    """The gap report of the major with ``code``.

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
        >>> gap_report(g, "1").needed[0].covered_by
        ['课程 电工']
    """
    major = g.major_codes.get(code)
    if major is None:
        raise NotFoundError(f"no major with code {code!r}")
    occupations = sorted(g.prepares.get(major, set()))
    need_evidence: dict[str, list[Evidence]] = defaultdict(list)
    occ_count: dict[str, int] = defaultdict(int)
    for occ in occupations:
        for tech, vias in _needed_by(g, occ).items():
            occ_count[tech] += 1
            for via in sorted(set(vias)):
                need_evidence[tech].append(Evidence(occupation=g.labels.get(occ, occ), via=via))
    nationwide: dict[str, int] = defaultdict(int)
    if need_evidence:
        for other in g.major_codes.values():
            techs = set()
            for occ in g.prepares.get(other, set()):
                techs |= _needed_by(g, occ).keys() & need_evidence.keys()
            for tech in techs:
                nationwide[tech] += 1
    cover: dict[str, list[str]] = defaultdict(list)
    for course in g.courses.get(major, set()):
        for tech in g.aligns.get(course, set()):
            cover[tech].append(f"课程 {g.labels.get(course, course)}")
    for skill in g.skills.get(major, set()):
        for tech in g.aligns.get(skill, set()):
            cover[tech].append(f"技能 {g.labels.get(skill, skill)}")
    needed = []
    for tech, ev in need_evidence.items():
        hot, demand_flag = tech in g.hot, tech in g.in_demand
        demand = 2 * hot + 2 * demand_flag + occ_count[tech] + 0.1 * nationwide[tech]
        needed.append(
            Need(
                iri=tech,
                label=g.labels.get(tech, tech),
                categories=g.categories.get(tech, []),
                hot=hot,
                in_demand=demand_flag,
                occupations=occ_count[tech],
                majors_nationwide=nationwide[tech],
                demand=round(demand, 2),
                covered=bool(cover.get(tech)),
                covered_by=sorted(set(cover.get(tech, [])))[:5],
                evidence=ev[:evidence_per_need],
            )
        )
    needed.sort(key=lambda n: (-n.demand, n.label))
    demanded = _needed_anywhere(g) | g.hot | g.in_demand
    stale = []
    for course in sorted(g.courses.get(major, set()), key=lambda c: g.labels.get(c, c)):
        techs = g.aligns.get(course, set())
        if techs and not techs & demanded:
            stale.append(
                StaleCourse(
                    course=g.labels.get(course, course),
                    technologies=sorted(g.labels.get(t, t) for t in techs),
                )
            )
    course_techs = set().union(*(g.aligns.get(c, set()) for c in g.courses.get(major, set())))
    course_grams = [_bigrams(g.labels.get(c, "")) for c in g.courses.get(major, set())]
    untaught = []
    for skill in g.skills.get(major, set()):
        text = g.labels.get(skill, "")
        if g.aligns.get(skill, set()) & course_techs:
            continue
        grams = _bigrams(text)
        # A course "teaches" a skill when they share a technology or enough wording.
        if any(len(grams & cg) >= max(2, math.ceil(0.5 * len(cg))) for cg in course_grams if cg):
            continue
        untaught.append(text)
    return GapReport(
        code=code,
        major=g.labels.get(major, code),
        occupations=[g.labels.get(o, o) for o in occupations],
        needed=needed,
        stale_courses=stale,
        untaught_skills=sorted(untaught),
    )
