"""Textbooks: a chapter file, a whole book, generic headings, terms per chapter."""

from __future__ import annotations

from graphbuilder.ingest.textbook import is_textbook, read_textbook, strip_numbering

from .conftest import FIXTURES
from .spans import assert_spans

PROSE = "本节讲解相关的概念与用法，并给出示例代码。" * 4


def test_a_real_chapter_file() -> None:
    text = (FIXTURES / "docs" / "javascript-tutorial" / "docs" / "types" / "general.md").read_text()
    sections = read_textbook("d", text)
    assert_spans(sections, text)
    chapter = sections[0]
    assert (chapter.kind, chapter.key, dict(chapter.attrs)) == (
        "chapter",
        "0",
        {"title": "数据类型概述", "scope": "file"},
    )
    # 简介 and 参考链接 structure the chapter; they teach nothing of their own.
    assert [s.attrs["title"] for s in sections if s.kind == "section"] == ["typeof 运算符"]
    terms = {s.key: s.attrs for s in sections if s.kind == "term"}
    assert terms["原始类型"]["label_en"] == "primitive type"
    assert terms["原始类型"]["chapter"] == "0"


def test_a_whole_book_in_one_text() -> None:
    text = (
        f"# Python程序设计\n\n## 第1章 入门\n\n### 1.1 安装\n\n{PROSE}\n\n## 第2章 函数\n\n"
        f"函数是指可以重复调用的代码块。\n\n### 2.1 参数\n\n{PROSE}\n"
    )
    sections = read_textbook("d", text)
    assert_spans(sections, text)
    shown = [(s.kind, s.key, s.attrs.get("title", "")) for s in sections]
    assert shown == [
        ("book", "Python程序设计", ""),
        ("chapter", "1", "入门"),
        ("section", "1.1", "安装"),
        ("paragraph", "1.p1", ""),
        ("chapter", "2", "函数"),
        ("section", "2.1", "参数"),
        ("term", "函数", ""),
        ("paragraph", "2.p1", ""),
        ("paragraph", "2.p2", ""),
    ]
    assert sections[-3].attrs["chapter"] == "2"
    paragraphs = [(s.key, s.text) for s in sections if s.kind == "paragraph"]
    assert paragraphs == [
        ("1.p1", PROSE),
        ("2.p1", "函数是指可以重复调用的代码块。"),
        ("2.p2", PROSE),
    ]


def test_paragraphs_skip_code_headings_tables_and_scraps() -> None:
    text = (
        "# 数组\n\n数组（array）是按次序排列的一组值，用方括号表示，例如 `[1, 2]`。\n"
        "每个值都有编号。\n\n```javascript\nvar arr = [1, 2];\n\nvar b = arr;\n```\n\n"
        "| 方法 | 说明 |\n| --- | --- |\n\n很短。\n\n"
        "## 参考链接\n\n- 数组的 length 属性返回成员数量\n"
    )
    sections = read_textbook("d", text)
    assert_spans(sections, text)
    assert [s.text for s in sections if s.kind == "paragraph"] == [
        "数组（array）是按次序排列的一组值，用方括号表示，例如 `[1, 2]`。\n每个值都有编号。",
        "- 数组的 length 属性返回成员数量",
    ]


def test_a_plain_text_book_with_numbered_headings() -> None:
    text = f"第一章 数据类型\n{PROSE}\n1.1 数值\n{PROSE}\n第二章 运算符\n2.1 算术运算符\n{PROSE}\n"
    assert is_textbook(text)
    chapters = [s.attrs["title"] for s in read_textbook("d", text) if s.kind == "chapter"]
    assert chapters == ["数据类型", "运算符"]


def test_not_a_textbook() -> None:
    assert not is_textbook("今天天气很好。\n\n购物清单：苹果。\n")
    assert not is_textbook("# 标题\n\n短。\n")


def test_strip_numbering() -> None:
    assert [
        strip_numbering(t)
        for t in ("项目一中药炮制技术基础知识", "（二）能力目标", "Chapter 3 Functions", "2.3")
    ] == [
        "中药炮制技术基础知识",
        "能力目标",
        "Functions",
        "2.3",
    ]
