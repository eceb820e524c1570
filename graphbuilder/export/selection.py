"""Partial exports: which nodes ``--major CODE`` and ``--kind KIND`` keep.

``--kind`` keeps the nodes of the named kinds. ``--major`` keeps a major and what hangs off
it, found by following edges from the major:

- structure, expanded further: major → course → module → knowledge point (``hasPart``),
  ``teaches`` from the major, its courses and modules, ``preparesFor`` to occupations, their
  ``performs`` tasks and the skills those tasks and occupations ``needsSkill``;
- ends, kept but not expanded: the majors it ``continuesTo``, the certificates that
  ``certifies`` it, and from every node kept so far the targets of ``requires``,
  ``alignsTo`` and ``relatedTo`` and the resources that ``teaches`` it.

Given both, a node must pass both. An edge is exported when both its ends are kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graphbuilder.errors import NotFoundError
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.model import NODE_KINDS
from graphbuilder.model.iris import node_iri

# kind -> (edges followed out and expanded, edges followed out to an end)
_OUT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Major": (("hasPart", "teaches", "preparesFor"), ("continuesTo",)),
    "Course": (("hasPart", "teaches"), ()),
    "Module": (("hasPart", "teaches"), ()),
    "Occupation": (("performs", "needsSkill"), ()),
    "Task": (("needsSkill",), ()),
}
_ENDS_FROM_ANY = ("requires", "alignsTo", "relatedTo")


@dataclass(frozen=True, slots=True)
class Selection:
    """What a partial export keeps; the empty selection keeps everything.

    Attributes:
        majors: major codes (``510201``); empty for no restriction.
        kinds: node kinds; empty for no restriction.
    """

    majors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = sorted(set(self.kinds) - set(NODE_KINDS))
        if unknown:
            raise ValueError(
                f"unknown node kind(s) {', '.join(unknown)}; choose from {', '.join(NODE_KINDS)}"
            )

    @property
    def everything(self) -> bool:
        """Whether this selection keeps the whole graph."""
        return not self.majors and not self.kinds

    def node_kinds(self) -> tuple[str, ...]:
        """The node kinds that may be kept, in the model's order."""
        return tuple(k for k in NODE_KINDS if not self.kinds or k in self.kinds)

    def resolve(self, reader: GraphReader) -> frozenset[str] | None:
        """The IRIs of the nodes kept, or ``None`` when every node is.

        Raises:
            NotFoundError: a major code names no major in the store.
        """
        if self.everything:
            return None
        if not self.majors:
            return frozenset(iri for kind in self.node_kinds() for iri in reader.node_iris(kind))
        kept = major_closure(reader, self.majors)
        if self.kinds:
            kept = {iri for iri in kept if reader.kind_of(iri) in self.kinds}
        return frozenset(kept)


def major_closure(reader: GraphReader, codes: Iterable[str]) -> set[str]:
    """The nodes a ``--major`` export keeps for ``codes`` (see the module docstring).

    Raises:
        NotFoundError: a code names no major in the store.
    """
    base = reader.store.base
    start = []
    for code in codes:
        iri = node_iri(base, "Major", code, coded=True)
        if reader.kind_of(iri) != "Major":
            raise NotFoundError(f"no major with code {code} in {reader.store.path}")
        start.append(iri)
    kept = set(start)
    frontier = list(start)
    while frontier:
        iri = frontier.pop()
        expand, ends = _OUT.get(reader.kind_of(iri) or "", ((), ()))
        for edge in reader.out_edges(iri, expand):
            if edge.target not in kept:
                kept.add(edge.target)
                frontier.append(edge.target)
        kept.update(e.target for e in reader.out_edges(iri, ends))
        if reader.kind_of(iri) == "Major":
            kept.update(e.source for e in reader.in_edges(iri, ("certifies",)))
    for iri in list(kept):
        kept.update(e.target for e in reader.out_edges(iri, _ENDS_FROM_ANY))
        kept.update(
            e.source for e in reader.in_edges(iri, ("teaches",)) if e.source_kind == "Resource"
        )
    return kept
