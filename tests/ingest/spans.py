"""A check shared by the reader tests: every section points at its own evidence."""

from __future__ import annotations

from collections.abc import Iterable

from graphbuilder.model.records import Section


def assert_spans(sections: Iterable[Section], source: str) -> None:
    """Each section's span holds its text: unchanged, or character by character via offsets.

    A repaired character is either the source character at its offset, a space standing for
    source whitespace, or a character made from inline LaTeX (its offset is inside ``$…$``).
    """
    for s in sections:
        assert 0 <= s.start <= s.end <= len(source), s
        if not s.offsets:
            assert source[s.start : s.end] == s.text, s
            continue
        assert len(s.offsets) == len(s.text), s
        assert s.offsets[0] >= s.start and s.offsets[-1] < s.end, s
        assert list(s.offsets) == sorted(s.offsets), s
        for char, at in zip(s.text, s.offsets, strict=True):
            found = source[at]
            in_math = source.count("$", source.rfind("\n", 0, at) + 1, at) % 2 == 1
            assert char == found or (char == " " and found.isspace()) or in_math, (s, char, at)
        first, last = s.span(0, len(s.text))
        assert source[first] == s.text[0] or source.count("$", s.start, first) % 2 == 1
        assert last <= s.end
