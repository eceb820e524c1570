"""The taxonomy every loader produces: concepts with labels, hierarchy and attributes.

A SKOS file (:mod:`graphbuilder.align.skos`) and ESCO's CSV export
(:mod:`graphbuilder.align.esco`) both load into a :class:`Taxonomy`, so matching does not
care where the concepts came from.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Literal

from graphbuilder.model.records import AttrValue

LabelKind = Literal["pref", "alt", "hidden"]


@dataclass(frozen=True, slots=True)
class Label:
    """One label of a concept.

    Attributes:
        text: the label as written.
        lang: its language tag (``zh``, ``en``; ``""`` when untagged).
        kind: ``pref`` (skos:prefLabel), ``alt`` (skos:altLabel) or ``hidden``.
    """

    text: str
    lang: str
    kind: LabelKind


@dataclass(frozen=True, slots=True)
class Concept:
    """A taxonomy entry.

    Attributes:
        iri: its IRI.
        labels: every label, preferred ones first.
        broader: IRIs of its broader concepts.
        related: IRIs of associated concepts (skos:related, skos:closeMatch).
        attrs: data about it (``commodityCode``, ``hotTechnology``, ``inDemand``, …).
    """

    iri: str
    labels: tuple[Label, ...]
    broader: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    attrs: Mapping[str, AttrValue] = field(default_factory=dict)

    def pref(self, lang: str) -> str | None:
        """The preferred label in ``lang`` (``None`` when there is none).

        >>> labels = (Label("PLC", "en", "pref"), Label("可编程控制器", "zh", "pref"))
        >>> Concept("x", labels).pref("zh")
        '可编程控制器'
        """
        for label in self.labels:
            if label.kind == "pref" and label.lang == lang:
                return label.text
        return None

    @property
    def name(self) -> str:
        """A display name: the Chinese preferred label, else the English, else any label."""
        return self.pref("zh") or self.pref("en") or (self.labels[0].text if self.labels else "")


@dataclass
class Taxonomy:
    """A set of concepts by IRI, with the scheme they came from.

    Attributes:
        concepts: every concept by IRI.
        source: where the taxonomy was read from (a path or a description).
    """

    concepts: dict[str, Concept]
    source: str = ""

    def __len__(self) -> int:
        return len(self.concepts)

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def ancestors(self, iri: str) -> list[str]:
        """Every broader concept of ``iri``, nearest first, each once (cycles are cut).

        >>> t = Taxonomy({"a": Concept("a", (), ("b",)), "b": Concept("b", (), ("a",))})
        >>> t.ancestors("a")
        ['b']
        """
        out: list[str] = []
        seen = {iri}
        frontier = [iri]
        while frontier:
            nxt: list[str] = []
            for i in frontier:
                concept = self.concepts.get(i)
                for b in concept.broader if concept else ():
                    if b not in seen:
                        seen.add(b)
                        out.append(b)
                        nxt.append(b)
            frontier = nxt
        return out

    def find_label(self, text: str) -> list[str]:
        """The IRIs of concepts with a label equal to ``text`` after normalisation."""
        from graphbuilder.align.normalise import normalise

        key = normalise(text)
        return sorted(
            {c.iri for c in self.concepts.values() for lb in c.labels if normalise(lb.text) == key}
        )
