"""Whether a string is a word of jieba's dictionary: the word boundaries the rules cannot see.

The rules work on characters; a few decisions need to know where words end (化妆品配制 is
配制 化妆品, not 化妆 品配制; 气动 is no term inside 空气动力学). jieba's dictionary answers
that without segmenting: it is loaded once, on first use, from jieba's cache.
"""

from __future__ import annotations

from functools import cache


@cache
def _frequencies() -> dict[str, int]:
    import jieba  # type: ignore[import-untyped]

    jieba.setLogLevel(60)
    jieba.dt.check_initialized()
    freq: dict[str, int] = jieba.dt.FREQ
    return freq


def is_word(text: str) -> bool:
    """Whether ``text`` is a word of jieba's dictionary.

    >>> is_word("化妆品"), is_word("品配制")
    (True, False)
    """
    return _frequencies().get(text, 0) > 0


def inside_word(text: str, start: int, end: int, reach: int = 3) -> bool:
    """Whether ``text[start:end]`` is part of a longer dictionary word around it.

    >>> inside_word("空气动力学", 1, 3), inside_word("液压与气动", 3, 5)
    (True, False)
    """
    for a in range(max(0, start - reach), start + 1):
        for b in range(end, min(len(text), end + reach) + 1):
            if (a, b) != (start, end) and is_word(text[a:b]):
                return True
    return False


def extends_right(text: str, start: int, end: int, stop: int, reach: int = 3) -> bool:
    """Whether a dictionary word starts at ``start`` and runs past ``end`` (化妆 in 化妆品)."""
    return any(is_word(text[start:b]) for b in range(end + 1, min(stop, end + reach) + 1))
