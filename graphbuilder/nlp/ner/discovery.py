"""Does the recogniser find technologies nobody listed? A held-out-lexicon measurement.

The set-up: a seeded share of the taxonomy's concepts is held out of the lexicon that labels the
silver training text (:func:`technology_holdout`, then
:func:`graphbuilder.nlp.ner.silver.build_silver` with ``holdout=``), and a seeded share of the
corpus's documents is held out of that text altogether (:func:`split_documents`, then
``exclude_docs=``). On the held-out documents,
:func:`discovery_scores` counts the occurrences of held-out terms (found by the full lexicon)
and how many of them the trained model marks ``TOO``, exactly or overlapping; and it lists the
model's ``TOO`` spans that no lexicon term or Latin-name rule produces, for a person to judge.

Measured on the shipped corpus, seed 0, 75 of 375 concepts and 55 documents held out: their
3,355 sentences hold 278 occurrences of held-out terms; EduNER alone finds 12 exactly (14
overlapping), EduNER plus 2,000 silver sentences 76 (128). See :mod:`graphbuilder.nlp.ner.train`.
"""

from __future__ import annotations

import csv
import io
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuilder.errors import InputError
from graphbuilder.nlp.ner.silver import corpus_sentences

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "DiscoveryScores",
    "TechnologyHoldout",
    "discovery_scores",
    "split_documents",
    "technology_holdout",
]


@dataclass(frozen=True, slots=True)
class TechnologyHoldout:
    """A technology lexicon with a share of its concepts held out.

    Attributes:
        taxonomy: a copy of the taxonomy table without the held-out rows (for labelling).
        concepts: the held-out concept ids.
        forms: their surface forms, lower-cased (what the model should find unaided).
    """

    taxonomy: Path
    concepts: tuple[str, ...]
    forms: frozenset[str]


def technology_holdout(
    taxonomy: Path, out: Path, *, fraction: float = 0.2, seed: int = 0
) -> TechnologyHoldout:
    """Hold out a seeded ``fraction`` of the taxonomy's concepts; write the rest to ``out``.

    Args:
        taxonomy: the taxonomy table (``technologies-zh.csv``).
        out: where the reduced table goes.
        fraction: share of concepts (rows) held out.
        seed: picks them.

    Returns:
        The reduced table's path, the held-out concepts and their surface forms.

    Raises:
        InputError: the table cannot be read or has no rows.
    """
    from graphbuilder.nlp.technology import fold, surface_forms

    try:
        with taxonomy.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header, rows = list(reader.fieldnames or []), list(reader)
    except (OSError, csv.Error) as exc:
        raise InputError(str(taxonomy), f"cannot read the technology table: {exc}") from exc
    if not rows:
        raise InputError(str(taxonomy), "no rows")
    ids = sorted(row["id"] for row in rows)
    held = set(random.Random(seed).sample(ids, round(len(ids) * fraction)))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=header, lineterminator="\n")
    writer.writeheader()
    writer.writerows(row for row in rows if row["id"] not in held)
    out.write_text(buffer.getvalue(), encoding="utf-8")
    forms = {
        " ".join(fold(form).split())
        for row in rows
        if row["id"] in held
        for form in surface_forms(row)
    }
    return TechnologyHoldout(out, tuple(sorted(held)), frozenset(forms))


def split_documents(corpus: Path, *, fraction: float = 0.2, seed: int = 0) -> list[str]:
    """A seeded ``fraction`` of the ids of the corpus documents that have prose sentences.

    Args:
        corpus: the corpus folder.
        fraction: share of documents held out.
        seed: picks them.

    Returns:
        The held-out document ids, sorted.
    """
    ids = sorted({doc_id for doc_id, _ in corpus_sentences(corpus)})
    return sorted(random.Random(seed).sample(ids, round(len(ids) * fraction)))


@dataclass(frozen=True, slots=True)
class DiscoveryScores:
    """What :func:`discovery_scores` counted.

    Attributes:
        sentences: held-out sentences scored.
        occurrences: held-out term occurrences in them (full lexicon, held-out concepts only).
        exact: of those, how many the model marked ``TOO`` with the same span.
        overlap: how many overlap a ``TOO`` span of the model (exact ones included).
        distinct_terms: distinct held-out surface forms that occur.
        distinct_found: of those, how many were found exactly at least once.
        unlisted: the model's ``TOO`` spans that no lexicon term or Latin-name rule produces,
            as ``(span text, sentence)``.
    """

    sentences: int
    occurrences: int
    exact: int
    overlap: int
    distinct_terms: int
    distinct_found: int
    unlisted: list[tuple[str, str]] = field(default_factory=list)


def discovery_scores(
    nlp: Language,
    corpus: Path,
    held_docs: Sequence[str],
    holdout: TechnologyHoldout,
    *,
    taxonomy: Path | None = None,
    batch_size: int = 128,
) -> DiscoveryScores:
    """Run ``nlp`` over the held-out documents' sentences and count what it finds.

    Args:
        nlp: the trained recogniser.
        corpus: the corpus folder.
        held_docs: ids of the documents held out of the silver text.
        holdout: the held-out concepts.
        taxonomy: the full taxonomy table (the shipped one by default).
        batch_size: texts per ``nlp.pipe`` batch.

    Returns:
        The counts and the unlisted spans.
    """
    from graphbuilder.nlp.technology import (
        TAXONOMY_CSV,
        find_technologies,
        fold,
        load_technology_lexicon,
    )

    lexicon = load_technology_lexicon(taxonomy or TAXONOMY_CSV)
    held = set(holdout.concepts)
    wanted = set(held_docs)
    pairs = [(d, s) for d, s in corpus_sentences(corpus) if d in wanted]
    texts = [s for _, s in pairs]
    occurrences = exact = overlap = 0
    forms: set[str] = set()
    found: set[str] = set()
    unlisted: list[tuple[str, str]] = []
    for text, doc in zip(texts, nlp.pipe(texts, batch_size=batch_size), strict=True):
        predicted = {(e.start_char, e.end_char) for e in doc.ents if e.label_ == "TOO"}
        mentions = find_technologies(text, lexicon)
        known = {(m.start, m.end) for m in mentions}
        for m in mentions:
            form = " ".join(fold(m.text).split())
            if not ((m.term is not None and m.term.concept in held) or form in holdout.forms):
                continue
            occurrences += 1
            forms.add(form)
            if (m.start, m.end) in predicted:
                exact += 1
                found.add(form)
            if any(s < m.end and m.start < e for s, e in predicted):
                overlap += 1
        unlisted.extend((text[s:e], text) for s, e in sorted(predicted) if (s, e) not in known)
    return DiscoveryScores(
        sentences=len(texts),
        occurrences=occurrences,
        exact=exact,
        overlap=overlap,
        distinct_terms=len(forms),
        distinct_found=len(found),
        unlisted=unlisted,
    )
