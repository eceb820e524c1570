"""load_graph on a real store: kinds, labels, edges, and requires attributes."""

from __future__ import annotations

from pathlib import Path

from graphbuilder.algorithms import learning_path, load_graph
from graphbuilder.model import Edge, Facts, Node, Provenance
from graphbuilder.model.iris import node_iri
from graphbuilder.model.records import AttrValue
from graphbuilder.store.mapping import facts_quads
from graphbuilder.store.oxigraph import DocumentRecord, OxigraphStore

BASE = "https://w3id.org/graphbuilder/id/"


def _write(store: OxigraphStore, doc: str, nodes: list[Node], edges: list[Edge]) -> None:
    rec = DocumentRecord(doc, f"{doc}.md", "k", "h", f"fp{doc}", "utf-8", "b")
    facts = Facts(doc_id=doc, nodes=nodes, edges=edges)
    store.replace_document(
        rec, facts_quads(BASE, facts, store.graph_name(doc, rec.fingerprint), "b")
    )


def test_load_graph_reads_nodes_edges_and_prerequisite_attributes(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "s", BASE)
    p = Provenance(doc_id="std", start=0, end=1, extractor="t", version="1")
    n = {
        k: node_iri(BASE, kind, k)
        for k, kind in [
            ("db", "Course"),
            ("prog", "Course"),
            ("a", "Course"),
            ("sk", "Skill"),
            ("r", "Resource"),
        ]
    }
    nodes = [
        Node(iri=n["db"], kind="Course", label="数据库技术及应用", provenance=p),
        Node(iri=n["prog"], kind="Course", label="程序设计基础", provenance=p),
        Node(iri=n["a"], kind="Course", label="数据库应用基础", provenance=p),
        Node(iri=n["sk"], kind="Skill", label="具备数据库应用能力", provenance=p),
        Node(iri=n["r"], kind="Resource", label="SQL 视频", provenance=p),
    ]
    _write(store, "std", nodes, [Edge(source=n["r"], kind="teaches", target=n["sk"], provenance=p)])
    d = Provenance(
        doc_id="derived", start=0, end=0, extractor="prerequisites", version="1", confidence=0.7
    )

    def req(s: str, o: str, **attrs: AttrValue) -> Edge:
        return Edge(
            source=n[s],
            kind="requires",
            target=n[o],
            attrs={"signal": ("x",), **attrs},
            provenance=d,
        )

    _write(
        store,
        "derived",
        [],
        [req("sk", "db"), req("db", "prog"), req("db", "a", orGroup="continuation")],
    )
    G = load_graph(store)
    assert G.nodes[n["db"]] == {"kind": "Course", "label": "数据库技术及应用"}
    assert G.edges[n["sk"], n["db"]]["confidence"] == 0.7
    assert G.edges[n["sk"], n["db"]]["signals"] == ("x",)
    assert G.edges[n["db"], n["a"]]["group"] == "continuation"
    assert G.edges[n["r"], n["sk"]]["kind"] == "teaches"
    path = learning_path(G, n["sk"])
    assert [[i.node.label for i in s] for s in path.stages] == [
        ["数据库应用基础", "程序设计基础"],
        ["数据库技术及应用"],
        ["具备数据库应用能力"],
    ]
    assert [r.label for r in path.stages[-1][0].resources] == ["SQL 视频"]


def test_reviews_apply_as_the_graph_loads(tmp_path: Path) -> None:
    from graphbuilder.ontology.namespace import GB
    from graphbuilder.store.reviews import set_review

    store = OxigraphStore(tmp_path / "s", BASE)
    p = Provenance(doc_id="std", start=0, end=1, extractor="t", version="1")
    a, b, c = (node_iri(BASE, "Course", k) for k in "abc")
    nodes = [Node(iri=n, kind="Course", label=n[-4:], provenance=p) for n in (a, b, c)]
    _write(store, "std", nodes, [Edge(source=a, kind="requires", target=b, provenance=p)])
    set_review(store, (a, str(GB.requires), b), "rejected", reviewer="t")
    set_review(store, (a, str(GB.requires), c), "accepted", reviewer="t")
    G = load_graph(store)
    assert not G.has_edge(a, b)
    assert G.edges[a, c]["review"] == "accepted" and G.edges[a, c]["confidence"] == 1.0
