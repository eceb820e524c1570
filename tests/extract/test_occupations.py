from __future__ import annotations

from graphbuilder.extract import Context
from graphbuilder.extract.occupations import extract_occupations
from graphbuilder.model import Document, Section
from graphbuilder.model.iris import node_iri

BASE = "https://w3id.org/graphbuilder/id/"
SRC = (
    "4-04-05-05 人工智能训练师\n"
    "主要工作任务：\n"
    "1. 操作动态心电图仪,描记动态心电图,出具描述性报告；\n"
    "2. 制订、实施企业能源发展策略。\n"
)


def _sec(kind: str, text: str, **attrs: str) -> Section:
    start = SRC.index(text)
    return Section("d2", kind, "4-04-05-05", text, start, start + len(text), (), attrs)


def _doc() -> Document:
    return Document(
        "d2",
        "occupations/class_4.md",
        "occupation-dictionary",
        "h",
        "utf-8",
        [
            _sec("occupation", "人工智能训练师", code="4-04-05-05", name="人工智能训练师"),
            _sec("task", "操作动态心电图仪,描记动态心电图,出具描述性报告", n="1"),
            _sec("task", "制订、实施企业能源发展策略", n="2"),
        ],
    )


def test_each_task_needs_its_atomic_skills_with_spans_into_the_source() -> None:
    facts = extract_occupations(_doc(), Context(BASE))
    nodes = {n.iri: n for n in facts.nodes}
    needs: dict[str, list[tuple[str, str]]] = {}
    for e in facts.edges:
        if e.kind == "needsSkill":
            evidence = SRC[e.provenance.start : e.provenance.end]
            needs.setdefault(nodes[e.source].label, []).append((nodes[e.target].label, evidence))
    assert needs == {
        "操作动态心电图仪,描记动态心电图,出具描述性报告": [
            ("操作动态心电图仪", "操作动态心电图仪"),
            ("描记动态心电图", "描记动态心电图"),
            ("出具描述性报告", "出具描述性报告"),
        ],
        "制订、实施企业能源发展策略": [
            ("制订企业能源发展策略", "制订、实施企业能源发展策略"),
            ("实施企业能源发展策略", "实施企业能源发展策略"),
        ],
    }
    occupation = node_iri(BASE, "Occupation", "4-04-05-05", coded=True)
    assert sum(1 for e in facts.edges if e.kind == "performs" and e.source == occupation) == 2
    skills = [n for n in facts.nodes if n.kind == "Skill"]
    assert all(n.provenance.extractor == "graphbuilder.SkillSplitter" for n in skills)
    # A task states no level: its needsSkill edges carry none.
    assert all("proficiency" not in e.attrs for e in facts.edges if e.kind == "needsSkill")
