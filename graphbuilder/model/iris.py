"""Deterministic IRIs: the same input always mints the same identifiers.

Nodes with a public code (majors, occupations) use the code; everything else uses a short
hash of its normalised key, so IRIs are stable, ASCII and free of spaces.
"""

from __future__ import annotations

import hashlib
import unicodedata

# Path segment per node kind; the public contract for IRIs.
KIND_PATHS: dict[str, str] = {
    "Major": "major",
    "Course": "course",
    "Module": "module",
    "KnowledgePoint": "knowledge-point",
    "Skill": "skill",
    "Occupation": "occupation",
    "Task": "task",
    "Certificate": "certificate",
    "Technology": "technology",
    "Resource": "resource",
}


def normalise_key(text: str) -> str:
    """NFKC, lower case, no whitespace: the form two labels must share to be one node.

    >>> normalise_key("Ｗｅｂ 前端开发")
    'web前端开发'
    """
    return "".join(unicodedata.normalize("NFKC", text).lower().split())


def digest(*parts: str, size: int = 16) -> str:
    """A short, stable hex digest of the parts.

    >>> digest("a", "b") == digest("a", "b") != digest("ab")
    True
    """
    h = hashlib.sha256("\x1f".join(parts).encode("utf-8"))
    return h.hexdigest()[:size]


def node_iri(base: str, kind: str, key: str, *, coded: bool = False) -> str:
    """The IRI of a node of ``kind``; ``coded`` keys are used as they are, others hashed.

    >>> node_iri("https://x.org/id/", "Major", "510201", coded=True)
    'https://x.org/id/major/510201'
    >>> node_iri("https://x.org/id/", "Course", "数据结构")
    'https://x.org/id/course/3c48d8ed41371f37'
    """
    path = KIND_PATHS[kind]
    return f"{base}{path}/{key if coded else digest(normalise_key(key))}"


def doc_iri(base: str, doc_id: str) -> str:
    """The IRI of a source document, also the name of its graph in the store."""
    return f"{base}doc/{doc_id}"


def doc_id_for(relpath: str) -> str:
    """The document id for a path relative to its source root."""
    return digest(relpath.replace("\\", "/"))


def statement_iri(base: str, graph: str, s: str, p: str, o: str) -> str:
    """The IRI of the reified statement that carries one fact's provenance."""
    return f"{base}stmt/{digest(graph, s, p, o, size=24)}"


def meta_graph(base: str) -> str:
    """The graph that records documents and builds."""
    return f"{base}graph/meta"


def curated_graph(base: str) -> str:
    """The graph of human edits; no build ever writes it."""
    return f"{base}graph/curated"
