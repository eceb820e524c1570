"""LRMI: teaching resources, courses and modules as schema.org learning resources (JSON-LD).

- a ``Resource`` node is a ``LearningResource``, a ``Course`` a ``Course`` (schema.org's
  ``Course`` is a ``LearningResource``), a ``Module`` a ``LearningResource`` that
  ``isPartOf`` its course;
- what it teaches twice over, as LRMI readers expect either: ``teaches`` with a
  ``DefinedTerm`` (the skill or knowledge point, ``inDefinedTermSet`` the SKOS scheme of the
  ``skos`` export) and an ``educationalAlignment`` of ``alignmentType`` ``teaches``;
- a course's majors as ``educationalAlignment`` of type ``educationalSubject`` (framework:
  the national catalogue of majors) with their level as ``educationalLevel``; its
  prerequisites as ``coursePrerequisites`` (courses) or alignments of type ``requires``.

The context is inline (``@vocab`` schema.org), so the file expands with no network. Streamed,
one resource at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graphbuilder.export.base import ExportReport
from graphbuilder.export.pg_records import PGEdge, PGNode
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.selection import Selection
from graphbuilder.export.skos import scheme_iri
from graphbuilder.store.oxigraph import OxigraphStore

KINDS = ("Resource", "Course", "Module")
CONTEXT = {"@vocab": "https://schema.org/", "id": "@id", "type": "@type"}
SKILLS_FRAMEWORK = "职业教育技能与知识体系 (graphbuilder)"
MAJORS_FRAMEWORK = "职业教育专业目录"
_TYPES = {"Resource": "LearningResource", "Course": "Course", "Module": "LearningResource"}


def _alignment(kind: str, framework: str, name: str, url: str) -> dict[str, str]:
    return {
        "type": "AlignmentObject",
        "alignmentType": kind,
        "educationalFramework": framework,
        "targetName": name,
        "targetUrl": url,
    }


def resource_object(
    reader: GraphReader, node: PGNode, iris: frozenset[str] | None
) -> dict[str, Any]:
    """The schema.org description of one resource, course or module."""

    def kept(iri: str) -> bool:
        return iris is None or iri in iris

    def label(edge: PGEdge, end: str) -> str:
        other = reader.node(end, edge.target_kind if end == edge.target else edge.source_kind)
        return other.label if other is not None else end

    obj: dict[str, Any] = {"id": node.iri, "type": _TYPES[node.kind], "name": node.label}
    others = [x for x in (node.label_en, *node.other_labels) if x and x != node.label]
    if others:
        obj["alternateName"] = others
    obj["inLanguage"] = "zh"
    for name in ("learningResourceType", "url"):
        if node.attrs.get(name):
            obj[name] = [str(v) for v in node.attrs[name]]
    if node.kind == "Course" and node.attrs.get("code"):
        obj["courseCode"] = str(node.attrs["code"][0])
    if node.kind == "Module":
        obj["learningResourceType"] = "课程模块"
    teaches: list[dict[str, Any]] = []
    alignments: list[dict[str, str]] = []
    prerequisites: list[dict[str, str]] = []
    levels: set[str] = set()
    for edge in reader.out_edges(node.iri, ("teaches", "requires")):
        if not kept(edge.target):
            continue
        name = label(edge, edge.target)
        if edge.kind == "teaches" and edge.target_kind in ("Skill", "KnowledgePoint"):
            teaches.append(
                {
                    "id": edge.target,
                    "type": "DefinedTerm",
                    "name": name,
                    "inDefinedTermSet": {"id": scheme_iri(reader.store.base)},
                }
            )
            alignments.append(_alignment("teaches", SKILLS_FRAMEWORK, name, edge.target))
        elif edge.kind == "requires" and edge.target_kind == "Course" and node.kind == "Course":
            prerequisites.append({"id": edge.target})
        elif edge.kind == "requires":
            alignments.append(_alignment("requires", SKILLS_FRAMEWORK, name, edge.target))
    for edge in reader.in_edges(node.iri, ("hasPart",)):
        if not kept(edge.source):
            continue
        if node.kind == "Module" and edge.source_kind == "Course":
            obj["isPartOf"] = {"id": edge.source}
        elif node.kind == "Course" and edge.source_kind == "Major":
            major = reader.node(edge.source, "Major")
            if major is not None:
                alignments.append(
                    _alignment("educationalSubject", MAJORS_FRAMEWORK, major.label, major.iri)
                )
                levels.update(str(v) for v in major.attrs.get("level", ()))
    if levels:
        obj["educationalLevel"] = sorted(levels)
    if teaches:
        obj["teaches"] = teaches
    if prerequisites:
        obj["coursePrerequisites"] = prerequisites
    if alignments:
        obj["educationalAlignment"] = alignments
    return obj


def _objects(
    reader: GraphReader, iris: frozenset[str] | None, kinds: tuple[str, ...]
) -> Iterator[dict[str, Any]]:
    for kind in kinds:
        for iri in reader.node_iris(kind):
            if iris is not None and iri not in iris:
                continue
            node = reader.node(iri, kind)
            if node is not None:
                yield resource_object(reader, node, iris)


def export_lrmi(store: OxigraphStore, out: Path, selection: Selection) -> ExportReport:
    """Write resources, courses and modules (or the selected ones) as LRMI JSON-LD."""
    reader = GraphReader(store)
    iris = selection.resolve(reader)
    kinds = tuple(k for k in KINDS if k in selection.node_kinds())
    n = 0
    with out.open("w", encoding="utf-8") as f:
        f.write('{\n"@context": ' + json.dumps(CONTEXT) + ',\n"@graph": [')
        for obj in _objects(reader, iris, kinds):
            f.write(",\n" if n else "\n")
            f.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
            n += 1
        f.write("\n]\n}\n")
    return ExportReport(out, {"learning resources": n})
