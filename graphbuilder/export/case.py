"""1EdTech CASE 1.1: one competency framework package (``CFPackage``) per major.

Each package is what a CASE 1.1 service answers to ``GET /ims/case/v1p1/CFPackages/{id}``,
written to ``<major code>.json`` in the output folder:

- ``CFDocument``: the major's framework;
- ``CFItems``: its courses, their modules, and the skills and knowledge points the major,
  its courses and modules teach (``CFItemType`` Course, Module, Skill, KnowledgePoint, each
  defined in ``CFDefinitions.CFItemTypes`` from the ontology);
- ``CFAssociations``: ``isChildOf`` for the structure (a course of the document, a skill of a
  course …, with the course's ``ordinal`` as ``sequenceNumber``), ``precedes`` for
  prerequisites (*A requires B* is *B precedes A*), ``isRelatedTo`` for ``relatedTo``, and for
  alignments to industry technologies ``exactMatchOf`` once accepted by a person,
  ``isRelatedTo`` while automatic (rejected ones are left out).

Identifiers are UUIDs derived from IRIs (version 5, URL namespace), so they are stable across
builds; an item keeps its identifier in every package it occurs in. ``lastChangeDateTime`` is
the time of the store's latest build. Packages are written one at a time.
"""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyoxigraph import Literal as RdfLiteral

from graphbuilder.export.base import ExportReport
from graphbuilder.export.pg_records import PGEdge, PGNode
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.selection import Selection
from graphbuilder.model.iris import node_iri
from graphbuilder.store.mapping import term
from graphbuilder.store.oxigraph import OxigraphStore

ITEM_KINDS = ("Course", "Module", "Skill", "KnowledgePoint")
CREATOR = "中华人民共和国教育部"
PUBLISHER = "graphbuilder"


def case_uuid(iri: str) -> str:
    """The CASE identifier of whatever ``iri`` names.

    >>> case_uuid("https://w3id.org/graphbuilder/id/major/510201")
    'abf98174-6eee-585e-8ca6-19d144bf7f25'
    """
    return str(uuid.uuid5(uuid.NAMESPACE_URL, iri))


def link(title: str, uri: str) -> dict[str, str]:
    """A ``LinkURI``: title, identifier (from the URI) and URI."""
    return {"title": title, "identifier": case_uuid(uri), "uri": uri}


def last_build_time(store: OxigraphStore) -> str:
    """When the store's latest build ran (RFC 3339), or now when it records none."""
    times = [
        q.object.value
        for q in store.raw.quads_for_pattern(None, term("builtAt"), None, store.builds)
        if isinstance(q.object, RdfLiteral)
    ]
    return max(times) if times else datetime.now(UTC).isoformat(timespec="seconds")


def item_types(when: str) -> dict[str, dict[str, Any]]:
    """The ``CFItemType`` definitions, from the ontology's labels and comments."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDFS

    from graphbuilder.ontology.shacl import load_ontology

    onto = load_ontology()
    out = {}
    for i, kind in enumerate(ITEM_KINDS, start=1):
        cls = URIRef(term(kind).value)

        def text(prop: URIRef, lang: str, cls: URIRef = cls) -> str:
            return next(
                (
                    str(v)
                    for v in onto.objects(cls, prop)
                    if isinstance(v, Literal) and v.language == lang
                ),
                "",
            )

        out[kind] = {
            "identifier": case_uuid(str(cls)),
            "uri": str(cls),
            "title": f"{text(RDFS.label, 'zh')} {text(RDFS.label, 'en')}".strip() or kind,
            "description": text(RDFS.comment, "en") or kind,
            "hierarchyCode": str(i),
            "typeCode": kind,
            "lastChangeDateTime": when,
        }
    return out


class PackageBuilder:
    """Builds the CASE package of one major at a time.

    Args:
        reader: the store.
        kinds: the item kinds to include.
        when: the ``lastChangeDateTime`` of everything written.
    """

    def __init__(self, reader: GraphReader, kinds: tuple[str, ...], when: str) -> None:
        self.reader, self.kinds, self.when = reader, kinds, when
        self.types = item_types(when)

    def _item(self, node: PGNode, level: str) -> dict[str, Any]:
        item: dict[str, Any] = {
            "identifier": case_uuid(node.iri),
            "uri": node.iri,
            "fullStatement": node.label,
            "CFItemType": node.kind,
            "CFItemTypeURI": link(self.types[node.kind]["title"], self.types[node.kind]["uri"]),
            "language": "zh",
            "lastChangeDateTime": self.when,
        }
        codes = node.attrs.get("code", ())
        if codes:
            item["humanCodingScheme"] = str(codes[0])
        if node.other_labels:
            item["conceptKeywords"] = list(node.other_labels)
        if level:
            item["educationLevel"] = [level]
        if node.label_en and node.label_en != node.label:
            item["notes"] = f"English: {node.label_en}"
        return item

    def _association(
        self,
        kind: str,
        origin: dict[str, str],
        dest: dict[str, str],
        doc_uri: str,
        sequence: int | None = None,
    ) -> dict[str, Any]:
        key = f"{doc_uri}#{kind}/{origin['uri']}/{dest['uri']}"
        ident = case_uuid(key)
        out: dict[str, Any] = {
            "identifier": ident,
            "associationType": kind,
            "uri": f"{self.reader.store.base}case/association/{ident}",
            "originNodeURI": origin,
            "destinationNodeURI": dest,
            "lastChangeDateTime": self.when,
        }
        if sequence is not None:
            out["sequenceNumber"] = sequence
        return out

    def package(self, major: PGNode) -> dict[str, Any]:
        """The ``CFPackage`` of one major."""
        code = str(major.attrs.get("code", (major.iri.rsplit("/", 1)[-1],))[0])
        level = str(major.attrs.get("level", ("",))[0])
        doc_uri = f"{self.reader.store.base}case/document/{code}"
        title = f"{major.label}（{code}）"
        doc_link = {**link(title, doc_uri)}
        items: dict[str, PGNode] = {}
        parents: list[tuple[PGEdge, str]] = []  # (edge, parent uri) for isChildOf
        frontier = [major]
        while frontier:
            parent = frontier.pop()
            parent_uri = doc_uri if parent is major else parent.iri
            for edge in self.reader.out_edges(parent.iri, ("hasPart", "teaches")):
                if edge.target_kind not in self.kinds:
                    continue
                if edge.target not in items:
                    child = self.reader.node(edge.target, edge.target_kind)
                    if child is None:
                        continue
                    items[edge.target] = child
                    if child.kind in ("Course", "Module"):
                        frontier.append(child)
                parents.append((edge, parent_uri))
        links = {iri: link(node.label, iri) for iri, node in items.items()}
        links[doc_uri] = doc_link
        associations = []
        for edge, parent_uri in parents:
            ordinal = edge.attrs.get("ordinal", ())
            seq = int(ordinal[0]) if ordinal and isinstance(ordinal[0], int) else None
            associations.append(
                self._association("isChildOf", links[edge.target], links[parent_uri], doc_uri, seq)
            )
        for iri in items:
            for edge in self.reader.out_edges(iri, ("requires", "relatedTo", "alignsTo")):
                if edge.kind == "requires" and edge.target in items:
                    associations.append(
                        self._association("precedes", links[edge.target], links[iri], doc_uri)
                    )
                elif edge.kind == "relatedTo" and edge.target in items:
                    associations.append(
                        self._association("isRelatedTo", links[iri], links[edge.target], doc_uri)
                    )
                elif edge.kind == "alignsTo":
                    status = edge.attrs.get("reviewStatus", ("auto",))
                    if "rejected" in status:
                        continue
                    tech = self.reader.node(edge.target, edge.target_kind)
                    dest = {
                        **link(tech.label if tech else edge.target, edge.target),
                        "targetType": "ext:Technology",
                    }
                    kind = "exactMatchOf" if "accepted" in status else "isRelatedTo"
                    associations.append(self._association(kind, links[iri], dest, doc_uri))
        document = {
            "identifier": doc_link["identifier"],
            "uri": doc_uri,
            "caseVersion": "1.1",
            "creator": CREATOR,
            "publisher": PUBLISHER,
            "title": title,
            "description": f"{major.label}（{level}，专业代码 {code}）的课程、技能与知识点，"
            "由 graphbuilder 从职业教育专业教学标准等来源文档抽取。",
            "subject": [
                str(v) for k in ("category", "subcategory") for v in major.attrs.get(k, ())
            ],
            "language": "zh",
            "lastChangeDateTime": self.when,
            "notes": "Sources: " + "; ".join(major.sources),
        }
        if not document["subject"]:
            del document["subject"]
        used = sorted({node.kind for node in items.values()}, key=ITEM_KINDS.index)
        return {
            "CFDocument": document,
            "CFItems": [self._item(items[i], level) for i in sorted(items)],
            "CFAssociations": sorted(associations, key=lambda a: (a["associationType"], a["uri"])),
            "CFDefinitions": {"CFItemTypes": [self.types[k] for k in used]},
        }


def export_case(store: OxigraphStore, out: Path, selection: Selection) -> ExportReport:
    """Write one CASE 1.1 package per major (or per selected major) into folder ``out``."""
    reader = GraphReader(store)
    selection.resolve(reader)  # an unknown major code fails here, before anything is written
    wanted = {node_iri(store.base, "Major", code, coded=True) for code in selection.majors}
    kinds = tuple(k for k in ITEM_KINDS if not selection.kinds or k in selection.kinds)
    builder = PackageBuilder(reader, kinds, last_build_time(store))
    out.mkdir(parents=True, exist_ok=True)
    files, items, associations = [], 0, 0
    for iri in reader.node_iris("Major"):
        if wanted and iri not in wanted:
            continue
        major = reader.node(iri, "Major")
        if major is None:
            continue
        package = builder.package(major)
        code = package["CFDocument"]["uri"].rsplit("/", 1)[-1]
        path = out / f"{code}.json"
        path.write_text(json.dumps(package, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        files.append(path)
        items += len(package["CFItems"])
        associations += len(package["CFAssociations"])
    counts = {"packages": len(files), "items": items, "associations": associations}
    return ExportReport(out, counts, tuple(files))
