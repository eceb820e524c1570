"""国家职业技能标准 records → occupation, tasks, atomic skills, knowledge points."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuilder.extract import EXTRACTORS, LEXICON_DEPENDENT, Context
from graphbuilder.extract.occupations import extract_occupations
from graphbuilder.extract.skill_standard import extract_skill_standard
from graphbuilder.ingest import read_document
from graphbuilder.ingest.skill_standard import KIND, read_skill_standard
from graphbuilder.model import Document, Facts, Section
from graphbuilder.model.iris import node_iri
from graphbuilder.store.mapping import facts_quads
from graphbuilder.store.oxigraph import DocumentRecord, OxigraphStore
from graphbuilder.store.validate import validate_store

BASE = "https://w3id.org/graphbuilder/id/"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "skill_standards" / "4-04-01-03.jsonl"
CODE = "4-04-01-03"


@pytest.fixture(scope="module")
def read() -> tuple[Document, Facts, str]:
    doc = read_document(FIXTURE, FIXTURE.parent)
    return doc, extract_skill_standard(doc, Context(BASE)), FIXTURE.read_text("utf-8")


def test_registered_for_its_kind() -> None:
    assert EXTRACTORS[KIND] is extract_skill_standard
    assert KIND in LEXICON_DEPENDENT  # its skills come from the skill lexicon


def test_exact_nodes(read: tuple[Document, Facts, str]) -> None:
    _, facts, _ = read
    nodes = {(n.kind, n.label, n.label_en, tuple(sorted(n.attrs.items()))) for n in facts.nodes}
    assert nodes == {
        ("Occupation", CODE, CODE, (("code", CODE),)),
        (
            "Task",
            "网络设备安装",
            None,
            (("notation", "1.1"), ("occupationalFunction", "设备安装"), ("skillLevel", "五级")),
        ),
        (
            "Task",
            "网络设备调试",
            None,
            (("notation", "2.1"), ("occupationalFunction", "设备调试"), ("skillLevel", "四级")),
        ),
        ("Task", "培训", None, (("notation", "4.1"), ("skillLevel", "二级"))),
        (
            "Skill",
            "安装交换机和路由器",
            None,
            (("skillAction", "安装"), ("skillObject", "交换机和路由器")),
        ),
        ("Skill", "制作双绞线", None, (("skillAction", "制作"), ("skillObject", "双绞线"))),
        ("Skill", "测试双绞线", None, (("skillAction", "测试"), ("skillObject", "双绞线"))),
        (
            "Skill",
            "配置交换机的VLAN",
            None,
            (("skillAction", "配置"), ("skillObject", "交换机的VLAN")),
        ),
        ("Skill", "编写培训讲义", None, (("skillAction", "编写"), ("skillObject", "培训讲义"))),
        ("KnowledgePoint", "网络设备安装规范", None, ()),
        ("KnowledgePoint", "综合布线基础知识", None, ()),
        ("KnowledgePoint", "VLAN原理知识", None, ()),
        ("Technology", "路由与交换", "Routing and switching", ()),
        ("Technology", "VLAN", "VLAN", ()),
    }


def test_exact_edges_with_levels_and_evidence(read: tuple[Document, Facts, str]) -> None:
    _, facts, source = read
    label = {n.iri: n.label for n in facts.nodes}
    edges = {
        (
            label[e.source],
            e.kind,
            label[e.target],
            tuple(sorted(e.attrs.items())),
            source[e.provenance.start : e.provenance.end],
        )
        for e in facts.edges
    }
    five = (("ordinal", 1), ("proficiency", "能够"), ("skillLevel", "五级"))
    five_2 = (("ordinal", 2), ("proficiency", "能够"), ("skillLevel", "五级"))
    four = (("ordinal", 1), ("proficiency", "能够"), ("skillLevel", "四级"))
    two = (("ordinal", 1), ("proficiency", "能够"), ("skillLevel", "二级"))
    install, wiring = "网络设备安装规范", "综合布线基础知识"
    assert edges == {
        (CODE, "performs", "网络设备安装", (), "网络设备安装"),
        (CODE, "performs", "网络设备调试", (), "网络设备调试"),
        (CODE, "performs", "培训", (), "培训"),
        ("网络设备安装", "needsSkill", "安装交换机和路由器", five, "安装交换机和路由器"),
        ("网络设备安装", "needsSkill", "制作双绞线", five_2, "制作、测试双绞线"),
        ("网络设备安装", "needsSkill", "测试双绞线", five_2, "测试双绞线"),
        ("网络设备调试", "needsSkill", "配置交换机的VLAN", four, "配置交换机的VLAN"),
        ("培训", "needsSkill", "编写培训讲义", two, "编写培训讲义"),
        ("安装交换机和路由器", "requires", install, (), install),
        ("安装交换机和路由器", "requires", wiring, (), wiring),
        ("制作双绞线", "requires", install, (), install),
        ("制作双绞线", "requires", wiring, (), wiring),
        ("测试双绞线", "requires", install, (), install),
        ("测试双绞线", "requires", wiring, (), wiring),
        ("配置交换机的VLAN", "requires", "VLAN原理知识", (), "VLAN原理知识"),
        ("安装交换机和路由器", "relatedTo", "路由与交换", (), "交换机"),
        ("配置交换机的VLAN", "relatedTo", "路由与交换", (), "交换机"),
        ("配置交换机的VLAN", "relatedTo", "VLAN", (), "VLAN"),
    }


def test_provenance_names_document_extractor_and_confidence(
    read: tuple[Document, Facts, str],
) -> None:
    doc, facts, _ = read
    kinds = {n.iri: n.kind for n in facts.nodes}
    assert {n.provenance.doc_id for n in facts.nodes} | {
        e.provenance.doc_id for e in facts.edges
    } == {doc.doc_id}
    by_kind = {(n.kind, n.provenance.extractor, n.provenance.confidence) for n in facts.nodes}
    assert ("Occupation", "skill-standard", 0.9) in by_kind  # its code is the file name's
    assert {(k, x) for k, x, _ in by_kind} == {
        ("Occupation", "skill-standard"),
        ("Task", "skill-standard"),
        ("KnowledgePoint", "skill-standard"),
        ("Skill", "graphbuilder.SkillSplitter"),
        ("Technology", "graphbuilder.TechnologyMatcher"),
    }
    requires = [e for e in facts.edges if e.kind == "requires"]
    assert {(e.provenance.extractor, e.provenance.confidence) for e in requires} == {
        ("skill-standard", 0.6)
    }
    assert {kinds[e.source] for e in requires} == {"Skill"}
    assert all(e.provenance.version for e in facts.edges)


def test_bad_records_are_warnings_with_file_and_line(read: tuple[Document, Facts, str]) -> None:
    _, facts, _ = read
    assert facts.warnings == [
        "line 3: not JSON (Expecting ',' delimiter at column 35)",
        "line 4: missing key func",
        "line 5: 'skills' is str, not a list",
        "line 6: unknown level '六级' (expected 五级/初级工 … 一级/高级技师)",
        "line 8: skills[1] is not a string",
        "line 8: skills[2] is empty",
    ]


def _doc(sections: list[Section], path: str, kind: str) -> Document:
    return Document(sections[0].doc_id, path, kind, "h", "utf-8", sections)


def test_same_occupation_node_as_the_dictionary_and_a_named_record_labels_it() -> None:
    line = json.dumps(
        {
            "code": CODE,
            "name": "网络设备调试员",
            "level": "三级/高级工",
            "func": "设备调试",
            "work": "链路测试",
            "skills": ["1.1.1 能诊断网络链路故障"],
            "knowledge": [],
        },
        ensure_ascii=False,
    )
    standard = _doc(read_skill_standard("s", line, "std.jsonl"), "std.jsonl", KIND)
    facts = extract_skill_standard(standard, Context(BASE))
    (occupation,) = [n for n in facts.nodes if n.kind == "Occupation"]
    assert (occupation.label, occupation.label_en) == ("网络设备调试员", None)
    assert occupation.provenance.confidence == 1.0
    src = "网络设备调试员"
    dictionary = _doc(
        [Section("o", "occupation", CODE, src, 0, len(src), (), {"code": CODE, "name": src})],
        "class_4.md",
        "occupation-dictionary",
    )
    (theirs,) = extract_occupations(dictionary, Context(BASE)).nodes
    assert occupation.iri == theirs.iri == node_iri(BASE, "Occupation", CODE, coded=True)


def test_knowledge_without_any_skill_is_a_warning() -> None:
    line = json.dumps(
        {"level": "五级", "func": "", "work": "巡检", "skills": [], "knowledge": ["巡检规范"]},
        ensure_ascii=False,
    )
    doc = _doc(read_skill_standard("s", line, "4-04-01-03.jsonl"), "x/4-04-01-03.jsonl", KIND)
    facts = extract_skill_standard(doc, Context(BASE))
    assert facts.warnings == [
        "line 1: 工作内容 巡检: knowledge but no atomic skill to attach it to"
    ]
    assert [n.label for n in facts.nodes if n.kind == "KnowledgePoint"] == ["巡检规范"]


def test_written_to_a_store_with_the_dictionary_it_validates(
    read: tuple[Document, Facts, str], tmp_path: Path
) -> None:
    doc, facts, _ = read
    src = "网络设备调试员"
    dictionary = _doc(
        [Section("o", "occupation", CODE, src, 0, len(src), (), {"code": CODE, "name": src})],
        "class_4.md",
        "occupation-dictionary",
    )
    store = OxigraphStore(tmp_path / "store", BASE)
    try:
        for d, f in ((doc, facts), (dictionary, extract_occupations(dictionary, Context(BASE)))):
            rec = DocumentRecord(d.doc_id, d.path, d.kind, "h", "fp", "utf-8", "b")
            quads = list(facts_quads(BASE, f, store.graph_name(d.doc_id, "fp"), "b"))
            store.replace_document(rec, quads)
        report = validate_store(store)
        assert report.conforms, report.text
        occupation = node_iri(BASE, "Occupation", CODE, coded=True)
        rows = store.query(
            f"SELECT ?l WHERE {{ <{occupation}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}"
        )
        labels = sorted((str(r[0].value), r[0].language) for r in rows)
        assert labels == [(CODE, "en"), (src, "zh")]  # the dictionary's name is the Chinese one
    finally:
        store.close()
