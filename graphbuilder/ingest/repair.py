"""OCR repair that keeps the way back: repaired text plus the source offset of every character.

The MoE texts are PDF→markdown OCR. Words and sentences are split over blank lines, spaces
sit after CJK punctuation and between CJK characters, and a few formulas come out as LaTeX
(``$\\mathrm { C O } _ { 2 }$``). Readers never edit the data: they cut the source into
*pieces* (stripped line ranges) and hand them here, which joins and cleans them and reports,
for each character of the result, where it came from.
"""

from __future__ import annotations

import re
import string
import unicodedata
from array import array
from collections.abc import Iterator, Mapping, Sequence

from graphbuilder.model.records import Section

Piece = tuple[int, int]

# Whitespace runs and inline LaTeX, the only places where repair changes a line.
_SPECIAL = re.compile(r"\s+|\$[^$\n]*\$")
_LINE = re.compile(r"[^\n]+")
_MATH_TOKEN = re.compile(r"\\([A-Za-z]+|.)|[{}^_\s]|(.)")
_MATH_WORDS = {"sim": "～", "times": "×", "pm": "±", "circ": "°", "cdot": "·", "le": "≤"}
_MATH_WORDS |= {"leq": "≤", "ge": "≥", "geq": "≥", "mu": "μ"}
# Font switches vanish; their argument stays.
_MATH_DROP = frozenset({"mathrm", "mathbf", "mathit", "text", "rm", "operatorname", "quad"})
_ASCII_PUNCT = frozenset(string.punctuation)
_WIDE_PUNCT_EXTRA = frozenset("“”‘’—–…·《》")


def _ideograph(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" or c >= "\U00020000"


def _wide_punct(c: str) -> bool:
    return "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or c in _WIDE_PUNCT_EXTRA


def drops_space(left: str, right: str) -> bool:
    """Whether whitespace between ``left`` and ``right`` is an OCR artefact.

    Space next to CJK punctuation, between two ideographs, or between an ideograph and ASCII
    punctuation goes; space between Latin text and an ideograph ("Linux 操作系统") stays.

    >>> drops_space("、", "计"), drops_space("机", "械"), drops_space(",", "将")
    (True, True, True)
    >>> drops_space("X", "设"), drops_space("5", "G")
    (False, False)
    """
    if _wide_punct(left) or _wide_punct(right):
        return True
    if _ideograph(left):
        return _ideograph(right) or right in _ASCII_PUNCT
    return left in _ASCII_PUNCT and _ideograph(right)


def _math(source: str, start: int, end: int) -> Iterator[tuple[str, int]]:
    """Plain characters of an inline formula ``source[start:end]`` (without the dollars)."""
    for m in _MATH_TOKEN.finditer(source, start, end):
        word, char = m.group(1), m.group(2)
        if char is not None:
            yield char, m.start()
        elif word is not None and word not in _MATH_DROP:
            yield _math_word(word), m.start()


def _math_word(word: str) -> str:
    if not word.isalpha():  # an escaped symbol: keep the printable ones, drop spacing
        return word if word in "%&_#$" else ""
    if word in _MATH_WORDS:
        return _MATH_WORDS[word]
    case = "CAPITAL" if word[0].isupper() else "SMALL"
    try:
        return unicodedata.lookup(f"GREEK {case} LETTER {word.upper()}")
    except KeyError:
        return word


def repair_pieces(source: str, pieces: Sequence[Piece]) -> tuple[str, tuple[int, ...]]:
    """Join and clean ``source`` pieces; return the text and each character's source offset.

    Pieces are ``(start, end)`` ranges, normally stripped lines. Between pieces and inside
    them, a whitespace run is dropped when :func:`drops_space` says so and otherwise becomes
    one space (mapped to the run's first character, or to the end of the previous piece).

    Args:
        source: the decoded source text.
        pieces: the ranges to join, in order.

    Returns:
        The repaired text and, for every character of it, its offset in ``source``.

    Examples:
        >>> src = "操作称重、 打包设备, 计量、\\n\\n包装成品;"
        >>> text, offsets = repair_pieces(src, line_pieces(src))
        >>> text
        '操作称重、打包设备,计量、包装成品;'
        >>> src[offsets[13] : offsets[16] + 1]
        '包装成品'
    """
    chars: list[str] = []
    offsets: array[int] = array("q")
    pending = -1  # source offset of a whitespace run not yet emitted, or -1
    previous_end = 0
    for start, end in pieces:
        if chars and pending < 0:
            # A join between pieces is a line break: map it to the end of the last piece.
            pending = min(previous_end, start)
        previous_end = end
        pos = start
        for m in _SPECIAL.finditer(source, start, end):
            if m.start() > pos:
                pending = _emit(
                    chars, offsets, pending, source[pos : m.start()], range(pos, m.start())
                )
            if m.group()[0] == "$":
                for char, at in _math(source, m.start() + 1, m.end() - 1):
                    pending = _emit(chars, offsets, pending, char, (at,))
            elif chars and pending < 0:
                pending = m.start()
            pos = m.end()
        if end > pos:
            pending = _emit(chars, offsets, pending, source[pos:end], range(pos, end))
    return "".join(chars), tuple(offsets)


def _emit(chars: list[str], offsets: array[int], pending: int, text: str, at: Sequence[int]) -> int:
    """Append ``text`` (with offsets ``at``), first resolving a pending whitespace run."""
    if not text:
        return pending
    if pending >= 0 and chars and not drops_space(chars[-1][-1], text[0]):
        chars.append(" ")
        offsets.append(pending)
    chars.append(text)
    offsets.extend(at)
    return -1


_PAGE_TAIL = re.compile(r"(?<=[\u3400-\u9fff])\d{2,4}$")


def drop_page_number(source: str, piece: Piece, following: str) -> Piece:
    """``piece`` without a page number the OCR glued to its end, when ``following`` goes on.

    A line that ends "…食454" and is continued by "品运输配送…" carries the page number of
    the page break between them; a line continued by an ideograph cannot end in a number.

    >>> src = "贮藏与保鲜、食454"
    >>> drop_page_number(src, (0, len(src)), "品运输配送")
    (0, 7)
    >>> drop_page_number(src, (0, len(src)), "1. 具有")
    (0, 10)
    """
    start, end = piece
    if following and _ideograph(following[0]):
        tail = _PAGE_TAIL.search(source, start, end)
        if tail is not None:
            return start, tail.start()
    return piece


def line_pieces(source: str, start: int = 0, end: int | None = None) -> list[Piece]:
    """The stripped, non-blank lines of ``source[start:end]`` as ranges.

    >>> line_pieces("  ab \\n\\n cd\\n")
    [(2, 4), (8, 10)]
    """
    stop = len(source) if end is None else end
    out: list[Piece] = []
    for m in _LINE.finditer(source, start, stop):
        line = m.group()
        stripped = line.strip()
        if stripped:
            left = m.start() + len(line) - len(line.lstrip())
            out.append((left, left + len(stripped)))
    return out


def repair(source: str, start: int = 0, end: int | None = None) -> tuple[str, tuple[int, ...]]:
    """Repair ``source[start:end]``: join its lines, drop OCR spaces, flatten inline LaTeX.

    Args:
        source: the decoded source text.
        start: where the range starts.
        end: where it ends (the end of ``source`` by default).

    Returns:
        The repaired text and the source offset of each of its characters.

    Examples:
        >>> repair("具备农业智能装备应用、\\n\\n农业信息采集与处理等能力")[0]
        '具备农业智能装备应用、农业信息采集与处理等能力'
        >>> repair("计量、\\n\\n包装成品;")
        ('计量、包装成品;', (0, 1, 2, 5, 6, 7, 8, 9))
        >>> repair("操作清理、 计量, 输送")[0]
        '操作清理、计量,输送'
        >>> repair("EDA 设计、 $\\\\mathrm { C } / \\\\mathrm { C } { + + }$ 语言")[0]
        'EDA 设计、C/C++语言'
        >>> repair("Web\\n\\nAPI 开发")[0]
        'Web API 开发'
    """
    return repair_pieces(source, line_pieces(source, start, end))


def make_section(
    doc_id: str,
    kind: str,
    key: str,
    source: str,
    pieces: Sequence[Piece],
    attrs: Mapping[str, str],
) -> Section | None:
    """A ``Section`` over ``pieces`` with repaired text, or ``None`` when nothing is left.

    ``offsets`` stays empty when the repaired text is the source slice unchanged.

    >>> s = make_section("d", "task", "1", "a、 b", [(0, 4)], {})
    >>> s.text, s.start, s.end, s.offsets
    ('a、b', 0, 4, (0, 1, 3))
    >>> make_section("d", "task", "1", "ab", [(0, 2)], {}).offsets
    ()
    """
    text, offsets = repair_pieces(source, pieces)
    if not text:
        return None
    start, end = pieces[0][0], pieces[-1][1]
    if text == source[start:end]:
        offsets = ()
    return Section(doc_id, kind, key, text, start, end, offsets, dict(attrs))
