"""The skills a major's occupations' tasks need, covered or not by its courses and skills.

A task's atomic skills (``needsSkill``, split by the NLP stage from the task's text) are the
demand of an occupation whose tasks name no technology. A needed skill is covered by the
very skill the major teaches, or by a course or skill of the major that shares a content
word with the skill's object (``执行医嘱`` shares nothing with 基础护理; ``制订护理计划``
shares 护理 with it). The test is loose on purpose: what it leaves uncovered is what no
course even mentions, which a committee can check in a minute.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Literal

from graphbuilder.algorithms.gap_models import Cover, Evidence, SkillNeed, cover_lines
from graphbuilder.algorithms.gap_text import content_words

if TYPE_CHECKING:
    from graphbuilder.algorithms.gaps import GapInputs


def skill_needs(
    g: GapInputs, major: str, occupations: list[str], covers: list[tuple[str, str]]
) -> list[SkillNeed]:
    """The needed skills of ``major``, most shared first.

    Args:
        g: the graph slice.
        major: the major's IRI.
        occupations: the occupations it prepares for.
        covers: (kind, IRI) of the courses and skills of the major.

    Examples:
        >>> from graphbuilder.algorithms.gaps import GapInputs
        >>> g = GapInputs(labels={"m": "护理", "o": "内科护士", "t": "执行医嘱,实施护理措施",
        ...     "s1": "执行医嘱", "s2": "实施护理措施", "c": "基础护理"})
        >>> g.tasks["o"] = {"t"}; g.needs["t"] = {"s1", "s2"}
        >>> g.skill_objects.update({"s1": "医嘱", "s2": "护理措施"})
        >>> [(n.label, n.covered) for n in skill_needs(g, "m", ["o"], [("Course", "c")])]
        [('执行医嘱', False), ('实施护理措施', True)]
    """

    evidence: dict[str, list[Evidence]] = defaultdict(list)
    by_occ: dict[str, set[str]] = defaultdict(set)
    for occ in occupations:
        for task in sorted(g.tasks.get(occ, set())):
            for skill in g.needs.get(task, set()):
                if not g.skill_objects.get(skill):
                    continue  # a fragment the splitter left without an object (操作, 侵入)
                by_occ[skill].add(occ)
                evidence[skill].append(
                    Evidence(occupation=g.label(occ), occupation_iri=occ, task=g.label(task),
                             task_iri=task, via=g.label(skill), how="task")
                )  # fmt: skip
    taught = g.skills.get(major, set())
    words = {node: content_words(g.label(node)) for _, node in covers}
    out = []
    for skill, ev in evidence.items():
        cover: list[Cover] = []
        if skill in taught:
            cover.append(Cover(kind="Skill", iri=skill, label=g.label(skill), how="same"))
        wanted = content_words(g.skill_objects.get(skill) or g.label(skill))
        for kind, node in covers:
            if node != skill and wanted & words[node]:
                k: Literal["Course", "Skill"] = "Course" if kind == "Course" else "Skill"
                cover.append(Cover(kind=k, iri=node, label=g.label(node), how="named"))
        tasks = {e.task_iri for e in ev}
        out.append(
            SkillNeed(
                iri=skill,
                label=g.label(skill),
                occupations=len(by_occ[skill]),
                tasks=len(tasks),
                covered=bool(cover),
                covered_by=cover_lines(cover[:5]),
                coverage=cover[:5],
                evidence=ev[:5],
            )
        )
    out.sort(key=lambda n: (-n.occupations, -n.tasks, n.covered, n.label))
    return out
