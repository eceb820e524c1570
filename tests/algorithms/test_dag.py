from __future__ import annotations

import networkx as nx

from graphbuilder.algorithms import display_graph, prerequisite_closure, prerequisite_levels


def _chain() -> nx.DiGraph[str]:
    g: nx.DiGraph[str] = nx.DiGraph()
    g.add_edges_from([("d", "c"), ("c", "b"), ("b", "a"), ("d", "a"), ("d", "b")], kind="requires")
    g.add_edge("m", "d", kind="hasPart")
    return g


def test_display_drops_implied_edges_and_the_closure_keeps_them() -> None:
    g = _chain()
    assert sorted(display_graph(g).edges) == [("b", "a"), ("c", "b"), ("d", "c")]
    assert prerequisite_closure(g, "d") == {"a", "b", "c"}
    assert prerequisite_closure(g, "m") == set()  # hasPart is no prerequisite


def test_levels_count_the_longest_chain_of_needs() -> None:
    assert prerequisite_levels(_chain()) == {"a": 0, "b": 1, "c": 2, "d": 3}
