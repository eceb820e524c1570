"""Snapshots of two tags read together: only around the changed documents, same diff.

The pair: the fixture corpus (tag ``2024``) and a copy whose one standard lists one more
core course of 软件技术 (510203) and gives it four study years instead of three (tag
``2025``). Every other document is unchanged, so both tags hold the same graph for it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from graphbuilder import pipeline
from graphbuilder.algorithms.diff import GraphDiff, diff_snapshots
from graphbuilder.model.iris import node_iri
from graphbuilder.pipeline import build
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.version_reads import QuadReader, SnapshotBuilder
from graphbuilder.store.versions import read_pair, read_snapshot, snapshots_of

BASE = "https://w3id.org/graphbuilder/id/"
NEW_COURSE = "职业沟通与礼仪"
STANDARD = "moe/standards/5102计算机类.md"
MAJOR = f"{BASE}major/510203"


def _edit_standard(corpus: Path) -> None:
    (std,) = corpus.glob("moe/standards/*.md")
    text = std.read_text(encoding="utf-8")
    head, sep, tail = text.partition("专业代码 510203")
    assert sep and "基本修业年限 三年" in tail
    tail = tail.replace("基本修业年限 三年", "基本修业年限 四年", 1).replace(
        "专业核心课程：面向对象程序设计、", f"专业核心课程：{NEW_COURSE}、面向对象程序设计、", 1
    )
    assert NEW_COURSE in tail
    std.write_text(head + sep + tail, encoding="utf-8")


@pytest.fixture(scope="module")
def tagged(tmp_path_factory: pytest.TempPathFactory, fixture_corpus: Path) -> Path:
    """A store holding the pair as tags 2024 and 2025 (documents only: no derived stages)."""
    root = tmp_path_factory.mktemp("versions")
    shutil.copytree(fixture_corpus, root / "new")
    _edit_standard(root / "new")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "DERIVED_STAGES", [])
        build([fixture_corpus], root / "store", tag="2024")
        build([root / "new"], root / "store", tag="2025")
    return root / "store"


@pytest.fixture
def store(tagged: Path) -> Iterator[OxigraphStore]:
    st = OxigraphStore(tagged, BASE, read_only=True)
    yield st
    st.close()


def _whole(store: OxigraphStore, old: str, new: str) -> GraphDiff:
    tags, paths = store.tags(), store.graph_paths()
    return diff_snapshots(
        read_snapshot(store, tags[old], paths, old), read_snapshot(store, tags[new], paths, new)
    )


def test_two_tags_share_all_graphs_but_the_edited_documents(store: OxigraphStore) -> None:
    tags = store.tags()
    only = {g.value for g in set(tags["2024"]) ^ set(tags["2025"])}
    paths = store.graph_paths()
    assert sorted(paths[g] for g in only) == [STANDARD, STANDARD]


def test_a_pair_of_tags_reads_only_the_changed_documents_graphs(
    store: OxigraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    subjects_of: list[str] = []
    whole: list[str] = []
    graph_subjects, read_graph = QuadReader.graph_subjects, QuadReader.read_graph

    def spy_subjects(self: QuadReader, g: NamedNode) -> set[str]:
        subjects_of.append(g.value)
        return graph_subjects(self, g)

    def spy_read(self: QuadReader, g: NamedNode, builder: SnapshotBuilder) -> None:
        whole.append(g.value)
        read_graph(self, g, builder)

    monkeypatch.setattr(QuadReader, "graph_subjects", spy_subjects)
    monkeypatch.setattr(QuadReader, "read_graph", spy_read)
    d = diff_snapshots(*snapshots_of("2024", "2025", store))

    tags, paths = store.tags(), store.graph_paths()
    assert whole == []
    assert sorted(subjects_of) == sorted(g.value for g in set(tags["2024"]) ^ set(tags["2025"]))
    assert [paths[g] for g in subjects_of] == [STANDARD, STANDARD]
    course = node_iri(BASE, "Course", NEW_COURSE)
    assert {k: [n.iri for n in v] for k, v in d.nodes_added.items()} == {"Course": [course]}
    assert d.nodes_removed == {} and d.edges_removed == {}
    ((edge,),) = d.edges_added.values()
    assert (edge.source, edge.kind, edge.target, edge.documents) == (
        MAJOR,
        "hasPart",
        course,
        [STANDARD],
    )
    ((changed,),) = d.nodes_changed.values()
    assert changed.iri == MAJOR and changed.before is not None and changed.after is not None
    differ = {k for k in changed.before.keys() | changed.after.keys()}
    differ = {k for k in differ if changed.before.get(k) != changed.after.get(k)}
    assert differ == {"studyYears"}
    assert (changed.before["studyYears"], changed.after["studyYears"]) == (["三年"], ["四年"])
    assert changed.before["code"] == ["510203"] and changed.after["label"] == ["软件技术"]
    # the major is typed by three documents; two are unchanged, read only around the major
    assert changed.documents == [STANDARD, "moe/专业-职业对照表.xlsx", "moe/职业教育专业目录.xlsx"]
    assert changed.majors == ["510203"]


@pytest.mark.parametrize(("old", "new"), [("2024", "2025"), ("2025", "2024"), ("2024", "2024")])
def test_the_diff_of_a_pair_read_is_the_diff_of_the_whole_versions(
    store: OxigraphStore, old: str, new: str
) -> None:
    tags = store.tags()
    pair = read_pair(store, (old, tags[old]), (new, tags[new]), store.graph_paths())
    assert diff_snapshots(*pair).model_dump() == _whole(store, old, new).model_dump()


def test_a_pair_read_holds_less_than_the_whole_versions(store: OxigraphStore) -> None:
    tags = store.tags()
    old, new = read_pair(store, ("2024", tags["2024"]), ("2025", tags["2025"]), {})
    whole = read_snapshot(store, tags["2025"], {}, "2025")
    assert MAJOR in new.kinds and len(new.kinds) < len(whole.kinds)
    assert new.edges < whole.edges
    assert old.name == "2024" and new.name == "2025"


def test_versions_sharing_no_graph_are_read_whole(
    store: OxigraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole: list[str] = []
    read_graph = QuadReader.read_graph

    def spy_read(self: QuadReader, g: NamedNode, builder: SnapshotBuilder) -> None:
        whole.append(g.value)
        read_graph(self, g, builder)

    monkeypatch.setattr(QuadReader, "read_graph", spy_read)
    tags = store.tags()
    old = [g for g in tags["2024"] if g not in tags["2025"]]
    new = [g for g in tags["2025"] if g not in tags["2024"]]
    a, b = read_pair(store, ("a", old), ("b", new), store.graph_paths())
    assert sorted(whole) == sorted(g.value for g in old + new)
    assert node_iri(BASE, "Course", NEW_COURSE) in b.kinds.keys() - a.kinds.keys()
