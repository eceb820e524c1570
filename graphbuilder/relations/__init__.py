"""Relations: prerequisite inference between courses, knowledge points and skills.

The ``prerequisites`` derived stage (:data:`PREREQUISITES_STAGE`) reads the built graph
(:mod:`.inputs`), runs every signal (:mod:`.signals`) over it, combines their claims into
edges with evidence and confidence (:mod:`.evidence`), applies people's reviews, and cuts
cycles (:mod:`.validate`); :mod:`.stage` writes the edges as facts.
"""

from __future__ import annotations

from graphbuilder.model import Facts
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.stage import DerivedStage

STAGE_NAME = "prerequisites"
STAGE_VERSION = "0.1.0"


def _run(store: OxigraphStore, doc_id: str) -> Facts:
    # jieba and networkx load here, when a build runs the stage, not on import.
    from graphbuilder.relations.stage import run

    return run(store, doc_id)


def _inputs(store: OxigraphStore) -> str:
    """The reviews of prerequisites: a new decision re-runs the stage."""
    from graphbuilder.store.mapping import term
    from graphbuilder.store.reviews import reviews_fingerprint

    return reviews_fingerprint(store, term("requires").value)


PREREQUISITES_STAGE = DerivedStage(STAGE_NAME, STAGE_VERSION, _run, _inputs)

__all__ = ["PREREQUISITES_STAGE"]
