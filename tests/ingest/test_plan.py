"""人才培养方案: head, goals, requirements in their three layouts, tables."""

from __future__ import annotations

from collections import Counter

import pytest

from graphbuilder.ingest.plan import is_plan, read_plan

from .conftest import FIXTURES
from .spans import assert_spans

TEXT = (FIXTURES / "docs" / "plan-510203.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sections():  # type: ignore[no-untyped-def]
    found = read_plan("d", TEXT)
    assert_spans(found, TEXT)
    return found


def test_head(sections) -> None:  # type: ignore[no-untyped-def]
    assert dict(sections[0].attrs) == {"name": "软件技术", "code": "510203", "level": "高职专科"}


def test_counts(sections) -> None:  # type: ignore[no-untyped-def]
    assert Counter(s.kind for s in sections) == {
        "plan": 1, "training_goal": 1, "goal": 3, "requirement": 3, "indicator": 5,
        "core_courses": 1, "occupation": 2, "certificate": 1, "course_row": 9, "matrix_cell": 11,
    }  # fmt: skip


def test_a_requirement_broken_over_a_blank_line_is_joined(sections) -> None:  # type: ignore[no-untyped-def]
    req = next(s for s in sections if s.kind == "requirement" and s.key == "2")
    assert req.text == "能够按照需求完成软件的编码、调试与测试，并能够部署到生产环境。"
    assert req.attrs["name"] == "开发能力" and req.offsets


def test_course_rows(sections) -> None:  # type: ignore[no-untyped-def]
    rows = {s.key: dict(s.attrs) for s in sections if s.kind == "course_row"}
    assert rows["程序设计基础"] == {
        "name": "程序设计基础", "name_en": "Programming Fundamentals", "code": "51020301",
        "credits": "4", "hours": "64", "semester": "1", "required": "", "module": "专业基础课",
    }  # fmt: skip
    assert (rows["Python 程序设计"]["required"], rows["Python 程序设计"]["module"]) == (
        "false",
        "专业课",
    )
    assert "小计" not in rows


def test_matrix_cells_name_indicators(sections) -> None:  # type: ignore[no-untyped-def]
    cells = {
        (s.attrs["course"], s.attrs["requirement"], s.attrs["value"])
        for s in sections
        if s.kind == "matrix_cell"
    }
    assert ("数据结构", "1.2", "L") in cells and ("软件测试技术", "3.1", "M") in cells


def test_letter_and_group_requirements() -> None:
    text = (
        "# 园艺专业人才培养方案\n\n专业代码：90102\n\n# 二、毕业要求\n\n# 知识要求（A）\n\n"
        "A1.人文社科方面的知识：具有良好的思想道德修养。  \n"
        "A2.自然科学方面的知识：掌握自然科学基础理论知识。\n\n"
        "# 能力要求（B）\n\nB1.专业基础能力：具有文献检索能力。\n\n"
        "# 三、培养规格\n\n2．能力\n\n（1）具备编写程序的能力；\n"
    )
    sections = read_plan("d", text)
    assert_spans(sections, text)
    assert sections[0].attrs["code"] == "090102"  # the leading zero a spreadsheet lost
    reqs = [(s.key, s.attrs["name"], s.attrs["group"]) for s in sections if s.kind == "requirement"]
    assert reqs == [
        ("A1", "人文社科方面的知识", "知识"),
        ("A2", "自然科学方面的知识", "知识"),
        ("B1", "专业基础能力", "能力"),
        ("能力1", "", "能力"),
    ]


def test_heading_requirements_with_indicators() -> None:
    text = (
        "# 自动化专业人才培养方案\n\n# 二、毕业要求\n\n# 1．工程知识\n\n"
        "掌握数学与工程基础知识。\n\n"
        "1.1 能够将数学用于工程问题的表述。  \n1.2 能建立数学模型并求解。\n\n"
        "# 2．问题分析\n\n能够分析工程问题。\n"
    )
    sections = [s for s in read_plan("d", text) if s.kind in ("requirement", "indicator")]
    assert [(s.kind, s.key, s.text) for s in sections] == [
        ("requirement", "1", "掌握数学与工程基础知识。"),
        ("indicator", "1.1", "能够将数学用于工程问题的表述。"),
        ("indicator", "1.2", "能建立数学模型并求解。"),
        ("requirement", "2", "能够分析工程问题。"),
    ]


def test_is_plan() -> None:
    assert is_plan(TEXT) and not is_plan("# 课程标准\n人才培养" + "。" * 700 + "人才培养方案")
