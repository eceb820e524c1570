"""Textbooks (教材): headings → chapters and sections, and the terms each chapter defines.

A text is a textbook when it has headings and some prose (100 letters or more) under them. Its
structure comes from the headings (:mod:`graphbuilder.ingest.headings`):

- a *book* has a title (the one heading at the top level, first) over chapters numbered like
  chapters (第X章, 项目X, 模块X, 单元X), or several top-level headings and no title;
- otherwise it is *one chapter* (one file of a multi-file book): its title is the chapter,
  every heading below is a section.

Sections (kind, key, attrs):

- ``book`` (key: the title): the book's title.
- ``chapter`` (key: its ordinal, from 1; ``0`` for a one-chapter file): attrs ``title``
  (numbering stripped) and ``scope`` (``book`` or ``file``).
- ``section`` (key: ``<chapter>.<n>``): a heading below a chapter; attrs ``chapter``,
  ``title``. Generic headings (简介, 小结, 习题, 参考链接…) are left out.
- ``term`` (key: the term): a term the chapter defines (:mod:`graphbuilder.ingest.terms`);
  attrs ``chapter``, ``definition``, ``label_en``, ``cue``.
- ``paragraph`` (key: ``<chapter>.p<n>``): a paragraph of the chapter's prose (code blocks
  end a paragraph; inline code stays in it); attrs ``chapter``. Headings, tables, HTML lines and
  paragraphs of under :data:`MIN_PARAGRAPH_LETTERS` letters are left out. The rules do not read
  them; the trained recogniser does, when the build asks for it
  (:mod:`graphbuilder.extract.recognised`).
"""

from __future__ import annotations

import re

from graphbuilder.ingest.headings import Heading, find_headings, is_chapter
from graphbuilder.ingest.terms import blank_code, find_terms
from graphbuilder.model.records import Section

KIND = "textbook"
MIN_PROSE_CHARS = 100
MIN_PARAGRAPH_LETTERS = 8
_LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")

# Headings that structure a chapter without naming what it teaches.
GENERIC_HEADINGS = frozenset(
    {
        "简介", "概述", "概论", "引言", "前言", "导言", "导读", "小结", "本章小结", "总结",
        "习题", "练习", "练习题", "思考题", "思考与练习", "复习题", "参考链接", "参考文献",
        "参考资料", "拓展阅读", "延伸阅读", "学习目标", "本章要点", "知识目标", "能力目标",
        "示例", "实例", "例子", "注意", "说明", "目录", "含义", "用法", "基本用法",
    }
)  # fmt: skip
_NUMBERING = re.compile(
    r"^(?:第[一二三四五六七八九十百零〇两\d]+[篇部章节](?:分)?|(?:项目|模块|单元|学习情境|情境|专题|任务)"
    r"[一二三四五六七八九十百零〇两\d]+|Chapter\s+\d+|\d{1,2}(?:\.\d{1,2}){0,3}|[（(]?[一二三四五六七八九十]+[）)、．.]?)"
    r"[\s:：．.、]*",
    re.IGNORECASE,
)


def strip_numbering(title: str) -> str:
    """A heading without its numbering (or the heading itself when nothing is left).

    >>> strip_numbering("第3章 函数"), strip_numbering("1.2.1 中药炮制的目的")
    ('函数', '中药炮制的目的')
    >>> strip_numbering("数值")
    '数值'
    >>> strip_numbering("项目一")
    '项目一'
    """
    stripped = _NUMBERING.sub("", title, count=1).strip()
    return stripped or title.strip()


def is_textbook(text: str) -> bool:
    """Whether ``text`` has the shape of a textbook (or one chapter): headings and prose.

    >>> is_textbook("# 数据类型\\n\\n## 数值\\n\\n" + "数值是一种原始类型。" * 12)
    True
    >>> is_textbook("今天天气很好。\\n购物清单：苹果。\\n")
    False
    """
    headings = find_headings(text)
    if not headings:
        return False
    return len(_LETTER.findall(_prose(text, headings))) >= MIN_PROSE_CHARS


def read_textbook(doc_id: str, text: str) -> list[Section]:
    """Cut a textbook (a whole book or one chapter file) into sections.

    Args:
        doc_id: the document id.
        text: the decoded source (or rendering).

    Returns:
        ``book``, ``chapter``, ``section``, ``term`` and ``paragraph`` sections in reading
        order (a chapter's paragraphs after its terms).
    """
    headings = find_headings(text)
    if not headings:
        return []
    top = min(h.level for h in headings)
    title: Heading | None = None
    if headings[0].level == top and sum(h.level == top for h in headings) == 1:
        title = headings[0]
    rest = headings[1:] if title is not None else headings
    out: list[Section] = []
    prose = _prose(text, headings)
    if not rest:
        assert title is not None
        return [
            _chapter(doc_id, 0, title, "file"),
            *_terms(doc_id, "0", text, title.line_end, len(text)),
            *_paragraphs(doc_id, "0", text, prose, title.line_end, len(text)),
        ]
    level = min(h.level for h in rest)
    tops = [h for h in rest if h.level == level]
    book = title is None or any(is_chapter(h.text) for h in tops)
    if not book:
        assert title is not None
        chapters: list[tuple[Heading, list[Heading]]] = [(title, rest)]
    else:
        if title is not None:
            out.append(_slice(doc_id, "book", title.text, title, {}))
        chapters = []
        for h in rest:
            if h.level == level:
                chapters.append((h, []))
            elif chapters:
                chapters[-1][1].append(h)
    for i, (head, subs) in enumerate(chapters):
        n = i + 1 if book else 0
        key = str(n)
        out.append(_chapter(doc_id, n, head, "book" if book else "file"))
        end = chapters[i + 1][0].start if i + 1 < len(chapters) else len(text)
        count = 0
        for h in subs:
            name = strip_numbering(h.text)
            if name in GENERIC_HEADINGS:
                continue
            count += 1
            attrs = {"chapter": key, "title": name}
            out.append(_slice(doc_id, "section", f"{key}.{count}", h, attrs))
        out.extend(_terms(doc_id, key, text, head.line_end, end))
        out.extend(_paragraphs(doc_id, key, text, prose, head.line_end, end))
    return out


def _chapter(doc_id: str, n: int, head: Heading, scope: str) -> Section:
    return _slice(
        doc_id, "chapter", str(n), head, {"title": strip_numbering(head.text), "scope": scope}
    )


def _slice(doc_id: str, kind: str, key: str, head: Heading, attrs: dict[str, str]) -> Section:
    return Section(doc_id, kind, key, head.text, head.start, head.end, (), attrs)


def _terms(doc_id: str, chapter: str, text: str, start: int, end: int) -> list[Section]:
    out: list[Section] = []
    for t in find_terms(text[start:end]):
        attrs = {
            "chapter": chapter,
            "definition": t.definition,
            "label_en": t.label_en,
            "cue": t.cue,
        }
        out.append(
            Section(doc_id, "term", t.term, t.term, start + t.start, start + t.end, (), attrs)
        )
    return out


def _prose(text: str, headings: list[Heading]) -> str:
    """``text`` with code and heading lines blanked (offsets keep their meaning)."""
    chars = list(blank_code(text))
    for h in headings:
        chars[h.start : h.line_end] = re.sub(r"[^\n]", " ", text[h.start : h.line_end])
    return "".join(chars)


_PARAGRAPH = re.compile(r"[^\n]+(?:\n[ \t]*[^\s\n][^\n]*)*")
_NOT_PROSE = ("|", "<", "---", "===")


def _paragraphs(
    doc_id: str, chapter: str, text: str, prose: str, start: int, end: int
) -> list[Section]:
    """The paragraphs of ``text[start:end]``: runs of lines that are not blank in ``prose``."""
    out: list[Section] = []
    for m in _PARAGRAPH.finditer(prose, start, end):
        body = m.group()
        stripped = body.strip()
        if stripped.startswith(_NOT_PROSE):
            continue
        if len(_LETTER.findall(stripped)) < MIN_PARAGRAPH_LETTERS:
            continue
        i = m.start() + body.index(stripped)
        j = i + len(stripped)
        key = f"{chapter}.p{len(out) + 1}"
        out.append(Section(doc_id, "paragraph", key, text[i:j], i, j, (), {"chapter": chapter}))
    return out
