"""Normalisation, script detection and Latin token runs."""

from __future__ import annotations

import pytest

from graphbuilder.align.normalise import has_cjk, latin_grams, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("可编程控制器（PLC）", "可编程控制器plc"),
        ("Ｐｙｔｈｏｎ 编程", "python编程"),
        ("C++ 语言", "c++语言"),
        ("S7-1200", "s7-1200"),
        ("  ", ""),
    ],
)
def test_normalise(text: str, expected: str) -> None:
    assert normalise(text) == expected


def test_has_cjk() -> None:
    assert has_cjk("PLC技术") and not has_cjk("PLC 5G")


@pytest.mark.parametrize(
    ("text", "grams"),
    [
        ("电机电控与 PLC技术", ["PLC"]),
        ("Spring Boot开发", ["Spring Boot", "Spring", "Boot"]),
        ("铸锻成型 CAD/CAE", ["CAD/CAE", "CAD", "CAE"]),
        ("2025年", []),
        ("Node.js。", ["Node.js"]),
    ],
)
def test_latin_grams(text: str, grams: list[str]) -> None:
    assert [g.text for g in latin_grams(text)] == grams
