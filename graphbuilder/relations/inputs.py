"""What prerequisite inference reads from the built graph: structure, order, and spans.

:func:`read_curriculum` turns the store's statements into plain records:

- every node of the kinds that can have prerequisites (and majors), with its label;
- every ``hasPart`` statement with its ``gb:courseType`` and ``gb:ordinal`` (a major's
  courses; a textbook's or course standard's chapters and sections, whatever document kind
  brings them: a new source of order plugs in by stating ``hasPart`` with ``gb:ordinal``);
- every ``teaches`` statement (a major's skills and knowledge points, a course's topics);
- every ``continuesTo`` statement (中职 → 高职专科 → 职教本科);
- every ``requires`` statement that a document (not this stage) asserts, e.g. a textbook's
  stated prerequisites or a person's edit in the curated graph.

Statements are read from the live graphs only, each with the span of its evidence.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode

from graphbuilder.model.iris import doc_iri
from graphbuilder.relations.evidence import Span
from graphbuilder.store.mapping import (
    PROV_DERIVED,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    RDFS_LABEL,
    term,
)
from graphbuilder.store.oxigraph import OxigraphStore

KINDS = ("Major", "Course", "Module", "KnowledgePoint", "Skill")


@dataclass(frozen=True, slots=True)
class Statement:
    """One reified edge: subject, object, attributes and evidence span."""

    subject: str
    object: str
    span: Span
    attrs: dict[str, str] = field(default_factory=dict)

    @property
    def ordinal(self) -> int:
        """The ``gb:ordinal`` attribute, 0 when absent."""
        value = self.attrs.get("ordinal", "0")
        return int(value) if value.isdigit() else 0


@dataclass
class Curriculum:
    """The parts of the graph that prerequisite signals read.

    Attributes:
        kinds: node IRI → kind (one of :data:`KINDS`).
        labels: node IRI → its (Chinese) label.
        levels: major IRI → 中职 / 高职专科 / 职教本科.
        codes: major IRI → its six-digit code.
        parts: ``hasPart`` statements (whole → part).
        taught: ``teaches`` statements (teacher → concept).
        continues: ``continuesTo`` statements (major → next-level major).
        stated: ``requires`` statements other documents assert.
        paths: document id → its source path (to cite evidence).
        definitions: node IRI → its ``gb:definition`` texts (the text a source gives a
            concept, e.g. a textbook section; read by the text signals).
    """

    kinds: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    levels: dict[str, str] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    parts: list[Statement] = field(default_factory=list)
    taught: list[Statement] = field(default_factory=list)
    continues: list[Statement] = field(default_factory=list)
    stated: list[Statement] = field(default_factory=list)
    paths: dict[str, str] = field(default_factory=dict)
    definitions: dict[str, list[str]] = field(default_factory=dict)

    def of_kind(self, *kinds: str) -> list[str]:
        """The nodes of the given kinds, sorted."""
        return sorted(n for n, k in self.kinds.items() if k in kinds)

    def major_name(self, major: str) -> str:
        """``"510201 计算机应用技术"``."""
        return f"{self.codes.get(major, '')} {self.labels.get(major, major)}".strip()

    def cite(self, span: Span) -> str:
        """``"moe/standards/5102计算机类.md:1200-1206"``."""
        return f"{self.paths.get(span.doc_id, span.doc_id)}:{span.start}-{span.end}"


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1]


def _statements(
    store: OxigraphStore, predicate: str, live: set[NamedNode], prefix: str
) -> Iterator[Statement]:
    raw = store.raw
    for q in raw.quads_for_pattern(None, RDF_PREDICATE, term(predicate), None):
        g = q.graph_name
        if g not in live:
            continue
        s = o = doc = ""
        start = end = 0
        attrs: dict[str, str] = {}
        for a in raw.quads_for_pattern(q.subject, None, None, g):
            p, v = a.predicate, a.object
            if isinstance(v, NamedNode):
                if p == RDF_SUBJECT:
                    s = v.value
                elif p == RDF_OBJECT:
                    o = v.value
                elif p == PROV_DERIVED:
                    doc = v.value.removeprefix(prefix)
            elif isinstance(v, Literal):
                name = _local(p.value)
                if name == "charStart":
                    start = int(v.value)
                elif name == "charEnd":
                    end = int(v.value)
                else:
                    attrs[name] = v.value
        if s and o:
            yield Statement(s, o, Span(doc, start, end), attrs)


def read_curriculum(store: OxigraphStore, *, exclude_doc: str = "") -> Curriculum:
    """Read what the signals need from the live graphs of ``store``.

    Args:
        store: the built store.
        exclude_doc: a document whose graph is left out (the prerequisite stage's own
            graph from an earlier build, so that its output is not read back as input).

    Returns:
        The curriculum records.
    """
    live = set(store.live_graphs())
    excluded = store.documents().get(exclude_doc) if exclude_doc else None
    if excluded is not None:
        live.discard(store.graph_name(excluded.doc_id, excluded.fingerprint))
    prefix = doc_iri(store.base, "")
    cur = Curriculum(paths={d: r.path for d, r in store.documents().items()})
    raw = store.raw
    ranks: dict[str, tuple[bool, int, str]] = {}
    for kind in KINDS:
        for q in raw.quads_for_pattern(None, RDF_TYPE, term(kind), None):
            if q.graph_name in live and isinstance(q.subject, NamedNode):
                cur.kinds.setdefault(q.subject.value, kind)
    for q in raw.quads_for_pattern(None, RDFS_LABEL, None, None):
        s, o = q.subject, q.object
        if (
            q.graph_name not in live
            or not isinstance(s, NamedNode)
            or s.value not in cur.kinds
            or not isinstance(o, Literal)
        ):
            continue
        # One label per node, whichever document states it first: zh wins, then the
        # shortest, then the first in code-point order.
        rank = (o.language != "zh", len(o.value), o.value)
        if s.value not in ranks or rank < ranks[s.value]:
            ranks[s.value] = rank
            cur.labels[s.value] = o.value
    for q in raw.quads_for_pattern(None, term("definition"), None, None):
        s, o = q.subject, q.object
        if (
            q.graph_name in live
            and isinstance(s, NamedNode)
            and s.value in cur.kinds
            and isinstance(o, Literal)
        ):
            cur.definitions.setdefault(s.value, []).append(o.value)
    for texts in cur.definitions.values():
        texts.sort()
    for major in cur.of_kind("Major"):
        for q in raw.quads_for_pattern(NamedNode(major), None, None, None):
            if q.graph_name in live and isinstance(q.object, Literal):
                if q.predicate == term("level"):
                    cur.levels[major] = q.object.value
                elif q.predicate == term("code"):
                    cur.codes[major] = q.object.value
    for name, into in (
        ("hasPart", cur.parts),
        ("teaches", cur.taught),
        ("continuesTo", cur.continues),
        ("requires", cur.stated),
    ):
        into.extend(_statements(store, name, live, prefix))
        into.sort(key=lambda st: (st.subject, st.ordinal, st.object, st.span.doc_id))
    return cur
