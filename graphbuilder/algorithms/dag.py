"""The prerequisite graph inside a graph: views, closures, levels, a reduction for display.

Conventions (those of :func:`graphbuilder.algorithms.graph.load_graph`): an edge
``u → v`` with ``kind="requires"`` means *u requires v* (v is learnt first); it may carry
``confidence`` and ``group``. Edges of one node that share a non-empty ``group`` are
alternatives, any one of which suffices (OR); all other prerequisites are needed (AND).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import networkx as nx

REQUIRES = "requires"


def prerequisites(
    G: nx.DiGraph[Any], node: Hashable, min_confidence: float = 0.0
) -> tuple[list[Any], dict[str, list[Any]]]:
    """The direct prerequisites of ``node``: the needed ones, and the OR groups.

    >>> G = nx.DiGraph()
    >>> G.add_edge("c", "a", kind="requires")
    >>> G.add_edge("c", "b1", kind="requires", group="g")
    >>> G.add_edge("c", "b2", kind="requires", group="g")
    >>> prerequisites(G, "c")
    (['a'], {'g': ['b1', 'b2']})
    """
    plain: list[Any] = []
    groups: dict[str, list[Any]] = {}
    for v, d in G.succ[node].items():
        if d.get("kind") != REQUIRES or d.get("confidence", 1.0) < min_confidence:
            continue
        group = d.get("group", "")
        if group:
            groups.setdefault(group, []).append(v)
        else:
            plain.append(v)
    return sorted(plain, key=str), {g: sorted(m, key=str) for g, m in sorted(groups.items())}


def requires_graph(G: nx.DiGraph[Any], min_confidence: float = 0.0) -> nx.DiGraph[Any]:
    """A new graph of the ``requires`` edges only (with their attributes).

    >>> G = nx.DiGraph()
    >>> G.add_edges_from([("m", "c")], kind="hasPart")
    >>> G.add_edge("c", "a", kind="requires")
    >>> list(requires_graph(G).edges)
    [('c', 'a')]
    """
    H: nx.DiGraph[Any] = nx.DiGraph()
    H.add_edges_from(
        (u, v, d)
        for u, v, d in G.edges(data=True)
        if d.get("kind") == REQUIRES and d.get("confidence", 1.0) >= min_confidence
    )
    return H


def prerequisite_closure(G: nx.DiGraph[Any], node: Hashable) -> set[Any]:
    """Everything ``node`` requires, directly or not (OR-group members included).

    >>> G = nx.DiGraph()
    >>> G.add_edges_from([("c", "b"), ("b", "a")], kind="requires")
    >>> sorted(prerequisite_closure(G, "c"))
    ['a', 'b']
    """
    seen: set[Any] = set()
    stack = [node]
    while stack:
        u = stack.pop()
        for v, d in G.succ[u].items():
            if d.get("kind") == REQUIRES and v not in seen:
                seen.add(v)
                stack.append(v)
    seen.discard(node)
    return seen


def display_graph(G: nx.DiGraph[Any], nodes: Iterable[Hashable] | None = None) -> nx.DiGraph[Any]:
    """The transitive reduction of the ``requires`` edges (among ``nodes``), for display.

    An edge implied by a longer chain (c → a when c → b → a) is left out of the picture; the
    full closure stays queryable with :func:`prerequisite_closure`. A cycle (only a person's
    accepted edges can leave one) is kept as it is.

    >>> G = nx.DiGraph()
    >>> G.add_edges_from([("c", "b"), ("b", "a"), ("c", "a")], kind="requires")
    >>> sorted(display_graph(G).edges)
    [('b', 'a'), ('c', 'b')]
    """
    H = requires_graph(G)
    if nodes is not None:
        H = H.subgraph(nodes).copy()
    if not nx.is_directed_acyclic_graph(H):
        return H
    R: nx.DiGraph[Any] = nx.transitive_reduction(H)
    R.add_nodes_from(H.nodes)
    R.add_edges_from((u, v, H.edges[u, v]) for u, v in R.edges)
    return R


def prerequisite_levels(G: nx.DiGraph[Any], min_confidence: float = 0.0) -> dict[Any, int]:
    """The level of every node that takes part in a ``requires`` edge.

    Level 0 needs nothing; otherwise one more than its highest needed prerequisite, where an
    OR group counts as its lowest member. Members of a cycle share a level.

    >>> G = nx.DiGraph()
    >>> G.add_edges_from([("c", "b"), ("b", "a"), ("c", "a")], kind="requires")
    >>> G.add_edge("d", "c", kind="requires", group="g")
    >>> G.add_edge("d", "a", kind="requires", group="g")
    >>> sorted(prerequisite_levels(G).items())
    [('a', 0), ('b', 1), ('c', 2), ('d', 1)]
    """
    H = requires_graph(G, min_confidence)
    C = nx.condensation(H)
    members: dict[int, list[Any]] = {}
    for n, comp in C.graph["mapping"].items():
        members.setdefault(comp, []).append(n)
    levels: dict[Any, int] = {}
    for comp in reversed(list(nx.topological_sort(C))):
        level = 0
        for n in members[comp]:
            plain, groups = prerequisites(H, n, min_confidence)
            needed = [levels[v] for v in plain if v in levels]
            needed += [min(levels.get(v, 0) for v in m) for m in groups.values()]
            level = max([level, *(x + 1 for x in needed)])
        for n in members[comp]:
            levels[n] = level
    return levels
