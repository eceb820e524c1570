from __future__ import annotations

from pathlib import Path

import pytest

from api.views import fact_exists, resolve_iri
from graphbuilder.store.oxigraph import OxigraphStore

BASE = "https://w3id.org/graphbuilder/id/"


@pytest.mark.parametrize(
    ("ref", "iri"),
    [
        ("major/510201", f"{BASE}major/510201"),
        ("/skill/abc/", f"{BASE}skill/abc"),
        ("https://example.org/x#y", "https://example.org/x#y"),
        ("urn:isbn:123", "urn:isbn:123"),
    ],
)
def test_node_references(tmp_path: Path, ref: str, iri: str) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    assert resolve_iri(store, ref) == iri


@pytest.mark.parametrize(
    "ref", ["planet/1", "major", "major/a/b", "数据库", "http://x y", "major/a b"]
)
def test_what_is_no_node_reference(tmp_path: Path, ref: str) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    with pytest.raises(ValueError):
        resolve_iri(store, ref)


def test_a_fact_exists_in_the_graph_or_in_a_review(tmp_path: Path) -> None:
    from graphbuilder.store.reviews import set_review

    store = OxigraphStore(tmp_path / "s", BASE)
    fact = (f"{BASE}skill/a", "https://w3id.org/graphbuilder/ontology#requires", f"{BASE}skill/b")
    assert not fact_exists(store, fact)
    set_review(store, fact, "rejected", reviewer="ed")
    assert fact_exists(store, fact)
