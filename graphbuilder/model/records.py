"""Typed records that one pipeline stage hands the next.

``Document`` and ``Section`` come out of ``ingest``; ``Node`` and ``Edge`` (each with its
``Provenance``) come out of extraction and go into the store and the exports.

Spans are character offsets into the *source text as decoded* (not into the repaired
text), so a person can open the file and find the evidence. A ``Section`` keeps the map from
its repaired text back to those source offsets.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

NodeKind = Literal[
    "Major",
    "Course",
    "Module",
    "KnowledgePoint",
    "Skill",
    "Occupation",
    "Task",
    "Certificate",
    "Technology",
    "Resource",
]
EdgeKind = Literal[
    "hasPart",
    "teaches",
    "requires",
    "preparesFor",
    "performs",
    "needsSkill",
    "certifies",
    "alignsTo",
    "relatedTo",
    "continuesTo",
]
NODE_KINDS: tuple[str, ...] = NodeKind.__args__  # type: ignore[attr-defined]
EDGE_KINDS: tuple[str, ...] = EdgeKind.__args__  # type: ignore[attr-defined]

AttrValue = str | int | float | bool | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Section:
    """A piece of a document with its repaired text and where it came from.

    Attributes:
        doc_id: the id of the document it belongs to.
        kind: what the section is (reader-specific, e.g. ``"core_courses"``, ``"task"``).
        key: what it is about (a major code, an occupation code, a row number).
        text: the repaired text.
        start: offset of the section's first character in the decoded source.
        end: offset just past its last character in the decoded source.
        offsets: the source offset of every character of ``text``; empty when ``text`` is
            the source slice ``[start:end]`` unchanged.
        attrs: reader-specific fields (a title, a heading, a column value).
    """

    doc_id: str
    kind: str
    key: str
    text: str
    start: int
    end: int
    offsets: tuple[int, ...] = ()
    attrs: Mapping[str, str] = field(default_factory=dict)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Source span of ``text[i:j]``.

        >>> Section("d", "k", "1", "ab", 10, 12).span(1, 2)
        (11, 12)
        >>> Section("d", "k", "1", "ab", 10, 14, (10, 13)).span(1, 2)
        (13, 14)
        """
        if not self.offsets:
            return self.start + i, self.start + j
        if j <= i:
            pos = self.offsets[i] if i < len(self.offsets) else self.end
            return pos, pos
        return self.offsets[i], self.offsets[j - 1] + 1


@dataclass(frozen=True, slots=True)
class Document:
    """One source file, decoded, with its sections in reading order.

    Attributes:
        doc_id: deterministic id (derived from the path relative to the source root).
        path: the path relative to the source root, with forward slashes.
        kind: the document kind the reader recognised (e.g. ``"moe-standard"``).
        sha256: hash of the raw bytes; an unchanged hash means an unchanged document.
        encoding: the encoding the bytes were decoded with.
        sections: the sections, in order.
    """

    doc_id: str
    path: str
    kind: str
    sha256: str
    encoding: str
    sections: Sequence[Section]


class Provenance(BaseModel):
    """Where a fact came from: document, span, extractor and version, confidence, build."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    extractor: str
    version: str
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    build_id: str = ""


class Node(BaseModel):
    """A graph node: one IRI, one kind, a Chinese label, typed attributes, its evidence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    iri: str
    kind: NodeKind
    label: str = Field(min_length=1)
    label_en: str | None = None
    alt_labels: tuple[str, ...] = ()
    attrs: dict[str, AttrValue] = Field(default_factory=dict)
    provenance: Provenance


class Edge(BaseModel):
    """A typed edge between two node IRIs, with attributes and its evidence."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    source: str
    kind: EdgeKind
    target: str
    attrs: dict[str, AttrValue] = Field(default_factory=dict)
    provenance: Provenance


class Facts(BaseModel):
    """What extraction made of one document."""

    model_config = ConfigDict(extra="forbid")

    doc_id: str
    nodes: list[Node] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
