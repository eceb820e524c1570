"""课程标准 → the course with its goals, units in order and prerequisites."""

from __future__ import annotations

from pathlib import Path

from graphbuilder.extract import Context
from graphbuilder.extract.course_standard import extract_course_standard
from graphbuilder.ingest import read_document
from graphbuilder.model.iris import node_iri

DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "docs"
BASE = "https://x.org/id/"


def test_course_goals_units_and_prerequisites() -> None:
    doc = read_document(DOCS / "course-standard-python.txt", DOCS)
    facts = extract_course_standard(doc, Context(BASE))
    course = node_iri(BASE, "Course", "Python程序设计")
    nodes = {n.iri: n for n in facts.nodes}
    assert nodes[course].attrs == {"code": "51020321", "credits": 4.0, "hours": 64}
    out = [
        (e.kind, nodes[e.target].kind, nodes[e.target].label, e.attrs)
        for e in facts.edges
        if e.source == course
    ]
    assert ("requires", "Course", "计算机网络基础", {}) in out
    assert (
        "teaches",
        "KnowledgePoint",
        "掌握 Python 的基本语法与数据类型",
        {"goalType": "知识目标", "ordinal": 1},
    ) in out
    assert (
        "teaches",
        "Skill",
        "养成规范编码、注重测试的职业习惯",
        {"goalType": "素质目标", "ordinal": 6},
    ) in out
    modules = sorted(
        (e.attrs["ordinal"], nodes[e.target].label, e.attrs["hours"])
        for e in facts.edges
        if e.source == course and e.kind == "hasPart"
    )
    assert modules == [
        (1, "Python开发环境搭建", 4),
        (2, "数据类型与流程控制", 12),
        (3, "函数与模块", 8),
    ]
    unit2 = next(
        e.target
        for e in facts.edges
        if e.source == course and e.attrs.get("ordinal") == 2 and e.kind == "hasPart"
    )
    points = sorted(
        (e.attrs["ordinal"], nodes[e.target].label) for e in facts.edges if e.source == unit2
    )
    assert points == [(1, "数值"), (2, "字符串"), (3, "列表与字典"), (4, "条件语句与循环语句")]
    for n in facts.nodes:
        assert n.provenance.end > n.provenance.start


def test_no_course_name_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_text("课程标准\n\n一、课程目标\n\n知识目标\n\n1．掌握数据。\n", encoding="utf-8")
    facts = extract_course_standard(read_document(path, tmp_path), Context(BASE))
    assert facts.nodes == [] and "no 课程名称" in facts.warnings[0]
