"""The align stage on a tiny store: edges with evidence, taxonomy nodes, human reviews."""

from __future__ import annotations

from pathlib import Path

from graphbuilder.align.stage import run_align
from graphbuilder.model import Facts, Node, Provenance
from graphbuilder.model.iris import node_iri
from graphbuilder.settings import Settings
from graphbuilder.store.mapping import facts_quads, term
from graphbuilder.store.oxigraph import DocumentRecord, OxigraphStore
from graphbuilder.store.reviews import set_review

BASE = "https://w3id.org/graphbuilder/id/"
TAXONOMY = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix t: <https://w3id.org/graphbuilder/id/technology/> .
t:ind a skos:Concept ; skos:prefLabel "工业控制软件"@zh .
t:plc a skos:Concept ; skos:prefLabel "可编程控制器（PLC）"@zh ; skos:altLabel "PLC"@en ;
    skos:broader t:ind .
t:robot a skos:Concept ; skos:prefLabel "工业机器人"@zh .
"""


def _store(tmp_path: Path) -> OxigraphStore:
    store = OxigraphStore(tmp_path / "store", BASE)
    prov = Provenance(doc_id="d1", start=0, end=4, extractor="t", version="1")
    nodes = [
        Node(iri=node_iri(BASE, "Course", c), kind="Course", label=c, provenance=prov)
        for c in ("电机电控与 PLC技术", "工业机器人编程", "机械基础")
    ]
    rec = DocumentRecord("d1", "d1.md", "moe-standard", "h", "fp", "utf-8", "b")
    store.replace_document(
        rec, facts_quads(BASE, Facts(doc_id="d1", nodes=nodes), store.graph_name("d1", "fp"), "b")
    )
    return store


def test_stage_emits_scored_edges_and_obeys_reviews(tmp_path: Path) -> None:
    tx = tmp_path / "t.ttl"
    tx.write_text(TAXONOMY, encoding="utf-8")
    settings = Settings(align_taxonomy=tx, align_model=str(tmp_path / "no-model"))
    store = _store(tmp_path)
    plc_course = node_iri(BASE, "Course", "电机电控与 PLC技术")
    robot_course = node_iri(BASE, "Course", "工业机器人编程")
    basics = node_iri(BASE, "Course", "机械基础")

    facts = run_align(store, "derived", settings)
    edges = {(e.source, e.target): e for e in facts.edges}
    assert set(edges) == {
        (plc_course, f"{BASE}technology/plc"),
        (robot_course, f"{BASE}technology/robot"),
    }
    e = edges[(plc_course, f"{BASE}technology/plc")]
    assert e.attrs["matchMethod"] == "latin-token" and e.attrs["matchedLabel"] == "PLC"
    assert e.attrs["reviewStatus"] == "auto" and float(e.attrs["score"]) >= 0.8  # type: ignore[arg-type]
    # every target is a Technology node, the broader concept too
    assert {n.iri for n in facts.nodes} == {
        f"{BASE}technology/{k}" for k in ("plc", "ind", "robot")
    }

    pred = term("alignsTo").value
    set_review(store, (robot_course, pred, f"{BASE}technology/robot"), "rejected", reviewer="t")
    set_review(store, (basics, pred, f"{BASE}technology/plc"), "accepted", reviewer="t")
    facts = run_align(store, "derived", settings)
    edges = {(e.source, e.target): e for e in facts.edges}
    assert (robot_course, f"{BASE}technology/robot") not in edges
    accepted = edges[(basics, f"{BASE}technology/plc")]
    assert accepted.attrs["reviewStatus"] == "accepted"
