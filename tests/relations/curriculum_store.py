"""A tiny curriculum written into a real store, the way a build writes a standard's facts.

Plain functions, not fixtures: a second ``conftest.py`` basename clashes with the others
under ``--doctest-modules``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from graphbuilder.model import Edge, Facts, Node, Provenance
from graphbuilder.model.iris import node_iri
from graphbuilder.model.records import AttrValue
from graphbuilder.relations.index import CurriculumIndex
from graphbuilder.relations.inputs import read_curriculum
from graphbuilder.store.mapping import facts_quads
from graphbuilder.store.oxigraph import DocumentRecord, OxigraphStore

BASE = "https://w3id.org/graphbuilder/id/"
DOC = "standards-doc"


@dataclass
class Major:
    """One major of a standard: its courses, skills, knowledge and 接续 majors."""

    code: str
    name: str
    level: str = "高职专科"
    foundation: list[str] = field(default_factory=list)
    core: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    knowledge: list[str] = field(default_factory=list)
    continues_to: list[str] = field(default_factory=list)


def iri(kind: str, key: str) -> str:
    """The IRI the extractor mints (skills are keyed by major code and statement)."""
    return node_iri(BASE, kind, key, coded=kind == "Major")


def skill_iri(code: str, text: str) -> str:
    """A skill's IRI: one node per major and statement."""
    return node_iri(BASE, "Skill", f"{code}\x1f{text}")


def standard_facts(majors: list[Major], doc_id: str = DOC) -> Facts:
    """The facts a 专业教学标准 extraction gives for ``majors`` (with made-up spans)."""
    nodes: dict[str, Node] = {}
    edges: list[Edge] = []
    pos = 0

    def prov() -> Provenance:
        nonlocal pos
        pos += 10
        return Provenance(doc_id=doc_id, start=pos, end=pos + 5, extractor="t", version="1")

    def node(i: str, kind: str, label: str, attrs: dict[str, AttrValue] | None = None) -> str:
        nodes.setdefault(
            i,
            Node(iri=i, kind=kind, label=label, attrs=attrs or {}, provenance=prov()),  # type: ignore[arg-type]
        )
        return i

    def edge(s: str, kind: str, o: str, attrs: dict[str, AttrValue] | None = None) -> None:
        edges.append(Edge(source=s, kind=kind, target=o, attrs=attrs or {}, provenance=prov()))  # type: ignore[arg-type]

    for m in majors:
        major = node(iri("Major", m.code), "Major", m.name, {"code": m.code, "level": m.level})
        for ctype, names in (("专业基础课程", m.foundation), ("专业核心课程", m.core)):
            for n, name in enumerate(names, start=1):
                c = node(iri("Course", name), "Course", name)
                edge(major, "hasPart", c, {"courseType": ctype, "ordinal": n})
        for n, text in enumerate(m.skills, start=1):
            edge(major, "teaches", node(skill_iri(m.code, text), "Skill", text), {"ordinal": n})
        for text in m.knowledge:
            edge(major, "teaches", node(iri("KnowledgePoint", text), "KnowledgePoint", text))
        for code in m.continues_to:
            edge(major, "continuesTo", iri("Major", code))
    return Facts(doc_id=doc_id, nodes=list(nodes.values()), edges=edges)


def write_facts(store: OxigraphStore, facts: Facts, path: str = "moe/standards/x.md") -> None:
    """Write ``facts`` as one document's graph, as the build does."""
    fp = f"fp-{facts.doc_id}"
    rec = DocumentRecord(facts.doc_id, path, "moe-standard", "sha", fp, "utf-8", "b1")
    store.replace_document(rec, facts_quads(BASE, facts, store.graph_name(facts.doc_id, fp), "b1"))


def make_store(folder: Path, majors: list[Major]) -> OxigraphStore:
    """A writable store in ``folder`` holding those majors' standard facts."""
    store = OxigraphStore(folder / "store", BASE)
    write_facts(store, standard_facts(majors))
    return store


def index_of(folder: Path, majors: list[Major]) -> CurriculumIndex:
    """The curriculum index of a store in ``folder`` holding those majors."""
    return CurriculumIndex(read_curriculum(make_store(folder, majors)))
