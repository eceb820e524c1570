"""人才培养方案 → facts: the major, courses with plan attributes, requirements, matrix."""

from __future__ import annotations

from pathlib import Path

from graphbuilder.extract import Context
from graphbuilder.extract.plan import extract_plan
from graphbuilder.ingest import read_document
from graphbuilder.model.iris import node_iri

DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "docs"
BASE = "https://x.org/id/"


def _facts(text: str | None = None, tmp: Path | None = None):  # type: ignore[no-untyped-def]
    path = DOCS / "plan-510203.md"
    if text is not None and tmp is not None:
        path = tmp / "plan.md"
        path.write_text(text, encoding="utf-8")
    doc = read_document(path, path.parent)
    return extract_plan(doc, Context(BASE))


def test_courses_hang_on_the_major_with_their_plan_attributes() -> None:
    facts = _facts()
    major = f"{BASE}major/510203"
    parts = {e.target: e.attrs for e in facts.edges if e.source == major and e.kind == "hasPart"}
    java = parts[node_iri(BASE, "Course", "Java 程序设计")]
    assert java == {
        "ordinal": 4, "credits": 4.0, "courseType": ("专业课", "专业核心课程"), "hours": 64,
        "semester": "2", "required": True,
    }  # fmt: skip
    assert len(parts) == 9
    labels = {n.iri: (n.label, n.label_en) for n in facts.nodes}
    assert labels[node_iri(BASE, "Course", "数据结构")] == ("数据结构", "Data Structures")


def test_requirements_indicators_and_the_matrix() -> None:
    facts = _facts()
    nodes = {n.iri: n for n in facts.nodes}
    req = node_iri(BASE, "Skill", "510203\x1f2")
    assert nodes[req].label == "开发能力"
    assert nodes[req].attrs["notation"] == "2"
    parts = sorted(
        (e.attrs["ordinal"], nodes[e.target].label) for e in facts.edges if e.source == req
    )
    assert parts == [
        (1, "能够使用集成开发环境完成编码与调试"),
        (2, "能够编写单元测试并完成系统部署"),
    ]
    supports = {
        (nodes[e.source].label, nodes[e.target].attrs["notation"], e.attrs["supportLevel"])
        for e in facts.edges
        if e.kind == "teaches" and "supportLevel" in e.attrs
    }
    assert ("软件测试技术", "2.2", "H") in supports and len(supports) == 11


def test_occupations_certificates_and_knowledge() -> None:
    facts = _facts()
    kinds = {(n.kind, n.label) for n in facts.nodes}
    assert {
        ("Occupation", "软件测试员"),
        ("Certificate", "Java 应用开发"),
        ("KnowledgePoint", "法律法规"),
    } <= kinds
    assert any(
        e.kind == "preparesFor" and e.target.endswith("occupation/4-04-05-01") for e in facts.edges
    )
    assert facts.warnings == []


def test_a_university_plan_has_no_major_but_keeps_the_rest(tmp_path: Path) -> None:
    text = (DOCS / "plan-510203.md").read_text(encoding="utf-8").replace("510203", "080902")
    text = text.replace("适用层次：高职专科（三年制）", "授予学位：工学学士")
    facts = _facts(text, tmp_path)
    assert not [n for n in facts.nodes if n.kind == "Major"]
    assert len([n for n in facts.nodes if n.kind == "Course"]) == 9
    assert facts.warnings and "not a vocational-catalogue code (普通本科)" in facts.warnings[0]


def test_a_matrix_naming_unknown_requirements_is_warned_about(tmp_path: Path) -> None:
    text = (
        (DOCS / "plan-510203.md")
        .read_text(encoding="utf-8")
        .replace("<td>3 职业素养</td>", "<td>9 未知</td>")
    )
    facts = _facts(text, tmp_path)
    assert any("names 1 requirement(s) the plan does not state: 9.1" in w for w in facts.warnings)
