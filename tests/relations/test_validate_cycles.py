from __future__ import annotations

from graphbuilder.relations.evidence import Evidence, Prerequisite
from graphbuilder.relations.validate import acyclic, break_cycles


def _edge(a: str, b: str, conf: float, review: str = "auto") -> Prerequisite:
    return Prerequisite(a, b, conf, [Evidence(a, b, "s", conf, "n")], review=review)


def test_the_weakest_edge_of_each_cycle_is_cut_with_the_reason() -> None:
    edges = {
        k: _edge(*k, c)
        for k, c in {
            ("a", "b"): 0.9,
            ("b", "c"): 0.5,
            ("c", "a"): 0.7,
            ("x", "y"): 0.6,
            ("y", "x"): 0.4,
        }.items()
    }
    cuts, stuck = break_cycles(edges, label=str.upper)
    assert sorted(c.edge for c in cuts) == [("b", "c"), ("y", "x")]
    assert stuck == []
    assert acyclic(edges)
    reason = next(c.reason for c in cuts if c.edge == ("b", "c"))
    assert "「B」 requires 「C」" in reason and "0.50" in reason and "A → B → C → A" in reason


def test_accepted_edges_are_never_cut_and_a_cycle_of_them_is_reported() -> None:
    edges = {("a", "b"): _edge("a", "b", 1.0, "accepted"), ("b", "a"): _edge("b", "a", 0.9)}
    cuts, _ = break_cycles(edges)
    assert [c.edge for c in cuts] == [("b", "a")]
    both = {
        ("a", "b"): _edge("a", "b", 1.0, "accepted"),
        ("b", "a"): _edge("b", "a", 1.0, "accepted"),
    }
    cuts, stuck = break_cycles(both)
    assert cuts == [] and len(stuck) == 1 and set(both) == {("a", "b"), ("b", "a")}


def test_ties_are_cut_the_same_way_every_time() -> None:
    def run() -> list[tuple[str, str]]:
        edges = {k: _edge(*k, 0.5) for k in [("a", "b"), ("b", "c"), ("c", "a")]}
        return [c.edge for c in break_cycles(edges)[0]]

    assert run() == run() == [("a", "b")]


def test_the_cut_does_not_depend_on_the_order_the_edges_are_given_in() -> None:
    # Two cycles share a→b: a→b→a (weakest b→a) and a→b→c→a (weakest a→b). Which one the
    # search met first used to follow the edges' insertion order (a set's, in the stage).
    conf = {("a", "b"): 0.5, ("b", "a"): 0.4, ("b", "c"): 0.9, ("c", "a"): 0.9}

    def cut(order: list[tuple[str, str]]) -> list[tuple[str, str]]:
        edges = {k: _edge(*k, conf[k]) for k in order}
        return [c.edge for c in break_cycles(edges)[0]]

    forward = cut(sorted(conf))
    assert forward == cut(sorted(conf, reverse=True)) == cut([("b", "c"), *sorted(conf)])
    assert forward == [("b", "a"), ("a", "b")]
