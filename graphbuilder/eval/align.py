"""Score alignment against a gold TSV: precision@1, recall, coverage per score band.

The gold file has one ``mention<TAB>expected`` per line; ``expected`` is a taxonomy IRI or a
label of exactly one concept, several separated by `` | `` when each is correct, or ``-``
when no entry fits (the matcher should abstain). Lines starting with ``#`` are comments.

- precision@1: of the mentions the matcher answers at or above the threshold, the share
  whose best match is expected;
- recall: of the mentions that have an expected entry, the share answered correctly;
- per score band (of the best match, at any score): how many mentions fall in it, their
  precision, and the coverage and precision of keeping everything at or above the band.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from graphbuilder.align.matcher import Match, Matcher
from graphbuilder.align.taxonomy import Taxonomy
from graphbuilder.errors import InputError

BANDS = (0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.0)


@dataclass(frozen=True, slots=True)
class GoldItem:
    """One gold mention with the IRIs that are correct for it (empty: none is)."""

    mention: str
    expected: frozenset[str]
    line: int


def read_gold(path: Path, taxonomy: Taxonomy) -> list[GoldItem]:
    """Parse the gold file, resolving labels to concept IRIs.

    Raises:
        InputError: a line without a tab, or an expected entry that names no concept or
            several (file and line in the message).
    """
    items: list[GoldItem] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc
    for no, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        mention, tab, expected = line.partition("\t")
        if not tab or not mention.strip() or not expected.strip():
            raise InputError(f"{path}:{no}", "expected 'mention<TAB>expected entry'")
        iris: set[str] = set()
        for ref in (r.strip() for r in expected.split(" | ")):
            if ref == "-":
                continue
            found = [ref] if ref in taxonomy.concepts else taxonomy.find_label(ref)
            if len(found) != 1:
                why = "names no concept" if not found else f"names {len(found)} concepts"
                raise InputError(f"{path}:{no}", f"{ref!r} {why}")
            iris.add(found[0])
        items.append(GoldItem(mention.strip(), frozenset(iris), no))
    return items


def _band(score: float) -> float:
    return next(b for b in BANDS if score >= b)


def score_alignment(
    gold: list[GoldItem], matcher: Matcher, threshold: float
) -> tuple[dict[str, object], list[tuple[GoldItem, Match | None]]]:
    """The scores, and each gold item with the matcher's best answer (at any score)."""
    best = [m[0] if m else None for m in matcher.match_many([g.mention for g in gold], floor=0.0)]
    pairs = list(zip(gold, best, strict=True))
    answered = [(g, m) for g, m in pairs if m is not None and m.score >= threshold]
    correct = sum(1 for g, m in answered if m is not None and m.iri in g.expected)
    positives = sum(1 for g in gold if g.expected)
    bands: list[dict[str, object]] = []
    for b in BANDS:
        upper = BANDS[BANDS.index(b) - 1] if b != BANDS[0] else 1.0001
        inside = [(g, m) for g, m in pairs if m is not None and b <= m.score < upper]
        above = [(g, m) for g, m in pairs if m is not None and m.score >= b]
        ok_in = sum(1 for g, m in inside if m is not None and m.iri in g.expected)
        ok_above = sum(1 for g, m in above if m is not None and m.iri in g.expected)
        bands.append(
            {
                "band": f"[{b:.2f}, {min(upper, 1.0):.2f}{']' if upper > 1 else ')'}",
                "mentions": len(inside),
                "precision": round(ok_in / len(inside), 4) if inside else None,
                "coverage_at_or_above": round(len(above) / len(gold), 4) if gold else 0.0,
                "precision_at_or_above": round(ok_above / len(above), 4) if above else None,
            }
        )
    scores: dict[str, object] = {
        "mentions": len(gold),
        "with_expected_entry": positives,
        "threshold": threshold,
        "answered": len(answered),
        "correct": correct,
        "precision_at_1": round(correct / len(answered), 4) if answered else 0.0,
        "recall": round(correct / positives, 4) if positives else 0.0,
        "coverage": round(len(answered) / len(gold), 4) if gold else 0.0,
        "bands": bands,
    }
    return scores, pairs
