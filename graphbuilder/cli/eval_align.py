"""``graphbuilder eval align``: score alignment to the technology taxonomy against a gold TSV."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console(stderr=True)


def eval_align(
    gold: Path, taxonomy: Path | None = None, threshold: float | None = None
) -> dict[str, object]:
    """Load the taxonomy, match every gold mention, and return the scores.

    The character n-gram embedder is fitted on the gold mentions and the taxonomy labels;
    the sentence-transformers layer is the settings' model when it loads offline.
    """
    from graphbuilder.align.skos import load_skos
    from graphbuilder.align.stage import build_matcher
    from graphbuilder.eval.align import read_gold, score_alignment
    from graphbuilder.settings import get_settings

    settings = get_settings()
    tx = load_skos(taxonomy or settings.align_taxonomy, settings.base_iri)
    items = read_gold(gold, tx)
    t = settings.align_threshold if threshold is None else threshold
    warnings: list[str] = []
    matcher = build_matcher(tx, [g.mention for g in items], settings, warnings)
    scores, pairs = score_alignment(items, matcher, t)
    scores["warnings"] = warnings
    scores["errors"] = [
        {
            "line": g.line,
            "mention": g.mention,
            "expected": sorted(tx.concepts[i].name for i in g.expected) or "-",
            "got": tx.concepts[m.iri].name if m else None,
            "score": m.score if m else None,
            "method": m.method if m else None,
        }
        for g, m in pairs
        if (m is not None and m.score >= t and m.iri not in g.expected)
        or (g.expected and (m is None or m.score < t))
    ]
    return scores


def register(eval_app: typer.Typer) -> None:
    """Attach ``align`` to the ``eval`` group."""

    @eval_app.command("align")
    def align(
        gold: Annotated[Path, typer.Option("--gold", help="TSV of mention<TAB>expected entry.")],
        taxonomy: Annotated[
            Path | None, typer.Option(help="SKOS taxonomy (default: the settings').")
        ] = None,
        threshold: Annotated[
            float | None, typer.Option(help="Score threshold (default: the settings').")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Precision@1, recall and coverage per score band of alignment on a gold file."""
        from graphbuilder.errors import InputError

        try:
            scores = eval_align(gold, taxonomy, threshold)
        except InputError as exc:
            console.print(f"[red]{exc}")
            raise typer.Exit(2) from exc
        if as_json:
            typer.echo(json.dumps(scores, ensure_ascii=False, indent=2))
            return
        console.print(
            f"precision@1 {scores['precision_at_1']}  recall {scores['recall']}  "
            f"coverage {scores['coverage']}  ({scores['answered']}/{scores['mentions']} answered"
            f" at ≥ {scores['threshold']})"
        )
        for band in scores["bands"]:  # type: ignore[attr-defined]
            console.print(
                f"  {band['band']:<14} n={band['mentions']:<4} precision={band['precision']}"
                f"  coverage≥={band['coverage_at_or_above']}"
                f"  precision≥={band['precision_at_or_above']}"
            )
