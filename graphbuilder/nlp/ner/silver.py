"""Silver training data: curriculum sentences labelled by the rule components.

The rule pipeline (:func:`graphbuilder.nlp.pipeline.make_pipeline` with ``entities=True``)
puts technology mentions on ``doc.ents`` as ``TOO`` and knowledge points as ``TER``. Run over
the prose sections of a corpus (training goals, abilities, course lists and descriptions,
occupation definitions and tasks), cut into sentences, its spans of the chosen labels become
*silver* annotations: the only known ones in the sentence. Every other token is *missing*, not
``O`` (:func:`silver_docbin`), so silver data never teaches "no entity here" for the types
the rules do not find.

Only ``TOO`` is used by default. Judged by eye on 40 random spans of each label over the
shipped corpus: 34 of 40 technology spans were right (the misses: three boundaries such as
数据分析 inside 商业数据分析 or 3D in 服装 3D 设计, two marketing methods, 新媒体营销); only
26 of 40 knowledge-point spans were a knowledge item at all (研究稀土冶炼加工, 管理以及大数据,
法律法规, 我国民间传统工艺的历史 were not), and most good ones are course names (机械制图,
建筑力学), which EduNER calls ``CRN``, not ``TER``.

:func:`build_silver` can label with a lexicon that lacks a held-out share of the taxonomy
(:func:`graphbuilder.nlp.ner.discovery.technology_holdout`), for the "finds terms nobody
listed" measurement.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graphbuilder.errors import InputError
from graphbuilder.nlp.ner.corpus import Span, TaggedSentence, to_docbin

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import DocBin

    from graphbuilder.nlp.ner.discovery import TechnologyHoldout

__all__ = [
    "PROSE_SECTIONS",
    "SILVER_LABELS",
    "SilverSet",
    "build_silver",
    "corpus_sentences",
    "label_sentences",
    "silver_docbin",
    "split_sentences",
]

SILVER_LABELS: tuple[str, ...] = ("TOO",)
"""Rule labels precise enough to train on (see the module docstring)."""

PROSE_SECTIONS = frozenset(
    {
        "training_goal",
        "ability",
        "occupation_orientation",
        "foundation_courses",
        "core_courses",
        "practice",
        "occupation_definition",
        "task",
    }
)
"""Section kinds that hold running text (not tables of names or codes)."""

_SENTENCE = re.compile(r"[^。！？；;!?\n]+[。！？；;!?]?")
_MIN_CHARS = 6


def split_sentences(text: str) -> list[str]:
    """Cut text at 。！？； and line ends; pieces shorter than six characters are dropped.

    >>> split_sentences("掌握PLC编程。具备网络搭建能力；好\\n了解工业机器人")
    ['掌握PLC编程。', '具备网络搭建能力；', '了解工业机器人']
    """
    pieces = (m.group().strip() for m in _SENTENCE.finditer(text))
    return [p for p in pieces if len(p) >= _MIN_CHARS]


def corpus_sentences(corpus: Path, *, exclude_docs: Collection[str] = ()) -> list[tuple[str, str]]:
    """The distinct sentences of the corpus's prose sections, with the id of their document.

    Args:
        corpus: a folder (or file) :func:`graphbuilder.ingest.discover` accepts.
        exclude_docs: document ids to leave out (held-out documents).

    Returns:
        ``(doc_id, sentence)`` pairs in corpus order, each sentence once (first document wins).

    Raises:
        InputError: ``corpus`` does not exist or yields no prose sentence.
    """
    from graphbuilder.ingest import discover, read_document

    seen: set[str] = set()
    out: list[tuple[str, str]] = []
    for path, root in discover([corpus]):
        try:
            document = read_document(path, root)
        except InputError:
            continue  # not every file is curriculum text (workbooks of codes, O*NET tables)
        if document.doc_id in exclude_docs:
            continue
        for section in document.sections:
            if section.kind not in PROSE_SECTIONS:
                continue
            for sentence in split_sentences(section.text):
                if sentence not in seen:
                    seen.add(sentence)
                    out.append((document.doc_id, sentence))
    if not out:
        raise InputError(str(corpus), "no prose sentences (training goals, abilities, tasks)")
    return out


def label_sentences(
    sentences: Iterable[str],
    rules: Language,
    *,
    labels: Collection[str] = SILVER_LABELS,
    exclude_forms: Collection[str] = frozenset(),
    batch_size: int = 256,
) -> list[TaggedSentence]:
    """The rule pipeline's entities of ``labels`` on each sentence (sentences without any dropped).

    Args:
        sentences: the texts.
        rules: a pipeline that sets ``doc.ents`` (``make_pipeline(entities=True)``).
        labels: entity labels to keep.
        exclude_forms: lower-cased surface forms whose spans are dropped (held-out terms, which
            the Latin-name rule would otherwise still find).
        batch_size: texts per ``nlp.pipe`` batch.

    Returns:
        Sentences with at least one kept span.
    """
    out: list[TaggedSentence] = []
    for doc in rules.pipe(sentences, batch_size=batch_size):
        spans: list[Span] = [
            (e.start_char, e.end_char, e.label_)
            for e in doc.ents
            if e.label_ in labels and " ".join(e.text.lower().split()) not in exclude_forms
        ]
        if spans:
            out.append(TaggedSentence(doc.text, spans))
    return out


@dataclass(frozen=True, slots=True)
class SilverSet:
    """Silver sentences and where they came from.

    Attributes:
        source: the corpus they were read from.
        sentences: the labelled sentences.
        documents: how many documents they come from.
        candidates: prose sentences the rules were run over.
        sha256: hash of the sentences and spans (canonical JSON), recorded with a model.
        labels: the rule labels kept.
        held_out_concepts: taxonomy concepts left out of the labelling lexicon.
    """

    source: str
    sentences: list[TaggedSentence]
    documents: int
    candidates: int
    sha256: str
    labels: list[str]
    held_out_concepts: list[str] = field(default_factory=list)


def _hash(sentences: Sequence[TaggedSentence]) -> str:
    canon = json.dumps([[s.text, s.spans] for s in sentences], ensure_ascii=False)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def build_silver(
    corpus: Path,
    *,
    max_sentences: int | None = None,
    seed: int = 0,
    labels: Collection[str] = SILVER_LABELS,
    holdout: TechnologyHoldout | None = None,
    exclude_docs: Collection[str] = (),
) -> SilverSet:
    """Label the corpus's prose sentences with the rules, in a seeded order, up to a cap.

    Args:
        corpus: the corpus folder.
        max_sentences: stop after this many labelled sentences (``None``: all).
        seed: shuffles the candidate sentences before the cap applies.
        labels: rule labels to keep (default :data:`SILVER_LABELS`).
        holdout: label with a lexicon that lacks these concepts, and drop their surface forms.
        exclude_docs: document ids whose sentences are not used.

    Returns:
        The silver set.

    Raises:
        InputError: the corpus yields no prose sentence.
    """
    from graphbuilder.nlp.pipeline import make_pipeline

    pairs = corpus_sentences(corpus, exclude_docs=exclude_docs)
    random.Random(seed).shuffle(pairs)
    doc_of = {text: doc_id for doc_id, text in pairs}
    rules = make_pipeline(entities=True, taxonomy=holdout.taxonomy if holdout else None)
    forms = holdout.forms if holdout else frozenset()
    kept: list[TaggedSentence] = []
    step = 2048  # label in slices so a cap does not pay for the whole corpus
    for i in range(0, len(pairs), step):
        chunk = [text for _, text in pairs[i : i + step]]
        kept.extend(label_sentences(chunk, rules, labels=labels, exclude_forms=forms))
        if max_sentences is not None and len(kept) >= max_sentences:
            kept = kept[:max_sentences]
            break
    return SilverSet(
        source=str(corpus),
        sentences=kept,
        documents=len({doc_of[s.text] for s in kept}),
        candidates=len(pairs),
        sha256=_hash(kept),
        labels=sorted(labels),
        held_out_concepts=list(holdout.concepts) if holdout else [],
    )


def silver_docbin(sentences: Iterable[TaggedSentence], nlp: Language) -> tuple[DocBin, int]:
    """Tokenize silver sentences; their spans are entities and every other token is missing.

    Args:
        sentences: silver sentences.
        nlp: the pipeline whose tokenizer the recogniser uses.

    Returns:
        The ``DocBin`` and the number of spans dropped for not aligning with tokens.
    """
    return to_docbin(sentences, nlp, unlabelled="missing")
