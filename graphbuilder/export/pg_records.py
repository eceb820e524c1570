"""Property-graph records: one node or edge merged over every document that states it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from pyoxigraph import Literal

from graphbuilder.ontology.namespace import XSD

_INTEGER = {
    str(XSD.integer), str(XSD.int), str(XSD.long), str(XSD.short), str(XSD.nonNegativeInteger)
}  # fmt: skip
_FLOAT = {str(XSD.double), str(XSD.float), str(XSD.decimal)}
_BOOLEAN = str(XSD.boolean)

Value = str | int | float | bool


def literal_value(lit: Literal) -> Value:
    """The Python value of a literal: bool, int, float or (any other datatype) str.

    >>> from pyoxigraph import NamedNode
    >>> literal_value(Literal("3", datatype=NamedNode(str(XSD.integer))))
    3
    >>> literal_value(Literal("true", datatype=NamedNode(str(XSD.boolean))))
    True
    >>> literal_value(Literal("数据结构", language="zh"))
    '数据结构'
    """
    dt = lit.datatype.value
    try:
        if dt == _BOOLEAN:
            return lit.value in ("true", "1")
        if dt in _INTEGER:
            return int(lit.value)
        if dt in _FLOAT:
            return float(lit.value)
    except ValueError:
        return lit.value
    return lit.value


@dataclass(frozen=True, slots=True)
class PGNode:
    """One node, merged over every document that states it.

    Attributes:
        iri: the node's IRI.
        kind: its node kind (``Major``, ``Skill`` …).
        labels: its ``rdfs:label`` values by language tag, each sorted.
        alt_labels: its ``skos:altLabel`` values, sorted.
        attrs: its ``gb:`` attributes by local name, each a sorted tuple of distinct values.
        sources: the paths of the documents that state it, sorted.
    """

    iri: str
    kind: str
    labels: Mapping[str, tuple[str, ...]]
    alt_labels: tuple[str, ...] = ()
    attrs: Mapping[str, tuple[Value, ...]] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """The preferred label: the first Chinese one, else the first English one, else the IRI."""
        for lang in ("zh", "en", ""):
            if self.labels.get(lang):
                return self.labels[lang][0]
        return next((v[0] for v in self.labels.values() if v), self.iri)

    @property
    def label_en(self) -> str | None:
        """The first English label, if any."""
        values = self.labels.get("en")
        return values[0] if values else None

    @property
    def other_labels(self) -> tuple[str, ...]:
        """Alternative labels and the labels beyond the preferred one, sorted and distinct."""
        extra = set(self.alt_labels)
        for values in self.labels.values():
            extra.update(values)
        extra.discard(self.label)
        if self.label_en is not None:
            extra.discard(self.label_en)
        return tuple(sorted(extra))


@dataclass(frozen=True, slots=True)
class PGEdge:
    """One edge, merged over every document that states it.

    Attributes:
        source: the source node's IRI.
        kind: the edge kind (``hasPart``, ``teaches`` …).
        target: the target node's IRI.
        source_kind: the source node's kind.
        target_kind: the target node's kind.
        attrs: attributes of the fact (not of its evidence) by local name, sorted tuples.
        confidence: the highest confidence any document gave it.
        sources: the paths of the documents that state it, sorted.
    """

    source: str
    kind: str
    target: str
    source_kind: str
    target_kind: str
    attrs: Mapping[str, tuple[Value, ...]] = field(default_factory=dict)
    confidence: float = 1.0
    sources: tuple[str, ...] = ()
