"""``eval ner``: entity-level scores of a NER pipeline against EduNER-format gold data.

An entity counts as correct only if its start, end and label all match a gold entity (exact match,
as conlleval and seqeval's strict mode count). A predicted span that overlaps a gold span without
matching it is one false positive *and* one false negative. The counting itself is
:func:`graphbuilder.nlp.ner.scoring.score_spans`, which training uses too.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict

from graphbuilder.nlp.ner.corpus import PRODUCT_LABELS, read_eduner
from graphbuilder.nlp.ner.scoring import Prf, TypeScore, evaluate_sentences, score_spans

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["NerScores", "Prf", "TypeScore", "evaluate_ner", "pipeline_name", "score_spans"]


class NerScores(TypedDict):
    """What :func:`evaluate_ner` returns."""

    micro: Prf
    per_type: dict[str, TypeScore]
    pipeline: str
    n_sentences: int


def pipeline_name(nlp: Language) -> str:
    """``"<name> <version> (spaCy <v>) from <path>"``: which pipeline a score belongs to."""
    from spacy.about import __version__ as spacy_version

    meta = nlp.meta
    where = f" from {nlp.path}" if nlp.path is not None else ""
    return f"{meta.get('name', '?')} {meta.get('version', '?')} (spaCy {spacy_version}){where}"


def evaluate_ner(
    gold_path: str | Path,
    nlp: Language,
    *,
    labels: Collection[str] = PRODUCT_LABELS,
    batch_size: int = 64,
) -> NerScores:
    """Score ``nlp``'s entities against an EduNER-format gold file (exact span and label).

    Args:
        gold_path: the gold file (one character and BIO tag per line, see
            :func:`graphbuilder.nlp.ner.corpus.read_eduner`).
        nlp: the pipeline to score; its ``doc.ents`` are the predictions.
        labels: the types scored and micro-averaged; the default is
            :data:`~graphbuilder.nlp.ner.corpus.PRODUCT_LABELS`.
        batch_size: texts per ``nlp.pipe`` batch.

    Returns:
        ``{"micro": {"p", "r", "f1"}, "per_type": {label: {"p", "r", "f1", "support"}},
        "pipeline": "<name version (spaCy v) from path>", "n_sentences": n}``.

    Raises:
        InputError: the gold file cannot be read.
        CorpusFormatError: a malformed line in the gold file.
    """
    sentences = read_eduner(gold_path)
    scores = evaluate_sentences(sentences, nlp, labels=labels, batch_size=batch_size)
    return {
        "micro": scores["micro"],
        "per_type": scores["per_type"],
        "pipeline": pipeline_name(nlp),
        "n_sentences": len(sentences),
    }
