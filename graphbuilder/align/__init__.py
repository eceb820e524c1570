"""Alignment to the industry-technology taxonomy: loaders, embedders, layered matching,
resource suggestions and the ``align`` derived stage.

Importing this package is cheap: the stage's machinery loads when the stage runs.
"""

from __future__ import annotations

from graphbuilder.model import Facts
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.stage import DerivedStage

ALIGN_VERSION = "0.1.0"


def _run(store: OxigraphStore, doc_id: str) -> Facts:
    from graphbuilder.align.stage import run_align

    return run_align(store, doc_id)


def _inputs(store: OxigraphStore) -> str:
    """The taxonomy file, the alignment settings and the reviews of alignments."""
    import hashlib

    from graphbuilder.align.compose import SHIPPED
    from graphbuilder.settings import get_settings
    from graphbuilder.store.mapping import term
    from graphbuilder.store.reviews import reviews_fingerprint

    s = get_settings()
    taxonomy = s.align_taxonomy or SHIPPED
    data = taxonomy.read_bytes() if taxonomy.exists() else b""
    return "|".join(
        (
            hashlib.sha256(data).hexdigest(),
            s.align_model,
            str(s.align_model_multilingual),
            repr(s.align_threshold),
            reviews_fingerprint(store, term("alignsTo").value),
        )
    )


ALIGN_STAGE = DerivedStage("align", ALIGN_VERSION, _run, _inputs)

__all__ = ["ALIGN_STAGE", "ALIGN_VERSION"]
