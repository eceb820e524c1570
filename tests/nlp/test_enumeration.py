from __future__ import annotations

import pytest

from graphbuilder.nlp.enumeration import split_enumeration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("作物栽培技术、种子生产技术、种子营销。", ["作物栽培技术", "种子生产技术", "种子营销"]),
        ("家庭农场粮食生产经营", ["家庭农场粮食生产经营"]),
        ("电工（初级、中级）、钳工等", ["电工（初级、中级）", "钳工"]),
        ("S7-1200 PLC 编程，Python 程序设计", ["S7-1200 PLC 编程", "Python 程序设计"]),
        ("土壤肥料、作物栽培等知识", ["土壤肥料", "作物栽培"]),
        ("", []),
    ],
)
def test_items(text: str, expected: list[str]) -> None:
    items = split_enumeration(text)
    assert [i.text for i in items] == expected
    for i in items:
        assert text[i.start : i.end] == i.text
