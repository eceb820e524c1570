"""The keys two mentions must share to be one entity.

A key is the label folded (NFKC: full width to half width; lower case; no spaces or
punctuation that does not change meaning, so ``C++`` and ``S7-1200`` keep theirs), without
the characters and suffixes that never tell two labels apart (``equivalences.tsv``: 的,
技术, 技能). A skill's key is its action's and its object's; a technology's is its taxonomy
concept when the taxonomy names it (:mod:`graphbuilder.resolve.aliases`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from graphbuilder.errors import InputError
from graphbuilder.model.iris import digest

DATA = Path(__file__).resolve().parent / "data" / "equivalences.tsv"
_PUNCT = re.compile(r"[\s\u3000、，,。；;：:！!？?“”‘’\"'《》〈〉「」『』()（）\[\]【】{}·•…—_~]+")


@dataclass(frozen=True)
class Equivalences:
    """Suffixes, dropped characters and action spellings that resolution ignores.

    Attributes:
        suffixes: stripped from a label's end when two or more characters remain.
        drop: characters removed everywhere.
        actions: action spelling → its canonical spelling.
        fingerprint: a hash of the file.
    """

    suffixes: tuple[str, ...]
    drop: str
    actions: dict[str, str]
    fingerprint: str


@cache
def _drop_table(drop: str) -> dict[int, None]:
    return dict.fromkeys(map(ord, drop))


@cache
def load_equivalences(path: Path = DATA) -> Equivalences:
    """Read ``equivalences.tsv`` (cached).

    Raises:
        InputError: the file is missing or a line is malformed (file and line number).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(path), f"cannot read the equivalences: {exc}") from exc
    suffixes: list[str] = []
    drop: list[str] = []
    actions: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "suffix" and len(cells) == 2:
            suffixes.append(cells[1])
        elif cells[0] == "drop" and len(cells) == 2 and len(cells[1]) == 1:
            drop.append(cells[1])
        elif cells[0] == "action" and len(cells) == 3:
            actions[cells[1]] = cells[2]
        else:
            raise InputError(f"{path}:{n}", f"expected suffix|drop|action rows, got {cells!r}")
    ordered = tuple(sorted(suffixes, key=len, reverse=True))
    return Equivalences(ordered, "".join(drop), actions, digest(text))


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """NFKC, lower case, without spaces and punctuation that does not change meaning.

    >>> fold("Ｗｅｂ 前端开发"), fold("C++ 程序设计"), fold("S7-1200（PLC）")
    ('web前端开发', 'c++程序设计', 's7-1200plc')
    """
    return _PUNCT.sub("", unicodedata.normalize("NFKC", text).lower())


def core(text: str, eq: Equivalences | None = None) -> str:
    """The folded label without dropped characters and equivalent suffixes.

    >>> core("数控加工技术"), core("化妆品的产品"), core("钳工技能"), core("技术")
    ('数控加工', '化妆品产品', '钳工', '技术')
    """
    eq = eq or load_equivalences()
    return _core(text, eq.suffixes, eq.drop)


def clear_caches() -> None:
    """Forget what extraction cached per text: folded and core forms, statement parses and
    technology mentions (for timing a cold run)."""
    from graphbuilder.nlp import skills, technology

    fold.cache_clear()
    _core.cache_clear()
    skills.split_statement.cache_clear()
    technology.clear_mentions()


@lru_cache(maxsize=1 << 16)
def _core(text: str, suffixes: tuple[str, ...], drop: str) -> str:
    key = fold(text)
    if drop:
        key = key.translate(_drop_table(drop))
    stripped = True
    while stripped:
        stripped = False
        for suffix in suffixes:
            if key.endswith(suffix) and len(key) - len(suffix) >= 2:
                key = key[: -len(suffix)]
                stripped = True
                break
    return key


def skill_key(action: str, obj: str, eq: Equivalences | None = None) -> str:
    """The key of a skill: its canonical action and its object's core.

    >>> skill_key("制定", "生产计划") == skill_key("制订", "生产的计划")
    True
    """
    eq = eq or load_equivalences()
    act = fold(action)
    act = eq.actions.get(act, act)
    return f"{act}\x1f{core(obj, eq)}"
