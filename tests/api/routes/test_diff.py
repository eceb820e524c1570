"""``GET /api/v1/diff`` on a store holding the fixture pair as two tags.

The pair is the one of ``tests/algorithms/test_diff.py``: the new version's standard lists one
more core course of 软件技术 (510203) and its O*NET excerpt lacks Apache Hadoop.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from graphbuilder import pipeline
from graphbuilder.model.iris import node_iri
from graphbuilder.pipeline import build
from tests.api.conftest import BASE

NEW_COURSE = "职业沟通与礼仪"
COURSE = node_iri(BASE, "Course", NEW_COURSE)
HADOOP = node_iri(BASE, "Technology", "Apache Hadoop")


def _pair(corpus: Path, root: Path) -> tuple[Path, Path]:
    old, new = root / "old", root / "new"
    shutil.copytree(corpus, old)
    shutil.copytree(corpus, new)
    (std,) = new.glob("moe/standards/*.md")
    line = "专业核心课程：面向对象程序设计、数据结构、"
    text = std.read_text(encoding="utf-8")
    assert line in text
    std.write_text(text.replace(line, f"专业核心课程：{NEW_COURSE}、{line[7:]}"), "utf-8")
    (onet,) = new.glob("onet/*.txt")
    rows = onet.read_text(encoding="utf-8").splitlines(keepends=True)
    onet.write_text("".join(r for r in rows if "\tApache Hadoop\t" not in r), "utf-8")
    return old, new


@pytest.fixture(scope="module")
def tagged_store(tmp_path_factory: pytest.TempPathFactory, fixture_corpus: Path) -> Path:
    """The pair built into one store as tags 2024 and 2025 (documents only, as in the
    library's diff test: the derived stages' output is not what this diff is about)."""
    root = tmp_path_factory.mktemp("pair")
    old, new = _pair(fixture_corpus, root)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "DERIVED_STAGES", [])
        build([old], root / "store", tag="2024")
        build([new], root / "store", tag="2025")
    return root / "store"


@pytest.fixture
def store_dir(tagged_store: Path, tmp_path: Path) -> Path:
    """A private copy of the tagged store (the app takes its write lock)."""
    shutil.copytree(tagged_store, tmp_path / "store")
    return tmp_path / "store"


def test_the_diff_of_two_tags_is_exact(client: TestClient) -> None:
    r = client.get("/api/v1/diff", params={"old": "2024", "new": "2025"})
    assert r.status_code == 200, r.text
    d = r.json()
    assert (d["old"], d["new"]) == ("2024", "2025")
    assert {k: [n["iri"] for n in v] for k, v in d["nodes_added"].items()} == {"Course": [COURSE]}
    assert {k: [n["iri"] for n in v] for k, v in d["nodes_removed"].items()} == {
        "Technology": [HADOOP]
    }
    assert d["nodes_changed"] == {} and d["edges_removed"] == {}
    (edge,) = d["edges_added"]["hasPart"]
    assert edge == {
        "source": f"{BASE}major/510203",
        "source_label": "软件技术",
        "kind": "hasPart",
        "target": COURSE,
        "target_label": NEW_COURSE,
        "majors": ["510203"],
        "documents": ["moe/standards/5102计算机类.md"],
    }
    assert d["nodes_removed"]["Technology"][0]["documents"] == ["onet/Technology Skills.txt"]
    assert d["by_major"] == {
        "510203": {
            "label": "软件技术",
            "nodes_added": 1,
            "nodes_removed": 0,
            "nodes_changed": 0,
            "edges_added": 1,
            "edges_removed": 0,
        }
    }
    # The other way round, the course is removed and the technology added.
    back = client.get("/api/v1/diff", params={"old": "2025", "new": "2024"}).json()
    assert [n["iri"] for n in back["nodes_removed"]["Course"]] == [COURSE]
    assert [n["iri"] for n in back["nodes_added"]["Technology"]] == [HADOOP]


@pytest.mark.parametrize(
    ("params", "added", "removed"),
    [
        ({"kind": "Course"}, {"Course": [COURSE]}, {}),
        ({"kind": "Technology"}, {}, {"Technology": [HADOOP]}),
        ({"major": "510203"}, {"Course": [COURSE]}, {}),
        ({"major": "510202"}, {}, {}),
    ],
)
def test_filters(
    client: TestClient, params: dict[str, str], added: dict[str, list[str]], removed: object
) -> None:
    r = client.get("/api/v1/diff", params={"old": "2024", "new": "2025", **params})
    assert r.status_code == 200, r.text
    d = r.json()
    assert {k: [n["iri"] for n in v] for k, v in d["nodes_added"].items()} == added
    assert {k: [n["iri"] for n in v] for k, v in d["nodes_removed"].items()} == removed
    if "major" in params:
        assert set(d["by_major"]) <= {params["major"]}


def test_the_same_tag_twice_is_an_empty_diff(client: TestClient) -> None:
    d = client.get("/api/v1/diff", params={"old": "2025", "new": "2025"}).json()
    sections = ("nodes_added", "nodes_removed", "nodes_changed", "edges_added", "edges_removed")
    assert all(d[s] == {} for s in sections) and d["by_major"] == {}


def test_an_unknown_tag_is_404_with_the_known_tags(client: TestClient) -> None:
    r = client.get("/api/v1/diff", params={"old": "2019", "new": "2025"})
    assert r.status_code == 404
    assert r.headers["content-type"] == "application/problem+json"
    assert "'2019'" in r.json()["detail"] and "tags: 2024, 2025" in r.json()["detail"]


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"new": "2025"}, "missing: old"),
        ({"old": "2024"}, "missing: new"),
        ({}, "missing: old, new"),
        ({"old": "2024", "new": "2025", "kind": "Lesson"}, "unknown kind 'Lesson'"),
    ],
)
def test_bad_requests_are_400(client: TestClient, params: dict[str, str], needle: str) -> None:
    r = client.get("/api/v1/diff", params=params)
    assert r.status_code == 400
    assert r.headers["content-type"] == "application/problem+json"
    assert needle in r.json()["detail"]


def test_a_store_directory_is_not_a_version(client: TestClient, store_dir: Path) -> None:
    # The CLI takes a store path; the API names only the served store's tags.
    r = client.get("/api/v1/diff", params={"old": str(store_dir), "new": "2025"})
    assert r.status_code == 422
