"""What a gap report says: the JSON of ``report gaps --json`` and ``/api/v1/majors/{code}/gaps``.

Keep the shape stable: the web page reads it. Fields are added, never renamed or removed.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Evidence(BaseModel):
    """Why something is needed: a task of an occupation of the major, and what names it."""

    model_config = ConfigDict(extra="forbid")

    occupation: str = Field(description="The occupation's label / 职业.")
    occupation_iri: str
    task: str = Field(description="The work task (主要工作任务) / 工作任务.")
    task_iri: str
    via: str = Field(description="The words that name the need: the task, a skill, a mention.")
    how: Literal["task", "skill", "mention"] = Field(
        description="task: the task's text aligns; skill: a skill it needs aligns; "
        "mention: the occupation document relates the task to a technology it names."
    )


def cover_lines(cover: list[Cover]) -> list[str]:
    """``covered_by`` of a need: ``课程 …`` / ``技能 …`` per course or skill."""
    return [f"{'课程' if c.kind == 'Course' else '技能'} {c.label}" for c in cover]


class Cover(BaseModel):
    """A course or skill of the major that covers a need."""

    model_config = ConfigDict(extra="forbid")

    kind: Literal["Course", "Skill"]
    iri: str
    label: str
    how: Literal["aligned", "named", "same"] = Field(
        description="aligned: it aligns to the technology; named: its label names it "
        "(or shares a content word with the needed skill); same: the very skill."
    )


class Covered(BaseModel):
    """A need (technology or skill): whether the major covers it, by what, and its evidence."""

    model_config = ConfigDict(extra="forbid")

    iri: str
    label: str
    covered: bool
    covered_by: list[str] = Field(
        default_factory=list, description="`课程 <label>` / `技能 <label>` (first five)."
    )
    coverage: list[Cover] = Field(
        default_factory=list, description="The same courses and skills, with IRIs and how."
    )
    evidence: list[Evidence] = Field(default_factory=list)


class Need(Covered):
    """A technology the major's occupations need, ranked by demand."""

    categories: list[str]
    hot: bool
    in_demand: bool
    occupations: int = Field(description="Occupations of this major that need it.")
    majors_nationwide: int = Field(description="Majors whose occupations need it.")
    demand: float


class SkillNeed(Covered):
    """An atomic skill the major's occupations' tasks need (``needsSkill``)."""

    occupations: int = Field(description="Occupations of this major whose tasks need it.")
    tasks: int = Field(description="Tasks of those occupations that need it.")


class StaleCourse(BaseModel):
    """A course whose technologies are all O*NET ones no occupation needs and none is hot."""

    model_config = ConfigDict(extra="forbid")

    course: str
    technologies: list[str]


class GapReport(BaseModel):
    """The gap report of one major (the JSON of ``report gaps --json`` and of the API)."""

    model_config = ConfigDict(extra="forbid")

    code: str = Field(description="The major's code / 专业代码.")
    major: str = Field(description="The major's name / 专业名称.")
    occupations: list[str] = Field(description="Occupations it prepares for / 面向职业.")
    needed: list[Need] = Field(description="Technologies needed, by demand / 技术需求.")
    needed_skills: list[SkillNeed] = Field(
        default_factory=list, description="Skills the tasks need, most shared first / 能力需求."
    )
    stale_courses: list[StaleCourse]
    untaught_skills: list[str] = Field(description="Skills of the major no course teaches.")

    @property
    def uncovered(self) -> list[Need]:
        """The needed technologies no course or skill of the major covers."""
        return [n for n in self.needed if not n.covered]

    @property
    def uncovered_skills(self) -> list[SkillNeed]:
        """The needed skills no course or skill of the major covers."""
        return [n for n in self.needed_skills if not n.covered]
