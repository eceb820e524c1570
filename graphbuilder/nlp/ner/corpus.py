"""Read the EduNER character/BIO format and turn it into spaCy training data.

EduNER (Li et al., *Neural Computing & Applications* 2023, CC BY 4.0) stores one character and
its BIO tag per line, separated by one space, with a blank line between sentences::

    美 B-COU
    国 I-COU
    的 O

Entity types seen in the data (the upstream README does not spell them out; these readings come
from the most frequent entities of each type in ``train.csv``)::

    TER  term                      学习空间, 教学模式, 教育大数据
    CON  concept                   教育信息化, 远程教育, 在线学习
    TOO  tool / technology         信息技术, 人工智能, 课件
    THE  theory                    学习理论, 具身认知, 建构主义
    ALG  algorithm                 机器学习, 决策树, SVM
    CRN  course / discipline       教育技术学, 心理学, 数学
    COU  country (not course!)     我国, 美国, 中国
    FRM  framework / model         TPACK, 预测模型
    PER  person (incl. roles)      学生, 教师, 皮亚杰
    ORG, LOC, DAT, BOO, JOU, COF, POL: organisation, place, date or era, book, journal,
    conference, policy document.

:data:`PRODUCT_LABELS` is therefore TER, CON, THE, ALG, TOO and CRN: the graph wants courses,
not countries.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from graphbuilder.errors import InputError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import DocBin

__all__ = [
    "PRODUCT_LABELS",
    "BioTagError",
    "CorpusFormatError",
    "Span",
    "TaggedSentence",
    "read_eduner",
    "spans_from_bio",
    "to_docbin",
]

PRODUCT_LABELS: tuple[str, ...] = ("TER", "CON", "THE", "ALG", "TOO", "CRN")
"""EduNER types the graph uses: term, concept, theory, algorithm, tool, course."""

Span = tuple[int, int, str]
"""A character span ``(start, end, label)``, end exclusive."""


class TaggedSentence(NamedTuple):
    """One sentence: its text and its entity spans (character offsets, end exclusive)."""

    text: str
    spans: list[Span]


class BioTagError(ValueError):
    """A tag sequence that is not valid BIO; ``position`` is the 0-based character index."""

    def __init__(self, position: int, reason: str) -> None:
        super().__init__(f"position {position}: {reason}")
        self.position = position
        self.reason = reason


class CorpusFormatError(InputError):
    """A line of an EduNER file is malformed; carries the file name and the 1-based line number."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(path, f"line {line}: {reason}")
        self.line = line


def _parse_tag(tag: str) -> tuple[str, str] | None:
    """``"B-TER"`` → ``("B", "TER")``, ``"O"`` → ``("O", "")``; anything else → None."""
    if tag == "O":
        return "O", ""
    prefix, dash, label = tag.partition("-")
    if dash and prefix in ("B", "I") and label.isascii() and label.isalnum():
        return prefix, label
    return None


def spans_from_bio(tags: list[str], *, strict: bool = False) -> list[Span]:
    """Entity spans from one sentence's BIO tags (one tag per character).

    An ``I-X`` that does not continue an ``X`` entity (after ``O``, or after a different type)
    starts a new entity, as conlleval does; with ``strict=True`` it is an error instead.

    Args:
        tags: the tags, e.g. ``["B-TER", "I-TER", "O"]``.
        strict: raise on an ``I-X`` that continues nothing.

    Returns:
        The spans in order.

    Raises:
        BioTagError: a tag is not ``O``/``B-X``/``I-X``, or (strict) an orphan ``I-X``; it
            carries the 0-based position.

    Examples:
        >>> spans_from_bio(["B-TER", "I-TER", "O", "B-CON", "B-CON", "I-TOO"])
        [(0, 2, 'TER'), (3, 4, 'CON'), (4, 5, 'CON'), (5, 6, 'TOO')]
    """
    spans: list[Span] = []
    start, label = -1, ""
    for i, tag in enumerate(tags):
        parsed = _parse_tag(tag)
        if parsed is None:
            raise BioTagError(i, f"tag {tag!r} is not O, B-X or I-X")
        prefix, kind = parsed
        if prefix == "I" and kind == label:
            continue
        if prefix == "I" and strict:
            raise BioTagError(i, f"{tag} does not continue an entity of that type")
        if label:
            spans.append((start, i, label))
        start, label = (i, kind) if prefix != "O" else (-1, "")
    if label:
        spans.append((start, len(tags), label))
    return spans


def read_eduner(
    path: str | Path,
    *,
    labels: Collection[str] | None = None,
    strict: bool = False,
) -> list[TaggedSentence]:
    """Read an EduNER file into sentences with character spans.

    A line is one character, one space and a tag (``O``, ``B-X`` or ``I-X``); a blank line ends a
    sentence. A UTF-8 byte-order mark and ``\\r\\n`` line ends are accepted.

    Args:
        path: the ``.csv`` file (despite the name it is not comma separated).
        labels: keep only entities of these types (others become ``O``); ``None`` keeps all.
        strict: reject an ``I-X`` that continues no ``X`` entity (upstream ``train.csv`` has ten);
            by default it starts a new entity.

    Returns:
        The sentences in file order.

    Raises:
        InputError: the file cannot be read or is not UTF-8.
        CorpusFormatError: a malformed line; the message names the file and the line number.
    """
    name = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(name, f"cannot read: {err}") from err
    sentences: list[TaggedSentence] = []
    chars: list[str] = []
    tags: list[str] = []
    first_line = 0

    def flush() -> None:
        try:
            spans = spans_from_bio(tags, strict=strict)
        except BioTagError as err:
            # One line per character: position i of the sentence is line first_line + i.
            raise CorpusFormatError(name, first_line + err.position, err.reason) from err
        if labels is not None:
            spans = [s for s in spans if s[2] in labels]
        sentences.append(TaggedSentence("".join(chars), spans))
        chars.clear()
        tags.clear()

    # split("\n"), not splitlines(): U+2028, U+0085 and the like are characters here.
    for number, row in enumerate(raw.split("\n"), start=1):
        line = row.removesuffix("\r")
        if not line.strip():
            if chars:
                flush()
            continue
        # The character itself may be a space: "  O" is the character " " tagged O.
        fields = [" ", line[2:]] if line.startswith("  ") else line.split(" ")
        if len(fields) != 2 or not fields[0]:
            raise CorpusFormatError(name, number, f"expected 'CHAR TAG', got {line!r}")
        char, tag = fields
        if len(char) != 1:
            raise CorpusFormatError(name, number, f"expected one character, got {char!r}")
        if _parse_tag(tag) is None:
            raise CorpusFormatError(name, number, f"tag {tag!r} is not O, B-X or I-X")
        if not chars:
            first_line = number
        chars.append(char)
        tags.append(tag)
    if chars:
        flush()
    if not sentences:
        raise CorpusFormatError(name, 1, "no sentences")
    return sentences


def to_docbin(
    sentences: Iterable[TaggedSentence], nlp: Language, *, unlabelled: str = "outside"
) -> tuple[DocBin, int]:
    """Tokenize each sentence with ``nlp`` and store it with its entities in a ``DocBin``.

    An entity whose edges fall inside a token (possible with a word segmenter such as jieba,
    never with the character segmenter) cannot be represented; it is dropped and counted.

    Args:
        sentences: what :func:`read_eduner` returned.
        nlp: a pipeline whose tokenizer is used (``spacy.blank("zh")`` with a segmenter).
        unlabelled: what a token outside every entity is: ``"outside"`` (``O``, gold data) or
            ``"missing"`` (unknown, for partial annotation; sentences left with no entity are
            then skipped, as they would teach nothing).

    Returns:
        The ``DocBin`` and the number of entities dropped for misalignment.
    """
    from spacy.tokens import DocBin

    store = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    dropped = 0
    for text, spans in sentences:
        doc = nlp.make_doc(text)
        ents = []
        for start, end, label in spans:
            ent = doc.char_span(start, end, label=label, alignment_mode="strict")
            if ent is None:
                dropped += 1
            else:
                ents.append(ent)
        if unlabelled == "missing" and not ents:
            continue
        doc.set_ents(ents, default=unlabelled)
        store.add(doc)
    return store, dropped
