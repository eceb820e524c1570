"""Headings: markdown marks, numbered lines, code blocks skipped, levels."""

from __future__ import annotations

import pytest

from graphbuilder.ingest.headings import find_headings, is_chapter


def _levels(text: str, **kw: bool) -> list[tuple[int, str]]:
    return [(h.level, h.text) for h in find_headings(text, **kw)]


def test_markdown_headings_skip_code_blocks() -> None:
    text = "# 导论\n\n```bash\n# 不是标题\n```\n\n## 什么是 JavaScript？\n"
    assert _levels(text) == [(1, "导论"), (2, "什么是 JavaScript？")]


def test_numbered_headings_with_a_part_level() -> None:
    text = "第一篇 基础\n第1章 数据\n1.1 数值\n1.1.1 整数\n数值是一种类型，不是标题。\n"
    assert _levels(text) == [
        (1, "第一篇 基础"),
        (2, "第1章 数据"),
        (3, "1.1 数值"),
        (4, "1.1.1 整数"),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1.1 本节介绍数值类型的表示方法、运算规则和常见的精度问题以及在实际开发中的处理", []),
        ("1.1 数值，", []),
        ("3.5 学分", [(2, "3.5 学分")]),  # numbered like a section: the readers decide
        ("项目一", [(1, "项目一")]),
    ],
)
def test_long_or_sentence_lines_are_not_headings(
    line: str, expected: list[tuple[int, str]]
) -> None:
    assert _levels(line + "\n") == expected


def test_chinese_list_numbering_only_when_asked() -> None:
    text = "一、课程目标\n（一）知识目标\n"
    assert _levels(text) == []
    assert _levels(text, chinese_lists=True) == [(1, "一、课程目标"), (2, "（一）知识目标")]


def test_spans_point_at_the_text() -> None:
    text = "  ## 数值 ##\n"
    (h,) = find_headings(text)
    assert text[h.start : h.end] == "数值" and h.line_end == len(text) and h.marked


@pytest.mark.parametrize(
    ("text", "chapter"), [("第十二章 事件", True), ("模块3 网络", True), ("1.2 数值", False)]
)
def test_is_chapter(text: str, chapter: bool) -> None:
    assert is_chapter(text) is chapter
