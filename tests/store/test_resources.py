from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from graphbuilder.errors import StoreError
from graphbuilder.store.mapping import RDF_TYPE, term
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.resource_links import links, set_link
from graphbuilder.store.resources import (
    Origin,
    ResourceData,
    ResourceExistsError,
    create_resource,
    delete_resource,
    get_resource,
    list_resources,
    resource_iri,
    update_resource,
)

BASE = "https://w3id.org/graphbuilder/id/"
ED = Origin.api("ed")
VIDEO = ResourceData(title="数据库入门", type="video", url="https://example.org/v/1")


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    return OxigraphStore(tmp_path / "s", BASE)


def test_create_read_update_delete(store: OxigraphStore) -> None:
    made = create_resource(store, VIDEO, ED)
    assert made.iri.startswith(f"{BASE}resource/") and made.created == made.modified
    assert get_resource(store, made.iri) == made
    changed = update_resource(
        store, made.iri, VIDEO.model_copy(update={"licence": "CC BY 4.0", "url": None}), ED
    )
    assert changed.data.licence == "CC BY 4.0" and changed.data.url is None
    assert changed.iri == made.iri and changed.created == made.created
    assert delete_resource(store, made.iri) and not delete_resource(store, made.iri)
    assert get_resource(store, made.iri) is None
    assert list(store.raw.quads_for_pattern(None, None, None, store.curated)) != []  # origin record
    assert not any(
        q.subject == NamedNode(made.iri) or q.object == NamedNode(made.iri)
        for q in store.raw.quads_for_pattern(None, None, None, store.curated)
    )


def test_identity_comes_from_identifier_then_url_then_title(store: OxigraphStore) -> None:
    a = ResourceData(title="t", type="ppt", identifier="R-1", url="https://x.org/a")
    b = ResourceData(title="t", type="ppt", url="https://x.org/a")
    c = ResourceData(title="t", type="ppt")
    assert len({resource_iri(store, d) for d in (a, b, c)}) == 3
    assert resource_iri(store, a) == resource_iri(store, a.model_copy(update={"title": "u"}))
    create_resource(store, c, ED)
    with pytest.raises(ResourceExistsError):
        create_resource(store, c.model_copy(update={"type": "video"}), ED)


def test_an_update_keeps_the_links(store: OxigraphStore) -> None:
    made = create_resource(store, VIDEO, ED)
    set_link(store, made.iri, f"{BASE}skill/a", 0.5, ED)
    update_resource(store, made.iri, VIDEO.model_copy(update={"title": "新标题"}), ED)
    assert [(lk.node, lk.relevance) for lk in links(store, resource=made.iri)] == [
        (f"{BASE}skill/a", 0.5)
    ]


def test_update_of_a_missing_resource(store: OxigraphStore) -> None:
    with pytest.raises(KeyError):
        update_resource(store, f"{BASE}resource/0000000000000000", VIDEO, ED)


def test_list_pages_and_filters_by_type(store: OxigraphStore) -> None:
    for i in range(3):
        create_resource(store, ResourceData(title=f"v{i}", type="video"), ED)
    create_resource(store, ResourceData(title="plan", type="lesson-plan"), ED)
    page, total = list_resources(store, limit=2)
    assert total == 4 and len(page) == 2
    rest, _ = list_resources(store, limit=2, offset=2)
    assert {r.iri for r in page}.isdisjoint(r.iri for r in rest)
    plans, n = list_resources(store, type="lesson-plan")
    assert n == 1 and plans[0].data.title == "plan"


def test_the_resource_has_provenance_and_a_language_tagged_title(store: OxigraphStore) -> None:
    made = create_resource(store, ResourceData(title="Intro to SQL", type="video"), ED)
    r = NamedNode(made.iri)
    label = next(
        store.raw.quads_for_pattern(
            r, NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), None
        )
    )
    assert label.object.language == "en"  # type: ignore[union-attr]
    stmts = list(
        store.raw.quads_for_pattern(
            None, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"), r
        )
    )
    assert len(stmts) == 1
    st = stmts[0].subject
    origin = next(
        store.raw.quads_for_pattern(st, NamedNode("http://www.w3.org/ns/prov#wasDerivedFrom"), None)
    )
    assert origin.object == NamedNode(f"{BASE}doc/curated/api")
    assert NamedNode(f"{BASE}doc/curated/api") in {
        q.subject for q in store.raw.quads_for_pattern(None, RDF_TYPE, term("SourceDocument"))
    }


def test_malformed_curated_data_is_reported_with_its_iri(store: OxigraphStore) -> None:
    made = create_resource(store, VIDEO, ED)
    r, g, kind = f"<{made.iri}>", store.curated, "<https://schema.org/learningResourceType>"
    store.raw.update(
        f"DELETE WHERE {{ GRAPH {g} {{ {r} {kind} ?t }} }} ;"
        f' INSERT DATA {{ GRAPH {g} {{ {r} {kind} "hologram" }} }}'
    )
    with pytest.raises(StoreError, match=made.iri):
        get_resource(store, made.iri)


def test_curated_resources_and_links_satisfy_the_shapes(
    tmp_path: Path, fixture_corpus: Path
) -> None:
    from graphbuilder.pipeline import build
    from graphbuilder.settings import Settings
    from graphbuilder.store.validate import validate_store

    build([fixture_corpus], tmp_path / "s", settings=Settings())
    store = OxigraphStore(tmp_path / "s", BASE)
    # Compared with the built graph's own report: curated data must add no violation.
    before = {(v.focus_node, v.path, v.message) for v in validate_store(store).violations}
    made = create_resource(store, VIDEO.model_copy(update={"description": "一节课"}), ED)
    skill = next(
        q.subject.value  # type: ignore[union-attr]
        for q in store.raw.quads_for_pattern(None, RDF_TYPE, term("Skill"))
    )
    set_link(store, made.iri, skill, 0.9, ED)
    after = {(v.focus_node, v.path, v.message) for v in validate_store(store).violations}
    assert after == before, sorted(after - before)[:5]
