"""Typed records and deterministic identifiers."""

from __future__ import annotations

from graphbuilder.model.records import (
    EDGE_KINDS,
    NODE_KINDS,
    Document,
    Edge,
    Facts,
    Node,
    Provenance,
    Section,
)

__all__ = [
    "EDGE_KINDS",
    "NODE_KINDS",
    "Document",
    "Edge",
    "Facts",
    "Node",
    "Provenance",
    "Section",
]
