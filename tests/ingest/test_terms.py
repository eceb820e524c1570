"""Defined terms: cues, spans, definitions, and what is not a term."""

from __future__ import annotations

import pytest

from graphbuilder.ingest.terms import find_terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "闭包是指能够读取其他函数内部变量的函数。",
            [("闭包", "defined", "", "能够读取其他函数内部变量的函数")],
        ),
        ("所谓“作用域”，就是变量存在的范围。", [("作用域", "defined", "", "变量存在的范围")]),
        (
            "对象则称为合成类型（complex type）的值。",
            [("合成类型", "english", "complex type", "对象则称为合成类型（complex type）的值。")],
        ),
        (
            "这个值叫做**原型对象**，所有实例共享。",
            [("原型对象", "bold", "", "这个值叫做原型对象，所有实例共享。")],
        ),
        ("变量`v`会<u>提升</u>到头部。", [("提升", "underline", "", "变量`v`会提升到头部。")]),
        ("数组（array）", [("数组", "english", "array", "")]),
    ],
)
def test_cues(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    found = find_terms(text)
    assert [(t.term, t.cue, t.label_en, t.definition) for t in found] == expected
    for t in found:
        assert text[t.start : t.end] == t.term


@pytest.mark.parametrize(
    "text",
    [
        "`o2`还是指向原来的那个对象。",  # 是指向: not a definition
        "而不是指匹配字符。",
        "这两个值是指相对于父节点的位移。",  # a demonstrative is no term
        "**（1）function 命令**\n",  # a bold line is a pseudo-heading
        "```js\n// 闭包是指函数\n```\n",  # code is never searched
    ],
)
def test_not_terms(text: str) -> None:
    assert find_terms(text) == []


def test_a_term_is_found_once() -> None:
    assert [t.term for t in find_terms("作用域（scope）很重要。作用域（scope）有两种。")] == [
        "作用域"
    ]
