"""The wording tests a gap report makes: does a text name a technology, is a match a verb,
do a skill and a course share a content word, which skills of a major no course teaches.

jieba (with its own dictionary) segments and tags words; it loads on first use.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from graphbuilder.algorithms.gaps import GapInputs

CLAUSE_START = set("，,、;；。：:（(")
# Words so common in curricula and work tasks that sharing one says nothing.
# fmt: off
GENERIC = frozenset((
    "技术", "系统", "设备", "管理", "工作", "相关", "问题", "进行", "人员", "服务",
    "方案", "能力", "知识", "基础", "应用", "实施", "组织", "开展", "完成", "处理",
    "操作", "使用", "常规", "基本", "专业", "项目", "工程", "综合", "实训", "实践",
    "原理", "方法", "规范", "标准", "质量", "安全", "生产", "产品", "要求", "理论",
    "概论", "导论", "能够", "具有", "具备", "掌握", "了解", "熟悉", "运用",
))
# fmt: on
THINGS = frozenset(("系统", "平台", "装置", "设备"))
MACHINES = ("机", "机械", "设备", "装备", "车", "机床")
_LATIN = re.compile(r"[A-Za-z0-9]")


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", text).casefold()


@cache
def _jieba() -> Any:
    import logging

    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(logging.WARNING)
    return jieba


@cache
def _tag(word: str) -> tuple[tuple[str, str], ...]:
    from jieba import posseg

    _jieba()
    return tuple((p.word, p.flag) for p in posseg.lcut(word))


def _verb_noun(label: str) -> bool:
    """``操作系统`` read as 操作 (verb) + 系统: a verb and a generic thing (not 虚拟现实)."""
    head, rest = label[:2], label[2:]
    return rest in THINGS and _tag(head) == ((head, "v"),)


def verb_reading(text: str, labels: Iterable[str]) -> bool:
    """Whether every occurrence of the labels in ``text`` reads as a verb and its object.

    Only a label that is a verb + noun compound (``操作系统``) can. A work task is worded
    verb first, so such a label at the start of a clause is the task's verb (``操作系统平台,
    核实…`` operates a platform; ``装配…制动系统、操作系统`` assembles a tractor's
    controls); right after a machine (``耕种机械操作系统``) it is that machine's controls.

    Examples:
        >>> verb_reading("操作系统平台,核实、上报巡查发现的问题", ["操作系统"])
        True
        >>> verb_reading("装配和调整耕种机械操作系统", ["操作系统"])
        True
        >>> verb_reading("安装、配置网络操作系统", ["操作系统"])
        False
        >>> verb_reading("数据库管理", ["数据库"])
        False
    """
    key = _norm(text)
    found = False
    for label in labels:
        lab = _norm(label)
        if len(lab) < 3 or not _has_cjk(lab):
            continue
        start = key.find(lab)
        while start >= 0:
            found = True
            after_machine = key[:start].endswith(MACHINES)
            if start > 0 and key[start - 1] not in CLAUSE_START and not after_machine:
                return False
            if not _verb_noun(lab):
                return False
            start = key.find(lab, start + 1)
    return found


def names(text: str, labels: Iterable[str]) -> bool:
    """Whether ``text`` names one of the labels (Chinese: 2+ characters; Latin: 3+, whole).

    Examples:
        >>> names("液压与气动技术", ["气动技术", "气动"])
        True
        >>> names("C语言程序设计", ["C"]), names("电气控制与PLC", ["PLC"])
        (False, True)
    """
    key = _norm(text)
    for label in labels:
        lab = _norm(label)
        if _has_cjk(lab):
            if len(lab) >= 2 and lab in key:
                return True
            continue
        if len(lab) < 3:
            continue
        start = key.find(lab)
        while start >= 0:
            end = start + len(lab)
            before = key[start - 1] if start else " "
            after = key[end] if end < len(key) else " "
            if not _LATIN.match(before) and not _LATIN.match(after):
                return True
            start = key.find(lab, start + 1)
    return False


def content_words(text: str) -> set[str]:
    """The words of ``text`` that say what it is about (2+ characters, not generic)."""
    # Search mode gives the words inside compounds too (数据库 → 数据, 数据库).
    words = _jieba().cut_for_search(_norm(text))
    return {
        w
        for w in words
        if len(w) >= 2 and w not in GENERIC and (_has_cjk(w) or (w.isascii() and w.isalnum()))
    }


def _bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1)}


def untaught(g: GapInputs, major: str) -> list[str]:
    """Skills the major states that no course of it teaches.

    A course teaches a skill when they share a technology or enough wording (half the
    course name's character pairs, at least two).
    """
    courses = g.courses.get(major, set())
    course_techs = set().union(*(g.aligns.get(c, set()) for c in courses))
    course_grams = [_bigrams(g.label(c)) for c in courses]
    out = []
    for skill in g.skills.get(major, set()):
        if g.aligns.get(skill, set()) & course_techs:
            continue
        grams = _bigrams(g.label(skill))
        if any(len(grams & cg) >= max(2, math.ceil(0.5 * len(cg))) for cg in course_grams if cg):
            continue
        out.append(g.label(skill))
    return sorted(out)
