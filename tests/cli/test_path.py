"""graphbuilder path: staged paths by IRI or label; an ambiguous label lists candidates."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from graphbuilder.cli.app import app
from graphbuilder.cli.path import path_answer
from graphbuilder.model import Edge, Facts, Node, Provenance
from graphbuilder.model.iris import node_iri
from graphbuilder.store.mapping import facts_quads
from graphbuilder.store.oxigraph import DocumentRecord, OxigraphStore

BASE = "https://w3id.org/graphbuilder/id/"
SKILL = "具备数据库应用能力"


def _iri(kind: str, key: str) -> str:
    return node_iri(BASE, kind, key, coded=kind == "Major")


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    """Two majors that state the same ability; one skill needs two courses in order."""
    p = Provenance(doc_id="std", start=0, end=1, extractor="t", version="1")
    nodes = [
        Node(iri=_iri("Major", "510201"), kind="Major", label="计算机应用技术", provenance=p),
        Node(iri=_iri("Major", "510203"), kind="Major", label="软件技术", provenance=p),
        Node(iri=_iri("Skill", "510201-s"), kind="Skill", label=SKILL, provenance=p),
        Node(iri=_iri("Skill", "510203-s"), kind="Skill", label=SKILL, provenance=p),
        Node(iri=_iri("Course", "db"), kind="Course", label="数据库技术及应用", provenance=p),
        Node(iri=_iri("Course", "prog"), kind="Course", label="程序设计基础", provenance=p),
    ]
    edges = [
        Edge(
            source=_iri("Major", "510201"),
            kind="teaches",
            target=_iri("Skill", "510201-s"),
            provenance=p,
        ),
        Edge(
            source=_iri("Major", "510203"),
            kind="teaches",
            target=_iri("Skill", "510203-s"),
            provenance=p,
        ),
        Edge(
            source=_iri("Skill", "510201-s"),
            kind="requires",
            target=_iri("Course", "db"),
            provenance=p,
        ),
        Edge(
            source=_iri("Course", "db"),
            kind="requires",
            target=_iri("Course", "prog"),
            provenance=p,
        ),
    ]
    store = OxigraphStore(tmp_path / "s", BASE)
    rec = DocumentRecord("std", "std.md", "k", "h", "fp", "utf-8", "b")
    facts = Facts(doc_id="std", nodes=nodes, edges=edges)
    store.replace_document(rec, facts_quads(BASE, facts, store.graph_name("std", "fp"), "b"))
    store.close()
    return tmp_path / "s"


def test_a_path_by_iri_is_staged(store_dir: Path) -> None:
    target = _iri("Skill", "510201-s")
    result = CliRunner().invoke(app, ["path", target, "--store", str(store_dir), "--json"])
    assert result.exit_code == 0, result.output
    stages = json.loads(result.stdout)["path"]["stages"]
    assert [[i["node"]["label"] for i in s] for s in stages] == [
        ["程序设计基础"],
        ["数据库技术及应用"],
        [SKILL],
    ]


def test_an_ambiguous_label_lists_the_candidates_with_their_majors(store_dir: Path) -> None:
    result = CliRunner().invoke(app, ["path", SKILL, "--store", str(store_dir), "--json"])
    assert result.exit_code == 1
    answer = json.loads(result.stdout)
    assert "ambiguous" in answer["error"]
    assert sorted(c["majors"][0] for c in answer["candidates"]) == ["计算机应用技术", "软件技术"]


def test_a_unique_label_with_known_items_and_the_text_output(store_dir: Path) -> None:
    args = ["path", "数据库技术及应用", "--store", str(store_dir), "--known", "程序设计基础"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "stage 1:" in result.stdout and "程序设计基础" not in result.stdout


def test_an_unknown_label_suggests_labels_that_contain_it() -> None:
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_node("a", kind="Course", label="数据库技术及应用")
    code, answer = path_answer(g, "数据库", [])
    assert code == 1 and "not found" in answer["error"]
    assert [c["iri"] for c in answer["candidates"]] == ["a"]
    code, answer = path_answer(g, "a", ["没有这门课"])
    assert code == 1 and "known item" in answer["error"]


def test_the_text_output_names_the_courses_that_probably_teach_a_step(store_dir: Path) -> None:
    store = OxigraphStore(store_dir, BASE)
    p = Provenance(doc_id="plan", start=0, end=1, extractor="t", version="1")
    major, course = _iri("Major", "510201"), _iri("Course", "db")
    facts = Facts(
        doc_id="plan", edges=[Edge(source=major, kind="hasPart", target=course, provenance=p)]
    )
    rec = DocumentRecord("plan", "plan.md", "k", "h", "fp", "utf-8", "b")
    store.replace_document(rec, facts_quads(BASE, facts, store.graph_name("plan", "fp"), "b"))
    store.close()
    target = _iri("Skill", "510201-s")
    result = CliRunner().invoke(app, ["path", target, "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    line = next(x for x in result.stdout.splitlines() if SKILL in x and "[Skill]" in x)
    assert "probably taught by 数据库技术及应用" in line
