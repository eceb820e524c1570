from __future__ import annotations

from pathlib import Path

from graphbuilder.extract import Context
from graphbuilder.extract.lexicons import Lexicons
from graphbuilder.extract.standards import extract_standard
from graphbuilder.model import Document, Section
from graphbuilder.model.iris import node_iri
from graphbuilder.nlp.lexicon import load_skill_lexicon
from graphbuilder.nlp.technology import load_technology_lexicon
from graphbuilder.resolve.normalise import load_equivalences

BASE = "https://w3id.org/graphbuilder/id/"
TECHNOLOGIES = Path(__file__).resolve().parents[1] / "fixtures" / "skills" / "technologies.csv"
SRC = (
    "专业代码 510202\n专业名称 计算机网络技术\n"
    "本专业培养德智体美劳全面发展，掌握扎实的科学文化基础和计算机网络、程序设计、网络操作系统"
    "及相关法律法规等知识，具备网络搭建能力。\n"
    "具备网络操作系统管理、网络综合布线设计与实施等基本能力；\n"
    "计算机网络基础、程序设计基础。\n"
    "职业技能等级证书：Web 前端开发、网络系统建设与运维\n"
    "接续高职本科专业举例：网络工程技术、不存在的专业\n"
)


def _sec(kind: str, text: str, **attrs: str) -> Section:
    start = SRC.index(text)
    return Section("d1", kind, "510202", text, start, start + len(text), (), attrs)


def _doc() -> Document:
    return Document(
        "d1",
        "standards/5102计算机类.md",
        "moe-standard",
        "h",
        "utf-8",
        [
            _sec("major", "计算机网络技术", code="510202", name="计算机网络技术", years="三年"),
            _sec("training_goal", SRC.splitlines()[2]),
            _sec("ability", "具备网络操作系统管理、网络综合布线设计与实施等基本能力；", n="1"),
            _sec("foundation_courses", "计算机网络基础、程序设计基础。"),
            _sec("certificate", "Web 前端开发、网络系统建设与运维", type="职业技能等级证书"),
            _sec("continuation", "网络工程技术、不存在的专业", label="接续高职本科专业举例"),
        ],
    )


def test_standard_facts_with_spans_into_the_source() -> None:
    ctx = Context(BASE, {("职教本科", "网络工程技术"): "310202"})
    facts = extract_standard(_doc(), ctx)
    by_kind: dict[str, list[str]] = {}
    for n in facts.nodes:
        by_kind.setdefault(n.kind, []).append(n.label)
        evidence = SRC[n.provenance.start : n.provenance.end]
        # A skill is labelled action first; its evidence is the source's wording, an alt label.
        assert evidence == n.label or evidence in n.alt_labels
    assert by_kind["Course"] == ["计算机网络基础", "程序设计基础"]
    assert by_kind["KnowledgePoint"] == ["计算机网络", "程序设计", "网络操作系统", "法律法规"]
    assert sorted(by_kind["Skill"]) == ["搭建网络", "管理网络操作系统", "设计与实施网络综合布线"]
    assert by_kind["Certificate"] == ["Web 前端开发", "网络系统建设与运维"]
    major = node_iri(BASE, "Major", "510202", coded=True)
    edges = {(e.source, e.kind, e.target) for e in facts.edges}
    assert (major, "continuesTo", node_iri(BASE, "Major", "310202", coded=True)) in edges
    hasparts = [e for e in facts.edges if e.kind == "hasPart"]
    assert [e.attrs["courseType"] for e in hasparts] == ["专业基础课程"] * 2
    assert any("不存在的专业" in w for w in facts.warnings)


def test_ability_statement_gives_atomic_skills_with_level_and_ordinal() -> None:
    facts = extract_standard(_doc(), Context(BASE))
    major = node_iri(BASE, "Major", "510202", coded=True)
    skills = {n.iri: n for n in facts.nodes if n.kind == "Skill"}
    taught = {
        skills[e.target].label: e
        for e in facts.edges
        if e.kind == "teaches" and e.source == major and e.target in skills
    }
    assert taught["管理网络操作系统"].attrs == {"proficiency": "具备", "ordinal": 1}
    assert taught["设计与实施网络综合布线"].provenance.extractor == "graphbuilder.SkillSplitter"
    cabling = next(n for n in skills.values() if n.label == "设计与实施网络综合布线")
    assert cabling.attrs == {"skillAction": "设计与实施", "skillObject": "网络综合布线"}
    assert cabling.alt_labels == ("网络综合布线设计与实施",)


def test_technologies_named_in_skills_are_related_to_them() -> None:
    lexicons = Lexicons(
        load_skill_lexicon(), load_technology_lexicon(TECHNOLOGIES), load_equivalences()
    )
    facts = extract_standard(_doc(), Context(BASE, lexicons=lexicons))
    labels = {n.iri: n.label for n in facts.nodes}
    os_iri = node_iri(BASE, "Technology", "cn-operating-system", coded=True)
    related = {(labels[e.source], e.target) for e in facts.edges if e.kind == "relatedTo"}
    # 网络操作系统 is an alias of the taxonomy's 操作系统, inside the skill and the knowledge point.
    assert related == {("管理网络操作系统", os_iri), ("网络操作系统", os_iri)}
    (tech,) = [n for n in facts.nodes if n.kind == "Technology"]
    assert (tech.label, tech.label_en, tech.alt_labels) == (
        "操作系统",
        "Operating system",
        ("网络操作系统",),
    )


def test_major_attributes_and_level_from_code() -> None:
    facts = extract_standard(_doc(), Context(BASE))
    (major,) = [n for n in facts.nodes if n.kind == "Major"]
    assert major.attrs["level"] == "高职专科"
    assert major.attrs["studyYears"] == "三年"
    assert major.iri.endswith("/major/510202")


def test_a_technology_in_a_course_name_points_at_the_source_through_repairs() -> None:
    # The reader repaired "S7-1200  编程" (two spaces in the source) to one space: the
    # mention's span must still be the source's, found through the section's offsets.
    src = "专业核心课程：网络基础、S7-1200  编程。"
    text = "网络基础、S7-1200 编程。"
    start = src.index("网络基础")
    cut = text.index(" ") + 1
    offsets = tuple(range(start, start + cut)) + tuple(
        range(start + cut + 1, start + len(text) + 1)
    )
    doc = Document(
        "d1",
        "standards/5102计算机类.md",
        "moe-standard",
        "h",
        "utf-8",
        [Section("d1", "core_courses", "510202", text, start, len(src), offsets, {})],
    )
    lexicons = Lexicons(
        load_skill_lexicon(), load_technology_lexicon(TECHNOLOGIES), load_equivalences()
    )
    facts = extract_standard(doc, Context(BASE, lexicons=lexicons))
    labels = {n.iri: n.label for n in facts.nodes}
    (edge,) = [e for e in facts.edges if e.kind == "relatedTo"]
    assert (labels[edge.source], labels[edge.target]) == ("S7-1200 编程", "西门子 S7-1200")
    assert src[edge.provenance.start : edge.provenance.end] == "S7-1200"
