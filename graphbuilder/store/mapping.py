"""Typed records → RDF quads (pyoxigraph terms), the one place that knows the mapping.

Every asserted fact ``s p o`` (a node's ``rdf:type`` included) is also reified as an
``rdf:Statement`` that carries its provenance, so a node or edge stated by two documents
keeps both pieces of evidence, each in its document's graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Triple

from graphbuilder.model import Edge, Facts, Node, Provenance
from graphbuilder.model.iris import doc_iri, statement_iri
from graphbuilder.model.records import AttrValue
from graphbuilder.ontology.namespace import GB, PROV, RDF, RDFS, SKOS, XSD


@cache
def term(name: str) -> NamedNode:
    """The ontology term ``gb:name``; an unknown name raises (the namespace fails closed)."""
    return NamedNode(str(getattr(GB, name)))


RDF_TYPE = NamedNode(str(RDF.type))
RDF_STATEMENT = NamedNode(str(RDF.Statement))
RDF_SUBJECT = NamedNode(str(RDF.subject))
RDF_PREDICATE = NamedNode(str(RDF.predicate))
RDF_OBJECT = NamedNode(str(RDF.object))
RDFS_LABEL = NamedNode(str(RDFS.label))
SKOS_ALT = NamedNode(str(SKOS.altLabel))
PROV_DERIVED = NamedNode(str(PROV.wasDerivedFrom))
XSD_DOUBLE = NamedNode(str(XSD.double))


def literal(value: str | int | float | bool) -> Literal:
    """A typed literal: bool → xsd:boolean, int → xsd:integer, float → xsd:double."""
    if isinstance(value, float):
        return Literal(repr(value), datatype=XSD_DOUBLE)
    return Literal(value)


def literal_text(term_: NamedNode | BlankNode | Literal | Triple) -> str:
    """The lexical value of a term (an IRI's string, a literal's text)."""
    if isinstance(term_, Triple):
        raise TypeError(f"expected an IRI or a literal, got the triple term {term_}")
    return str(term_.value)


def _attr_quads(s: NamedNode, attrs: dict[str, AttrValue], g: NamedNode) -> Iterator[Quad]:
    for name in sorted(attrs):
        value = attrs[name]
        values = value if isinstance(value, tuple) else (value,)
        for v in values:
            if v == "":
                continue
            yield Quad(s, term(name), literal(v), g)


def _reified(
    base: str,
    g: NamedNode,
    s: NamedNode,
    p: NamedNode,
    o: NamedNode,
    prov: Provenance,
    build_id: str,
    attrs: dict[str, AttrValue] | None = None,
) -> Iterator[Quad]:
    st = NamedNode(statement_iri(base, g.value, s.value, p.value, o.value))
    yield Quad(s, p, o, g)
    yield Quad(st, RDF_TYPE, RDF_STATEMENT, g)
    yield Quad(st, RDF_SUBJECT, s, g)
    yield Quad(st, RDF_PREDICATE, p, g)
    yield Quad(st, RDF_OBJECT, o, g)
    yield Quad(st, PROV_DERIVED, NamedNode(doc_iri(base, prov.doc_id)), g)
    yield Quad(st, term("charStart"), Literal(prov.start), g)
    yield Quad(st, term("charEnd"), Literal(prov.end), g)
    yield Quad(st, term("extractor"), Literal(f"{prov.extractor}/{prov.version}"), g)
    yield Quad(st, term("confidence"), literal(float(prov.confidence)), g)
    # The build id lives on the document's record (prov:wasDerivedFrom → gb:buildId); a
    # statement repeats it only when its provenance names a different build.
    if prov.build_id and prov.build_id != build_id:
        yield Quad(st, term("buildId"), Literal(prov.build_id), g)
    if attrs:
        yield from _attr_quads(st, attrs, g)


def node_quads(base: str, node: Node, g: NamedNode, build_id: str) -> Iterator[Quad]:
    """The quads of one node: its typed, reified ``rdf:type``, labels and attributes."""
    s = NamedNode(node.iri)
    yield from _reified(base, g, s, RDF_TYPE, term(node.kind), node.provenance, build_id)
    if node.label_en is not None and node.label_en == node.label:
        yield Quad(s, RDFS_LABEL, Literal(node.label, language="en"), g)
    else:
        yield Quad(s, RDFS_LABEL, Literal(node.label, language="zh"), g)
        if node.label_en:
            yield Quad(s, RDFS_LABEL, Literal(node.label_en, language="en"), g)
    for alt in node.alt_labels:
        yield Quad(s, SKOS_ALT, Literal(alt, language="zh"), g)
    yield from _attr_quads(s, node.attrs, g)


def edge_quads(base: str, edge: Edge, g: NamedNode, build_id: str) -> Iterator[Quad]:
    """The quads of one edge: the asserted triple and its reified statement."""
    yield from _reified(
        base,
        g,
        NamedNode(edge.source),
        term(edge.kind),
        NamedNode(edge.target),
        edge.provenance,
        build_id,
        edge.attrs,
    )


def facts_quads(base: str, facts: Facts, g: NamedNode, build_id: str) -> Iterator[Quad]:
    """All quads of one document's facts, in the document's graph ``g``."""
    for node in facts.nodes:
        yield from node_quads(base, node, g, build_id)
    for edge in facts.edges:
        yield from edge_quads(base, edge, g, build_id)
