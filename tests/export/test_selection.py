"""``--major`` keeps a major and what hangs off it; ``--kind`` keeps kinds; both, both."""

from __future__ import annotations

import pytest

from graphbuilder.errors import NotFoundError
from graphbuilder.export import Selection
from graphbuilder.export.property_graph import GraphReader

BASE = "https://w3id.org/graphbuilder/id/"


def test_everything_is_no_restriction(reader: GraphReader) -> None:
    assert Selection().everything
    assert Selection().resolve(reader) is None


def test_a_major_keeps_its_structure_occupations_tasks_and_certificates(
    reader: GraphReader,
) -> None:
    major = f"{BASE}major/510201"
    kept = Selection(majors=("510201",)).resolve(reader)
    assert kept is not None and major in kept
    for edge in reader.out_edges(major, ("hasPart", "teaches", "preparesFor")):
        assert edge.target in kept
        if edge.kind == "preparesFor":
            assert all(e.target in kept for e in reader.out_edges(edge.target, ("performs",)))
    assert all(e.source in kept for e in reader.in_edges(major, ("certifies",)))
    for other in ("510202", "510203"):
        assert f"{BASE}major/{other}" not in kept
        only_there = {e.target for e in reader.out_edges(f"{BASE}major/{other}", ("hasPart",))} - {
            e.target for e in reader.out_edges(major, ("hasPart",))
        }
        assert not only_there & kept


def test_kinds_alone_and_with_a_major(reader: GraphReader) -> None:
    occupations = Selection(kinds=("Occupation",)).resolve(reader)
    assert occupations == frozenset(reader.node_iris("Occupation"))
    both = Selection(majors=("510202",), kinds=("Occupation",)).resolve(reader)
    assert both is not None and both and both < occupations


@pytest.mark.parametrize(
    ("selection", "error"),
    [
        (lambda: Selection(kinds=("Majr",)), ValueError),
        (lambda: Selection(majors=("999999",)), NotFoundError),
    ],
)
def test_bad_selections_are_clear_errors(
    reader: GraphReader, selection: object, error: type[Exception]
) -> None:
    with pytest.raises(error, match=r"Majr|999999"):
        selection().resolve(reader)  # type: ignore[operator]
