from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import NamedNode, Quad

from graphbuilder.model.iris import doc_iri
from graphbuilder.store.mapping import RDF_TYPE, term
from graphbuilder.store.oxigraph import DocumentRecord, OxigraphStore
from graphbuilder.store.resource_links import (
    import_resources,
    links,
    node_exists,
    remove_link,
    set_link,
)
from graphbuilder.store.resources import Origin, ResourceData, create_resource, get_resource

BASE = "https://w3id.org/graphbuilder/id/"
ED = Origin.api("ed")
SKILL, KP = f"{BASE}skill/s1", f"{BASE}knowledge-point/k1"


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    """A store whose one document types a skill and a knowledge point."""
    st = OxigraphStore(tmp_path / "s", BASE)
    g = NamedNode("http://ignored/graph")
    quads = [
        Quad(NamedNode(SKILL), RDF_TYPE, term("Skill"), g),
        Quad(NamedNode(KP), RDF_TYPE, term("KnowledgePoint"), g),
    ]
    st.replace_document(
        DocumentRecord("d1", "d1.md", "moe-standard", "h", "f1", "utf-8", "b"), quads
    )
    return st


def _resource(store: OxigraphStore, title: str = "微课") -> str:
    return create_resource(store, ResourceData(title=title, type="video"), ED).iri


def test_set_replace_and_remove_a_link(store: OxigraphStore) -> None:
    r = _resource(store)
    made = set_link(store, r, SKILL, 0.4, ED)
    assert (made.relevance, made.dangling) == (0.4, False)
    set_link(store, r, SKILL, 0.9, ED)  # a second link to the node replaces the first
    assert [(lk.node, lk.relevance) for lk in links(store, resource=r)] == [(SKILL, 0.9)]
    relevances = list(store.raw.quads_for_pattern(None, term("relevance"), None, store.curated))
    assert len(relevances) == 1
    assert remove_link(store, r, SKILL) and not remove_link(store, r, SKILL)
    assert links(store) == []
    assert list(store.raw.quads_for_pattern(None, term("relevance"), None, store.curated)) == []


def test_links_by_resource_and_by_node(store: OxigraphStore) -> None:
    a, b = _resource(store, "a"), _resource(store, "b")
    set_link(store, a, SKILL, 1.0, ED)
    set_link(store, a, KP, 0.5, ED)
    set_link(store, b, KP, 0.7, ED)
    assert {lk.node for lk in links(store, resource=a)} == {SKILL, KP}
    assert {lk.resource for lk in links(store, node=KP)} == {a, b}
    assert len(links(store)) == 3


def test_a_link_to_a_node_no_document_types_is_dangling(store: OxigraphStore) -> None:
    r = _resource(store)
    set_link(store, r, SKILL, 1.0, ED)
    assert set_link(store, r, f"{BASE}skill/gone", 1.0, ED).dangling
    assert node_exists(store, SKILL) and not node_exists(store, f"{BASE}skill/gone")
    # The document that typed the skill goes (as a rebuild without it would do).
    store.remove_document("d1")
    assert [(lk.node, lk.dangling) for lk in links(store, resource=r)] == [
        (f"{BASE}skill/gone", True),
        (SKILL, True),
    ]


def test_linking_a_missing_resource(store: OxigraphStore) -> None:
    with pytest.raises(KeyError):
        set_link(store, f"{BASE}resource/0000000000000000", SKILL, 1.0, ED)


def test_import_creates_updates_and_links_in_one_go(store: OxigraphStore) -> None:
    listing = Origin("listing/abc", "资源清单.csv", "resource-listing", "f" * 64, "ed")
    rows = [
        (ResourceData(title="视频一", type="video", identifier="R1"), [(SKILL, 0.8)]),
        (ResourceData(title="教案一", type="lesson-plan", identifier="R2"), [(KP, 1.0)]),
    ]
    created, updated = import_resources(store, rows, listing)
    assert (len(created), updated) == (2, [])
    first = get_resource(store, created[0])
    assert first is not None
    again = [
        (ResourceData(title="视频一（新版）", type="video", identifier="R1"), [(KP, 0.3)]),
    ]
    created2, updated2 = import_resources(store, again, listing)
    assert (created2, updated2) == ([], [created[0]])
    r1 = get_resource(store, created[0])
    assert r1 is not None and r1.data.title == "视频一（新版）" and r1.created == first.created
    assert {(lk.node, lk.relevance) for lk in links(store, resource=created[0])} == {
        (SKILL, 0.8),
        (KP, 0.3),
    }
    d = NamedNode(doc_iri(BASE, "listing/abc"))
    assert [q.object.value for q in store.raw.quads_for_pattern(d, term("sourcePath"), None)] == [
        "资源清单.csv"
    ]
    assert import_resources(store, [], listing) == ([], [])
