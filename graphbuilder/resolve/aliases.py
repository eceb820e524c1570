"""Which technology a mention names; through taxonomy aliases PLC = 可编程控制器 = 可编程逻辑控制器.

A mention the taxonomy's table knows (:mod:`graphbuilder.nlp.technology`) resolves to its
concept, and takes the IRI the taxonomy gives that concept: an O*NET technology
(``onet:<name>``) the IRI of its graph node (``node_iri(base, "Technology", name)``), a
Chinese concept (``cn:<slug>``) ``technology/cn-<slug>``. This is the rule of
:func:`graphbuilder.align.compose.concept_iri`, restated here because resolution runs
before alignment and must not import it (a test keeps the two equal). A mention the table
does not know (``TIA Portal``) is its own technology, keyed by its folded name, so the same
name in two documents, or an O*NET example of that exact name, is one node.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphbuilder.model.iris import node_iri
from graphbuilder.nlp.technology import TechMention

_CODED_PREFIXES = ("cn", "unspsc")


@dataclass(frozen=True, slots=True)
class TechIdentity:
    """What a technology mention resolves to.

    Attributes:
        key: the node key (an O*NET name, ``cn-<slug>``, or the mention itself).
        coded: whether ``key`` is used in the IRI as it is.
        label: the preferred label (Chinese when the taxonomy has one).
        label_en: the English label, if any.
        concept: the taxonomy reference, or ``""`` for an unknown name.
    """

    key: str
    coded: bool
    label: str
    label_en: str | None
    concept: str

    def iri(self, base: str) -> str:
        """The node IRI under ``base``."""
        return node_iri(base, "Technology", self.key, coded=self.coded)


def identify(mention: TechMention) -> TechIdentity:
    """The technology a mention names.

    >>> from graphbuilder.nlp.technology import TechTerm
    >>> t = TechTerm("onet:Programmable logic controller PLC software", "可编程控制器（PLC）", "")
    >>> identify(TechMention("PLC", 0, 3, t)) == identify(TechMention("可编程逻辑控制器", 0, 8, t))
    True
    >>> identify(TechMention("TIA Portal", 0, 10, None)).label_en
    'TIA Portal'
    """
    term = mention.term
    if term is None:
        latin = mention.text.isascii()
        return TechIdentity(mention.text, False, mention.text, mention.text if latin else None, "")
    prefix, _, rest = term.concept.partition(":")
    coded = prefix in _CODED_PREFIXES
    key = f"{prefix}-{rest}" if coded else rest
    label = term.label_zh or term.label_en or rest
    return TechIdentity(key, coded, label, term.label_en or None, term.concept)
