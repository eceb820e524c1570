"""Find and load the trained EduNER recogniser, if there is one.

The pipeline is optional: rule and lexicon components work without it, so a missing shipped
model is not an error (:func:`load_ner_pipeline` returns ``None``), while a path the caller names
explicitly must hold a pipeline.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuilder.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["SHIPPED_PIPELINE", "load_ner_pipeline", "register_functions"]

SHIPPED_PIPELINE = Path(__file__).resolve().parents[1] / "models" / "eduner-ner"
"""Where the package ships the trained pipeline (``graphbuilder/nlp/models/eduner-ner``)."""


# Modules that register, on import, the spaCy functions a trained config names.
_REGISTERING_MODULES = ("graphbuilder.nlp.ner.segmenter",)


def register_functions() -> None:
    """Register graphbuilder's spaCy functions (the private jieba tokenizer); imports spaCy."""
    for module in _REGISTERING_MODULES:
        importlib.import_module(module)


def _is_pipeline(path: Path) -> bool:
    return (path / "config.cfg").is_file() and (path / "meta.json").is_file()


def load_ner_pipeline(path: str | Path | None = None) -> Language | None:
    """Load the trained NER pipeline from ``path``, or the shipped one.

    Args:
        path: a directory written by :func:`graphbuilder.nlp.ner.train.train_ner` (or any spaCy
            pipeline directory); ``None`` looks at :data:`SHIPPED_PIPELINE`.

    Returns:
        The pipeline, or ``None`` when ``path`` is ``None`` and no pipeline is shipped. The
        shipped one predicts all 16 EduNER types in ``doc.ents``; keep those in
        :data:`~graphbuilder.nlp.ner.corpus.PRODUCT_LABELS` for terms, concepts, theories,
        algorithms, tools and courses.

    Raises:
        InputError: ``path`` was given but holds no spaCy pipeline (``config.cfg`` and
            ``meta.json``).
    """
    if path is None:
        if not _is_pipeline(SHIPPED_PIPELINE):
            return None
        path = SHIPPED_PIPELINE
    path = Path(path)
    if not _is_pipeline(path):
        raise InputError(str(path), "not a spaCy pipeline directory (config.cfg, meta.json)")
    import spacy

    register_functions()
    return spacy.load(path)
