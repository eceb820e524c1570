"""Entity-level exact-match scoring of predicted spans against gold spans.

An entity counts as correct only if its start, end and label all match a gold entity (exact match,
as conlleval and seqeval's strict mode count). A predicted span that overlaps a gold span without
matching it is one false positive *and* one false negative.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, TypedDict

from graphbuilder.nlp.ner.corpus import PRODUCT_LABELS, Span, TaggedSentence

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["Prf", "SpanScores", "TypeScore", "evaluate_sentences", "predict_spans", "score_spans"]


class Prf(TypedDict):
    """Precision, recall and F1, each in [0, 1]."""

    p: float
    r: float
    f1: float


class TypeScore(Prf):
    """Scores for one entity type; ``support`` is the number of gold entities of that type."""

    support: int


class SpanScores(TypedDict):
    """Micro average over the scored types and the per-type scores."""

    micro: Prf
    per_type: dict[str, TypeScore]


def _prf(tp: int, fp: int, fn: int) -> Prf:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1}


def score_spans(
    gold: Sequence[Iterable[Span]],
    predicted: Sequence[Iterable[Span]],
    labels: Collection[str] = PRODUCT_LABELS,
) -> tuple[Prf, dict[str, TypeScore]]:
    """Exact-match precision, recall and F1, per type and micro-averaged over ``labels``.

    Spans of other types, gold or predicted, are ignored. A type with no gold and no predicted
    entity scores 0 and is reported with support 0.

    Args:
        gold: per sentence, the gold ``(start, end, label)`` spans.
        predicted: per sentence, the predicted spans; same length as ``gold``.
        labels: the types to score.

    Returns:
        The micro average and the per-type scores (keys in ``labels`` order).

    Raises:
        ValueError: ``gold`` and ``predicted`` differ in length.

    Examples:
        One exact hit, one span that overlaps a gold span but is one character short (wrong),
        one gold span missed; the PER span is outside the scored types.

        >>> gold = [[(0, 4, "TER"), (5, 9, "CON")], [(0, 2, "TOO"), (3, 5, "PER")]]
        >>> pred = [[(0, 4, "TER"), (5, 8, "CON")], [(3, 5, "PER")]]
        >>> micro, per_type = score_spans(gold, pred, labels=("TER", "CON", "TOO"))
        >>> micro["p"], micro["r"], round(micro["f1"], 4)
        (0.5, 0.3333333333333333, 0.4)
        >>> per_type["TER"]
        {'p': 1.0, 'r': 1.0, 'f1': 1.0, 'support': 1}
        >>> per_type["CON"]["f1"], per_type["TOO"]["support"]
        (0.0, 1)
    """
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold_spans, pred_spans in zip(gold, predicted, strict=True):
        g = {s for s in gold_spans if s[2] in labels}
        p = {s for s in pred_spans if s[2] in labels}
        for _, _, label in g & p:
            tp[label] += 1
        for _, _, label in p - g:
            fp[label] += 1
        for _, _, label in g - p:
            fn[label] += 1
    per_type: dict[str, TypeScore] = {}
    for label in labels:
        prf = _prf(tp[label], fp[label], fn[label])
        per_type[label] = {**prf, "support": tp[label] + fn[label]}
    micro = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return micro, per_type


def predict_spans(
    sentences: Sequence[TaggedSentence], nlp: Language, *, batch_size: int = 64
) -> list[list[Span]]:
    """Run ``nlp`` over the sentences' texts; per sentence, its ``doc.ents`` as spans.

    Args:
        sentences: gold sentences, e.g. from :func:`~graphbuilder.nlp.ner.corpus.read_eduner`.
        nlp: the pipeline.
        batch_size: texts per ``nlp.pipe`` batch.

    Returns:
        The predicted ``(start, end, label)`` spans, character offsets, one list per sentence.
    """
    return [
        [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        for doc in nlp.pipe((s.text for s in sentences), batch_size=batch_size)
    ]


def evaluate_sentences(
    sentences: Sequence[TaggedSentence],
    nlp: Language,
    *,
    labels: Collection[str] = PRODUCT_LABELS,
    batch_size: int = 64,
) -> SpanScores:
    """Run ``nlp`` over gold sentences and score its ``doc.ents`` with :func:`score_spans`.

    Args:
        sentences: gold sentences, e.g. from :func:`~graphbuilder.nlp.ner.corpus.read_eduner`.
        nlp: the pipeline to score.
        labels: the types scored and micro-averaged.
        batch_size: texts per ``nlp.pipe`` batch.

    Returns:
        The micro average and per-type scores.
    """
    predicted = predict_spans(sentences, nlp, batch_size=batch_size)
    micro, per_type = score_spans([s.spans for s in sentences], predicted, labels)
    return {"micro": micro, "per_type": per_type}
