"""Diff of two versions built from a fixture pair: a course added, a technology removed."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from graphbuilder import pipeline
from graphbuilder.algorithms.diff import diff_snapshots
from graphbuilder.model.iris import node_iri
from graphbuilder.pipeline import build
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.versions import snapshot_of

BASE = "https://w3id.org/graphbuilder/id/"
NEW_COURSE = "职业沟通与礼仪"  # no technology term: the diff is one course


@pytest.fixture(autouse=True)
def _documents_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The expected diff is over the documents' facts; derived stages are tested apart."""
    monkeypatch.setattr(pipeline, "DERIVED_STAGES", [])
    yield


def _pair(fixture_corpus: Path, tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(fixture_corpus, old)
    shutil.copytree(fixture_corpus, new)
    (std,) = new.glob("moe/standards/*.md")
    text = std.read_text(encoding="utf-8")
    line = "专业核心课程：面向对象程序设计、数据结构、"
    assert line in text
    std.write_text(
        text.replace(line, f"专业核心课程：{NEW_COURSE}、面向对象程序设计、数据结构、"), "utf-8"
    )
    (onet,) = new.glob("onet/*.txt")
    rows = onet.read_text(encoding="utf-8").splitlines(keepends=True)
    onet.write_text("".join(r for r in rows if "\tApache Hadoop\t" not in r), "utf-8")
    return old, new


def test_tags_diff_exactly(fixture_corpus: Path, tmp_path: Path) -> None:
    old, new = _pair(fixture_corpus, tmp_path)
    store_dir = tmp_path / "store"
    build([old], store_dir, tag="2024")
    build([new], store_dir, tag="2025")
    store = OxigraphStore(store_dir, BASE, read_only=True)
    d = diff_snapshots(snapshot_of("2024", store), snapshot_of("2025", store))

    course = node_iri(BASE, "Course", NEW_COURSE)
    hadoop = node_iri(BASE, "Technology", "Apache Hadoop")
    assert {k: [n.iri for n in v] for k, v in d.nodes_added.items()} == {"Course": [course]}
    assert {k: [n.iri for n in v] for k, v in d.nodes_removed.items()} == {"Technology": [hadoop]}
    assert d.nodes_changed == {}
    assert list(d.edges_added) == ["hasPart"]
    (edge,) = d.edges_added["hasPart"]
    assert (edge.source_label, edge.target_label, edge.majors) == (
        "软件技术",
        NEW_COURSE,
        ["510203"],
    )
    assert edge.documents == ["moe/standards/5102计算机类.md"]
    assert d.edges_removed == {}
    assert d.nodes_added["Course"][0].majors == ["510203"]
    assert d.nodes_removed["Technology"][0].documents == ["onet/Technology Skills.txt"]
    assert d.by_major["510203"].edges_added == 1


def test_two_stores_diff_like_two_tags(fixture_corpus: Path, tmp_path: Path) -> None:
    old, new = _pair(fixture_corpus, tmp_path)
    build([old], tmp_path / "a")
    build([new], tmp_path / "b")
    d = diff_snapshots(
        snapshot_of(str(tmp_path / "a"), None), snapshot_of(str(tmp_path / "b"), None)
    )
    assert [n.label for n in d.nodes_added["Course"]] == [NEW_COURSE]
    assert [n.label for n in d.nodes_removed["Technology"]] == ["Apache Hadoop"]


def test_an_unknown_version_is_a_clear_error(fixture_corpus: Path, tmp_path: Path) -> None:
    build([fixture_corpus], tmp_path / "s", tag="2025")
    store = OxigraphStore(tmp_path / "s", BASE, read_only=True)
    from graphbuilder.errors import NotFoundError

    with pytest.raises(NotFoundError, match="tags: 2025"):
        snapshot_of("2019", store)


def test_a_node_renamed_by_one_of_its_documents_is_changed() -> None:
    from graphbuilder.store.versions import Snapshot

    code: dict[str, tuple[tuple[str, str], ...]] = {"m": (("code", "210102"),)}
    old = Snapshot("a", kinds={"m": "Major"}, labels={"m": "作物生产与品质改良"}, attrs=code)
    names = ("作物生产与品质改良", "作物生产与品质改良（修订）")
    new = Snapshot(
        "b", kinds={"m": "Major"}, labels={"m": names[0]}, names={"m": names}, attrs=code
    )
    d = diff_snapshots(old, new)
    ((change,),) = d.nodes_changed.values()
    assert change.before == {"code": ["210102"], "label": ["作物生产与品质改良"]}
    assert change.after == {"code": ["210102"], "label": list(names)}
    assert diff_snapshots(new, new).nodes_changed == {}
