from __future__ import annotations

from graphbuilder.extract import Context
from graphbuilder.extract.base import FactBuilder
from graphbuilder.extract.statements import StatementFacts
from graphbuilder.model import Document, Section

BASE = "https://w3id.org/graphbuilder/id/"
SRC = (
    "具备数据库管理能力；\n"
    "具有数据库的管理、钢结构工程施工进度管理能力；\n"
    "能够管理钢结构工程的施工进度\n"
)


def _facts() -> tuple[Document, list[Section]]:
    lines = [line for line in SRC.splitlines() if line]
    sections = [
        Section("d3", "ability", "510202", t, SRC.index(t), SRC.index(t) + len(t)) for t in lines
    ]
    return Document("d3", "s.md", "moe-standard", "h", "utf-8", sections), sections


def test_one_skill_per_key_with_every_surface_form_and_each_mention_on_its_edge() -> None:
    doc, sections = _facts()
    fb = FactBuilder(doc, Context(BASE), "moe-standard")
    statements = StatementFacts(fb, Context(BASE))
    for n, sec in enumerate(sections, start=1):
        statements.statement(sec, f"{BASE}major/51020{n}", "teaches", ordinal=n)
    statements.finish()
    facts = fb.facts()
    skills = {n.iri: n for n in facts.nodes if n.kind == "Skill"}
    by_label = {n.label: n for n in skills.values()}
    assert set(by_label) == {"管理数据库", "管理钢结构工程施工进度"}
    assert set(by_label["管理数据库"].alt_labels) == {"数据库管理", "数据库的管理"}
    # 钢结构工程的施工进度 (的 dropped) and 钢结构工程施工进度 resolve to one skill.
    progress = by_label["管理钢结构工程施工进度"]
    edges = [e for e in facts.edges if e.target == progress.iri]
    assert {e.source[-6:] for e in edges} == {"510202", "510203"}
    for e in edges:
        evidence = SRC[e.provenance.start : e.provenance.end]
        assert "施工进度" in evidence
        assert e.provenance.extractor == "graphbuilder.SkillSplitter"
        assert e.attrs["proficiency"] in {"具备", "能够"}
