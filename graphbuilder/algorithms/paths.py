"""Learning paths: what to learn, in what order, to reach a target (a skill, a course…).

:func:`learning_path` takes the prerequisite closure of the target, leaves out what the
learner already has (and what that already needs), satisfies each OR group with one
member (one the learner has, else the most confident), and stages the rest with
:func:`networkx.topological_generations`: everything in a stage can be learnt once the
earlier stages are done. Each item lists the courses that teach it (or, when the graph
names none, those that probably do: :mod:`graphbuilder.algorithms.path_teachers`), the
resources linked to it, its direct prerequisites on the path (transitively reduced, for
display) and the alternatives it was chosen over.

An occupation or a work task requires nothing, but needs skills: the skills it needs
(occupation —needsSkill→ skill, occupation —performs→ task —needsSkill→ skill) are its
prerequisites, each with its own as usual.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from graphbuilder.algorithms.dag import REQUIRES, prerequisites
from graphbuilder.algorithms.path_teachers import InferredTeacher, inferred_teachers

_TEACHERS = frozenset({"Course", "Module"})
_NEEDERS = frozenset({"Occupation", "Task"})


@dataclass(frozen=True, slots=True)
class Ref:
    """A node as a path shows it."""

    iri: str
    label: str
    kind: str


@dataclass(frozen=True, slots=True)
class PathItem:
    """One thing to learn on a path.

    Attributes:
        node: the node.
        stage: its stage (0 = first).
        requires: its direct prerequisites on the path (transitively reduced).
        taught_by: the courses and modules that teach it.
        taught_by_inferred: when none does, the courses that probably teach it, best first.
        resources: the teaching resources linked to it.
        alternatives: what could be learnt instead of it: the other members of the OR groups
            it was chosen from.
    """

    node: Ref
    stage: int
    requires: tuple[str, ...] = ()
    taught_by: tuple[Ref, ...] = ()
    taught_by_inferred: tuple[InferredTeacher, ...] = ()
    resources: tuple[Ref, ...] = ()
    alternatives: tuple[Ref, ...] = ()


@dataclass
class LearningPath:
    """The staged path to ``target``; ``stages[-1]`` holds the target itself."""

    target: Ref
    stages: list[list[PathItem]] = field(default_factory=list)
    known: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form."""
        return asdict(self)


def _ref(G: nx.DiGraph[Any], n: Hashable) -> Ref:
    d = G.nodes[n]
    return Ref(str(n), str(d.get("label") or n), str(d.get("kind", "")))


def _needed_skills(G: nx.DiGraph[Any], node: Hashable) -> list[Any]:
    """The skills an occupation (directly or through its tasks) or a task needs."""
    holders = [node]
    if G.nodes[node].get("kind") == "Occupation":
        holders += [t for t, d in G.succ[node].items() if d.get("kind") == "performs"]
    return sorted(
        {
            v
            for h in holders
            for v, d in G.succ[h].items()
            if d.get("kind") == "needsSkill" and G.nodes[v].get("kind") == "Skill"
        },
        key=str,
    )


def _needs(
    G: nx.DiGraph[Any], node: Hashable, min_confidence: float = 0.0
) -> tuple[list[Any], dict[str, list[Any]]]:
    """:func:`prerequisites`, with the skills an occupation or task needs as needed ones."""
    plain, groups = prerequisites(G, node, min_confidence)
    if G.nodes[node].get("kind") in _NEEDERS:
        plain = sorted({*plain, *_needed_skills(G, node)}, key=str)
    return plain, groups


def _has(G: nx.DiGraph[Any], known: Iterable[Hashable]) -> set[Any]:
    """What a learner who has ``known`` has: those and everything they need (not OR groups)."""
    have = {k for k in known if k in G}
    stack = list(have)
    while stack:
        plain, _ = _needs(G, stack.pop())
        for v in plain:
            if v not in have:
                have.add(v)
                stack.append(v)
    return have


def _confidence(G: nx.DiGraph[Any], u: Hashable, v: Hashable) -> float:
    return float(G.edges[u, v].get("confidence", 1.0))


def learning_path(
    G: nx.DiGraph[Any],
    target: Hashable,
    known: Iterable[Hashable] = (),
    *,
    min_confidence: float = 0.0,
) -> LearningPath:
    """The staged prerequisite closure of ``target`` for a learner who has ``known``.

    Args:
        G: the graph (see :func:`graphbuilder.algorithms.graph.load_graph`).
        target: the node to reach.
        known: nodes the learner has; they, and what they need, are left out.
        min_confidence: ``requires`` edges below this are not followed.

    Returns:
        The path; no stages when the learner has the target already.

    Raises:
        KeyError: ``target`` is not in ``G``.

    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("s", {"kind": "Skill", "label": "S"}), ("db", {"label": "DB"}),
    ...                   ("prog", {"label": "Prog"}), ("intro", {"label": "Intro"}),
    ...                   ("x", {"label": "X"}), ("y", {"label": "Y"})])
    >>> G.add_edges_from([("s", "db"), ("db", "prog"), ("prog", "intro"), ("s", "prog")],
    ...                  kind="requires")
    >>> G.add_edge("db", "x", kind="requires", group="g", confidence=0.9)
    >>> G.add_edge("db", "y", kind="requires", group="g", confidence=0.5)
    >>> path = learning_path(G, "s")
    >>> [[i.node.label for i in stage] for stage in path.stages]
    [['Intro', 'X'], ['Prog'], ['DB'], ['S']]
    >>> [a.label for a in path.stages[0][1].alternatives], path.stages[3][0].requires
    (['Y'], ('db',))
    >>> [[i.node.label for i in s] for s in learning_path(G, "s", known=["prog", "y"]).stages]
    [['DB'], ['S']]
    """
    if target not in G:
        raise KeyError(target)
    have = _has(G, known)
    path = LearningPath(_ref(G, target), known=tuple(sorted(str(k) for k in have)))
    if target in have:
        return path
    H: nx.DiGraph[Any] = nx.DiGraph()
    H.add_node(target)
    others: dict[Any, list[Any]] = {}  # chosen OR-group member → the members not chosen
    stack = [target]
    while stack:
        u = stack.pop()
        plain, groups = _needs(G, u, min_confidence)
        chosen = [v for v in plain if v not in have]
        for members in groups.values():
            if any(m in have for m in members):
                continue
            pick = max(members, key=lambda m: (_confidence(G, u, m), -len(str(m)), str(m)))
            chosen.append(pick)
            others.setdefault(pick, []).extend(m for m in members if m != pick)
        for v in chosen:
            if v not in H:
                stack.append(v)
            H.add_edge(v, u)
    path.stages = _stages(G, H, others)
    return path


def _stages(
    G: nx.DiGraph[Any], H: nx.DiGraph[Any], others: dict[Any, list[Any]]
) -> list[list[PathItem]]:
    """Stage ``H`` (edges: prerequisite → dependent); a cycle's members share a stage."""
    if nx.is_directed_acyclic_graph(H):
        C, members = H, {n: [n] for n in H}
    else:  # only a person's accepted edges can leave a cycle: its members share a stage
        C = nx.condensation(H)
        members = {}
        for n, comp in C.graph["mapping"].items():
            members.setdefault(comp, []).append(n)
    shown = nx.transitive_reduction(C)
    stages: list[list[PathItem]] = []
    for i, generation in enumerate(nx.topological_generations(C)):
        items = []
        for comp in generation:
            before = [m for p in shown.predecessors(comp) for m in members[p]]
            for n in members[comp]:
                items.append(_item(G, n, i, before, sorted(set(others.get(n, [])), key=str)))
        items.sort(key=lambda it: (it.node.kind, it.node.label, it.node.iri))
        stages.append(items)
    return stages


def _item(G: nx.DiGraph[Any], n: Any, stage: int, before: list[Any], alts: list[Any]) -> PathItem:
    taught: list[Ref] = []
    resources: list[Ref] = []
    for u, d in G.pred[n].items():
        kind = G.nodes[u].get("kind")
        if d.get("kind") != "teaches":
            continue
        if kind in _TEACHERS:
            taught.append(_ref(G, u))
        elif kind == "Resource":
            resources.append(_ref(G, u))
    return PathItem(
        node=_ref(G, n),
        stage=stage,
        requires=tuple(sorted(str(b) for b in before)),
        taught_by=tuple(sorted(taught, key=lambda r: (r.label, r.iri))),
        taught_by_inferred=() if taught else inferred_teachers(G, n),
        resources=tuple(sorted(resources, key=lambda r: (r.label, r.iri))),
        alternatives=tuple(sorted((_ref(G, a) for a in alts), key=lambda r: (r.label, r.iri))),
    )


def path_between(
    G: nx.DiGraph[Any], source: Hashable, target: Hashable, *, min_confidence: float = 0.0
) -> list[Any]:
    """The shortest prerequisite chain from ``source`` up to ``target``.

    Each node of the result requires the one before it; ``[]`` when ``target`` does not
    (even indirectly) require ``source``.

    >>> G = nx.DiGraph()
    >>> G.add_edges_from([("c", "b"), ("b", "a"), ("d", "a")], kind="requires")
    >>> path_between(G, "a", "c"), path_between(G, "c", "a")
    (['a', 'b', 'c'], [])
    """
    if source not in G or target not in G:
        raise KeyError(source if source not in G else target)
    parent: dict[Any, Any] = {target: None}
    frontier = [target]
    while frontier and source not in parent:
        nxt = []
        for u in frontier:
            for v, d in G.succ[u].items():
                if (
                    d.get("kind") == REQUIRES
                    and d.get("confidence", 1.0) >= min_confidence
                    and v not in parent
                ):
                    parent[v] = u
                    nxt.append(v)
        frontier = nxt
    if source not in parent:
        return []
    chain = [source]
    while parent[chain[-1]] is not None:
        chain.append(parent[chain[-1]])
    return chain
