from __future__ import annotations

from pathlib import Path

from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.reviews import clear_review, reviews, set_review

BASE = "https://w3id.org/graphbuilder/id/"
GB = "https://w3id.org/graphbuilder/ontology#"
FACT = (f"{BASE}skill/a", f"{GB}alignsTo", f"{BASE}technology/b")


def test_a_decision_is_recorded_replaced_and_cleared(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    set_review(store, FACT, "accepted", reviewer="editor-1")
    assert reviews(store) == {FACT: "accepted"}
    set_review(store, FACT, "rejected", reviewer="editor-2")
    assert reviews(store) == {FACT: "rejected"}
    clear_review(store, FACT)
    assert reviews(store) == {}


def test_decisions_survive_reopening_and_are_part_of_the_content(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    set_review(store, FACT, "rejected", reviewer="editor-1")
    store.close()
    again = OxigraphStore(tmp_path / "s", BASE, read_only=True)
    assert reviews(again) == {FACT: "rejected"}
    assert any(q.graph_name == again.curated for q in again.content_quads())
