"""The whole shipped corpus, built once per test run."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.pipeline import BuildSummary, build
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.stats import graph_stats
from graphbuilder.store.validate import validate_store

ROOT = Path(__file__).resolve().parents[1]
BASE = "https://w3id.org/graphbuilder/id/"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildSummary]:
    store = tmp_path_factory.mktemp("national") / "store"
    return store, build([ROOT / "corpora"], store)


def test_every_shipped_document_builds(national: tuple[Path, BuildSummary]) -> None:
    _, summary = national
    assert summary.failed == []
    kinds = [o.kind for o in summary.outcomes if o.status == "built"]
    assert kinds.count("moe-standard") == 274
    assert kinds.count("occupation-dictionary") == 7


# The floors the foundation issue set for the shipped corpus.
FLOORS = {
    ("nodes", "Major"): 1_400,
    ("nodes", "Course"): 8_000,
    ("nodes", "Skill"): 10_000,
    ("nodes", "Occupation"): 1_600,
    ("nodes", "Task"): 6_000,
    ("nodes", "Certificate"): 350,
    ("nodes", "Technology"): 8_000,
    ("edges", "preparesFor"): 5_000,
}


def test_counts_reach_the_floors(national: tuple[Path, BuildSummary]) -> None:
    counts = graph_stats(OxigraphStore(national[0], BASE, read_only=True))
    short = {
        f"{section}.{kind}": counts[section][kind]  # type: ignore[index]
        for (section, kind), floor in FLOORS.items()
        if counts[section][kind] < floor  # type: ignore[index]
    }
    assert not short


def test_the_national_graph_satisfies_the_shapes(national: tuple[Path, BuildSummary]) -> None:
    report = validate_store(OxigraphStore(national[0], BASE, read_only=True))
    assert report.conforms, report.text[:2000]


def test_a_second_build_skips_every_document(national: tuple[Path, BuildSummary]) -> None:
    again = build([ROOT / "corpora"], national[0])
    assert again.count("built") == 0
    assert again.failed == []
