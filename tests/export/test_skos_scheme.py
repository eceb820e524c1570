"""The SKOS scheme meets the SKOS integrity conditions and holds every skill and knowledge point."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from graphbuilder.export import EXPORTERS, Selection
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.skos import scheme_iri
from graphbuilder.ontology.shacl import validate
from graphbuilder.store.oxigraph import OxigraphStore

SHAPES = Path(__file__).with_name("skos-shapes.ttl")


@pytest.fixture(scope="module")
def scheme(module_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    out = tmp_path_factory.mktemp("export") / "skos.ttl"
    EXPORTERS["skos"](module_store, out)
    return Graph().parse(data=out.read_text(encoding="utf-8"), format="turtle")


def test_the_scheme_satisfies_the_skos_integrity_conditions(scheme: Graph) -> None:
    report = validate(scheme, shapes=Graph().parse(SHAPES, format="turtle"))
    assert report.conforms, report.text[:2000]


def test_the_shapes_catch_a_broken_scheme(scheme: Graph) -> None:
    scheme = Graph() + scheme  # a copy: the fixture is shared
    concept = next(scheme.subjects(SKOS.broader, None))
    scheme.add((concept, SKOS.prefLabel, next(scheme.objects(concept, SKOS.prefLabel)) + "x"))
    scheme.add((concept, RDF.type, SKOS.ConceptScheme))
    report = validate(scheme, shapes=Graph().parse(SHAPES, format="turtle"))
    assert not report.conforms
    assert {v.focus_node for v in report.violations} >= {str(concept)}


def test_every_skill_and_knowledge_point_is_a_concept(scheme: Graph, reader: GraphReader) -> None:
    expected = {iri for kind in ("Skill", "KnowledgePoint") for iri in reader.node_iris(kind)}
    scheme_node = URIRef(scheme_iri(reader.store.base))
    tops = set(scheme.objects(scheme_node, SKOS.hasTopConcept))
    concepts = {str(c) for c in scheme.subjects(RDF.type, SKOS.Concept)} - {str(t) for t in tops}
    assert concepts == expected
    assert all((URIRef(c), SKOS.inScheme, scheme_node) in scheme for c in concepts)


def test_alignments_become_mapping_properties(scheme: Graph, reader: GraphReader) -> None:
    expected = {
        (e.source, e.target)
        for kind in ("Skill", "KnowledgePoint")
        for iri in reader.node_iris(kind)
        for e in reader.out_edges(iri, ("alignsTo",))
        if "rejected" not in e.attrs.get("reviewStatus", ())
    }
    got = {
        (str(s), str(o))
        for p in (SKOS.exactMatch, SKOS.relatedMatch)
        for s, o in scheme.subject_objects(p)
    }
    assert got == expected


def test_the_project_shapes_accept_it_and_a_kind_filter_keeps_one_branch(
    store: OxigraphStore, scheme: Graph, tmp_path: Path
) -> None:
    assert validate(scheme).conforms
    out = tmp_path / "kp.ttl"
    EXPORTERS["skos"](store, out, Selection(kinds=("KnowledgePoint",)))
    part = Graph().parse(data=out.read_text(encoding="utf-8"), format="turtle")
    broader = {str(o) for o in part.objects(None, SKOS.broader)}
    assert broader == {scheme_iri(store.base) + "/knowledge"}
