"""Find technology mentions: taxonomy terms (工业机器人, PLC编程) and Latin-script names (S7-1200).

Terms come from the industry-technology taxonomy's curated table
(``ontologies/taxonomy/technologies-zh.csv``: every Chinese and English label and alias of a
concept) when it is there; without it only Latin-script names are found. Matching is
leftmost-longest over the text folded to half width and lower case (the fold keeps every
offset, so spans point into the original text). A term of two Chinese characters (数控,
气动) counts only where jieba's dictionary knows no longer word around it, so 气动 is not
found in 空气动力学. A run of Latin tokens that no term covers (``TIA Portal``, ``5G``) is a
mention without a concept, unless ``latin_stoplist.txt`` lists it (pH, ID).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from graphbuilder.errors import InputError
from graphbuilder.model.iris import digest
from graphbuilder.nlp.dictionary import inside_word
from graphbuilder.nlp.lexicon import DATA_DIR

COMPONENT = "graphbuilder.TechnologyMatcher"
VERSION = "v1"

TAXONOMY_CSV = (
    Path(__file__).resolve().parents[2] / "ontologies" / "taxonomy" / "technologies-zh.csv"
)
"""The taxonomy's table of Chinese labels and aliases (written by people, read if present)."""

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN = re.compile(r"[a-z0-9][a-z0-9+#.\-/]*(?: [a-z0-9][a-z0-9+#.\-/]*)*")
_SHORT = 2
_WIDTH = {o: o - 0xFEE0 for o in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_WIDE = re.compile("[\uff01-\uff5e\u3000]")
# Course names and boilerplate statements recur across documents (17 % of the texts a build
# searches are repeats that 1,024 entries keep).
MENTION_CACHE = 1024


def fold(text: str) -> str:
    """Full-width ASCII to half width, ideographic space to space, lower case; same length.

    >>> fold("Ｓ７-１２００　PLC")
    's7-1200 plc'
    """
    folded = text.translate(_WIDTH).lower() if _WIDE.search(text) else text.lower()
    # lower() keeps the length of everything but a few letters (İ); keep offsets exact.
    return (
        folded
        if len(folded) == len(text)
        else "".join(c.lower()[:1] for c in text.translate(_WIDTH))
    )


@dataclass(frozen=True, slots=True)
class TechTerm:
    """A taxonomy concept a surface form names.

    Attributes:
        concept: the taxonomy reference (``onet:<name>``, ``cn:<slug>``).
        label_zh: its Chinese preferred label, or ``""``.
        label_en: its English preferred label, or ``""``.
    """

    concept: str
    label_zh: str
    label_en: str


@dataclass(frozen=True, slots=True)
class TechMention:
    """A technology named in a text: its span, as written, and the concept when known."""

    text: str
    start: int
    end: int
    term: TechTerm | None


@dataclass(frozen=True, eq=False)
class TechnologyLexicon:
    """Folded surface forms → concepts, and the Latin names that are no technology.

    Attributes:
        terms: folded surface form (spaces kept) → its concept.
        stoplist: Latin names (as written) that are not technologies.
        fingerprint: a hash of the files read.
    """

    terms: dict[str, TechTerm]
    stoplist: frozenset[str]
    fingerprint: str
    _pattern: list[re.Pattern[str]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self._pattern.append(trie_pattern(self.terms))

    def search(self, folded: str, pos: int) -> re.Match[str] | None:
        """The leftmost-longest term at or after ``pos`` in a folded text."""
        return self._pattern[0].search(folded, pos)


def trie_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One regex that matches the longest of ``words`` at each position (a trie of them).

    >>> trie_pattern(["数控", "数控加工", "plc"]).findall("数控加工与数控、plc")
    ['数控加工', '数控', 'plc']
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    pattern = build(trie)
    return re.compile(pattern if pattern else "(?!)")


def surface_forms(row: dict[str, str]) -> list[str]:
    """Every name of one row of the taxonomy's table (labels, aliases, bracketed parts)."""
    forms = [row.get("label_zh", ""), row.get("label_en", "")]
    for column in ("alt_zh", "alt_en"):
        forms.extend(row.get(column, "").split("|"))
    if row["id"].startswith("onet:"):
        forms.append(row["id"].removeprefix("onet:"))
    out = []
    for form in forms:
        form = form.strip()
        # 可编程控制器（PLC）: the label, the name before the brackets, and the one inside.
        out.append(form)
        m = re.fullmatch(r"(.+?)\s*[（(]([^）)]+)[）)]", form)
        if m:
            out.extend(m.groups())
    return [f for f in out if len(f) >= 2]


def _read_terms(path: Path) -> dict[str, TechTerm]:
    terms: dict[str, TechTerm] = {}
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
    except (OSError, csv.Error) as exc:
        raise InputError(str(path), f"cannot read the technology table: {exc}") from exc
    for n, row in enumerate(rows, start=2):
        ref = (row.get("id") or "").strip()
        if ":" not in ref:
            raise InputError(f"{path}:{n}", f"a concept id is onet:, cn: or unspsc:…, got {ref!r}")
        label_en = (row.get("label_en") or "").strip() or ref.partition(":")[2]
        term = TechTerm(ref, (row.get("label_zh") or "").strip(), label_en)
        for form in surface_forms(row):
            # The first concept that names a form keeps it: the table lists specific concepts
            # before the fields they belong to.
            terms.setdefault(" ".join(fold(form).split()), term)
    return terms


@cache
def load_technology_lexicon(
    taxonomy: Path | None = TAXONOMY_CSV, stoplist: Path = DATA_DIR / "latin_stoplist.txt"
) -> TechnologyLexicon:
    """Read the taxonomy's table (when it exists) and the Latin stoplist (cached).

    Args:
        taxonomy: ``technologies-zh.csv``; ``None`` or a missing file gives no terms.
        stoplist: Latin names that are no technology, one per line.

    Raises:
        InputError: a file that exists but cannot be read, or a row without a concept id.
    """
    terms = _read_terms(taxonomy) if taxonomy is not None and taxonomy.is_file() else {}
    try:
        stop_text = stoplist.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(str(stoplist), f"cannot read the stoplist: {exc}") from exc
    stop = frozenset(
        w.strip() for w in stop_text.splitlines() if w.strip() and not w.startswith("#")
    )
    table = taxonomy.read_text(encoding="utf-8") if taxonomy and taxonomy.is_file() else ""
    return TechnologyLexicon(terms, stop, digest(table, stop_text))


def _whole(text: str, folded: str, s: int, e: int) -> bool:
    """Whether a term hit is a whole word: not inside a Latin token, not inside a longer word."""
    if folded[s].isascii() and s > 0 and folded[s - 1].isascii() and folded[s - 1].isalnum():
        return False
    last = folded[e - 1]
    if last.isascii() and e < len(folded) and folded[e].isascii() and folded[e].isalnum():
        return False
    short = e - s <= _SHORT and _CJK.match(folded, s) is not None
    return not (short and inside_word(text, s, e))


def _latin_ok(name: str, lex: TechnologyLexicon) -> bool:
    letters = sum(ch.isalpha() for ch in name)
    return name not in lex.stoplist and (letters >= 2 or (letters == 1 and len(name) >= 2))


def find_technologies(text: str, lex: TechnologyLexicon) -> list[TechMention]:
    """Technology mentions in ``text``, leftmost-longest, without overlaps.

    Args:
        text: any text.
        lex: the technology lexicon.

    Returns:
        The mentions in order.

    Examples:
        >>> lex = TechnologyLexicon({"plc": TechTerm("onet:PLC", "可编程控制器", "PLC")},
        ...                          frozenset({"pH"}), "x")
        >>> found = find_technologies("掌握PLC与 TIA Portal，测pH", lex)
        >>> [(m.text, m.term is not None) for m in found]
        [('PLC', True), ('TIA Portal', False)]
    """
    return list(_mentions(text, lex))


def clear_mentions() -> None:
    """Forget the mentions found so far (for timing a cold run)."""
    _mentions.cache_clear()


@lru_cache(maxsize=MENTION_CACHE)
def _mentions(text: str, lex: TechnologyLexicon) -> tuple[TechMention, ...]:
    """The mentions of :func:`find_technologies`, as a tuple kept for texts that recur."""
    folded = fold(text)
    out: list[TechMention] = []
    m = lex.search(folded, 0)
    while m is not None:
        k, end = m.span()
        if end > k and _whole(text, folded, k, end):
            out.append(TechMention(text[k:end], k, end, lex.terms[m.group()]))
            m = lex.search(folded, end)
        else:
            m = lex.search(folded, k + 1)
    taken = [(m.start, m.end) for m in out]
    for m in _LATIN.finditer(folded):
        s, e = m.start(), m.end()
        while e > s and folded[e - 1] in ".-/":
            e -= 1
        if any(a < e and s < b for a, b in taken) or not _latin_ok(text[s:e], lex):
            continue
        out.append(TechMention(text[s:e], s, e, None))
    return tuple(sorted(out, key=lambda m: m.start))
