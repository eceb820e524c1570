"""Physical lines of a markdown text as stripped ranges, with their ``#`` markers split off."""

from __future__ import annotations

import re
from typing import NamedTuple

_LINE = re.compile(r"[^\n]+")
_HASHES = re.compile(r"#+\s*")


class Line(NamedTuple):
    """A non-blank line: where it is and what it says once stripped of ``#`` markers.

    Attributes:
        start: offset of its first non-space character.
        body_start: offset of ``body`` (after any leading ``#`` and spaces).
        end: offset just past its last non-space character.
        body: the stripped text without the heading marker.
        hashed: whether the line started with ``#``.
    """

    start: int
    body_start: int
    end: int
    body: str
    hashed: bool


def split_lines(source: str) -> list[Line]:
    """The non-blank lines of ``source``.

    >>> heading, text = split_lines("# 职业面向  \\n\\n 面向农业\\r\\n")
    >>> heading
    Line(start=0, body_start=2, end=6, body='职业面向', hashed=True)
    >>> text
    Line(start=11, body_start=11, end=15, body='面向农业', hashed=False)
    """
    out: list[Line] = []
    for m in _LINE.finditer(source):
        raw = m.group()
        body = raw.strip()
        if not body:
            continue
        start = m.start() + len(raw) - len(raw.lstrip())
        end = start + len(body)
        if body[0] == "#":
            marker = _HASHES.match(body)
            skip = marker.end() if marker else 1
            out.append(Line(start, start + skip, end, body[skip:], True))
        else:
            out.append(Line(start, start, end, body, False))
    return out
