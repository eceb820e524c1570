"""课程标准 / 教学大纲: course fields, goals by type, units from lines or a table."""

from __future__ import annotations

from graphbuilder.ingest.course_standard import is_course_standard, read_course_standard

from .conftest import FIXTURES
from .spans import assert_spans


def test_a_gbk_standard_with_unit_lines() -> None:
    text = (FIXTURES / "docs" / "course-standard-python.txt").read_bytes().decode("gb18030")
    sections = read_course_standard("d", text)
    assert_spans(sections, text)
    assert dict(sections[0].attrs) == {
        "name": "Python程序设计",
        "code": "51020321",
        "credits": "4",
        "hours": "64",
    }
    prereq = next(s for s in sections if s.kind == "prerequisites")
    assert prereq.text == "程序设计基础、计算机网络基础"
    goals = [(s.attrs["type"], s.text) for s in sections if s.kind == "goal"]
    assert [t for t, _ in goals] == ["知识目标"] * 3 + ["能力目标"] * 2 + ["素质目标"]
    units = [(s.key, s.attrs["title"], s.attrs["hours"]) for s in sections if s.kind == "unit"]
    assert units == [
        ("1", "Python开发环境搭建", "4"),
        ("2", "数据类型与流程控制", "12"),
        ("3", "函数与模块", "8"),
    ]
    items = [(s.attrs["unit"], s.text) for s in sections if s.kind == "unit_item"]
    assert items[2] == ("2", "数值、字符串、列表与字典")


def test_a_syllabus_with_a_content_table_and_fields_on_one_line() -> None:
    text = (FIXTURES / "docs" / "course-standard-web.md").read_text(encoding="utf-8")
    sections = read_course_standard("d", text)
    assert_spans(sections, text)
    assert sections[0].attrs["name"] == "Web 前端开发" and sections[0].attrs["credits"] == "4"
    units = [(s.attrs["title"], s.attrs["hours"]) for s in sections if s.kind == "unit"]
    assert units == [("HTML 基础", "16"), ("CSS 样式", "24"), ("JavaScript 交互", "24")]


def test_key_value_table_and_title() -> None:
    table = "<table><tr><td>课程编号</td><td>B0123</td><td>学分</td><td>3.5学分</td></tr></table>"
    text = f"《数据库应用技术》课程标准\n\n{table}\n\n一、课程目标\n"
    head = read_course_standard("d", text)[0]
    assert dict(head.attrs) == {
        "name": "数据库应用技术",
        "code": "B0123",
        "credits": "3.5",
        "hours": "",
    }


def test_is_course_standard() -> None:
    assert is_course_standard("课程标准\n课程目标")
    assert not is_course_standard("# 软件技术专业人才培养方案\n" + "课程标准" * 0 + "培养目标")
