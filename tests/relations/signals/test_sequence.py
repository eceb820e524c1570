from __future__ import annotations

from pathlib import Path

from graphbuilder.model import Edge, Facts, Node, Provenance
from graphbuilder.relations.index import CurriculumIndex
from graphbuilder.relations.inputs import read_curriculum
from graphbuilder.relations.signals.sequence import sequence
from graphbuilder.relations.texts import TextPiece
from graphbuilder.store.oxigraph import OxigraphStore
from tests.relations.curriculum_store import BASE, Major, iri, standard_facts, write_facts

CHAPTERS = ["JavaScript 入门", "数据类型", "对象", "函数", "数组"]


def _textbook(tmp_path: Path, chapters: list[str]) -> CurriculumIndex:
    prov = Provenance(doc_id="book", start=0, end=1, extractor="t", version="1")
    course = iri("Course", "JavaScript 教程")
    nodes = [Node(iri=course, kind="Course", label="JavaScript 教程", provenance=prov)]
    edges = []
    for n, title in enumerate(chapters, start=1):
        m = iri("Module", title)
        nodes.append(Node(iri=m, kind="Module", label=title, provenance=prov))
        edges.append(
            Edge(source=course, kind="hasPart", target=m, attrs={"ordinal": n}, provenance=prov)
        )
    store = OxigraphStore(tmp_path / "s", BASE)
    write_facts(store, Facts(doc_id="book", nodes=nodes, edges=edges), "books/js/chapters.yml")
    return CurriculumIndex(read_curriculum(store))


def test_each_chapter_follows_the_one_before_and_the_ones_its_text_names(tmp_path: Path) -> None:
    ix = _textbook(tmp_path, CHAPTERS)
    texts = {iri("Module", "数组"): [TextPiece("数组是一种特殊的对象，……")]}
    got = {
        (ix.label(e.concept), ix.label(e.prerequisite)): e.confidence for e in sequence(ix, texts)
    }
    assert got == {
        ("数据类型", "JavaScript 入门"): 0.35,
        ("对象", "数据类型"): 0.35,
        ("函数", "对象"): 0.35,
        ("数组", "函数"): 0.35,
        ("数组", "对象"): 0.6,
    }


def test_majors_course_lists_are_no_sequence(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "m", BASE)
    write_facts(store, standard_facts([Major("510201", "x", foundation=["甲课程", "乙课程"])]))
    assert list(sequence(CurriculumIndex(read_curriculum(store)), {})) == []
