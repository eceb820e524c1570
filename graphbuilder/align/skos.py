"""Load any SKOS file into a :class:`~graphbuilder.align.taxonomy.Taxonomy`.

Every ``skos:Concept`` becomes a concept with its ``skos:prefLabel`` / ``altLabel`` /
``hiddenLabel``, ``skos:broader`` (and inverted ``skos:narrower``), ``skos:related`` /
``skos:closeMatch`` / ``skos:exactMatch``, and the ``gb:`` data it carries (commodity code,
Hot Technology, In Demand). IRIs under the default data namespace are moved to ``base_iri``,
so the shipped taxonomy follows the ``GRAPHBUILDER_BASE_IRI`` setting.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from graphbuilder.align.compose import DEFAULT_BASE, SHIPPED
from graphbuilder.align.taxonomy import Concept, Label, LabelKind, Taxonomy
from graphbuilder.errors import InputError
from graphbuilder.model.records import AttrValue
from graphbuilder.ontology.namespace import GB, RDF, SKOS

_FORMATS = {
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".rdf": RdfFormat.RDF_XML,
    ".xml": RdfFormat.RDF_XML,
    ".owl": RdfFormat.RDF_XML,
    ".jsonld": RdfFormat.JSON_LD,
}
_LABELS: dict[str, LabelKind] = {
    str(SKOS.prefLabel): "pref",
    str(SKOS.altLabel): "alt",
    str(SKOS.hiddenLabel): "hidden",
}
_RELATED = {str(SKOS.related), str(SKOS.closeMatch), str(SKOS.exactMatch)}
_ATTRS = {str(GB.commodityCode), str(GB.hotTechnology), str(GB.inDemand), str(GB.category)}


def load_skos(path: Path | None, base_iri: str = DEFAULT_BASE) -> Taxonomy:
    """Read the SKOS concepts of ``path`` (default: the shipped taxonomy).

    Args:
        path: a Turtle, N-Triples, RDF/XML, TriG or JSON-LD file.
        base_iri: the data namespace that replaces the default one in IRIs.

    Raises:
        InputError: the file is missing, of an unknown format, not valid RDF, or has no
            concept.
    """
    path = path or SHIPPED
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(str(path), f"unknown RDF format {path.suffix!r} ({', '.join(_FORMATS)})")
    try:
        data = path.read_bytes()
        triples = [(q.subject, q.predicate, q.object) for q in parse(data, format=fmt)]
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    except SyntaxError as exc:
        raise InputError(str(path), f"not valid RDF: {exc}") from exc

    def iri(value: str) -> str:
        if base_iri != DEFAULT_BASE and value.startswith(DEFAULT_BASE):
            return base_iri + value[len(DEFAULT_BASE) :]
        return value

    concept_type = str(SKOS.Concept)
    ids = {
        iri(s.value)
        for s, p, o in triples
        if isinstance(s, NamedNode) and p.value == str(RDF.type) and o.value == concept_type
    }
    labels: dict[str, list[Label]] = {c: [] for c in ids}
    broader: dict[str, set[str]] = {c: set() for c in ids}
    related: dict[str, set[str]] = {c: set() for c in ids}
    attrs: dict[str, dict[str, AttrValue]] = {c: {} for c in ids}
    for s, p, o in triples:
        if not isinstance(s, NamedNode):
            continue
        subj, pred = iri(s.value), p.value
        if subj not in ids:
            continue
        if pred in _LABELS and isinstance(o, Literal):
            labels[subj].append(Label(o.value, o.language or "", _LABELS[pred]))
        elif pred == str(SKOS.broader) and isinstance(o, NamedNode):
            broader[subj].add(iri(o.value))
        elif pred == str(SKOS.narrower) and isinstance(o, NamedNode) and iri(o.value) in ids:
            broader[iri(o.value)].add(subj)
        elif pred in _RELATED and isinstance(o, NamedNode):
            related[subj].add(iri(o.value))
        elif pred in _ATTRS and isinstance(o, Literal):
            name = pred[len(str(GB)) :]
            value: AttrValue = (
                o.value == "true" if name in ("hotTechnology", "inDemand") else o.value
            )
            old = attrs[subj].get(name)
            if isinstance(value, str) and isinstance(old, str | tuple):
                value = tuple(sorted({*(old if isinstance(old, tuple) else (old,)), value}))
            attrs[subj][name] = value
    if not ids:
        raise InputError(str(path), "holds no skos:Concept")
    rank = {"pref": 0, "alt": 1, "hidden": 2}
    concepts = {
        c: Concept(
            iri=c,
            labels=tuple(sorted(labels[c], key=lambda lb: (rank[lb.kind], lb.lang, lb.text))),
            broader=tuple(sorted(broader[c])),
            related=tuple(sorted(related[c])),
            attrs=attrs[c],
        )
        for c in sorted(ids)
    }
    return Taxonomy(concepts, source=str(path))
