"""learning_path and path_between on a small hand-made graph (order constraints, not layout)."""

from __future__ import annotations

import networkx as nx
import pytest

from graphbuilder.algorithms import learning_path, path_between


@pytest.fixture
def G() -> nx.DiGraph[str]:
    g: nx.DiGraph[str] = nx.DiGraph()
    labels = {
        "skill": ("Skill", "具备数据库应用开发能力"),
        "db": ("Course", "数据库技术及应用"),
        "prog": ("Course", "程序设计基础"),
        "intro": ("Course", "计算机导论"),
        "kp": ("KnowledgePoint", "数据库"),
        "c_mid": ("Course", "数据库应用基础（中职）"),
        "c_mid2": ("Course", "数据库操作（中职）"),
        "video": ("Resource", "SQL 入门视频"),
        "major": ("Major", "计算机应用技术"),
    }
    for n, (kind, label) in labels.items():
        g.add_node(n, kind=kind, label=label)
    g.add_edges_from(
        [("skill", "db"), ("skill", "kp"), ("db", "prog"), ("prog", "intro")], kind="requires"
    )
    g.add_edge("db", "c_mid", kind="requires", group="continuation", confidence=0.6)
    g.add_edge("db", "c_mid2", kind="requires", group="continuation", confidence=0.5)
    g.add_edge("major", "db", kind="hasPart")
    g.add_edge("db", "kp", kind="teaches")
    g.add_edge("video", "kp", kind="teaches")
    return g


def _stage_of(path: object) -> dict[str, int]:
    return {i.node.iri: i.stage for s in path.stages for i in s}  # type: ignore[attr-defined]


def test_every_prerequisite_comes_in_an_earlier_stage(G: nx.DiGraph[str]) -> None:
    path = learning_path(G, "skill")
    stage = _stage_of(path)
    assert set(stage) == {"skill", "db", "kp", "prog", "intro", "c_mid"}
    for u, v, d in G.edges(data=True):
        if d["kind"] == "requires" and u in stage and v in stage:
            assert stage[v] < stage[u]
    assert path.stages[-1][0].node.iri == "skill"


def test_items_name_their_teaching_courses_resources_and_alternatives(G: nx.DiGraph[str]) -> None:
    items = {i.node.iri: i for s in learning_path(G, "skill").stages for i in s}
    assert [r.label for r in items["kp"].taught_by] == ["数据库技术及应用"]
    assert [r.label for r in items["kp"].resources] == ["SQL 入门视频"]
    assert [r.iri for r in items["c_mid"].alternatives] == ["c_mid2"]
    assert items["skill"].requires == ("db", "kp")


def test_what_the_learner_has_is_left_out_with_what_it_needs(G: nx.DiGraph[str]) -> None:
    path = learning_path(G, "skill", known=["prog", "c_mid2"])
    assert set(_stage_of(path)) == {"skill", "db", "kp"}
    assert learning_path(G, "skill", known=["skill"]).stages == []


def test_low_confidence_edges_are_not_followed(G: nx.DiGraph[str]) -> None:
    G.edges["db", "prog"]["confidence"] = 0.2
    assert "prog" not in _stage_of(learning_path(G, "skill", min_confidence=0.3))


def test_a_cycle_of_accepted_edges_shares_a_stage(G: nx.DiGraph[str]) -> None:
    G.add_edge("intro", "prog", kind="requires")
    stage = _stage_of(learning_path(G, "skill"))
    assert stage["intro"] == stage["prog"] < stage["db"]


def test_path_between_and_unknown_nodes(G: nx.DiGraph[str]) -> None:
    assert path_between(G, "intro", "skill") == ["intro", "prog", "db", "skill"]
    assert path_between(G, "skill", "intro") == []
    with pytest.raises(KeyError):
        learning_path(G, "nope")


@pytest.fixture
def occupation(G: nx.DiGraph[str]) -> nx.DiGraph[str]:
    """G with an occupation: one task needs the skill, the occupation itself needs another."""
    G.add_node("occ", kind="Occupation", label="数据库运维人员")
    G.add_node("task", kind="Task", label="维护数据库")
    G.add_node("backup", kind="Skill", label="备份数据")
    G.add_node("tune", kind="Skill", label="优化查询")
    G.add_edge("occ", "task", kind="performs")
    G.add_edge("task", "skill", kind="needsSkill")
    G.add_edge("task", "backup", kind="needsSkill")
    G.add_edge("occ", "tune", kind="needsSkill")
    G.add_edge("tune", "db", kind="requires")
    return G


def test_an_occupation_needs_its_tasks_skills_and_their_prerequisites(
    occupation: nx.DiGraph[str],
) -> None:
    path = learning_path(occupation, "occ")
    stage = _stage_of(path)
    assert {"skill", "backup", "tune", "db", "prog", "intro", "kp"} <= set(stage)
    assert "task" not in stage  # the task is how the need is known, not a thing to learn
    assert path.stages[-1][0].node.iri == "occ"
    assert path.stages[-1][0].requires == ("backup", "skill", "tune")
    for u, v, d in occupation.edges(data=True):
        if d["kind"] == "requires" and u in stage and v in stage:
            assert stage[v] < stage[u]
    assert stage["db"] < stage["tune"] < stage["occ"]


def test_a_task_needs_its_skills_and_known_skills_leave_an_occupation_path(
    occupation: nx.DiGraph[str],
) -> None:
    assert set(_stage_of(learning_path(occupation, "task"))) >= {"task", "skill", "backup"}
    known = set(_stage_of(learning_path(occupation, "occ", known=["skill", "tune"])))
    assert known == {"occ", "backup"}
    assert learning_path(occupation, "occ", known=["occ"]).stages == []
    assert "backup" in learning_path(occupation, "skill", known=["task"]).known
