"""The lexicon of skill statements: action verbs, modifiers and cue words, read from data files.

The words live in ``graphbuilder/nlp/data/`` (``actions.txt``, ``modifiers.tsv``,
``cues.tsv``; their formats are described in each file's header and in the folder's
README), never in Python source. :func:`load_skill_lexicon` reads them once per directory;
the lexicon's ``fingerprint`` changes with their content, so a build re-extracts when a
word list changes.

Nothing here imports spaCy: the build uses the lexicon directly, the spaCy components
receive it from a registered loader in ``initialize()``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from graphbuilder.errors import InputError
from graphbuilder.model.iris import digest

DATA_DIR = Path(__file__).resolve().parent / "data"
"""The shipped lexicon files."""

LEVELS: tuple[str, ...] = ("了解", "理解", "熟悉", "掌握", "熟练", "能够", "具备")
"""The proficiency levels an edge can carry (``gb:proficiency``)."""

CUE_TYPES: frozenset[str] = frozenset(
    {
        "level",
        "degree",
        "skill_tail",
        "knowledge_tail",
        "attitude_tail",
        "filler",
        "generic",
        "light",
        "instrument",
        "instrument_end",
        "condition",
        "condition_end",
        "conjunction",
        "not_conjunction",
        "governing",
        "item_tail",
        "head_noun",
        "not_etc",
        "action_tail",
        "result",
        "opener",
        "object_filler",
        "clause_opening",
        "verb_conjunction",
        "attributive",
    }
)
_ATTACH = frozenset({"suffix", "exact"})
_KINDS = frozenset({"manner", "compound"})


@dataclass(frozen=True, slots=True)
class WordIndex:
    """One word list, indexed by first and by last character for fast longest matches."""

    words: frozenset[str]
    by_first: dict[str, tuple[int, ...]]
    by_last: dict[str, tuple[int, ...]]

    @classmethod
    def of(cls, words: frozenset[str]) -> WordIndex:
        """Index ``words``."""
        first: dict[str, set[int]] = {}
        last: dict[str, set[int]] = {}
        for w in words:
            first.setdefault(w[0], set()).add(len(w))
            last.setdefault(w[-1], set()).add(len(w))
        return cls(
            words,
            {c: tuple(sorted(n, reverse=True)) for c, n in first.items()},
            {c: tuple(sorted(n, reverse=True)) for c, n in last.items()},
        )


_EMPTY = WordIndex(frozenset(), {}, {})


@dataclass(frozen=True, eq=False)
class SkillLexicon:
    """Word lists the clause and skill parsers consult.

    Attributes:
        actions: action verbs (管理, 设计与实施's 设计 and 实施).
        modifiers: word → ``suffix`` or ``exact``: how it joins the action it precedes.
        levels: proficiency cue → level (具有 → 具备, 能 → 能够).
        cues: cue type → its words (see ``cues.tsv``).
        fingerprint: a hash of the files' content.
        manner: the modifiers that say how an action is done (正确, 熟练) and are left out of it.
    """

    actions: frozenset[str]
    modifiers: Mapping[str, str]
    levels: Mapping[str, str]
    cues: Mapping[str, frozenset[str]]
    fingerprint: str
    manner: frozenset[str] = frozenset()
    _index: dict[str, WordIndex] = field(default_factory=dict, repr=False, compare=False)
    _patterns: dict[str, re.Pattern[str]] = field(default_factory=dict, repr=False, compare=False)
    _lengths: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index["actions"] = WordIndex.of(self.actions)
        self._index["modifiers"] = WordIndex.of(frozenset(self.modifiers))
        self._index["levels"] = WordIndex.of(frozenset(self.levels))
        for name, words in self.cues.items():
            self._index[name] = WordIndex.of(words)
        # What trim() strips from an item's start in one lookup.
        lead = self.words("object_filler") | self.words("degree")
        self._index["lead"] = WordIndex.of(lead)

    def words(self, cue_type: str) -> frozenset[str]:
        """The words of one cue type (empty when the files list none)."""
        return self.cues.get(cue_type, frozenset())

    def index(self, name: str) -> WordIndex:
        """The index of ``actions``, ``modifiers``, ``levels`` or a cue type (empty if unknown)."""
        return self._index.get(name, _EMPTY)

    def ending(self, text: str, end: int, name: str, start: int = 0) -> str:
        """The longest word of ``name`` that ends at ``text[end]`` and starts at or after ``start``.

        ``name`` is ``actions``, ``modifiers``, ``levels`` or a cue type.

        >>> lex = load_skill_lexicon()
        >>> lex.ending("网络操作系统管理", 8, "actions")
        '管理'
        """
        # The parsers ask this about a million times a build: kept to one call.
        if end <= start:
            return ""
        index = self._index.get(name, _EMPTY)
        words = index.words
        for n in index.by_last.get(text[end - 1], ()):
            if end - n >= start and text[end - n : end] in words:
                return text[end - n : end]
        return ""

    def starting(self, text: str, start: int, name: str, end: int | None = None) -> str:
        """The longest word of ``name`` that starts at ``text[start]`` and ends by ``end``.

        >>> lex = load_skill_lexicon()
        >>> lex.starting("识读工程图纸", 0, "actions")
        '识读'
        """
        stop = len(text) if end is None else end
        # The parsers ask this about a million times a build: kept to one call.
        if start >= stop:
            return ""
        index = self._index.get(name, _EMPTY)
        words = index.words
        for n in index.by_first.get(text[start], ()):
            if start + n <= stop and text[start : start + n] in words:
                return text[start : start + n]
        return ""

    def starts(self, text: str, name: str, i: int, j: int) -> list[int]:
        """Offsets in ``text[i:j]`` where a word of ``name`` may start (its first character).

        >>> load_skill_lexicon().starts("设计与实施", "conjunction", 0, 5)
        [2]
        """
        return [m.start() for m in self._pattern(name, 0).finditer(text, i, j)]

    def ends(self, text: str, name: str, i: int, j: int) -> list[int]:
        """Offsets ``k`` in ``(i, j]`` where a word of ``name`` may end (``text[k - 1]``)."""
        return [m.end() for m in self._pattern(name, -1).finditer(text, i, j)]

    def _pattern(self, name: str, at: int) -> re.Pattern[str]:
        key = f"{name}/{at}"
        if key not in self._patterns:
            index = self._index.get(name)
            chars = set(index.by_first if at == 0 else index.by_last) if index else set()
            body = "".join(sorted(re.escape(c) for c in chars)) or "^$"
            self._patterns[key] = re.compile(f"[{body}]" if chars else "(?!)")
        return self._patterns[key]

    def lengths(self, name: str) -> tuple[int, ...]:
        """The word lengths of a list, longest first."""
        key = f"{name}/lengths"
        if key not in self._lengths:
            index = self._index.get(name)
            words = index.words if index else frozenset()
            self._lengths[key] = tuple(sorted({len(w) for w in words}, reverse=True))
        return self._lengths[key]


def _rows(path: Path) -> list[tuple[int, list[str]]]:
    """Non-empty, non-comment lines of a data file, split on tabs, with their line numbers."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the lexicon file: {exc}") from exc
    rows = []
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#"):
            rows.append((n, [cell.strip() for cell in line.split("\t")]))
    return rows


def _read_actions(path: Path) -> frozenset[str]:
    words = set()
    for n, cells in _rows(path):
        word = cells[0]
        if len(cells) != 1 or len(word) < 2 or any(ch.isspace() for ch in word):
            raise InputError(f"{path}:{n}", f"expected one word of 2+ characters, got {cells!r}")
        words.add(word)
    return frozenset(words)


def _read_modifiers(path: Path) -> tuple[dict[str, str], frozenset[str]]:
    attach: dict[str, str] = {}
    manner: set[str] = set()
    for n, cells in _rows(path):
        if len(cells) != 3 or cells[1] not in _ATTACH or cells[2] not in _KINDS:
            raise InputError(
                f"{path}:{n}", f"expected word<TAB>suffix|exact<TAB>manner|compound, got {cells!r}"
            )
        attach[cells[0]] = cells[1]
        if cells[2] == "manner":
            manner.add(cells[0])
    return attach, frozenset(manner)


def _read_cues(path: Path) -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    levels: dict[str, str] = {}
    cues: dict[str, set[str]] = {}
    for n, cells in _rows(path):
        kind = cells[0]
        if kind not in CUE_TYPES or len(cells) < 2 or not cells[1]:
            raise InputError(f"{path}:{n}", f"expected a known type and a word, got {cells!r}")
        if kind == "level":
            if len(cells) != 3 or cells[2] not in LEVELS:
                raise InputError(f"{path}:{n}", f"a level row needs one of {LEVELS}: {cells!r}")
            levels[cells[1]] = cells[2]
        elif len(cells) != 2:
            raise InputError(f"{path}:{n}", f"only level rows take a value: {cells!r}")
        cues.setdefault(kind, set()).add(cells[1])
    return levels, {k: frozenset(v) for k, v in cues.items()}


@cache
def load_skill_lexicon(directory: Path = DATA_DIR) -> SkillLexicon:
    """Read ``actions.txt``, ``modifiers.tsv`` and ``cues.tsv`` from ``directory`` (cached).

    Args:
        directory: where the files are; the shipped ones by default.

    Returns:
        The lexicon.

    Raises:
        InputError: a file is missing or has a malformed line (file and line number).
    """
    files = [directory / n for n in ("actions.txt", "modifiers.tsv", "cues.tsv")]
    actions = _read_actions(files[0])
    modifiers, manner = _read_modifiers(files[1])
    levels, cues = _read_cues(files[2])
    fingerprint = digest(*(f.read_text(encoding="utf-8") for f in files))
    return SkillLexicon(actions, modifiers, levels, cues, fingerprint, manner)
