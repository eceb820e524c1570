"""SHACL validation: a small valid build conforms; each kind of defect is reported precisely."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH

from graphbuilder.errors import ValidationError
from graphbuilder.ontology import GB, PROV, RDF, RDFS, ShaclReport, load_shapes, validate

ID = "https://w3id.org/graphbuilder/id/"
SHAPES = "https://w3id.org/graphbuilder/shapes#"

DOC = URIRef(ID + "doc/moe-standard-510203")
META = URIRef(ID + "graph/meta")
DOC_GRAPH = URIRef(ID + "graph/doc/moe-standard-510203")
MAJOR = URIRef(ID + "major/510203")
COURSE = URIRef(ID + "course/510203/java")
OCCUPATION = URIRef(ID + "occupation/4-04-05-01")
KNOWLEDGE = URIRef(ID + "kp/jvm")


def _stmt(s: URIRef, p: URIRef) -> URIRef:
    """The IRI of the statement reifying ``s p …`` (one per subject and predicate here)."""
    return URIRef(f"{ID}stmt/{s.rsplit('/', 1)[-1]}/{p.rsplit('#', 1)[-1].rsplit('/', 1)[-1]}")


def _assert_fact(g: Graph, s: URIRef, p: URIRef, o: URIRef | Literal, start: int = 0) -> URIRef:
    """Add a fact and its reified statement with provenance, as a build does."""
    g.add((s, p, o))
    st = _stmt(s, p)
    g.add((st, RDF.type, RDF.Statement))
    g.add((st, RDF.subject, s))
    g.add((st, RDF.predicate, p))
    g.add((st, RDF.object, o))
    g.add((st, PROV.wasDerivedFrom, DOC))
    g.add((st, GB.charStart, Literal(start)))
    g.add((st, GB.charEnd, Literal(start + 6)))
    g.add((st, GB.extractor, Literal("moe-standard/0.1.0")))
    g.add((st, GB.confidence, Literal(1.0)))
    g.add((st, GB.buildId, Literal("build-1")))
    return st


def _valid() -> Dataset:
    """A major with a course and an occupation, from one document, in per-document graphs."""
    ds = Dataset()
    meta = ds.graph(META)
    meta.add((DOC, RDF.type, GB.SourceDocument))
    meta.add((DOC, GB.sourcePath, Literal("standards/510203.txt")))
    meta.add((DOC, GB.contentHash, Literal("sha256:" + "0" * 64)))
    meta.add((DOC, GB.documentKind, Literal("teaching-standard")))

    g = ds.graph(DOC_GRAPH)
    _assert_fact(g, MAJOR, RDF.type, GB.Major)
    _assert_fact(g, MAJOR, RDFS.label, Literal("软件技术", lang="zh"), 10)
    _assert_fact(g, MAJOR, GB.code, Literal("510203"), 20)
    _assert_fact(g, MAJOR, GB.level, Literal("高职专科"), 30)
    _assert_fact(g, MAJOR, GB.hasPart, COURSE, 40)
    _assert_fact(g, MAJOR, GB.preparesFor, OCCUPATION, 50)
    _assert_fact(g, COURSE, RDF.type, GB.Course, 60)
    _assert_fact(g, COURSE, RDFS.label, Literal("Java 程序设计", lang="zh"), 60)
    _assert_fact(g, OCCUPATION, RDF.type, GB.Occupation, 70)
    _assert_fact(g, OCCUPATION, RDFS.label, Literal("计算机程序设计员", lang="zh"), 70)
    _assert_fact(g, OCCUPATION, GB.code, Literal("4-04-05-01"), 80)
    return ds


def _doc_graph(ds: Dataset) -> Graph:
    return ds.graph(DOC_GRAPH)


def _set(ds: Dataset, s: URIRef, p: URIRef, o: URIRef | Literal) -> None:
    """Replace the value of ``s p`` in the fact and in its statement."""
    g = _doc_graph(ds)
    g.set((s, p, o))
    g.set((_stmt(s, p), RDF.object, o))


def _missing_code(ds: Dataset) -> None:
    _doc_graph(ds).remove((MAJOR, GB.code, None))


def _bad_level(ds: Dataset) -> None:
    _set(ds, MAJOR, GB.level, Literal("高职"))


def _level_with_language_tag(ds: Dataset) -> None:
    _set(ds, MAJOR, GB.level, Literal("高职专科", lang="zh"))


def _full_width_code(ds: Dataset) -> None:
    _set(ds, MAJOR, GB.code, Literal("５１０２０３"))


def _statement_without_source(ds: Dataset) -> None:
    _doc_graph(ds).remove((_stmt(MAJOR, GB.code), PROV.wasDerivedFrom, None))


def _statement_from_unknown_document(ds: Dataset) -> None:
    _doc_graph(ds).set((_stmt(MAJOR, GB.code), PROV.wasDerivedFrom, URIRef(ID + "doc/nowhere")))


def _confidence_above_one(ds: Dataset) -> None:
    _doc_graph(ds).set((_stmt(MAJOR, GB.code), GB.confidence, Literal(1.5)))


def _span_backwards(ds: Dataset) -> None:
    _doc_graph(ds).set((_stmt(MAJOR, GB.code), GB.charStart, Literal(99)))


def _statement_without_extractor(ds: Dataset) -> None:
    _doc_graph(ds).remove((_stmt(MAJOR, GB.code), GB.extractor, None))


def _prepares_for_a_course(ds: Dataset) -> None:
    _set(ds, MAJOR, GB.preparesFor, COURSE)


def _course_as_major_part_is_untyped(ds: Dataset) -> None:
    _doc_graph(ds).remove((COURSE, RDF.type, GB.Course))


def _node_without_provenance(ds: Dataset) -> None:
    g = _doc_graph(ds)
    g.add((KNOWLEDGE, RDF.type, GB.KnowledgePoint))
    g.add((KNOWLEDGE, RDFS.label, Literal("JVM 内存模型", lang="zh")))


def _label_without_language(ds: Dataset) -> None:
    _set(ds, COURSE, RDFS.label, Literal("Java 程序设计"))


def _bad_occupation_code(ds: Dataset) -> None:
    _set(ds, OCCUPATION, GB.code, Literal("4040501"))


def _major_performs_a_task(ds: Dataset) -> None:
    task = URIRef(ID + "task/coding")
    _assert_fact(_doc_graph(ds), task, RDF.type, GB.Task)
    _assert_fact(_doc_graph(ds), task, RDFS.label, Literal("编码", lang="zh"))
    _assert_fact(_doc_graph(ds), MAJOR, GB.performs, task)


def _document_without_hash(ds: Dataset) -> None:
    ds.graph(META).remove((DOC, GB.contentHash, None))


# (defect, expected violations as (focus node, path, shape, constraint component)); shapes and
# components by local name, e.g. "Major-code" and "MinCount" for sh:MinCountConstraintComponent.
CASES: list[tuple[Callable[[Dataset], None], set[tuple[str, str, str, str]]]] = [
    (_missing_code, {(MAJOR, GB.code, "Major-code", "MinCount")}),
    (_bad_level, {(MAJOR, GB.level, "Major-level", "In")}),
    (_level_with_language_tag, {(MAJOR, GB.level, "Major-level", "In")}),
    (_full_width_code, {(MAJOR, GB.code, "Major-code", "Pattern")}),
    (
        _statement_without_source,
        {(_stmt(MAJOR, GB.code), PROV.wasDerivedFrom, "Statement-wasDerivedFrom", "MinCount")},
    ),
    (
        _statement_from_unknown_document,
        {(_stmt(MAJOR, GB.code), PROV.wasDerivedFrom, "Statement-wasDerivedFrom", "Class")},
    ),
    (
        _confidence_above_one,
        {(_stmt(MAJOR, GB.code), GB.confidence, "Statement-confidence", "MaxInclusive")},
    ),
    (
        _span_backwards,
        {(_stmt(MAJOR, GB.code), GB.charStart, "Statement-charStart", "LessThanOrEquals")},
    ),
    (
        _statement_without_extractor,
        {(_stmt(MAJOR, GB.code), GB.extractor, "Statement-extractor", "MinCount")},
    ),
    (_prepares_for_a_course, {(MAJOR, GB.preparesFor, "PreparesFor-object", "Class")}),
    (_course_as_major_part_is_untyped, {(MAJOR, GB.hasPart, "Major-hasPart", "Class")}),
    (
        _node_without_provenance,
        {(KNOWLEDGE, "^" + str(RDF.subject), "Node-provenance", "MinCount")},
    ),
    (
        _label_without_language,
        {
            (COURSE, RDFS.label, "Node-label", "Datatype"),
            (COURSE, RDFS.label, "Node-label", "LanguageIn"),
        },
    ),
    (_bad_occupation_code, {(OCCUPATION, GB.code, "Occupation-code", "Pattern")}),
    (_major_performs_a_task, {(MAJOR, "", "Performs-subject", "Class")}),
    (_document_without_hash, {(DOC, GB.contentHash, "SourceDocument-contentHash", "MinCount")}),
]


def _key(focus: str, path: str, shape: str, component: str) -> tuple[str, str, str, str]:
    """Expand a row of the table to the fields of a Violation."""
    return (str(focus), str(path), SHAPES + shape, component + "ConstraintComponent")


@pytest.fixture(scope="module")
def valid_report() -> ShaclReport:
    return validate(_valid())


def test_the_shapes_are_shacl_core() -> None:
    shapes = load_shapes()
    assert (None, SH.sparql, None) not in shapes
    assert len(set(shapes.subjects(RDF.type, SH.PropertyShape))) > 20


def test_a_valid_build_conforms(valid_report: ShaclReport) -> None:
    assert valid_report.violations == []
    assert valid_report.conforms


def test_validation_reads_across_named_graphs() -> None:
    ds = _valid()
    assert validate(ds).conforms  # statements in the doc graph, the document in the meta graph
    assert not ds.default_union  # the caller's dataset is left as it was
    only_doc_graph = Graph()
    for triple in _doc_graph(ds):
        only_doc_graph.add(triple)
    report = validate(only_doc_graph)
    assert {v.shape for v in report.violations} == {SHAPES + "Statement-wasDerivedFrom"}


def test_a_merged_graph_validates_like_the_dataset() -> None:
    merged = Graph()
    for s, p, o, _ in _valid().quads((None, None, None, None)):
        merged.add((s, p, o))
    assert validate(merged).conforms


@pytest.mark.parametrize(("defect", "expected"), CASES, ids=[c[0].__name__[1:] for c in CASES])
def test_a_defect_is_reported(
    defect: Callable[[Dataset], None], expected: set[tuple[str, str, str, str]]
) -> None:
    ds = _valid()
    defect(ds)
    report = validate(ds)
    assert not report.conforms
    found = {(v.focus_node, v.path, v.shape, v.component) for v in report.violations}
    assert found == {_key(*e) for e in expected}, report.text
    assert all(v.severity == "Violation" and v.message for v in report.violations)


def test_the_offending_value_is_reported() -> None:
    ds = _valid()
    _prepares_for_a_course(ds)
    (violation,) = validate(ds).violations
    assert violation.value == str(COURSE)
    assert violation.message == "gb:preparesFor points to an occupation."


def test_raise_for_violations() -> None:
    ds = _valid()
    _missing_code(ds)
    report = validate(ds)
    with pytest.raises(ValidationError, match=r"(?s)1 SHACL violation.*major/510203"):
        report.raise_for_violations()


def test_raise_for_violations_passes_a_valid_build(valid_report: ShaclReport) -> None:
    valid_report.raise_for_violations()


def test_custom_shapes_replace_the_default_ones() -> None:
    ds = _valid()
    _missing_code(ds)
    assert validate(ds, shapes=Graph()).conforms
