"""Merge the mentions of one document into entities, keeping every surface form and its evidence.

Mentions with the same key (:mod:`graphbuilder.resolve.normalise`) are one entity from the
start; :meth:`EntityTable.merge_near_duplicates` then merges entities whose texts are
near-duplicates (:mod:`graphbuilder.resolve.duplicates`) within a block (skills only with
skills of the same action). An entity keeps its first mention's provenance, takes the label
of its most frequent mention, and lists every other surface form as an alternative label
(``skos:altLabel``); each mention's own span stays on the edge that cites it, and the
clusters (with their scores) are kept in :attr:`EntityTable.merges`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from graphbuilder.model import Provenance
from graphbuilder.model.records import AttrValue
from graphbuilder.resolve.duplicates import Cluster, Embed, near_duplicates

Handle = tuple[str, str]
"""``(kind, key)``: how an extractor refers to an entity before it has an IRI."""


@dataclass(slots=True)
class Entity:
    """The mentions of one thing in one document.

    Attributes:
        kind: the node kind.
        key: the resolution key (an entity merged into another keeps its own key here,
            and :meth:`EntityTable.resolve` follows the merge).
        labels: how often each surface form was seen, in first-seen order.
        provenance: the first mention's evidence.
        attrs: the first mention's attributes.
    """

    kind: str
    key: str
    labels: Counter[str]
    provenance: Provenance
    attrs: dict[str, AttrValue] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The most frequent surface form (the first seen among equals)."""
        best, most = "", -1
        for label, n in self.labels.items():
            if n > most:
                best, most = label, n
        return best

    @property
    def alt_labels(self) -> tuple[str, ...]:
        """Every other surface form, in first-seen order."""
        best = self.label
        return tuple(lb for lb in self.labels if lb != best)


class EntityTable:
    """The entities of one document, by kind and key."""

    def __init__(self) -> None:
        self._entities: dict[Handle, Entity] = {}
        self._merged: dict[Handle, Handle] = {}
        self.merges: list[Cluster] = []

    def add(
        self,
        kind: str,
        key: str,
        label: str,
        prov: Provenance,
        *,
        surfaces: tuple[str, ...] = (),
        attrs: dict[str, AttrValue] | None = None,
    ) -> Handle:
        """Record one mention; return the handle of its entity.

        Args:
            kind: the node kind.
            key: the resolution key.
            label: the label this mention gives.
            prov: the mention's evidence (kept when it is the entity's first).
            surfaces: other forms the mention was written in (alternative labels).
            attrs: node attributes (the first mention's are kept).
        """
        handle = (kind, key)
        entity = self._entities.get(handle)
        if entity is None:
            entity = Entity(kind, key, Counter(), prov, dict(attrs or {}))
            self._entities[handle] = entity
        entity.labels[label] += 1
        for s in surfaces:
            if s and s != label and s not in entity.labels:
                entity.labels[s] += 0
        return handle

    def resolve(self, handle: Handle) -> Entity:
        """The entity a handle names, after merges."""
        while handle in self._merged:
            handle = self._merged[handle]
        return self._entities[handle]

    def entities(self) -> list[Entity]:
        """The entities that were not merged into another, in first-seen order."""
        return [e for h, e in self._entities.items() if h not in self._merged]

    def merge_near_duplicates(
        self,
        kind: str,
        *,
        text: Callable[[Entity], str],
        block: Callable[[Entity], str] = lambda e: "",
        embed: Embed | None = None,
        string_threshold: float = 0.9,
        vector_threshold: float = 0.92,
        min_length: int = 6,
    ) -> list[Cluster]:
        """Merge entities of ``kind`` whose ``text`` is a near-duplicate within a block.

        Args:
            kind: the node kind to look at.
            text: what is compared (a skill's object, a knowledge point's label).
            block: only entities with the same block value are compared (a skill's action).
            embed: vectors for the comparison; character n-grams when ``None``.
            string_threshold: see :func:`~graphbuilder.resolve.duplicates.near_duplicates`.
            vector_threshold: see :func:`~graphbuilder.resolve.duplicates.near_duplicates`.
            min_length: texts shorter than this are never merged.

        Returns:
            The clusters found (also appended to :attr:`merges`).
        """
        blocks: dict[str, dict[str, list[Entity]]] = {}
        for e in self.entities():
            if e.kind == kind:
                blocks.setdefault(block(e), {}).setdefault(text(e), []).append(e)
        found: list[Cluster] = []
        for by_text in blocks.values():
            if len(by_text) < 2:
                continue
            counts = {t: sum(e.labels.total() for e in es) for t, es in by_text.items()}
            clusters = near_duplicates(
                list(by_text),
                counts=counts,
                string_threshold=string_threshold,
                vector_threshold=vector_threshold,
                min_length=min_length,
                embed=embed,
            )
            for c in clusters:
                target = by_text[c.representative][0]
                for member in c.members:
                    for e in by_text[member]:
                        if e is not target:
                            self._absorb(target, e)
            found.extend(clusters)
        self.merges.extend(found)
        return found

    def _absorb(self, target: Entity, other: Entity) -> None:
        for label, n in other.labels.items():
            target.labels[label] += n
        self._merged[(other.kind, other.key)] = (target.kind, target.key)
