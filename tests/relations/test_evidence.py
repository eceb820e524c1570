from __future__ import annotations

from graphbuilder.relations.evidence import Evidence, combine


def test_one_plain_claim_makes_an_alternative_needed() -> None:
    edges = combine(
        [
            Evidence("b", "a", "continuation", 0.5, "x", group="continuation"),
            Evidence("b", "a", "skill-course", 0.4, "y"),
            Evidence("b", "c", "continuation", 0.5, "z", group="continuation"),
        ]
    )
    assert edges[("b", "a")].group == ""
    assert edges[("b", "c")].group == "continuation"


def test_a_concept_never_requires_itself_and_evidence_is_strongest_first() -> None:
    edges = combine(
        [
            Evidence("a", "a", "s", 0.9, "self"),
            Evidence("b", "a", "s1", 0.3, "weak"),
            Evidence("b", "a", "s2", 0.8, "strong"),
        ]
    )
    assert list(edges) == [("b", "a")]
    assert [e.note for e in edges[("b", "a")].evidence] == ["strong", "weak"]
