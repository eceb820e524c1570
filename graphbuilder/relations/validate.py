"""Validation of the prerequisite graph: no cycles, with a recorded reason for every cut.

A prerequisite cycle (A needs B, B needs C, C needs A) makes every member unreachable, so
it is always a mistake of inference. Each cycle is broken at its weakest inferred edge
(lowest confidence, then fewest signals, then IRI order, so the cut is deterministic), and
the cut is recorded with the whole cycle. Edges a person accepted are never cut; a cycle
made only of accepted edges is reported and left for a person to resolve.

OR groups (alternatives, "either of these courses") need no check here: an edge's group is
part of the edge; :mod:`graphbuilder.algorithms` satisfies a group with any one member.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx

from graphbuilder.relations.evidence import Prerequisite


@dataclass(frozen=True, slots=True)
class CycleCut:
    """An edge removed to break a cycle, and why.

    Attributes:
        edge: the removed edge ``(concept, prerequisite)``.
        confidence: its confidence.
        cycle: the cycle it was on, as concept IRIs (each requires the next, the last the
            first).
        reason: the reason in words.
    """

    edge: tuple[str, str]
    confidence: float
    cycle: tuple[str, ...]
    reason: str


def _weakest(
    cycle: list[tuple[str, str]], edges: dict[tuple[str, str], Prerequisite]
) -> tuple[str, str] | None:
    auto = [e for e in cycle if edges[e].review != "accepted"]
    if not auto:
        return None
    return min(auto, key=lambda e: (edges[e].confidence, len(edges[e].signals), e))


def break_cycles(
    edges: dict[tuple[str, str], Prerequisite],
    label: Callable[[str], str] = str,
) -> tuple[list[CycleCut], list[tuple[str, ...]]]:
    """Remove the weakest inferred edge of every cycle, in place.

    Args:
        edges: ``(concept, prerequisite)`` → edge; cut edges are removed from it.
        label: names a node in the recorded reasons.

    Returns:
        The cuts, and the cycles left because a person accepted every edge on them.

    >>> from graphbuilder.relations.evidence import Prerequisite as P
    >>> es = {("a", "b"): P("a", "b", 0.9), ("b", "a"): P("b", "a", 0.4)}
    >>> cuts, left = break_cycles(es)
    >>> [c.edge for c in cuts], sorted(es), left
    ([('b', 'a')], [('a', 'b')], [])
    """
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_edges_from(sorted(edges))  # the cycle found first must not depend on dict order
    cuts: list[CycleCut] = []
    stuck: list[tuple[str, ...]] = []
    while True:
        components = [c for c in nx.strongly_connected_components(g) if len(c) > 1]
        if not components:
            break
        for comp in sorted(components, key=min):
            sub = g.subgraph(comp)
            while True:
                try:
                    cycle = [(u, v) for u, v in nx.find_cycle(sub, source=min(comp))]
                except nx.NetworkXNoCycle:
                    break
                cut = _weakest(cycle, edges)
                nodes = tuple(u for u, _ in cycle)
                if cut is None:
                    stuck.append(nodes)
                    g.remove_edges_from(cycle)  # reported; stop looking at it
                    sub = g.subgraph(comp)
                    continue
                e = edges.pop(cut)
                g.remove_edge(*cut)
                sub = g.subgraph(comp)
                path = " → ".join(label(n) for n in (*nodes, nodes[0]))
                reason = (
                    f"cycle {path} (each requires the next): removed "
                    f"「{label(cut[0])}」 requires 「{label(cut[1])}」, the weakest edge "
                    f"(confidence {e.confidence:.2f}, signals {', '.join(e.signals) or '-'})"
                )
                cuts.append(CycleCut(cut, e.confidence, nodes, reason))
    return cuts, stuck


def acyclic(edges: Iterable[tuple[str, str]]) -> bool:
    """Whether the edges form no cycle.

    >>> acyclic([("a", "b"), ("b", "c")]), acyclic([("a", "b"), ("b", "a")])
    (True, False)
    """
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_edges_from(edges)
    return bool(nx.is_directed_acyclic_graph(g))
