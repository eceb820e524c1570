"""LRMI expands with its inline context, uses only schema.org terms and what LRMI expects."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyld import jsonld
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SDO

from graphbuilder.export import EXPORTERS, Selection
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.ontology.shacl import validate
from graphbuilder.store.oxigraph import OxigraphStore

SHAPES = Path(__file__).with_name("lrmi-shapes.ttl")
SCHEMA = "https://schema.org/"


def _load(path: Path) -> Graph:
    doc = json.loads(path.read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(jsonld.expand(doc), {"format": "application/n-quads"})
    return Graph().parse(data=nquads, format="nt")


@pytest.fixture(scope="module")
def lrmi(module_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory) -> Graph:
    out = tmp_path_factory.mktemp("export") / "lrmi.jsonld"
    EXPORTERS["lrmi"](module_store, out)
    return _load(out)


def test_only_schema_org_terms_are_used(lrmi: Graph) -> None:
    defined = set(SDO.__annotations__)
    used = {str(p) for p in lrmi.predicates()} | {str(o) for o in lrmi.objects(None, RDF.type)}
    unknown = {
        t
        for t in used
        if t != str(RDF.type) and (not t.startswith(SCHEMA) or t[len(SCHEMA) :] not in defined)
    }
    assert unknown == set()


def test_what_lrmi_expects_of_each_resource(lrmi: Graph) -> None:
    report = validate(lrmi, shapes=Graph().parse(SHAPES, format="turtle"))
    assert report.conforms, report.text[:2000]


def test_every_course_module_and_resource_with_what_it_teaches(
    lrmi: Graph, reader: GraphReader
) -> None:
    kinds = ("Course", "Module", "Resource")
    expected = {iri for k in kinds for iri in reader.node_iris(k)}
    described = {str(s) for s in lrmi.subjects(SDO.name, None)} & expected
    assert described == expected
    taught = {
        (e.source, e.target)
        for k in kinds
        for iri in reader.node_iris(k)
        for e in reader.out_edges(iri, ("teaches",))
        if e.target_kind in ("Skill", "KnowledgePoint")
    }
    got = {(str(s), str(o)) for s, o in lrmi.subject_objects(SDO.teaches)}
    assert got == taught
    aligned = {
        (str(s), str(lrmi.value(a, SDO.targetUrl)))
        for s, a in lrmi.subject_objects(SDO.educationalAlignment)
        if str(lrmi.value(a, SDO.alignmentType)) == "teaches"
    }
    assert aligned == taught


def test_courses_are_aligned_to_their_majors(lrmi: Graph, reader: GraphReader) -> None:
    major = "https://w3id.org/graphbuilder/id/major/510201"
    for edge in reader.out_edges(major, ("hasPart",)):
        subjects = {
            str(lrmi.value(a, SDO.targetUrl))
            for a in lrmi.objects(URIRef(edge.target), SDO.educationalAlignment)
            if str(lrmi.value(a, SDO.alignmentType)) == "educationalSubject"
        }
        assert major in subjects
        assert lrmi.value(URIRef(edge.target), RDF.type) == SDO.Course


def test_a_major_filter_keeps_its_courses_only(
    store: OxigraphStore, reader: GraphReader, tmp_path: Path
) -> None:
    out = tmp_path / "one.jsonld"
    EXPORTERS["lrmi"](store, out, Selection(majors=("510201",)))
    courses = {str(s) for s in _load(out).subjects(RDF.type, SDO.Course)}
    major = "https://w3id.org/graphbuilder/id/major/510201"
    assert courses == {e.target for e in reader.out_edges(major, ("hasPart",))}
