"""Text normalisation shared by every matching layer, and the scripts inside a text.

Labels and node texts are compared after :func:`normalise`: NFKC (full-width to half-width),
lower case, and without whitespace or punctuation that does not change meaning. ``+``, ``#``,
``/``, ``-`` and ``.`` stay, because they tell ``C++`` from ``C`` and ``S7-1200`` from
``S71200``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DROP = re.compile(r"[\s\u3000、，,。；;：:！!？?“”‘’\"'《》〈〉「」『』()（）\[\]【】{}·•…—_~]+")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# A Latin token starts with a letter or digit and may carry + # . / - inside (C++, S7-1200,
# Node.js, CAD/CAM); tokens separated by single spaces form a run ("Spring Boot").
_TOKEN = r"[A-Za-z0-9][A-Za-z0-9+#./\-]*"
_RUN = re.compile(rf"{_TOKEN}(?:[ \t]{_TOKEN})*")
_TOKEN_RE = re.compile(_TOKEN)


def normalise(text: str) -> str:
    """The comparison form of a label or text.

    >>> normalise("可编程控制器（PLC） 技术")
    '可编程控制器plc技术'
    >>> normalise("Ｓ７-１２００"), normalise("C++ 语言"), normalise("Spring Boot")
    ('s7-1200', 'c++语言', 'springboot')
    """
    return _DROP.sub("", unicodedata.normalize("NFKC", text).lower())


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds any Chinese character.

    >>> has_cjk("Python 编程"), has_cjk("Python")
    (True, False)
    """
    return _CJK.search(text) is not None


@dataclass(frozen=True, slots=True)
class LatinGram:
    """A sequence of adjacent Latin tokens inside a text.

    Attributes:
        text: the tokens as written, joined by single spaces.
        key: its normalised form (what labels are compared with).
        start: offset of its first character in the text.
        end: offset just past its last character.
        tokens: how many tokens it spans.
    """

    text: str
    key: str
    start: int
    end: int
    tokens: int


def latin_grams(text: str, max_tokens: int = 4) -> list[LatinGram]:
    """Every run of up to ``max_tokens`` adjacent Latin tokens, longest first.

    Trailing ``.``, ``/`` and ``-`` are not part of a token; tokens without a letter
    (``2025``) are skipped as one-token grams.

    >>> [g.text for g in latin_grams("掌握 Spring Boot 与 PLC。")]
    ['Spring Boot', 'Spring', 'Boot', 'PLC']
    """
    nfkc = unicodedata.normalize("NFKC", text)
    out: list[LatinGram] = []
    for run in _RUN.finditer(nfkc):
        toks: list[tuple[int, int]] = []
        for m in _TOKEN_RE.finditer(run.group()):
            s, e = run.start() + m.start(), run.start() + m.end()
            while e > s and nfkc[e - 1] in "./-":
                e -= 1
            if e > s:
                toks.append((s, e))
        # A slash joins alternatives (CAD/CAE): its parts are tokens of their own too.
        parts = [
            (s + m.start(), s + m.end())
            for s, e in toks
            if "/" in nfkc[s:e]
            for m in re.finditer(r"[^/]+", nfkc[s:e])
        ]
        for n in range(min(max_tokens, len(toks)), 0, -1):
            for i in range(len(toks) - n + 1):
                s, e = toks[i][0], toks[i + n - 1][1]
                gram = nfkc[s:e]
                if n == 1 and not any(c.isalpha() for c in gram):
                    continue
                out.append(LatinGram(gram, normalise(gram), s, e, n))
        out += [LatinGram(nfkc[s:e], normalise(nfkc[s:e]), s, e, 1) for s, e in parts]
    return out
