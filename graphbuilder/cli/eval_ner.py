"""``graphbuilder eval ner``: entity-level scores of the recogniser against EduNER-format gold.

It scores the trained pipeline (``--model DIR``, else the one the package ships); when there
is none, the rule pipeline (technology mentions as TOO, knowledge points as TER), and the
JSON's ``pipeline`` says which one it scored. Types map as KnowledgePoint ≈ TER, CON, THE,
ALG; Technology ≈ TOO; Course ≈ CRN (EduNER's COU is *country*).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

if TYPE_CHECKING:
    from graphbuilder.eval.ner import NerScores

console = Console(stderr=True)


def eval_ner(gold: Path, model: Path | None = None) -> NerScores:
    """Score the trained pipeline (or, without one, the rule pipeline) on ``gold``."""
    from graphbuilder.eval.ner import evaluate_ner
    from graphbuilder.nlp.ner.load import load_ner_pipeline

    nlp = load_ner_pipeline(model)
    if nlp is None:
        from graphbuilder.nlp.pipeline import make_pipeline

        nlp = make_pipeline(entities=True)
    return evaluate_ner(gold, nlp)


def register(eval_app: typer.Typer) -> None:
    """Attach ``ner`` to the ``eval`` group."""

    @eval_app.command("ner")
    def ner(
        gold: Annotated[
            Path, typer.Option("--gold", help="EduNER file: a character and its BIO tag a line.")
        ],
        model: Annotated[
            Path | None, typer.Option(help="A trained pipeline (default: the shipped one).")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Entity-level precision, recall and F1 per type and micro-averaged."""
        from graphbuilder.errors import InputError

        try:
            scores = eval_ner(gold, model)
        except InputError as exc:
            console.print(f"[red]{exc}")
            raise typer.Exit(2) from exc
        if as_json:
            typer.echo(json.dumps(scores, ensure_ascii=False, indent=2))
            return
        micro = scores["micro"]
        console.print(f"[bold]{scores['pipeline']}[/] on {scores['n_sentences']} sentences")
        console.print(f"micro  p {micro['p']:.3f}  r {micro['r']:.3f}  f1 {micro['f1']:.3f}")
        for label, s in sorted(scores["per_type"].items()):
            console.print(f"  {label:<4} p {s['p']:.3f}  r {s['r']:.3f}  f1 {s['f1']:.3f}")
