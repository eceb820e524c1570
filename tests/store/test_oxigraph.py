from __future__ import annotations

from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from graphbuilder.store.oxigraph import DocumentRecord, OxigraphStore

BASE = "https://w3id.org/graphbuilder/id/"


def _rec(doc_id: str, fp: str = "f1") -> DocumentRecord:
    return DocumentRecord(doc_id, f"{doc_id}.md", "moe-standard", "sha", fp, "utf-8", "b1")


def _quads(n: int, tag: str) -> list[Quad]:
    g = NamedNode("http://ignored/graph")
    return [
        Quad(NamedNode(f"{BASE}x/{i}"), NamedNode(f"{BASE}p"), Literal(f"{tag}{i}"), g)
        for i in range(n)
    ]


def _graph(store: OxigraphStore, doc_id: str) -> set[str]:
    """The values in a document's live graph (empty when it has none)."""
    rec = store.documents().get(doc_id)
    if rec is None:
        return set()
    g = store.graph_name(doc_id, rec.fingerprint)
    return {q.object.value for q in store.raw.quads_for_pattern(None, None, None, g)}


def test_replace_swaps_one_documents_graph_only(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    store.replace_document(_rec("a"), _quads(3, "old"))
    store.replace_document(_rec("b"), _quads(2, "keep"))
    n = store.replace_document(_rec("a", "f2"), _quads(2, "new"))
    assert n == 2
    assert _graph(store, "a") == {"new0", "new1"}
    assert _graph(store, "b") == {"keep0", "keep1"}
    assert store.documents()["a"].fingerprint == "f2"
    assert set(store.documents()) == {"a", "b"}


def test_remove_document(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    store.replace_document(_rec("a"), _quads(3, "x"))
    g = store.document_graph("a")
    store.remove_document("a")
    assert store.documents() == {}
    assert not store.raw.contains_named_graph(g)


def test_unrecorded_graph_is_invisible_then_dropped_on_open(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    store.replace_document(_rec("a"), _quads(1, "x"))
    # What an interrupted build leaves: a new version's graph that no record names yet.
    half = store.graph_name("a", "f2")
    store.raw.add(Quad(NamedNode(f"{BASE}x/9"), NamedNode(f"{BASE}p"), Literal("half"), half))
    assert "half" not in {q.object.value for q in store.content_quads()}
    store.close()
    reopened = OxigraphStore(tmp_path / "s", BASE)
    assert not reopened.raw.contains_named_graph(half)
    assert _graph(reopened, "a") == {"x0"}


def test_content_quads_leave_out_build_records(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    store.replace_document(_rec("a"), _quads(1, "x"))
    before = set(store.content_quads())
    store.record_build("b1", "2026-01-01T00:00:00+00:00", "2025")
    assert set(store.content_quads()) == before


def test_a_tagged_version_keeps_its_graphs_through_later_builds(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    store.replace_document(_rec("a", "f1"), _quads(2, "v1-"))
    store.replace_document(_rec("b", "f1"), _quads(1, "b-"))
    store.record_build("b1", "2026-01-01T00:00:00+00:00", "2025")
    store.replace_document(_rec("a", "f2"), _quads(2, "v2-"))
    store.record_build("b2", "2026-02-01T00:00:00+00:00", "")
    tagged = store.tags()["2025"]
    # The tag still sees a's first version and shares b's unchanged graph with the present.
    assert store.graph_name("a", "f1") in tagged
    assert store.graph_name("b", "f1") in tagged
    assert store.raw.contains_named_graph(store.graph_name("a", "f1"))
    store.close()
    reopened = OxigraphStore(tmp_path / "s", BASE)
    assert reopened.raw.contains_named_graph(reopened.graph_name("a", "f1"))
    assert _graph(reopened, "a") == {"v2-0", "v2-1"}


def test_an_untagged_old_version_is_dropped(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    store.replace_document(_rec("a", "f1"), _quads(2, "v1-"))
    store.record_build("b1", "2026-01-01T00:00:00+00:00", "")
    store.replace_document(_rec("a", "f2"), _quads(2, "v2-"))
    assert not store.raw.contains_named_graph(store.graph_name("a", "f1"))


def test_a_read_only_store_closes(tmp_path: Path) -> None:
    OxigraphStore(tmp_path / "s", BASE).close()
    OxigraphStore(tmp_path / "s", BASE, read_only=True).close()
