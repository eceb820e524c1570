from __future__ import annotations

from pathlib import Path

from graphbuilder.relations.evidence import Span
from graphbuilder.relations.signals.text import cues, refd
from graphbuilder.relations.texts import TextPiece
from tests.relations.curriculum_store import Major, index_of, iri


def test_stated_prerequisites_and_successors_become_edges(tmp_path: Path) -> None:
    ix = index_of(
        tmp_path,
        [
            Major(
                "510201",
                "计算机应用技术",
                foundation=["程序设计基础", "计算机导论"],
                core=["数据库技术及应用", "数据分析方法"],
            )
        ],
    )
    db = iri("Course", "数据库技术及应用")
    span = Span("doc", 3, 9)
    texts = {
        db: [
            TextPiece("本课程的先修课程：程序设计基础、计算机导论。后续课程为数据分析方法。", span),
        ]
    }
    got = {(ix.label(e.concept), ix.label(e.prerequisite)) for e in cues(ix, texts)}
    assert got == {
        ("数据库技术及应用", "程序设计基础"),
        ("数据库技术及应用", "计算机导论"),
        ("数据分析方法", "数据库技术及应用"),
    }


def test_in_the_basis_of_cue_needs_a_known_name(tmp_path: Path) -> None:
    ix = index_of(
        tmp_path, [Major("510201", "x", foundation=["程序设计基础"], core=["Web 前端开发"])]
    )
    web = iri("Course", "Web 前端开发")
    texts = {web: [TextPiece("在程序设计基础的基础上，学习网页开发；以良好习惯为基础。")]}
    got = {(ix.label(e.concept), ix.label(e.prerequisite)) for e in cues(ix, texts)}
    assert got == {("Web 前端开发", "程序设计基础")}


def test_refd_orders_two_courses_by_what_their_texts_refer_to(tmp_path: Path) -> None:
    ix = index_of(
        tmp_path, [Major("510201", "x", foundation=["程序设计"], core=["数据库应用开发"])]
    )
    prog, db = iri("Course", "程序设计"), iri("Course", "数据库应用开发")
    texts = {
        db: [TextPiece("数据库应用开发要求学生掌握程序设计，能编写程序访问数据库。")],
        prog: [TextPiece("程序设计讲授变量、循环与函数。")],
    }
    got = [(e.concept, e.prerequisite) for e in refd(ix, texts)]
    assert got == [(db, prog)]
