"""Text: what a skill statement names, it needs (containment and similarity in one major).

A standard states a major's abilities (具备数据库应用、前端开发等程序设计能力), the knowledge
it teaches (程序设计、操作系统…) and its courses (数据库技术及应用、前端设计与开发…). Within
one major:

- ``containment``: a skill whose statement names a knowledge point of the same major needs
  that knowledge (具备网络安全设备安装…能力 → 网络安全).
- ``skill-course``: a skill needs the courses whose subject its statement names: most of the
  course name's weighted terms occur in the statement (具备…高低压电器装配…能力 →
  高低压电器装配). At most three courses per skill, the best covered first.

Statements that many majors repeat word for word (终身学习…能力) are boilerplate and left out.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphbuilder.relations.evidence import Evidence
from graphbuilder.relations.index import CurriculumIndex
from graphbuilder.relations.inputs import Statement

BOILERPLATE_MAJORS = 20
_MIN_COVERAGE = 0.6
_MAX_COURSES = 3


def _boilerplate(ix: CurriculumIndex, iri: str) -> bool:
    return ix.label_frequency.get(ix.label(iri), 0) >= BOILERPLATE_MAJORS


def containment(ix: CurriculumIndex) -> Iterator[Evidence]:
    """Skill → knowledge point of the same major that the skill's statement names."""
    for major in sorted(ix.concepts):
        kps = [k for k in ix.knowledge(major) if ix.terms(k.object)]
        for s in ix.skills(major):
            if _boilerplate(ix, s.object):
                continue
            text, terms = ix.label(s.object), ix.terms(s.object)
            for k in kps:
                name = ix.label(k.object)
                if len(name) >= 3 and name in text:
                    conf, how = 0.6, "原文写出"
                elif len(ix.terms(k.object)) >= 2 and ix.terms(k.object) <= terms:
                    conf, how = 0.45, "词语均出现在"
                else:
                    continue
                note = f"技能「{text}」{how}知识点「{name}」（{ix.cur.major_name(major)}）"
                yield Evidence(s.object, k.object, "containment", conf, note, (s.span, k.span))


def skill_course_matches(
    ix: CurriculumIndex,
) -> Iterator[tuple[str, Statement, Statement, float]]:
    """``(major, skill, course, coverage)`` for each skill and its best-covered courses."""
    w = ix.weights
    for major in sorted(ix.concepts):
        courses = ix.major_courses(major)
        for s in ix.skills(major):
            if _boilerplate(ix, s.object):
                continue
            terms = ix.terms(s.object)
            scored = []
            for c in courses:
                cov = w.coverage(ix.terms(c.object), terms)
                if cov >= _MIN_COVERAGE:
                    scored.append((-cov, ix.label(c.object), c))
            scored.sort(key=lambda t: (t[0], t[1]))
            for neg, _, c in scored[:_MAX_COURSES]:
                yield major, s, c, -neg


def skill_course(ix: CurriculumIndex) -> Iterator[Evidence]:
    """Skill → the courses of the same major whose subject the statement names."""
    for major, s, c, cov in skill_course_matches(ix):
        note = (
            f"技能「{ix.label(s.object)}」写出课程「{ix.label(c.object)}」的内容"
            f"（覆盖 {cov:.0%}，{ix.cur.major_name(major)}）"
        )
        # A one-word subject (机械基础 → 机械) is named by many statements in passing.
        single = len(ix.terms(c.object)) == 1
        conf = round((0.3 + 0.4 * cov) * (0.8 if single else 1.0), 3)
        yield Evidence(s.object, c.object, "skill-course", conf, note, (s.span, c.span))
