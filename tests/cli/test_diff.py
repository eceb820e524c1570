"""``graphbuilder diff OLD NEW`` on two tags of one store: the fixture corpus and a copy
whose standard lists one more core course of 软件技术 (510203)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from graphbuilder import pipeline
from graphbuilder.cli.app import app
from graphbuilder.model.iris import node_iri
from graphbuilder.pipeline import build

BASE = "https://w3id.org/graphbuilder/id/"
NEW_COURSE = "职业沟通与礼仪"
runner = CliRunner()


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory, fixture_corpus: Path) -> Path:
    """The pair as tags 2024 and 2025 of one store (documents only)."""
    root = tmp_path_factory.mktemp("cli-diff")
    shutil.copytree(fixture_corpus, root / "new")
    (std,) = (root / "new").glob("moe/standards/*.md")
    line = "专业核心课程：面向对象程序设计、"
    text = std.read_text(encoding="utf-8")
    assert text.count(line) == 1
    std.write_text(text.replace(line, f"专业核心课程：{NEW_COURSE}、{line[7:]}"), "utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(pipeline, "DERIVED_STAGES", [])
        build([fixture_corpus], root / "store", tag="2024")
        build([root / "new"], root / "store", tag="2025")
    return root / "store"


def test_json_diff_of_two_tags(store: Path) -> None:
    result = runner.invoke(app, ["diff", "2024", "2025", "--store", str(store), "--json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    course = node_iri(BASE, "Course", NEW_COURSE)
    assert {k: [n["iri"] for n in v] for k, v in d["nodes_added"].items()} == {"Course": [course]}
    assert d["nodes_removed"] == d["nodes_changed"] == d["edges_removed"] == {}
    assert d["edges_added"] == {
        "hasPart": [
            {
                "source": f"{BASE}major/510203",
                "source_label": "软件技术",
                "kind": "hasPart",
                "target": course,
                "target_label": NEW_COURSE,
                "majors": ["510203"],
                "documents": ["moe/standards/5102计算机类.md"],
            }
        ]
    }
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


def test_summary_and_the_reverse_diff(store: Path) -> None:
    result = runner.invoke(app, ["diff", "2025", "2024", "--store", str(store)])
    assert result.exit_code == 0, result.output
    assert "2025 → 2024" in result.output
    assert "510203 软件技术: +0 nodes −1 +0 edges −1" in result.output


def test_an_unknown_tag_fails_clearly(store: Path) -> None:
    result = runner.invoke(app, ["diff", "2019", "2025", "--store", str(store)])
    assert result.exit_code != 0
    assert "tags: 2024, 2025" in str(result.exception) + result.output
