"""Teaching resources and their ``teaches`` links, kept in the curated graph.

No build writes the curated graph, so resources and links survive every rebuild. This module
holds the records and their descriptions; :mod:`graphbuilder.store.resource_links` holds the
links and the bulk import.

In the curated graph (schema.org / LRMI terms for the resource's description)::

    r  a gb:Resource ; rdfs:label "title"@zh ; schema:learningResourceType "video" ;
       schema:url "…"^^xsd:anyURI ; schema:license "…" ; schema:description "…" ;
       schema:identifier "…" ; schema:dateCreated … ; schema:dateModified … ;
       gb:teaches n .
    st a rdf:Statement ; rdf:subject r ; rdf:predicate gb:teaches ; rdf:object n ;
       gb:relevance 0.8 ; prov:wasDerivedFrom d ; gb:extractor "api/0.1.0" ;
       prov:wasAttributedTo <base/agent/alice> .

The type statement of ``r`` is reified the same way, so a resource carries provenance like
any node; ``d`` is a ``gb:SourceDocument`` in the curated graph: ``doc/curated/api`` for edits
through the API, ``doc/listing/<hash>`` for a bulk-imported 资源库 listing. Every write is one
SPARQL update, so it is atomic.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal as TypingLiteral
from urllib.parse import quote

from pydantic import BaseModel, ConfigDict, Field
from pyoxigraph import Literal, NamedNode, Quad

from graphbuilder.errors import GraphBuilderError, StoreError
from graphbuilder.model.iris import doc_iri, node_iri, statement_iri
from graphbuilder.ontology.namespace import PROV, SCHEMA, XSD
from graphbuilder.store.mapping import (
    PROV_DERIVED,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_STATEMENT,
    RDF_SUBJECT,
    RDF_TYPE,
    RDFS_LABEL,
    literal,
    term,
)
from graphbuilder.store.oxigraph import OxigraphStore

ResourceType = TypingLiteral[
    "video", "ppt", "document", "lesson-plan", "training-guide", "simulation"
]
#: Each type with its Chinese name (the 资源库 word for it).
RESOURCE_TYPES: dict[str, str] = {
    "video": "视频",
    "ppt": "演示文稿",
    "document": "文档",
    "lesson-plan": "教案",
    "training-guide": "实训指导书",
    "simulation": "虚拟仿真",
}
#: Node kinds a resource may teach (knowledge points and skills, or a course or module as a whole).
LINKABLE_KINDS: tuple[str, ...] = ("KnowledgePoint", "Skill", "Module", "Course")
EXTRACTOR = "api/0.1.0"

_TYPE = NamedNode(str(SCHEMA.learningResourceType))
_URL = NamedNode(str(SCHEMA.url))
_LICENSE = NamedNode(str(SCHEMA.license))
_DESCRIPTION = NamedNode(str(SCHEMA.description))
_IDENTIFIER = NamedNode(str(SCHEMA.identifier))
_CREATED = NamedNode(str(SCHEMA.dateCreated))
_MODIFIED = NamedNode(str(SCHEMA.dateModified))
_ATTRIBUTED = NamedNode(str(PROV.wasAttributedTo))
_DATETIME = NamedNode(str(XSD.dateTime))
_ANYURI = NamedNode(str(XSD.anyURI))
_FIELDS = {_URL: "url", _LICENSE: "licence", _DESCRIPTION: "description", _IDENTIFIER: "identifier"}
# One writer at a time: a read-then-write (does it exist? when was it created?) stays whole.
WRITE_LOCK = threading.Lock()


class ResourceExistsError(GraphBuilderError):
    """A resource with the same identity (identifier, URL or title) is already there."""


class ResourceData(BaseModel):
    """What describes a resource (what an editor sends and a listing row holds)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(min_length=1, max_length=500, pattern=r"\S", description="Title / 资源名称.")
    type: ResourceType = Field(
        description="Type / 资源类型: video 视频, ppt 演示文稿, document 文档, lesson-plan 教案,"
        " training-guide 实训指导书, simulation 虚拟仿真."
    )
    url: str | None = Field(
        default=None,
        max_length=2048,
        pattern=r"^https?://[^\s<>\"{}|\\^`]+$",
        description="Where the resource is / 资源地址 (http or https).",
    )
    licence: str | None = Field(
        default=None, max_length=500, description="Licence / 许可协议 (e.g. CC BY 4.0)."
    )
    description: str | None = Field(
        default=None, max_length=10_000, description="Description / 资源简介."
    )
    identifier: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        pattern=r"\S",
        description="The resource library's own id / 资源库资源编号; it keeps the IRI stable.",
    )


@dataclass(frozen=True, slots=True)
class Resource:
    """A stored resource."""

    iri: str
    data: ResourceData
    created: str
    modified: str


@dataclass(frozen=True, slots=True)
class Origin:
    """Where curated facts come from: the pseudo-document and the person (API key name)."""

    doc_id: str
    path: str
    kind: str
    content_hash: str
    editor: str

    @classmethod
    def api(cls, editor: str) -> Origin:
        """Edits made through the API by ``editor``."""
        return cls("curated/api", "api/v1", "api-edit", "none", editor)


def resource_iri(store: OxigraphStore, data: ResourceData) -> str:
    """The resource's IRI, from its identifier, else its URL, else its title (deterministic)."""
    return node_iri(store.base, "Resource", data.identifier or data.url or data.title)


def now() -> str:
    """The current UTC time, to the second, as ISO 8601."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def ntriples(quads: Iterable[Quad]) -> str:
    """Quads as the triples of a SPARQL ``INSERT DATA``/``DELETE DATA`` block."""
    return " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)


def origin_quads(store: OxigraphStore, origin: Origin) -> list[Quad]:
    """The ``gb:SourceDocument`` record of an origin, in the curated graph."""
    d, g = NamedNode(doc_iri(store.base, origin.doc_id)), store.curated
    return [
        Quad(d, RDF_TYPE, term("SourceDocument"), g),
        Quad(d, term("sourcePath"), Literal(origin.path), g),
        Quad(d, term("documentKind"), Literal(origin.kind), g),
        Quad(d, term("contentHash"), Literal(origin.content_hash), g),
    ]


def statement_quads(
    store: OxigraphStore, s: str, p: NamedNode, o: NamedNode, origin: Origin
) -> tuple[NamedNode, list[Quad]]:
    """A reified statement of ``s p o`` in the curated graph, attributed to the origin."""
    g = store.curated
    st = NamedNode(statement_iri(store.base, g.value, s, p.value, o.value))
    quads = [
        Quad(st, RDF_TYPE, RDF_STATEMENT, g),
        Quad(st, RDF_SUBJECT, NamedNode(s), g),
        Quad(st, RDF_PREDICATE, p, g),
        Quad(st, RDF_OBJECT, o, g),
        Quad(st, PROV_DERIVED, NamedNode(doc_iri(store.base, origin.doc_id)), g),
        Quad(st, term("extractor"), Literal(EXTRACTOR), g),
        Quad(st, _ATTRIBUTED, NamedNode(f"{store.base}agent/{quote(origin.editor, safe='')}"), g),
    ]
    return st, quads


def _description_quads(
    store: OxigraphStore, iri: str, data: ResourceData, created: str, modified: str
) -> list[Quad]:
    r, g = NamedNode(iri), store.curated
    lang = "zh" if any("\u3400" <= c <= "\u9fff" for c in data.title) else "en"
    quads = [
        Quad(r, RDF_TYPE, term("Resource"), g),
        Quad(r, RDFS_LABEL, Literal(data.title, language=lang), g),
        Quad(r, _TYPE, Literal(data.type), g),
        Quad(r, _CREATED, Literal(created, datatype=_DATETIME), g),
        Quad(r, _MODIFIED, Literal(modified, datatype=_DATETIME), g),
    ]
    for p, name in _FIELDS.items():
        value = getattr(data, name)
        if value:
            lit = Literal(value, datatype=_ANYURI) if p == _URL else literal(value)
            quads.append(Quad(r, p, lit, g))
    return quads


def description_update(
    store: OxigraphStore, items: Sequence[tuple[str, ResourceData, str]], origin: Origin
) -> str:
    """The update that writes each ``(iri, data, created)`` and keeps its links."""
    g, teaches, stamp = store.curated, term("teaches"), now()
    values = " ".join(str(NamedNode(iri)) for iri, _, _ in items)
    quads: list[Quad] = origin_quads(store, origin)
    stmts = []
    for iri, data, created in items:
        quads += _description_quads(store, iri, data, created, stamp)
        st, sq = statement_quads(store, iri, RDF_TYPE, term("Resource"), origin)
        stmts.append(str(st))
        quads += sq
    d = NamedNode(doc_iri(store.base, origin.doc_id))
    return (
        f"DELETE {{ GRAPH {g} {{ ?r ?p ?o }} }} WHERE {{ VALUES ?r {{ {values} }}"
        f" GRAPH {g} {{ ?r ?p ?o FILTER(?p != {teaches}) }} }} ;\n"
        f"DELETE {{ GRAPH {g} {{ ?st ?p ?o }} }} WHERE {{ VALUES ?st {{ {' '.join(stmts)} }}"
        f" GRAPH {g} {{ ?st ?p ?o }} }} ;\n"
        f"DELETE WHERE {{ GRAPH {g} {{ {d} ?p ?o }} }} ;\n"
        f"INSERT DATA {{ GRAPH {g} {{ {ntriples(quads)} }} }}"
    )


def get_resource(store: OxigraphStore, iri: str) -> Resource | None:
    """The resource ``iri``, or ``None``."""
    r = NamedNode(iri)
    if (
        next(store.raw.quads_for_pattern(r, RDF_TYPE, term("Resource"), store.curated), None)
        is None
    ):
        return None
    fields: dict[str, str] = {}
    created = modified = ""
    for q in store.raw.quads_for_pattern(r, None, None, store.curated):
        if not isinstance(q.object, Literal):
            continue
        p, v = q.predicate, q.object.value
        if p == RDFS_LABEL:
            fields["title"] = v
        elif p == _TYPE:
            fields["type"] = v
        elif p in _FIELDS:
            fields[_FIELDS[p]] = v
        elif p == _CREATED:
            created = v
        elif p == _MODIFIED:
            modified = v
    try:
        data = ResourceData.model_validate(fields)
    except ValueError as exc:
        raise StoreError(f"curated resource {iri} is malformed: {exc}") from exc
    return Resource(iri, data, created, modified)


def list_resources(
    store: OxigraphStore, *, type: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[Resource], int]:
    """A page of resources (by IRI) and how many there are, optionally of one ``type``."""
    p, o = (_TYPE, Literal(type)) if type is not None else (RDF_TYPE, term("Resource"))
    found = store.raw.quads_for_pattern(None, p, o, store.curated)
    iris = sorted(q.subject.value for q in found if isinstance(q.subject, NamedNode))
    page = [get_resource(store, i) for i in iris[offset : offset + limit]]
    return [r for r in page if r is not None], len(iris)


def create_resource(store: OxigraphStore, data: ResourceData, origin: Origin) -> Resource:
    """Store a new resource.

    Raises:
        ResourceExistsError: one with the same identity is already there.
    """
    iri = resource_iri(store, data)
    with WRITE_LOCK:
        if get_resource(store, iri) is not None:
            raise ResourceExistsError(f"resource {iri} already exists (same identifier/URL/title)")
        store.raw.update(description_update(store, [(iri, data, now())], origin))
    found = get_resource(store, iri)
    assert found is not None
    return found


def update_resource(store: OxigraphStore, iri: str, data: ResourceData, origin: Origin) -> Resource:
    """Replace a resource's description (its IRI and links stay).

    Raises:
        KeyError: there is no such resource.
    """
    with WRITE_LOCK:
        old = get_resource(store, iri)
        if old is None:
            raise KeyError(iri)
        store.raw.update(description_update(store, [(iri, data, old.created)], origin))
    found = get_resource(store, iri)
    assert found is not None
    return found


def delete_resource(store: OxigraphStore, iri: str) -> bool:
    """Remove a resource, its links and their statements; return whether it was there."""
    g = store.curated
    with WRITE_LOCK:
        if get_resource(store, iri) is None:
            return False
        r = NamedNode(iri)
        store.raw.update(
            f"DELETE {{ GRAPH {g} {{ ?st ?p ?o }} }} WHERE {{ GRAPH {g} {{ ?st {RDF_SUBJECT} {r} ;"
            f" ?p ?o }} }} ;\nDELETE WHERE {{ GRAPH {g} {{ {r} ?p ?o }} }}"
        )
    return True
