"""Recognised terms in prose: cleaned, typed, resolved, owned, with their own provenance."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from graphbuilder.extract import Context
from graphbuilder.extract.course_standard import extract_course_standard
from graphbuilder.extract.recognised import CONFIDENCE, Recognised, TrainedRecogniser, clean
from graphbuilder.extract.textbook import extract_textbook
from graphbuilder.ingest import read_document
from graphbuilder.model.iris import node_iri

DOCS = Path(__file__).resolve().parents[1] / "fixtures" / "docs"
CHAPTER = DOCS / "javascript-tutorial" / "docs" / "basic" / "introduction.md"
BASE = "https://x.org/id/"


class Listed:
    """A recogniser that labels every occurrence of the words it was given (a test double)."""

    name = "listed"
    version = "1"
    fingerprint = "listed-1"

    def __init__(self, words: dict[str, str]) -> None:
        self.words = words
        self.texts: list[str] = []

    def __call__(self, texts: Sequence[str]) -> list[list[Recognised]]:
        self.texts.extend(texts)
        return [self.find(text) for text in texts]

    def find(self, text: str) -> list[Recognised]:
        found = []
        for word, label in self.words.items():
            i = text.find(word)
            while i >= 0:
                found.append(Recognised(word, i, i + len(word), label))
                i = text.find(word, i + 1)
        return found


def test_clean_trims_quotes_and_drops_what_cannot_be_a_term() -> None:
    assert clean(Recognised("《宿主环境》", 0, 6, "TER")) == Recognised("宿主环境", 1, 5, "TER")
    for text in ("A", "”（", "12", "浏览器，服务器", "f(x", "一" * 30):
        assert clean(Recognised(text, 0, len(text), "TER")) is None, text


def test_paragraph_terms_belong_to_their_chapter_with_their_own_provenance() -> None:
    doc = read_document(CHAPTER, DOCS)
    words = {"对象模型": "CON", "Node": "TOO", "宿主环境": "TER", "，嵌入": "TER"}
    rec = Listed(words)
    facts = extract_textbook(doc, Context(BASE, recogniser=rec))
    chapter = node_iri(BASE, "Module", doc.path)
    nodes = {n.iri: n for n in facts.nodes}
    found = {
        (e.kind, nodes[e.target].kind, nodes[e.target].label)
        for e in facts.edges
        if e.provenance.extractor == "listed"
    }
    assert ("teaches", "KnowledgePoint", "对象模型") in found
    assert ("relatedTo", "Technology", "Node") in found
    # 宿主环境 is a term the chapter defines: the rule's fact keeps its own provenance.
    rule = next(n for n in facts.nodes if n.label == "宿主环境")
    assert rule.provenance.extractor == "textbook"
    assert ("teaches", "KnowledgePoint", "宿主环境") not in found
    assert all(e.source == chapter for e in facts.edges if e.provenance.extractor == "listed")
    assert not any(label.startswith("，") for _, _, label in found)
    model = next(n for n in facts.nodes if n.label == "对象模型")
    prov = model.provenance
    assert (prov.extractor, prov.version, prov.confidence) == ("listed", "1", CONFIDENCE)
    source = CHAPTER.read_text(encoding="utf-8")
    assert source[prov.start : prov.end] == "对象模型"
    assert rec.texts and all(t in source for t in rec.texts)  # paragraphs, not headings


def test_a_technology_the_lexicon_knows_resolves_to_its_concept() -> None:
    doc = read_document(DOCS / "course-standard-python.txt", DOCS)
    rec = Listed({"Python": "TOO"})
    facts = extract_course_standard(doc, Context(BASE, recogniser=rec))
    tech = [n for n in facts.nodes if n.kind == "Technology"]
    assert tech, "the goals name Python"
    assert {(n.label, n.label_en) for n in tech} == {("Python 语言", "Python")}
    course = node_iri(BASE, "Course", "Python程序设计")
    assert any(e.source == course and e.kind == "relatedTo" for e in facts.edges)


def test_without_a_recogniser_prose_adds_nothing() -> None:
    doc = read_document(CHAPTER, DOCS)
    facts = extract_textbook(doc, Context(BASE))
    assert {e.provenance.extractor for e in facts.edges} == {"textbook"}


@pytest.fixture(scope="module")
def trained() -> TrainedRecogniser:
    return TrainedRecogniser()


def test_the_shipped_recogniser_finds_terms_in_a_real_chapter(trained: TrainedRecogniser) -> None:
    doc = read_document(CHAPTER, DOCS)
    facts = extract_textbook(doc, Context(BASE, recogniser=trained))
    recognised = [n for n in facts.nodes if n.provenance.extractor == trained.name]
    assert recognised, "a chapter of prose names some term"
    assert {n.kind for n in recognised} <= {"KnowledgePoint", "Technology"}
    assert all(clean(Recognised(n.label, 0, len(n.label), "TER")) for n in recognised)
    assert len(trained.fingerprint) == 16


def test_a_folder_without_a_pipeline_is_a_clear_error(tmp_path: Path) -> None:
    from graphbuilder.errors import InputError

    with pytest.raises(InputError, match="not a spaCy pipeline"):
        TrainedRecogniser(tmp_path)


def test_running_the_recogniser_or_changing_it_re_extracts_prose_documents(
    tmp_path: Path,
) -> None:
    import shutil

    from graphbuilder.pipeline import build

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CHAPTER, corpus / "introduction.md")
    store = tmp_path / "store"

    def status(recogniser: Listed | None = None) -> str:
        summary = build([corpus], store, recogniser=recogniser)
        return next(o.status for o in summary.outcomes if o.path == "introduction.md")

    assert status() == "built"
    rec = Listed({"对象模型": "CON"})
    assert (status(rec), status(rec)) == ("built", "unchanged")
    rec.fingerprint = "listed-2"
    assert (status(rec), status()) == ("built", "built")
