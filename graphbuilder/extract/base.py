"""What every extractor shares: the context between documents and a builder of facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from graphbuilder.extract.lexicons import Lexicons
from graphbuilder.extract.recognised import Recogniser
from graphbuilder.model import Document, Edge, Facts, Node, Provenance, Section
from graphbuilder.model.iris import digest, node_iri
from graphbuilder.model.records import AttrValue

EXTRACTOR_VERSION = "0.2.0"

LEVELS_BY_CODE_DIGIT = {
    "2": "职教本科",
    "3": "职教本科",
    "4": "高职专科",
    "5": "高职专科",
    "6": "中职",
    "7": "中职",
}


def level_of_code(code: str) -> str | None:
    """The level of a 2021-catalogue major code, from its first digit.

    >>> level_of_code("510201"), level_of_code("610101"), level_of_code("210101")
    ('高职专科', '中职', '职教本科')
    """
    return LEVELS_BY_CODE_DIGIT.get(code[:1]) if len(code) == 6 and code.isdigit() else None


@dataclass
class Context:
    """What one document's extraction needs from others.

    Attributes:
        base_iri: the namespace for node IRIs.
        majors_by_name: (level, name) → major code, from the catalogue.
        major_names: major code → name, from the catalogue.
        fingerprint: a hash of what the context was made from.
        lexicons: the word lists of skill, knowledge and technology extraction.
        recogniser: the trained recogniser prose extractors also run (``None``: rules only).
    """

    base_iri: str
    majors_by_name: dict[tuple[str, str], str] = field(default_factory=dict)
    major_names: dict[str, str] = field(default_factory=dict)
    fingerprint: str = ""
    lexicons: Lexicons = field(default_factory=Lexicons.shipped)
    recogniser: Recogniser | None = None

    @classmethod
    def from_documents(cls, base_iri: str, documents: list[Document]) -> Context:
        """Build the context from the catalogue documents among ``documents``."""
        ctx = cls(base_iri)
        hashes: list[str] = []
        for doc in documents:
            if doc.kind != "major-catalogue":
                continue
            hashes.append(doc.sha256)
            for sec in doc.sections:
                level, name = sec.attrs.get("level", ""), sec.attrs.get("name", "")
                if level and name:
                    ctx.majors_by_name.setdefault((level, name), sec.key)
                    ctx.major_names.setdefault(sec.key, name)
        ctx.fingerprint = digest(base_iri, *sorted(hashes))
        return ctx


class FactBuilder:
    """Collects one document's nodes and edges, deduplicated, each with its provenance."""

    def __init__(self, doc: Document, ctx: Context, extractor: str) -> None:
        self.doc = doc
        self.base = ctx.base_iri
        self.extractor = extractor
        self._nodes: dict[str, Node] = {}
        self._edges: dict[tuple[str, str, str], Edge] = {}
        self.warnings: list[str] = []

    def provenance(
        self, section: Section, i: int = 0, j: int | None = None, confidence: float = 1.0
    ) -> Provenance:
        """Provenance for ``section.text[i:j]``."""
        start, end = section.span(i, len(section.text) if j is None else j)
        return Provenance(
            doc_id=self.doc.doc_id,
            start=start,
            end=end,
            extractor=self.extractor,
            version=EXTRACTOR_VERSION,
            confidence=confidence,
        )

    def node(
        self,
        kind: str,
        key: str,
        label: str,
        prov: Provenance,
        *,
        coded: bool = False,
        label_en: str | None = None,
        attrs: dict[str, AttrValue] | None = None,
        alt_labels: tuple[str, ...] = (),
    ) -> str:
        """Add a node (first mention wins, later alternative labels join it); return its IRI."""
        iri = node_iri(self.base, kind, key, coded=coded)
        old = self._nodes.get(iri)
        if old is None:
            alts = tuple(dict.fromkeys(a for a in alt_labels if a != label))
            self._nodes[iri] = Node(
                iri=iri,
                kind=kind,  # type: ignore[arg-type]
                label=label,
                label_en=label_en,
                alt_labels=alts,
                attrs=attrs or {},
                provenance=prov,
            )
        elif new := [a for a in alt_labels if a != old.label and a not in old.alt_labels]:
            alts = tuple(dict.fromkeys((*old.alt_labels, *new)))
            self._nodes[iri] = old.model_copy(update={"alt_labels": alts})
        return iri

    def edge(
        self,
        source: str,
        kind: str,
        target: str,
        prov: Provenance,
        attrs: dict[str, AttrValue] | None = None,
    ) -> None:
        """Add an edge (first mention wins)."""
        k = (source, kind, target)
        if k not in self._edges:
            self._edges[k] = Edge(
                source=source,
                kind=kind,  # type: ignore[arg-type]
                target=target,
                attrs=attrs or {},
                provenance=prov,
            )

    def has_edge(self, source: str, kind: str, target: str) -> bool:
        """Whether this document already states the edge."""
        return (source, kind, target) in self._edges

    def node_iri_for_code(self, code: str, kind: str = "Major") -> str:
        """The IRI of a coded node another document asserts (no node is added here)."""
        return node_iri(self.base, kind, code, coded=True)

    def facts(self) -> Facts:
        """The collected facts."""
        return Facts(
            doc_id=self.doc.doc_id,
            nodes=list(self._nodes.values()),
            edges=list(self._edges.values()),
            warnings=self.warnings,
        )
