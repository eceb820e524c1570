"""The skill and knowledge taxonomy alone, as a SKOS concept scheme, the way ESCO publishes.

One ``skos:ConceptScheme`` with two top concepts, *skills* (技能) and *knowledge* (知识), as
ESCO's skills pillar has; every ``Skill`` and ``KnowledgePoint`` node is a ``skos:Concept``
(its own IRI) in the scheme, ``skos:broader`` its top concept, with ``skos:prefLabel`` (one
per language), ``skos:altLabel`` for its other labels and ``skos:definition`` when it has one.
``relatedTo`` between two concepts is ``skos:related``; an alignment to an industry
technology (a concept of another scheme) is ``skos:exactMatch`` once a person accepted it and
``skos:relatedMatch`` while it is automatic; rejected ones are left out.

Turtle, streamed concept by concept.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from graphbuilder.export.base import ExportReport
from graphbuilder.export.pg_records import PGNode
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.rdf import Counted
from graphbuilder.export.selection import Selection
from graphbuilder.ontology.namespace import RDF, SKOS
from graphbuilder.store.oxigraph import OxigraphStore

CONCEPT_KINDS = ("Skill", "KnowledgePoint")
_TYPE = NamedNode(str(RDF.type))
_S = {
    name: NamedNode(str(SKOS) + name)
    for name in (
        "Concept",
        "ConceptScheme",
        "prefLabel",
        "altLabel",
        "definition",
        "inScheme",
        "broader",
        "narrower",
        "hasTopConcept",
        "topConceptOf",
        "related",
        "exactMatch",
        "relatedMatch",
    )
}
TOP_LABELS = {
    "Skill": ("skill", "技能", "Skills"),
    "KnowledgePoint": ("knowledge", "知识", "Knowledge"),
}


def scheme_iri(base: str) -> str:
    """The IRI of the concept scheme."""
    return f"{base}scheme/skills"


def _scheme(base: str) -> Iterator[Triple]:
    scheme = NamedNode(scheme_iri(base))
    yield Triple(scheme, _TYPE, _S["ConceptScheme"])
    yield Triple(scheme, _S["prefLabel"], Literal("职业教育技能与知识体系", language="zh"))
    yield Triple(scheme, _S["prefLabel"], Literal("Vocational skills and knowledge", language="en"))
    for slug, zh, en in TOP_LABELS.values():
        top = NamedNode(f"{scheme_iri(base)}/{slug}")
        yield Triple(scheme, _S["hasTopConcept"], top)
        yield Triple(top, _TYPE, _S["Concept"])
        yield Triple(top, _S["prefLabel"], Literal(zh, language="zh"))
        yield Triple(top, _S["prefLabel"], Literal(en, language="en"))
        yield Triple(top, _S["inScheme"], scheme)
        yield Triple(top, _S["topConceptOf"], scheme)


def concept_triples(
    reader: GraphReader, node: PGNode, iris: frozenset[str] | None
) -> Iterator[Triple]:
    """The triples of one concept (and the ``narrower`` of its top concept)."""
    base = reader.store.base
    c = NamedNode(node.iri)
    top = NamedNode(f"{scheme_iri(base)}/{TOP_LABELS[node.kind][0]}")
    yield Triple(c, _TYPE, _S["Concept"])
    yield Triple(c, _S["inScheme"], NamedNode(scheme_iri(base)))
    yield Triple(c, _S["broader"], top)
    preferred = {lang: values[0] for lang, values in node.labels.items() if values and lang}
    for lang, label in sorted(preferred.items()):
        yield Triple(c, _S["prefLabel"], Literal(label, language=lang))
    for lang, values in sorted(node.labels.items()):
        for label in values[1:] if lang else values:
            yield Triple(c, _S["altLabel"], Literal(label, language=lang or "zh"))
    for label in node.alt_labels:
        if label not in node.labels.get("zh", ()):
            yield Triple(c, _S["altLabel"], Literal(label, language="zh"))
    for definition in node.attrs.get("definition", ()):
        yield Triple(c, _S["definition"], Literal(str(definition), language="zh"))
    for edge in reader.out_edges(node.iri, ("relatedTo", "alignsTo")):
        if edge.kind == "relatedTo":
            if edge.target_kind in CONCEPT_KINDS and (iris is None or edge.target in iris):
                yield Triple(c, _S["related"], NamedNode(edge.target))
            continue
        status = edge.attrs.get("reviewStatus", ("auto",))
        if "rejected" in status:
            continue
        match = _S["exactMatch"] if "accepted" in status else _S["relatedMatch"]
        yield Triple(c, match, NamedNode(edge.target))
    yield Triple(top, _S["narrower"], c)


def _triples(
    reader: GraphReader, iris: frozenset[str] | None, kinds: tuple[str, ...]
) -> Iterator[Triple]:
    yield from _scheme(reader.store.base)
    for kind in kinds:
        for iri in reader.node_iris(kind):
            if iris is not None and iri not in iris:
                continue
            node = reader.node(iri, kind)
            if node is not None:
                yield from concept_triples(reader, node, iris)


def export_skos(store: OxigraphStore, out: Path, selection: Selection) -> ExportReport:
    """Write the skill and knowledge taxonomy (or the selected part) as a SKOS scheme in Turtle."""
    from graphbuilder.export.turtle import prefixes

    reader = GraphReader(store)
    iris = selection.resolve(reader)
    kinds = tuple(k for k in CONCEPT_KINDS if k in selection.node_kinds())
    concepts = Counted(_triples(reader, iris, kinds))
    serialize(concepts, str(out), RdfFormat.TURTLE, prefixes=prefixes(store.base))
    return ExportReport(out, {"triples": concepts.count})
