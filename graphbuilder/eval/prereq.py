"""``eval prereq``: score prerequisite predictions on labelled concept pairs.

The pairs file is a CSV with the header ``prerequisite,concept,label``: concept names, and
label 1 when the first is a prerequisite of the second, 0 when it is not. LectureBank
(Li et al., AAAI 2019; LectureBank 2, COLING 2020; LectureBankCD) ships topic ids and a
topic list instead: :func:`lecturebank_pairs` converts it. Its annotation rows are
``source,target,label`` with label 1 when the *source* topic is a prerequisite of the
*target* (its README: ``(Source_Topic_ID, Target_Topic_ID, If_prerequisite)``; e.g.
``Conditional probability → Bayes theorem`` is labelled 1).

Scores: precision, recall and F1 of the positive class at a threshold, and the ROC AUC of
the raw scores (threshold-free; ties count one half).
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

from graphbuilder.errors import InputError

HEADER = ("prerequisite", "concept", "label")

# subset → (topic file, annotation file, topic-file delimiter)
LECTUREBANK_SUBSETS: dict[str, tuple[str, str, str]] = {
    "lb1": ("208topics.csv", "prerequisite_annotation.csv", ","),
    "lb2": ("LectureBank2_322topics_final.tsv", "LectureBank2_final_new_annotation.csv", "|"),
    "cd-bio": ("LectureBankCD_BIO.topics.tsv", "LectureBankCD_BIO.annotation.csv", "\t"),
    "cd-cv": ("LectureBankCD_CV.topics.tsv", "LectureBankCD_CV.annotation.csv", "\t"),
}


@dataclass(frozen=True, slots=True)
class Pair:
    """A labelled pair: is ``prerequisite`` a prerequisite of ``concept``?"""

    prerequisite: str
    concept: str
    label: int


class PrereqScores(TypedDict):
    """What :func:`score_pairs` returns."""

    p: float
    r: float
    f1: float
    auc: float
    n: int


def read_pairs(path: Path) -> list[Pair]:
    """Read a ``prerequisite,concept,label`` CSV.

    Raises:
        InputError: a missing file, a wrong header, a row without three fields, an empty
            name or a label other than 0 or 1 (with the line number).
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot be read: {exc}") from exc
    rows = csv.reader(text.splitlines())
    header = next(rows, None)
    if header is None or tuple(h.strip() for h in header) != HEADER:
        raise InputError(str(path), f"line 1: header must be {','.join(HEADER)}, not {header}")
    pairs = []
    for line, row in enumerate(rows, start=2):
        if not row:
            continue
        if len(row) != 3:
            raise InputError(str(path), f"line {line}: {len(row)} fields, expected 3")
        a, b, label = (x.strip() for x in row)
        if not a or not b:
            raise InputError(str(path), f"line {line}: empty concept name")
        if label not in ("0", "1"):
            raise InputError(str(path), f"line {line}: label {label!r} is not 0 or 1")
        pairs.append(Pair(a, b, int(label)))
    return pairs


def write_pairs(pairs: Sequence[Pair], path: Path) -> None:
    """Write pairs as a ``prerequisite,concept,label`` CSV."""
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(HEADER)
        w.writerows((p.prerequisite, p.concept, p.label) for p in pairs)


def _topics(path: Path, delimiter: str) -> dict[str, str]:
    topics: dict[str, str] = {}
    for line, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        parts = raw.split(delimiter, 2)
        if len(parts) < 2 or not parts[0].strip().isdigit():
            raise InputError(str(path), f"line {line}: expected <id>{delimiter}<topic>")
        topics[parts[0].strip()] = parts[1].strip()
    return topics


def lecturebank_pairs(folder: Path, subset: str = "lb1") -> tuple[list[Pair], list[str]]:
    """LectureBank's annotation for ``subset`` (see :data:`LECTUREBANK_SUBSETS`) as pairs.

    Rows that name a topic id absent from the topic list are left out and reported (LB1
    annotates topics 210 and 211, which ``208topics.csv`` does not list).

    Returns:
        The pairs, and warnings about the rows left out.

    Raises:
        InputError: an unknown subset, a missing file or a malformed row (with its line).
    """
    if subset not in LECTUREBANK_SUBSETS:
        known = ", ".join(LECTUREBANK_SUBSETS)
        raise InputError(str(folder), f"unknown subset {subset!r} ({known})")
    topic_file, annotation_file, delimiter = LECTUREBANK_SUBSETS[subset]
    topics_path, annotation_path = folder / topic_file, folder / annotation_file
    for p in (topics_path, annotation_path):
        if not p.is_file():
            raise InputError(str(p), f"missing: LectureBank subset {subset} needs it")
    topics = _topics(topics_path, delimiter)
    pairs = []
    unknown: dict[str, int] = {}
    text = annotation_path.read_text(encoding="utf-8")
    for line, row in enumerate(csv.reader(text.splitlines()), start=1):
        if not row:
            continue
        if len(row) != 3 or row[2].strip() not in ("0", "1"):
            raise InputError(str(annotation_path), f"line {line}: expected <id>,<id>,<0|1>")
        a, b = row[0].strip(), row[1].strip()
        missing = [t for t in (a, b) if t not in topics]
        if missing:
            for t in missing:
                unknown[t] = unknown.get(t, 0) + 1
            continue
        pairs.append(Pair(topics[a], topics[b], int(row[2])))
    warnings = [
        f"{annotation_path.name}: {n} rows name topic id {t}, absent from {topic_file}; left out"
        for t, n in sorted(unknown.items())
    ]
    return pairs, warnings


def auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    """ROC AUC by ranks (Mann–Whitney U), ties counting one half.

    >>> auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> auc([0, 1], [0.5, 0.5])
    0.5
    """
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(labels)
    neg = len(labels) - pos
    if not pos or not neg:
        return float("nan")
    rank_sum = sum(r for r, y in zip(ranks, labels, strict=True) if y == 1)
    return (rank_sum - pos * (pos + 1) / 2) / (pos * neg)


def score_pairs(
    pairs: Sequence[Pair], scores: Sequence[float], threshold: float = 0.5
) -> PrereqScores:
    """Precision, recall, F1 at ``threshold`` and AUC of ``scores`` against the labels.

    >>> ps = [Pair("a", "b", 1), Pair("b", "a", 0), Pair("a", "c", 1)]
    >>> score_pairs(ps, [0.9, 0.6, 0.1])
    {'p': 0.5, 'r': 0.5, 'f1': 0.5, 'auc': 0.5, 'n': 3}
    """
    labels = [p.label for p in pairs]
    predicted = [s >= threshold for s in scores]
    tp = sum(1 for y, h in zip(labels, predicted, strict=True) if y and h)
    fp = sum(1 for y, h in zip(labels, predicted, strict=True) if not y and h)
    fn = sum(1 for y, h in zip(labels, predicted, strict=True) if y and not h)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "p": round(p, 4),
        "r": round(r, 4),
        "f1": round(f1, 4),
        "auc": round(auc(labels, scores), 4),
        "n": len(pairs),
    }
