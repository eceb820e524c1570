"""Textbooks → a course, modules in order, knowledge points; the contents meet its chapters."""

from __future__ import annotations

from pathlib import Path

from graphbuilder.extract import Context
from graphbuilder.extract.textbook import extract_nav, extract_textbook
from graphbuilder.ingest import discover, read_document
from graphbuilder.model.iris import node_iri

BOOK = Path(__file__).resolve().parents[1] / "fixtures" / "docs" / "javascript-tutorial"
BASE = "https://x.org/id/"


def _all() -> dict[str, object]:
    out = {}
    for path, root in discover([BOOK]):
        doc = read_document(path, root)
        extract = extract_nav if doc.kind == "textbook-nav" else extract_textbook
        out[doc.path] = extract(doc, Context(BASE))
    return out


def test_the_contents_order_the_chapters_the_files_fill() -> None:
    facts = _all()
    nav = facts["chapters.yml"]
    chapter = node_iri(BASE, "Module", "docs/types/general.md")
    ordered = [(e.attrs["ordinal"], e.target) for e in nav.edges if e.kind == "hasPart"]  # type: ignore[attr-defined]
    assert (1, chapter) in ordered
    inside = facts["docs/types/general.md"]
    labels = {n.iri: n.label for n in inside.nodes}  # type: ignore[attr-defined]
    assert labels[chapter] == "数据类型概述"
    sections = [
        labels[e.target] for e in inside.edges if e.source == chapter and e.kind == "hasPart"
    ]  # type: ignore[attr-defined]
    assert sections == ["typeof 运算符"]
    terms = {labels[e.target] for e in inside.edges if e.source == chapter and e.kind == "teaches"}  # type: ignore[attr-defined]
    assert {"原始类型", "合成类型", "数值"} <= terms


def test_terms_carry_definition_english_label_and_confidence() -> None:
    inside = _all()["docs/types/general.md"]
    term = next(n for n in inside.nodes if n.label == "原始类型")  # type: ignore[attr-defined]
    assert term.label_en == "primitive type"
    assert term.attrs["definition"].startswith("通常，数值、字符串、布尔值这三种类型")
    assert term.provenance.confidence == 0.8
    assert term.iri == node_iri(BASE, "KnowledgePoint", "原始类型")  # shared between documents


def test_a_missing_chapter_file_is_warned_about(tmp_path: Path) -> None:
    (tmp_path / "chapters.yml").write_text(
        "- a/: 第一篇\n- a/one.md: 一\n- a/two.md: 二\n", encoding="utf-8"
    )
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text("# 一\n", encoding="utf-8")
    facts = extract_nav(read_document(tmp_path / "chapters.yml", tmp_path), Context(BASE))
    assert facts.warnings == ["1 chapter file(s) of the contents are not there (e.g. a/two.md)"]
