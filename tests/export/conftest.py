"""The store the export tests read: the fixture corpus built once, or ``--export-store``.

``pytest tests/export --export-store DIR`` runs the same validators against another built
store (opened read-only), e.g. the national graph.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, to_isomorphic

from graphbuilder.export.property_graph import GraphReader
from graphbuilder.ontology.shacl import validate
from graphbuilder.pipeline import build
from graphbuilder.store.oxigraph import OxigraphStore

BASE = "https://w3id.org/graphbuilder/id/"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--export-store",
        default=None,
        help="run the export tests on this built store (read-only), not the fixture corpus",
    )


@pytest.fixture(scope="session")
def export_store_path(
    request: pytest.FixtureRequest, fixture_corpus: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    given = request.config.getoption("--export-store", default=None)
    if given:
        return Path(given)
    path = tmp_path_factory.mktemp("export") / "store"
    summary = build([fixture_corpus], path)
    assert summary.failed == []
    return path


@pytest.fixture
def store(export_store_path: Path) -> OxigraphStore:
    """The built store, read-only."""
    return OxigraphStore(export_store_path, BASE, read_only=True)


@pytest.fixture
def reader(store: OxigraphStore) -> GraphReader:
    return GraphReader(store)


@pytest.fixture(scope="session")
def store_graph(export_store_path: Path) -> Graph:
    """The store's live graphs merged, as rdflib reads them (the reference for isomorphism)."""
    store = OxigraphStore(export_store_path, BASE, read_only=True)
    return Graph().parse(data=store.sorted_ntriples().decode("utf-8"), format="nt")


def _assert_isomorphic(got: Graph, expected: Graph) -> None:
    a, b = to_isomorphic(expected), to_isomorphic(got)
    if a != b:
        _, only_expected, only_got = graph_diff(a, b)
        lines = sorted(only_expected.serialize(format="nt").splitlines())[:20]
        lines += [
            "--- only in the export:",
            *sorted(only_got.serialize(format="nt").splitlines())[:20],
        ]
        pytest.fail("graphs differ; only in the store:\n" + "\n".join(lines))


@pytest.fixture(scope="session")
def assert_isomorphic() -> Callable[[Graph, Graph], None]:
    """``assert_isomorphic(got, expected)``: fails with the differing triples."""
    return _assert_isomorphic


Violations = frozenset[tuple[str, str, str]]


def _violations(graph: Graph) -> Violations:
    report = validate(graph)
    return frozenset((v.focus_node, v.path, v.shape) for v in report.violations)


@pytest.fixture(scope="session")
def violations() -> Callable[[Graph], Violations]:
    """``violations(graph)``: its SHACL violations as (focus node, path, shape)."""
    return _violations


@pytest.fixture(scope="session")
def store_violations(store_graph: Graph) -> Violations:
    """What the shapes find in the store itself: an export must add none and lose none.

    Empty when the build conforms (the usual case); an export is then held to conforming.
    """
    return _violations(store_graph)


@pytest.fixture(scope="module")
def module_store(export_store_path: Path) -> OxigraphStore:
    """The built store, read-only, shared by one test module (for exports made once)."""
    return OxigraphStore(export_store_path, BASE, read_only=True)
