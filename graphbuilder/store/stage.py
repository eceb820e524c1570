"""Derived stages: steps that read the whole built graph and add facts of their own.

Alignment to the technology taxonomy and prerequisite inference need every document's
facts at once, so they run after the documents, each writing one graph of its own (recorded
as a ``gb:SourceDocument`` of kind ``derived``, so its facts carry provenance like any
other). A stage runs again only when the build (the documents' fingerprints) or the stage's
version changed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graphbuilder.model import Facts
from graphbuilder.model.iris import doc_id_for
from graphbuilder.store.oxigraph import OxigraphStore


@dataclass(frozen=True, slots=True)
class DerivedStage:
    """A named, versioned step from the built graph to new facts.

    Attributes:
        name: a short name (``align``, ``prerequisites``); its pseudo-document is
            ``derived/<name>``.
        version: bump it when the stage's output for the same graph changes.
        run: ``(store, doc_id) -> Facts``; the facts' provenance must name ``doc_id``.
        inputs: ``store -> str``, a fingerprint of what else the stage reads (its data
            files, its settings, the human reviews); a change re-runs the stage even when
            no document changed.
    """

    name: str
    version: str
    run: Callable[[OxigraphStore, str], Facts]
    inputs: Callable[[OxigraphStore], str] | None = None

    @property
    def path(self) -> str:
        """The pseudo-document path of this stage's graph."""
        return f"derived/{self.name}"

    @property
    def doc_id(self) -> str:
        """The pseudo-document id of this stage's graph."""
        return doc_id_for(self.path)
