"""The prerequisites stage on a tiny curriculum in a real store: edges, evidence, reviews."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.model import Facts
from graphbuilder.ontology.namespace import GB
from graphbuilder.pipeline import build
from graphbuilder.relations import PREREQUISITES_STAGE
from graphbuilder.relations.inputs import read_curriculum
from graphbuilder.relations.validate import acyclic
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.reviews import set_review
from tests.relations.curriculum_store import BASE, Major, iri, make_store, skill_iri, write_facts

DB, PROG, INTRO = (iri("Course", n) for n in ("数据库技术及应用", "程序设计基础", "计算机导论"))
SKILL = "具备数据库技术应用和程序设计能力"


def _majors() -> list[Major]:
    return [
        Major(
            f"51020{i}",
            f"专业{i}",
            foundation=["程序设计基础", "计算机导论"] if i == 1 else ["程序设计基础"],
            core=["数据库技术及应用", f"专门课程{i}"],
            skills=[SKILL] if i == 1 else [],
        )
        for i in (1, 2, 3)
    ]


def _run(store: OxigraphStore) -> dict[tuple[str, str], dict[str, object]]:
    facts = PREREQUISITES_STAGE.run(store, PREREQUISITES_STAGE.doc_id)
    out: dict[tuple[str, str], dict[str, object]] = {}
    for e in facts.edges:
        assert e.kind == "requires"
        assert e.provenance.doc_id == PREREQUISITES_STAGE.doc_id
        out[(e.source, e.target)] = {**e.attrs, "confidence": e.provenance.confidence}
    return out


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    return make_store(tmp_path, _majors())


def test_edges_carry_their_signals_evidence_and_confidence(store: OxigraphStore) -> None:
    edges = _run(store)
    assert acyclic(edges)
    db = edges[(DB, PROG)]
    assert db["signal"] == ("foundation-core",)
    assert db["reviewStatus"] == "auto"
    evidence = db["evidence"]
    assert isinstance(evidence, tuple) and "moe/standards/x.md:" in evidence[0]
    assert 0.6 <= float(db["confidence"]) <= 1  # type: ignore[arg-type]
    skill = skill_iri("510201", SKILL)
    assert "skill-course" in edges[(skill, DB)]["signal"]  # type: ignore[operator]
    # One major pairs 计算机导论 with 数据库技术及应用: layout, not evidence.
    assert (DB, INTRO) not in edges


def test_a_rejected_edge_is_dropped_and_an_accepted_one_kept_whatever_its_score(
    store: OxigraphStore,
) -> None:
    requires = str(GB.requires)
    set_review(store, (DB, requires, PROG), "rejected", reviewer="teacher")
    set_review(store, (DB, requires, INTRO), "accepted", reviewer="teacher")
    edges = _run(store)
    assert (DB, PROG) not in edges
    assert edges[(DB, INTRO)]["reviewStatus"] == "accepted"
    assert edges[(DB, INTRO)]["confidence"] == 1.0


def test_the_stage_does_not_read_its_own_earlier_output(store: OxigraphStore) -> None:
    facts = PREREQUISITES_STAGE.run(store, PREREQUISITES_STAGE.doc_id)
    write_facts(store, Facts(doc_id=PREREQUISITES_STAGE.doc_id, edges=facts.edges))
    assert read_curriculum(store, exclude_doc=PREREQUISITES_STAGE.doc_id).stated == []
    assert len(read_curriculum(store).stated) == len(facts.edges)
    assert _run(store).keys() == {(e.source, e.target) for e in facts.edges}


def test_the_summary_counts_edges_per_signal(store: OxigraphStore) -> None:
    facts = PREREQUISITES_STAGE.run(store, PREREQUISITES_STAGE.doc_id)
    assert f"{len(facts.edges)} requires edges (" in facts.warnings[-1]
    assert "foundation-core" in facts.warnings[-1]


def test_a_build_of_the_fixture_corpus_writes_acyclic_prerequisites_with_evidence(
    fixture_corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("graphbuilder.pipeline.DERIVED_STAGES", [PREREQUISITES_STAGE])
    summary = build([fixture_corpus], tmp_path / "s")
    (outcome,) = [o for o in summary.outcomes if o.path == "derived/prerequisites"]
    assert outcome.status == "built" and outcome.edges > 0
    store = OxigraphStore(tmp_path / "s", BASE, read_only=True)
    rows = list(
        store.query(  # type: ignore[union-attr]
            "PREFIX gb: <https://w3id.org/graphbuilder/ontology#> "
            "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> "
            "SELECT ?s ?o ?sig ?ev ?c WHERE { ?st rdf:predicate gb:requires ; rdf:subject ?s ;"
            " rdf:object ?o ; gb:signal ?sig ; gb:evidence ?ev ; gb:confidence ?c }"
        )
    )
    assert {(r["s"].value, r["o"].value) for r in rows} and all(
        0 < float(r["c"].value) <= 1 for r in rows
    )
    assert acyclic({(r["s"].value, r["o"].value) for r in rows})
    assert any("5102计算机类.md:" in r["ev"].value for r in rows)
