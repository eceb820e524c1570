"""Terms a text defines: "X是指…", "所谓X，就是…", "X（English）", **X**, <u>X</u>.

Each found term keeps its span and a definition: the text after the cue for "是指" and "所谓",
otherwise the sentence it stands in. Code (fenced blocks and inline ``code``) is never searched.
For "X（English）" the Chinese term is the noun phrase just before the bracket: the trailing
nouns of jieba's part-of-speech cut of the clause ("合称为原始类型" → 原始类型).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

_CODE = re.compile(r"^\s{0,3}(```|~~~).*?^\s{0,3}\1[^\n]*$|`[^`\n]+`", re.MULTILINE | re.DOTALL)
_CLAUSE_START = r"(?:(?<=^)|(?<=[，。；：！？、\s“”\"（(]))"
_IS_DEFINED = re.compile(
    _CLAUSE_START
    + r"(?P<term>[^\s，。；：、（）()“”\"*<>`]{2,14}?)(?:，)?(?:是指|指的是|就是指)(?!向)"
    + r"(?P<definition>[^。\n]{2,200})"
)
_SO_CALLED = re.compile(
    r"所谓(?:的)?[“\"]?(?P<term>[^\s，。；：、“”\"*<>`]{2,14}?)[”\"]?，(?:就)?是(?:指)?"
    r"(?P<definition>[^。\n]{2,200})"
)
_GLOSS = re.compile(
    r"(?P<clause>[\u4e00-\u9fff]{2,16})[（(](?P<en>[A-Za-z][A-Za-z \-]{1,38}[A-Za-z])[)）]"
)
_BOLD = re.compile(r"\*\*(?P<term>[^*\n]{2,20}?)\*\*")
_UNDERLINE = re.compile(r"<(?P<tag>u|ins)>(?P<term>[^<\n]{2,20}?)</(?P=tag)>")
_SENTENCE = re.compile(r"[^。！？\n]*[。！？]?")
_NOT_A_TERM = re.compile(
    r"[，。；：！？、,;:!?()（）\[\]【】]|^\d|^(?:[这那该此它其每各而但]|上面|下面|如下)"
    r"|[不也还就只并都又才即便]$"
)
_MARKS = re.compile(r"\*\*|</?(?:u|ins)>")
_NOUNISH = ("n", "vn", "eng", "l", "j", "an", "nz")
# Words that may stand before the head noun of a term: adjectives, distinguishing words and
# two-character verbs (jieba tags 原始 and 合成 as verbs: "原始类型", "合成类型"), except the
# verbs that introduce a name, which are the cue and never part of the term.
_MODIFIER = ("a", "b", "v")
_NAMING_VERBS = frozenset(
    {"称为", "叫做", "称作", "又称", "合称", "简称", "作为", "使用", "存在", "成为", "就是", "表示"}
)
_MAX_DEFINITION = 200


@dataclass(frozen=True, slots=True)
class Term:
    """A defined term found in a text.

    Attributes:
        term: the term as written.
        start: its offset in the searched text.
        end: offset just past it.
        definition: the defining text (marks removed), at most 200 characters.
        label_en: the English name given in brackets, if any.
        cue: ``defined`` (是指/所谓), ``english``, ``bold`` or ``underline``.
    """

    term: str
    start: int
    end: int
    definition: str
    label_en: str
    cue: str


def blank_code(text: str) -> str:
    """``text`` with code replaced by spaces of the same length (offsets keep their meaning).

    >>> blank_code("用`typeof`判断")
    '用        判断'
    """
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group()), text)


def find_terms(text: str) -> list[Term]:
    """The terms ``text`` defines, in order of position, each term once (its first place).

    Examples:
        >>> [(t.term, t.cue) for t in find_terms("闭包是指能够读取其他函数内部变量的函数。")]
        [('闭包', 'defined')]
        >>> found = find_terms("这三种类型合称为原始类型（primitive type）。")
        >>> [(t.term, t.label_en) for t in found]
        [('原始类型', 'primitive type')]
    """
    plain = blank_code(text)
    found: list[Term] = []
    for pattern in (_IS_DEFINED, _SO_CALLED):
        for m in pattern.finditer(plain):
            definition = text[m.start("definition") : m.end("definition")]
            term = m.group("term").removeprefix("所谓")
            start = m.end("term") - len(term)
            found.append(_term(term, start, definition, "defined"))
    for m in _GLOSS.finditer(plain):
        term = _trailing_noun_phrase(m.group("clause"))
        if term:
            start = m.end("clause") - len(term)
            sentence = _sentence(text, start)
            if len(sentence) - (m.end() - start) < 4:
                sentence = ""  # a bare "数组（array）" list item defines nothing
            found.append(_term(term, start, sentence, "english", m.group("en")))
    for pattern, cue in ((_BOLD, "bold"), (_UNDERLINE, "underline")):
        for m in pattern.finditer(plain):
            if _whole_line(plain, m.start(), m.end()):
                continue  # a bold line is a pseudo-heading, not a term
            found.append(_term(m.group("term"), m.start("term"), _sentence(text, m.start()), cue))
    seen: set[str] = set()
    out: list[Term] = []
    for t in sorted(found, key=lambda t: (t.start, t.cue)):
        key = t.term.casefold()
        if t.term.strip() and not _NOT_A_TERM.search(t.term) and key not in seen:
            seen.add(key)
            out.append(t)
    return out


def _term(term: str, start: int, definition: str, cue: str, label_en: str = "") -> Term:
    clean = " ".join(_MARKS.sub("", definition).split())
    if len(clean) > _MAX_DEFINITION:
        clean = clean[: _MAX_DEFINITION - 1] + "…"
    return Term(term, start, start + len(term), clean, label_en.strip(), cue)


def _sentence(text: str, at: int) -> str:
    begin = max(text.rfind(c, 0, at) for c in "。！？\n") + 1
    m = _SENTENCE.match(text, begin)
    return m.group().strip().lstrip("-*+> ").strip() if m else ""


def _whole_line(text: str, start: int, end: int) -> bool:
    before = text[text.rfind("\n", 0, start) + 1 : start]
    stop = text.find("\n", end)
    after = text[end : len(text) if stop < 0 else stop]
    return not before.strip(" -*>") and not after.strip(" 。：:")


def _trailing_noun_phrase(clause: str) -> str:
    """The nouns at the end of a clause, at most three words and eight characters."""
    words = _posseg(clause)
    kept: list[str] = []
    for word, flag in reversed(words):
        if len("".join(kept)) + len(word) > 8 or len(kept) == 3:
            break
        if word in _NAMING_VERBS:
            break
        nounish = flag.startswith(_NOUNISH)
        modifier = flag.startswith(_MODIFIER) and len(word) >= 2
        if not (nounish or (kept and modifier)):
            break
        kept.insert(0, word)
    phrase = "".join(kept)
    return phrase if len(phrase) >= 2 else ""


@cache
def _posseg(clause: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in _tagger().cut(clause))


@cache
def _tagger() -> Any:
    """jieba's part-of-speech tagger, loaded on first use (it reads a dictionary)."""
    import jieba  # type: ignore[import-untyped]
    import jieba.posseg  # type: ignore[import-untyped]

    jieba.setLogLevel(60)
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())
