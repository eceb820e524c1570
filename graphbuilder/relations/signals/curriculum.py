"""Structure: a major's 专业基础课程 come before its 专业核心课程, when that is more than layout.

Every major lists foundation and core courses; pairing every foundation course with every
core course would claim ~64,000 prerequisites, most of them between unrelated subjects
(电工电子技术 → 工业企业生产现场管理). Two signals keep the pairs that something else supports:

- ``foundation-core``: the same foundation course and the same core course appear together
  in several majors' standards (each written by a different committee), and never the other
  way round. Three majors suffice; two suffice when the names share a specific subject term
  (one that fewer than 100 labels have: 数据库 yes, 汽车 no).
  Or, in one major, one ability statement names the subjects of both courses (具备数据库
  应用…程序设计能力 names 程序设计基础 and 数据库技术及应用): the two are one thread of
  the major, and the standard puts the foundation course first.
- ``foundation-name``: the foundation course is named as the basis of the core course's
  subject (油画基础 → 油画, 热工基础 → 热工检测与自动调节): its name is a subject plus
  基础/概论/导论/原理/入门, and the core course names that subject.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from graphbuilder.relations.evidence import Evidence, Span
from graphbuilder.relations.index import CORE, FOUNDATION, CurriculumIndex
from graphbuilder.relations.inputs import Statement
from graphbuilder.relations.signals.mention import skill_course_matches
from graphbuilder.relations.terms import content_terms

_FOUNDATION_NAME = re.compile(r"(?:基础|概论|导论|原理|入门|通论)$")
_MAX_SPANS = 6


def _pairs(
    ix: CurriculumIndex,
) -> dict[tuple[str, str], list[tuple[str, Span, Span]]]:
    """(foundation, core) → [(major, foundation span, core span)] over every major."""
    out: dict[tuple[str, str], list[tuple[str, Span, Span]]] = defaultdict(list)
    for major, by_type in sorted(ix.courses.items()):
        for f in by_type.get(FOUNDATION, []):
            for c in by_type.get(CORE, []):
                if f.object != c.object:
                    out[(f.object, c.object)].append((major, f.span, c.span))
    return out


def _note(ix: CurriculumIndex, f: str, c: str, found: list[tuple[str, Span, Span]]) -> str:
    majors = "、".join(ix.cur.major_name(m) for m, _, _ in found[:4])
    more = f" 等 {len(found)} 个专业" if len(found) > 4 else ""
    return f"专业基础课程「{ix.label(f)}」先于专业核心课程「{ix.label(c)}」：{majors}{more}"


def _spans(found: list[tuple[str, Span, Span]]) -> tuple[Span, ...]:
    return tuple(s for _, fs, cs in found[: _MAX_SPANS // 2] for s in (fs, cs))


def foundation_core(ix: CurriculumIndex, *, min_support: int = 3) -> Iterator[Evidence]:
    """Foundation → core pairs that several majors repeat and none reverses.

    Confidence: 0.6 at three majors, 0.1 more per further major, at most 0.85; a pair of
    two majors whose course names share a specific subject term gets 0.5.
    """
    pairs = _pairs(ix)
    for (f, c), found in pairs.items():
        if (c, f) in pairs:
            continue
        n = len(found)
        if n >= min_support:
            conf = min(0.85, 0.6 + 0.1 * (n - min_support))
        elif n == min_support - 1 and n >= 2 and ix.specific_terms(f, c):
            conf = 0.5
        else:
            continue
        yield Evidence(c, f, "foundation-core", conf, _note(ix, f, c, found), _spans(found))


def foundation_thread(ix: CurriculumIndex) -> Iterator[Evidence]:
    """Foundation → core pairs of one major whose subjects one ability statement names."""
    by_skill: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for major, statement, course, _ in skill_course_matches(ix):
        by_skill[(major, statement.object)].append(course)
    for (major, skill), courses in sorted(by_skill.items()):
        types = ix.courses.get(major, {})
        found = {c.object for c in types.get(FOUNDATION, [])}
        core = {c.object for c in types.get(CORE, [])}
        for f in courses:
            for c in courses:
                if f.object in found and c.object in core and f.object not in core:
                    note = (
                        f"专业基础课程「{ix.label(f.object)}」先于专业核心课程"
                        f"「{ix.label(c.object)}」，同一能力要求「{ix.label(skill)}」写出两者"
                        f"（{ix.cur.major_name(major)}）"
                    )
                    yield Evidence(
                        c.object, f.object, "foundation-core", 0.5, note, (f.span, c.span)
                    )


def foundation_name(ix: CurriculumIndex) -> Iterator[Evidence]:
    """Foundation courses named as the basis of a core course's subject, in the same major."""
    pairs = _pairs(ix)
    for (f, c), found in pairs.items():
        if (c, f) in pairs:
            continue
        name = ix.label(f)
        m = _FOUNDATION_NAME.search(name)
        if m is None:
            continue
        subject = name[: m.start()].strip()
        stem = content_terms(subject)
        core = ix.label(c)
        if len(subject) < 2 or not (subject in core or (stem and stem <= ix.terms(c))):
            continue
        conf = min(0.8, 0.6 + 0.1 * (len(found) - 1))
        note = f"「{name}」是「{core}」所学内容「{subject}」的基础课；" + _note(ix, f, c, found)
        yield Evidence(c, f, "foundation-name", conf, note, _spans(found))
