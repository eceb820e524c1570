"""inferred_teachers: the courses of a step's majors that share its technology or its words."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from graphbuilder.algorithms import learning_path, load_graph
from graphbuilder.algorithms.path_teachers import inferred_teachers
from graphbuilder.model import Edge, Facts, Node, Provenance
from graphbuilder.model.iris import node_iri
from graphbuilder.store.mapping import facts_quads, term
from graphbuilder.store.oxigraph import DocumentRecord, OxigraphStore
from graphbuilder.store.reviews import set_review

BASE = "https://w3id.org/graphbuilder/id/"


@pytest.fixture
def G() -> nx.DiGraph[str]:
    """Two majors (计算机应用技术 teaches 应用数据库; 护理 teaches nothing of it) and an
    occupation whose task needs 维护服务器, a skill no major teaches."""
    g: nx.DiGraph[str] = nx.DiGraph()
    nodes = {
        "cs": ("Major", "计算机应用技术", None),
        "nurse": ("Major", "护理", None),
        "db_skill": ("Skill", "应用数据库", "数据库"),
        "server": ("Skill", "维护服务器", "服务器"),
        "db": ("Course", "数据库技术及应用", None),
        "ds": ("Course", "数据结构", None),
        "sql": ("Course", "SQL 编程", None),
        "web": ("Course", "Web前端开发", None),
        "srv": ("Course", "服务器配置与管理", None),
        "care": ("Course", "数据库护理信息学", None),
        "tech_db": ("Technology", "数据库技术", None),
        "occ": ("Occupation", "运维工程技术人员", None),
        "task": ("Task", "维护服务器", None),
    }
    for n, (kind, label, obj) in nodes.items():
        g.add_node(n, kind=kind, label=label, **({"object": obj} if obj else {}))
    g.add_edge("cs", "db_skill", kind="teaches")
    g.add_edges_from([("cs", c) for c in ("db", "ds", "sql", "web", "srv")], kind="hasPart")
    g.add_edge("nurse", "care", kind="hasPart")
    g.add_edges_from([("sql", "tech_db"), ("db_skill", "tech_db")], kind="alignsTo")
    g.add_edges_from([("occ", "task")], kind="performs")
    g.add_edge("task", "server", kind="needsSkill")
    g.add_edge("cs", "occ", kind="preparesFor")
    return g


def _labels(G: nx.DiGraph[str], n: str) -> list[tuple[str, str]]:
    return [(t.label, t.how) for t in inferred_teachers(G, n)]


def test_a_shared_technology_ranks_before_shared_words_and_part_words_drop(
    G: nx.DiGraph[str],
) -> None:
    # SQL 编程 shares the technology; 数据库技术及应用 the word; 数据结构 only 数据, a part
    # of 数据库 (dropped, since better ones exist); the other major's course is no candidate.
    assert _labels(G, "db_skill") == [("SQL 编程", "technology"), ("数据库技术及应用", "wording")]
    first, second = inferred_teachers(G, "db_skill")
    assert first.shared == ("数据库技术",) and second.shared == ("数据库",)
    assert {first.through, second.through} == {"teaches"}


def test_part_words_count_when_nothing_better_exists(G: nx.DiGraph[str]) -> None:
    G.remove_nodes_from(["db", "sql"])
    assert _labels(G, "db_skill") == [("数据结构", "wording")]


def test_a_task_skill_takes_the_courses_of_the_majors_preparing_for_its_occupation(
    G: nx.DiGraph[str],
) -> None:
    found = inferred_teachers(G, "server")
    assert [(t.label, t.through, t.shared) for t in found] == [
        ("服务器配置与管理", "preparesFor", ("服务器",))
    ]
    G.remove_edge("cs", "occ")
    assert inferred_teachers(G, "server") == ()


def test_more_of_the_object_covered_and_more_majors_rank_higher(G: nx.DiGraph[str]) -> None:
    G.nodes["db_skill"]["object"] = "网络数据库"
    G.remove_edge("db_skill", "tech_db")
    for c, label in [("n1", "网络数据库开发"), ("n2", "网络基础"), ("n3", "计算机网络")]:
        G.add_node(c, kind="Course", label=label)
        G.add_edge("cs", c, kind="hasPart")
    G.add_node("se", kind="Major", label="软件技术")
    G.add_edge("se", "db_skill", kind="teaches")
    G.add_edge("se", "n3", kind="hasPart")
    labels = [label for label, _ in _labels(G, "db_skill")]
    assert labels[0] == "网络数据库开发"  # covers 网络 and 数据库
    assert labels.index("计算机网络") < labels.index("网络基础")  # listed by two majors


def test_the_list_is_capped_and_only_skills_and_knowledge_points_get_one(
    G: nx.DiGraph[str],
) -> None:
    G.add_node("kp", kind="KnowledgePoint", label="数据库")
    G.add_edge("cs", "kp", kind="teaches")
    assert _labels(G, "kp") == [("数据库技术及应用", "wording")]  # its label is its object
    assert inferred_teachers(G, "db") == ()
    for i in range(8):
        G.add_node(f"c{i}", kind="Course", label=f"数据库实训{i}")
        G.add_edge("cs", f"c{i}", kind="hasPart")
    assert len(inferred_teachers(G, "db_skill")) == 5
    assert len(inferred_teachers(G, "db_skill", limit=2)) == 2


def test_a_path_keeps_direct_teachers_and_infers_only_without_one(G: nx.DiGraph[str]) -> None:
    item = learning_path(G, "db_skill").stages[-1][0]
    assert item.taught_by == () and [t.label for t in item.taught_by_inferred] == [
        "SQL 编程",
        "数据库技术及应用",
    ]
    G.add_edge("web", "db_skill", kind="teaches")
    item = learning_path(G, "db_skill").stages[-1][0]
    assert [r.label for r in item.taught_by] == ["Web前端开发"]
    assert item.taught_by_inferred == ()


def _write(store: OxigraphStore, doc: str, nodes: list[Node], edges: list[Edge]) -> None:
    rec = DocumentRecord(doc, f"{doc}.md", "k", "h", f"fp{doc}", "utf-8", "b")
    facts = Facts(doc_id=doc, nodes=nodes, edges=edges)
    store.replace_document(
        rec, facts_quads(BASE, facts, store.graph_name(doc, rec.fingerprint), "b")
    )


def test_load_graph_gives_skill_objects_chinese_labels_and_drops_rejected_alignments(
    tmp_path: Path,
) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    p = Provenance(doc_id="std", start=0, end=1, extractor="t", version="1")
    iri = {k: node_iri(BASE, kind, k) for k, kind in [
        ("m", "Major"), ("s", "Skill"), ("c", "Course"), ("t", "Technology")]}  # fmt: skip
    nodes = [
        Node(iri=iri["m"], kind="Major", label="计算机应用技术", provenance=p),
        Node(iri=iri["s"], kind="Skill", label="应用数据库", provenance=p,
             attrs={"skillObject": "数据库"}),
        Node(iri=iri["c"], kind="Course", label="SQL 编程", provenance=p),
        Node(iri=iri["t"], kind="Technology", label="数据库技术", label_en="Database",
             provenance=p),
    ]  # fmt: skip
    edges = [
        Edge(source=iri["m"], kind="teaches", target=iri["s"], provenance=p),
        Edge(source=iri["m"], kind="hasPart", target=iri["c"], provenance=p),
        Edge(source=iri["s"], kind="alignsTo", target=iri["t"], provenance=p),
        Edge(source=iri["c"], kind="alignsTo", target=iri["t"], provenance=p),
    ]
    _write(store, "std", nodes, edges)
    G = load_graph(store)
    assert G.nodes[iri["s"]]["object"] == "数据库"
    assert G.nodes[iri["t"]]["label"] == "数据库技术"
    assert [t.label for t in inferred_teachers(G, iri["s"])] == ["SQL 编程"]
    fact = (iri["c"], term("alignsTo").value, iri["t"])
    set_review(store, fact, "rejected", reviewer="ed")
    assert inferred_teachers(load_graph(store), iri["s"]) == ()
