"""Headings of a text: markdown ``#`` lines, or lines numbered like headings (第一章, 1.1, 项目一).

Fenced code blocks (````` and ``~~~``) are skipped, so a ``# comment`` in a shell example is not
a heading. A numbered line counts only when it is short and does not end like a sentence.
Levels: ``#``×n is level n; 第X篇/部分 is 1; 第X章, 项目X, 模块X, 单元X, 学习情境X are 2 when a
篇 level exists and 1 otherwise; 第X节, 任务X and ``1.1`` are one below that; ``1.1.1`` one
more. Chinese list numbering (一、 （一）) is reported as a heading only when asked, because
course standards use it for their top sections while textbooks use it inside paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\n]*\n?")
_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX = re.compile(r"^\s{0,3}(#{1,6})[ \t]+(.+?)[ \t#]*$")
_NUM = "[一二三四五六七八九十百零〇两\\d]+"
_PART = re.compile(rf"^第{_NUM}[篇部](?:分)?(?:\s|$|[：:])")
_CHAPTER = re.compile(
    rf"^(?:第{_NUM}章|(?:项目|模块|单元|学习情境|情境|专题){_NUM}|Chapter\s+\d+)(?:\s|$|[：:．.、])",
    re.IGNORECASE,
)
_SECTION = re.compile(rf"^(?:第{_NUM}节|任务{_NUM}|\d{{1,2}}\.\d{{1,2}})(?:\s|$|[：:．、])")
_SUBSECTION = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{1,2}(?:\s|$|[：:．、])")
_CN_LIST = re.compile(r"^[一二三四五六七八九十]{1,3}[、．.]\s*\S")
_CN_PAREN = re.compile(r"^[（(][一二三四五六七八九十]{1,3}[）)]\s*\S")
_SENTENCE_END = re.compile(r"[。；;，,：:！？!?]$")
MAX_HEADING_CHARS = 40


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading: its level, its text and where that text is.

    Attributes:
        level: 1 for the top level.
        text: the heading text without ``#`` marks.
        start: offset of the text in the source.
        end: offset just past it.
        line_end: offset just past the heading's line (its newline included).
        marked: whether it was a markdown ``#`` heading.
    """

    level: int
    text: str
    start: int
    end: int
    line_end: int
    marked: bool


def is_chapter(text: str) -> bool:
    """Whether a heading text is numbered like a chapter (第X章, 项目X, 模块X, 单元X).

    >>> is_chapter("第3章 函数"), is_chapter("项目一 净选加工"), is_chapter("1.1 数值")
    (True, True, False)
    """
    return _CHAPTER.match(text) is not None


def find_headings(source: str, *, chinese_lists: bool = False) -> list[Heading]:
    """The headings of ``source`` in order.

    Args:
        source: the decoded text.
        chinese_lists: also take ``一、…`` (level 1) and ``（一）…`` (level 2) lines.

    Returns:
        The headings, with levels as described in the module docstring.

    Examples:
        >>> [(h.level, h.text) for h in find_headings("# 书名\\n\\n## 第1章 入门\\n正文。\\n")]
        [(1, '书名'), (2, '第1章 入门')]
        >>> [(h.level, h.text) for h in find_headings("第一章 数据\\n1.1 数值\\n是一种值。\\n")]
        [(1, '第一章 数据'), (2, '1.1 数值')]
    """
    found: list[tuple[str, int, str, int, int, int]] = []  # rule, level, text, start, end, eol
    fenced = False
    has_part = False
    for m in _LINE.finditer(source):
        raw = m.group()
        if not raw:
            break
        if _FENCE.match(raw):
            fenced = not fenced
            continue
        if fenced:
            continue
        line = raw.rstrip("\r\n")
        atx = _ATX.match(line)
        if atx:
            text = atx.group(2).strip()
            found.append(("md", len(atx.group(1)), text, m.start() + atx.start(2), 0, m.end()))
            continue
        body = line.strip()
        if not body or len(body) > MAX_HEADING_CHARS or _SENTENCE_END.search(body):
            continue
        rule = _rule(body, chinese_lists)
        if rule is None:
            continue
        has_part = has_part or rule == "part"
        start = m.start() + line.index(body)
        found.append((rule, 0, body, start, 0, m.end()))
    shift = 1 if has_part else 0
    levels = {"part": 1, "chapter": 1 + shift, "section": 2 + shift, "subsection": 3 + shift}
    levels |= {"cn-list": 1, "cn-paren": 2}
    out: list[Heading] = []
    for rule, level, text, start, _, eol in found:
        lvl = level if rule == "md" else levels[rule]
        out.append(Heading(lvl, text, start, start + len(text), eol, rule == "md"))
    return out


def _rule(body: str, chinese_lists: bool) -> str | None:
    if _PART.match(body):
        return "part"
    if _CHAPTER.match(body):
        return "chapter"
    if _SUBSECTION.match(body):
        return "subsection"
    if _SECTION.match(body):
        return "section"
    if chinese_lists and _CN_LIST.match(body):
        return "cn-list"
    if chinese_lists and _CN_PAREN.match(body):
        return "cn-paren"
    return None
