"""Request and response models of the API."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Health(BaseModel):
    """Service health: the store it serves and how many documents it holds."""

    model_config = ConfigDict(extra="forbid")

    status: str
    store: str
    documents: int


class EdgePublic(BaseModel):
    """An edge seen from a node: its kind, direction and the node at the other end."""

    model_config = ConfigDict(extra="forbid")

    kind: str
    direction: str
    iri: str
    label: str | None = None


class ProvenancePublic(BaseModel):
    """One piece of evidence for a node."""

    model_config = ConfigDict(extra="forbid")

    document: str
    path: str | None = None
    start: int
    end: int
    extractor: str
    confidence: float


class NodePublic(BaseModel):
    """A node with its labels, attributes, edges and provenance."""

    model_config = ConfigDict(extra="forbid")

    iri: str
    kinds: list[str]
    labels: dict[str, list[str]]
    attributes: dict[str, list[str]]
    edges: list[EdgePublic]
    provenance: list[ProvenancePublic]
