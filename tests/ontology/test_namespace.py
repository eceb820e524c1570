"""The ontology file, the generated ``GB`` namespace and the JSON-LD context agree."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from graphbuilder.ontology import load_ontology, ontology_dir
from graphbuilder.ontology.namespace import (
    CASE,
    GB,
    ONTOLOGY_IRI,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
)

ROOT = Path(__file__).resolve().parents[2]
GB_NS = "https://w3id.org/graphbuilder/ontology#"
KINDS = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)

ONTOLOGY = load_ontology()
TERMS: list[tuple[URIRef, URIRef]] = sorted(
    (s, k)
    for k in KINDS
    for s in ONTOLOGY.subjects(RDF.type, k)
    if isinstance(s, URIRef) and s.startswith(GB_NS)
)

# The fixed vocabulary other modules rely on; renaming a term must be a deliberate change here.
EXPECTED_NAMES = {
    OWL.Class: {
        "Major", "Course", "Module", "KnowledgePoint", "Skill", "Occupation", "Task",
        "Certificate", "Technology", "Resource", "SourceDocument", "Build", "Review",
    },
    OWL.ObjectProperty: {
        "hasPart", "teaches", "requires", "preparesFor", "performs", "needsSkill", "certifies",
        "alignsTo", "relatedTo", "continuesTo", "reviewedSubject", "reviewedPredicate",
        "reviewedObject",
    },
    OWL.DatatypeProperty: {
        "code", "level", "categoryCode", "category", "subcategoryCode", "subcategory",
        "studyYears", "remark", "courseType", "certificateType", "definition", "commodityCode",
        "commodityTitle", "hotTechnology", "inDemand", "socCode", "occupationMarker", "ordinal",
        "charStart", "charEnd", "extractor", "confidence", "buildId", "contentHash",
        "sourcePath", "documentKind", "encoding", "reviewStatus", "score", "builtAt",
        "fingerprint", "tag", "reviewedBy", "reviewedAt", "relevance", "signal", "evidence",
        "orGroup", "matchMethod", "matchedLabel", "credits", "hours", "semester", "required",
        "resourceType", "url", "supportLevel", "goalType", "notation", "proficiency",
        "skillAction", "skillObject", "skillLevel", "occupationalFunction",
    },
}  # fmt: skip


def _name(term: URIRef) -> str:
    return str(term)[len(GB_NS) :]


def _load_generator() -> ModuleType:
    path = ROOT / "scripts" / "generate_namespace.py"
    spec = importlib.util.spec_from_file_location("generate_namespace", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the ontology file ---------------------------------------------------------------------


def test_ontology_dir_holds_the_ontology_files() -> None:
    names = {p.name for p in ontology_dir().iterdir()}
    assert {"graphbuilder.ttl", "shapes.ttl", "context.jsonld"} <= names


def test_ontology_declares_itself() -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ONTOLOGY
    assert str(ONTOLOGY_IRI) == "https://w3id.org/graphbuilder/ontology"


@pytest.mark.parametrize("kind", list(EXPECTED_NAMES), ids=lambda k: str(k).split("#")[1])
def test_ontology_defines_exactly_the_agreed_names(kind: URIRef) -> None:
    found = {_name(s) for s, k in TERMS if k == kind}
    assert found == EXPECTED_NAMES[kind]


@pytest.mark.parametrize(("term", "kind"), TERMS, ids=[_name(t) for t, _ in TERMS])
def test_every_term_is_labelled_in_chinese_and_english(term: URIRef, kind: URIRef) -> None:
    labels = {
        lit.language for lit in ONTOLOGY.objects(term, RDFS.label) if isinstance(lit, Literal)
    }
    comments = {
        lit.language for lit in ONTOLOGY.objects(term, RDFS.comment) if isinstance(lit, Literal)
    }
    assert {"zh", "en"} <= labels
    assert "en" in comments


@pytest.mark.parametrize(
    ("term", "kind"),
    [(t, k) for t, k in TERMS if k != OWL.Class],
    ids=[_name(t) for t, k in TERMS if k != OWL.Class],
)
def test_every_property_states_its_range(term: URIRef, kind: URIRef) -> None:
    ranges = set(ONTOLOGY.objects(term, RDFS.range)) | set(
        ONTOLOGY.objects(term, SCHEMA.rangeIncludes)
    )
    assert ranges, f"{_name(term)} has neither rdfs:range nor schema:rangeIncludes"


@pytest.mark.parametrize(
    "axiom",
    [
        (GB.Skill, RDFS.subClassOf, SKOS.Concept),
        (GB.KnowledgePoint, RDFS.subClassOf, SKOS.Concept),
        (GB.Technology, RDFS.subClassOf, SKOS.Concept),
        (GB.Skill, SKOS.closeMatch, CASE.CFItem),
        (GB.KnowledgePoint, SKOS.closeMatch, CASE.CFItem),
        (GB.Course, RDFS.subClassOf, SCHEMA.Course),
        (GB.Resource, RDFS.subClassOf, SCHEMA.LearningResource),
        (GB.Occupation, SKOS.closeMatch, SCHEMA.Occupation),
        (GB.Major, SKOS.closeMatch, SCHEMA.EducationalOccupationalProgram),
        (GB.SourceDocument, RDFS.subClassOf, PROV.Entity),
        (GB.Build, RDFS.subClassOf, PROV.Activity),
        (GB.hasPart, RDFS.subPropertyOf, SCHEMA.hasPart),
        (GB.teaches, OWL.equivalentProperty, SCHEMA.teaches),
        (GB.confidence, RDFS.range, XSD.double),
        (GB.builtAt, RDFS.range, XSD.dateTime),
        (GB.hotTechnology, RDFS.range, XSD.boolean),
        (GB.charStart, RDFS.range, XSD.integer),
    ],
    ids=lambda axiom: " ".join(str(t).rsplit("#", 1)[-1].rsplit("/", 1)[-1] for t in axiom),
)
def test_mappings_to_standard_vocabularies(axiom: tuple[URIRef, URIRef, URIRef]) -> None:
    assert axiom in ONTOLOGY


def test_case_vocabulary_iri() -> None:
    assert str(CASE.CFItem) == "https://purl.imsglobal.org/spec/case/v1p0/vocab#CFItem"


# --- the generated namespace ---------------------------------------------------------------


@pytest.mark.parametrize(("term", "kind"), TERMS, ids=[_name(t) for t, _ in TERMS])
def test_every_ontology_term_is_in_gb(term: URIRef, kind: URIRef) -> None:
    assert getattr(GB, _name(term)) == term
    assert term in GB


def test_gb_has_no_term_the_ontology_lacks() -> None:
    declared = {name for name in GB.__annotations__ if not name.startswith("_")}
    assert declared == {_name(t) for t, _ in TERMS}


@pytest.mark.parametrize("typo", ["Majr", "major", "has_part", "Statement", "label"])
def test_a_name_outside_the_ontology_raises(typo: str) -> None:
    with pytest.raises(AttributeError):
        getattr(GB, typo)


def test_convenience_namespaces_are_the_standard_ones() -> None:
    assert str(SCHEMA) == "https://schema.org/"
    assert PROV.wasDerivedFrom == URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")
    assert SKOS.altLabel == URIRef("http://www.w3.org/2004/02/skos/core#altLabel")
    assert XSD.integer == URIRef("http://www.w3.org/2001/XMLSchema#integer")


def test_generated_module_is_up_to_date() -> None:
    generator = _load_generator()
    committed = (ROOT / "graphbuilder" / "ontology" / "namespace.py").read_text(encoding="utf-8")
    assert committed == generator.render(), (
        "graphbuilder/ontology/namespace.py is stale or was edited by hand: run "
        ".venv/bin/python scripts/generate_namespace.py"
    )


def test_generator_is_deterministic() -> None:
    generator = _load_generator()
    assert generator.render() == generator.render()


# --- the JSON-LD context -------------------------------------------------------------------

CONTEXT: dict[str, Any] = json.loads(
    (ontology_dir() / "context.jsonld").read_text(encoding="utf-8")
)["@context"]


def _expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    base = CONTEXT.get(prefix)
    return f"{base}{local}" if isinstance(base, str) and local else curie


@pytest.mark.parametrize(("term", "kind"), TERMS, ids=[_name(t) for t, _ in TERMS])
def test_context_maps_every_term_with_its_type(term: URIRef, kind: URIRef) -> None:
    entry = CONTEXT[_name(term)]
    iri = entry if isinstance(entry, str) else entry["@id"]
    assert _expand(str(iri)) == str(term)
    coercion = None if isinstance(entry, str) else entry.get("@type")
    if kind == OWL.ObjectProperty:
        assert coercion == "@id"
    elif kind == OWL.DatatypeProperty:
        declared = ONTOLOGY.value(term, RDFS.range)
        expected = None if declared in (None, XSD.string) else str(declared)
        assert (None if coercion is None else _expand(str(coercion))) == expected


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_context_reads_a_node_and_its_statement() -> None:
    doc = {
        "@context": CONTEXT,
        "@graph": [
            {
                "id": "https://example.org/major/510203",
                "type": "Major",
                "label": {"zh": "软件技术"},
                "code": "510203",
                "hasPart": "https://example.org/course/1",
            },
            {
                "id": "https://example.org/stmt/1",
                "type": "Statement",
                "subject": "https://example.org/major/510203",
                "predicate": "hasPart",
                "object": {"id": "https://example.org/course/1"},
                "wasDerivedFrom": "https://example.org/doc/1",
                "charStart": 3,
                "confidence": 0.5,
            },
        ],
    }
    parsed = Graph().parse(data=json.dumps(doc), format="json-ld")
    expected = Graph().parse(
        format="turtle",
        data="""
        @prefix gb: <https://w3id.org/graphbuilder/ontology#> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix prov: <http://www.w3.org/ns/prov#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        <https://example.org/major/510203> a gb:Major ; rdfs:label "软件技术"@zh ;
            gb:code "510203" ; gb:hasPart <https://example.org/course/1> .
        <https://example.org/stmt/1> a rdf:Statement ;
            rdf:subject <https://example.org/major/510203> ; rdf:predicate gb:hasPart ;
            rdf:object <https://example.org/course/1> ;
            prov:wasDerivedFrom <https://example.org/doc/1> ;
            gb:charStart 3 ; gb:confidence "0.5"^^xsd:double .
        """,
    )
    if not isomorphic(parsed, expected):
        _, only_parsed, only_expected = graph_diff(to_isomorphic(parsed), to_isomorphic(expected))
        pytest.fail(
            "JSON-LD differs\nonly parsed:\n"
            + only_parsed.serialize(format="nt")
            + "\nonly expected:\n"
            + only_expected.serialize(format="nt")
        )
