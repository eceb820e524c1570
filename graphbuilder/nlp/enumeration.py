"""Split Chinese enumerations ("A、B、C 等") into items with their character spans.

The national standards list courses, certificates and knowledge with 、 and ，, sometimes
with a trailing 等 / 等知识 and a closing 。. Items keep the span they were cut from so that
every extracted fact can point back at its evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_SEPARATORS = re.compile(r"[、，,；;／/]|\s{2,}")
_TRAILING = re.compile(r"(?:等(?:相关)?(?:知识|课程|内容|方面)?|及其他|等等)?[。．.；;，,、\s]*$")
_LEADING = re.compile(r"^[\s（(]*(?:如|包括|主要有|例如)?[：:]?\s*")
_BRACKETS = {"（": "）", "(": ")", "《": "》", "“": "”", "[": "]", "【": "】"}


@dataclass(frozen=True, slots=True)
class Item:
    """One enumerated item: its text and its span in the text it was cut from."""

    text: str
    start: int
    end: int


def _top_level_cuts(text: str) -> list[tuple[int, int]]:
    """Spans between separators that are not inside brackets."""
    cuts: list[tuple[int, int]] = []
    depth: list[str] = []
    begin = 0
    for m in _SEPARATORS.finditer(text):
        # Recount bracket depth up to this separator; enumerations are short, so this is cheap.
        depth.clear()
        for ch in text[begin : m.start()]:
            if ch in _BRACKETS:
                depth.append(_BRACKETS[ch])
            elif depth and ch == depth[-1]:
                depth.pop()
        if depth:
            continue
        cuts.append((begin, m.start()))
        begin = m.end()
    cuts.append((begin, len(text)))
    return cuts


def split_enumeration(text: str, *, min_len: int = 2, max_len: int = 40) -> list[Item]:
    """Cut an enumeration into items, stripping list furniture but keeping spans.

    Args:
        text: the enumeration, e.g. the text after "专业核心课程：".
        min_len: shorter items are dropped (stray characters).
        max_len: longer items are dropped (a sentence, not an item).

    Returns:
        The items in order.

    Examples:
        >>> [i.text for i in split_enumeration("植物与植物生理、分子生物技术、农业信息技术。")]
        ['植物与植物生理', '分子生物技术', '农业信息技术']
        >>> [i.text for i in split_enumeration("Web 前端开发、网络系统建设与运维等")]
        ['Web 前端开发', '网络系统建设与运维']
        >>> [i.text for i in split_enumeration("电工（初级、中级）、钳工")]
        ['电工（初级、中级）', '钳工']
        >>> split_enumeration("土壤肥料等知识")[0]
        Item(text='土壤肥料', start=0, end=4)
    """
    items: list[Item] = []
    for begin, end in _top_level_cuts(text):
        piece = text[begin:end]
        lead = _LEADING.match(piece)
        i = lead.end() if lead else 0
        trail = _TRAILING.search(piece, i)
        j = trail.start() if trail else len(piece)
        while i < j and piece[i].isspace():
            i += 1
        while j > i and piece[j - 1].isspace():
            j -= 1
        item = piece[i:j]
        if min_len <= len(item) <= max_len:
            items.append(Item(item, begin + i, begin + j))
    return items
