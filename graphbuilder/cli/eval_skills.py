"""``graphbuilder eval skills``: the atomic-skill splitter against hand-labelled statements."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console(stderr=True)


def register(eval_app: typer.Typer) -> None:
    """Attach ``skills`` to the ``eval`` group."""

    @eval_app.command("skills")
    def skills(
        gold: Annotated[Path, typer.Option("--gold", help="JSON lines of labelled statements.")],
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Strict and lenient precision, recall and F1 of the skill splitter."""
        from graphbuilder.errors import InputError
        from graphbuilder.eval.skills import score_splits

        try:
            scores = score_splits(gold)
        except InputError as exc:
            console.print(f"[red]{exc}")
            raise typer.Exit(2) from exc
        if as_json:
            typer.echo(json.dumps(scores, ensure_ascii=False, indent=2))
            return
        for mode in ("strict", "lenient"):
            s = scores["strict"] if mode == "strict" else scores["lenient"]
            console.print(
                f"{mode:<8} p {s['p']:.3f}  r {s['r']:.3f}  f1 {s['f1']:.3f}"
                f"  ({s['tp']} of {s['predicted']} predicted, {s['gold']} gold)"
            )
