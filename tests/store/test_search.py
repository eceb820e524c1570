from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.pipeline import build
from graphbuilder.settings import Settings
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.search import IndexEntry, LabelIndex

BASE = "https://w3id.org/graphbuilder/id/"
M1, M2 = f"{BASE}major/510201", f"{BASE}major/510203"

ENTRIES = [
    IndexEntry("x:net", "Course", ("计算机网络技术",), majors=frozenset({M1})),
    IndexEntry("x:net-kp", "KnowledgePoint", ("计算机网络",), majors=frozenset({M1, M2})),
    IndexEntry("x:db", "Course", ("数据库技术及应用",), majors=frozenset({M2})),
    IndexEntry("x:py", "Technology", ("Python",), label_en="Python"),
    IndexEntry("x:torch", "Technology", ("PyTorch",), label_en="PyTorch"),
    IndexEntry("x:win", "Technology", ("Microsoft Windows Server",)),
    IndexEntry("x:r", "Technology", ("R",)),
    IndexEntry("x:alt", "Skill", ("具备程序设计能力", "编程")),
]


@pytest.fixture
def index() -> LabelIndex:
    return LabelIndex(ENTRIES)


@pytest.mark.parametrize(
    ("query", "mode", "expected"),
    [
        ("计算机网络", "prefix", ["x:net-kp", "x:net"]),  # exact before prefix
        ("网络", "prefix", []),  # inside a label: not a prefix
        ("网络", "substring", ["x:net-kp", "x:net"]),  # the shorter label first
        ("ＰＹＴＨＯＮ", "prefix", ["x:py"]),  # full-width and case are normalised
        ("windows server", "substring", ["x:win"]),  # spaces do not matter
        ("编程", "prefix", ["x:alt"]),  # alternative labels are searched
        ("pyton", "substring", []),
        ("pyton", "fuzzy", ["x:py", "x:torch"]),  # the closer spelling first
        ("pyton", "auto", ["x:py", "x:torch"]),  # nothing matched exactly: fuzzy
        ("python", "auto", ["x:py"]),  # something matched: no fuzzy tier
        ("pt", "fuzzy", []),  # too short for near matches (no label holds "pt")
    ],
)
def test_tiers_and_modes(index: LabelIndex, query: str, mode: str, expected: list[str]) -> None:
    assert [h.iri for h in index.search(query, mode=mode).hits] == expected  # type: ignore[arg-type]


def test_a_short_label_is_no_near_match_of_a_longer_query(index: LabelIndex) -> None:
    hits = index.search("windows serer", mode="fuzzy").hits
    assert [h.iri for h in hits] == ["x:win"]
    assert hits[0].match == "fuzzy" and hits[0].score < 80


def test_scores_order_the_tiers(index: LabelIndex) -> None:
    hits = index.search("计算机网络", mode="fuzzy").hits
    assert [(h.match, h.score) for h in hits[:2]] == [("exact", 100.0), ("prefix", 96.43)]


def test_kind_and_major_filters(index: LabelIndex) -> None:
    assert [h.iri for h in index.search("计算机", kinds=("Course",)).hits] == ["x:net"]
    assert [h.iri for h in index.search("网络", major=M2).hits] == ["x:net-kp"]
    assert index.search("数据库", major=M1).total == 0


def test_pagination_keeps_the_total(index: LabelIndex) -> None:
    first = index.search("p", mode="prefix", limit=1)
    second = index.search("p", mode="prefix", limit=1, offset=1)
    assert first.total == second.total == 2
    assert {first.hits[0].iri, second.hits[0].iri} == {"x:py", "x:torch"}
    assert index.search("p", mode="prefix", offset=5).hits == []


def test_blank_query_finds_nothing(index: LabelIndex) -> None:
    assert index.search("  ").total == 0


def test_upsert_and_remove(index: LabelIndex) -> None:
    index.upsert([IndexEntry("x:res", "Resource", ("网络布线微课",))])
    assert [h.iri for h in index.search("网络布线").hits] == ["x:res"]
    index.upsert([IndexEntry("x:res", "Resource", ("交换机配置",))])
    assert index.search("网络布线").total == 0
    index.remove(["x:res", "x:unknown"])
    assert index.get("x:res") is None and len(index) == len(ENTRIES)


def test_exact_lookup(index: LabelIndex) -> None:
    assert [e.iri for e in index.exact(" 计算机网络 ")] == ["x:net-kp"]
    assert index.exact("计算机网络", ("Course",)) == []


def test_from_store_indexes_labels_kinds_and_majors(tmp_path: Path, fixture_corpus: Path) -> None:
    build([fixture_corpus], tmp_path / "s", settings=Settings())
    index = LabelIndex.from_store(OxigraphStore(tmp_path / "s", BASE, read_only=True))
    major = index.get(f"{BASE}major/510201")
    assert major is not None and major.kind == "Major" and major.label == "计算机应用技术"
    tech = index.exact("Apache Hadoop")
    assert [e.kind for e in tech] == ["Technology"] and tech[0].label_en == "Apache Hadoop"
    # A course of 510201 belongs to it; 510203 does not have it.
    (course,) = index.exact("数据库技术及应用", ("Course",))
    assert f"{BASE}major/510201" in course.majors
    assert f"{BASE}major/510203" not in course.majors
    # An occupation the major prepares for, and that occupation's tasks, belong to it.
    occupation = index.get(f"{BASE}occupation/2-02-10-03")
    assert occupation is not None and occupation.majors
    hits = index.search("软件", kinds=("Task",), major=next(iter(occupation.majors)))
    assert hits.total > 0
