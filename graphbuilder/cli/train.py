"""``graphbuilder train ner``: train the EduNER recogniser, reproducibly (seed, data hashes)."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console(stderr=True)
train_app = typer.Typer(help="Train the components that learn from data.")


def register(app: typer.Typer) -> None:
    """Attach the ``train`` group to the main app."""

    @train_app.command("ner")
    def ner(
        train: Annotated[Path, typer.Option("--train", help="EduNER training file.")],
        dev: Annotated[Path, typer.Option("--dev", help="EduNER dev file (checkpoint, scores).")],
        out: Annotated[Path, typer.Option("--out", help="Where the pipeline goes (empty).")],
        seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
        max_epochs: Annotated[int, typer.Option(help="Passes over the data at most.")] = 10,
        segmenter: Annotated[str, typer.Option(help="jieba or char.")] = "jieba",
        silver: Annotated[
            Path | None,
            typer.Option(help="A corpus whose prose the rules label as extra (silver) data."),
        ] = None,
        silver_max: Annotated[
            int, typer.Option(help="Silver sentences at most (with --silver).")
        ] = 2000,
        as_json: Annotated[bool, typer.Option("--json", help="Print the record as JSON.")] = False,
    ) -> None:
        """Train the recogniser; the pipeline and its training.json go to OUT."""
        from graphbuilder.errors import InputError
        from graphbuilder.nlp.ner.silver import build_silver
        from graphbuilder.nlp.ner.train import train_ner

        if segmenter not in ("jieba", "char"):
            console.print(f"[red]--segmenter must be jieba or char, not {segmenter!r}")
            raise typer.Exit(2)
        if silver_max < 1:
            console.print(f"[red]--silver-max must be at least 1, not {silver_max}")
            raise typer.Exit(2)
        try:
            silver_set = (
                build_silver(silver, max_sentences=silver_max, seed=seed) if silver else None
            )
            record = train_ner(
                train,
                dev,
                out,
                seed=seed,
                max_epochs=max_epochs,
                segmenter=segmenter,  # type: ignore[arg-type]
                silver=silver_set,
                log=sys.stderr,
            )
        except InputError as exc:
            console.print(f"[red]{exc}")
            raise typer.Exit(2) from exc
        if as_json:
            typer.echo(json.dumps(asdict(record), ensure_ascii=False, indent=2))
            return
        micro = record.dev_micro
        console.print(
            f"trained in {record.duration_seconds:.0f} s ({record.steps} steps, best "
            f"{record.best_step}); dev micro-F1 {micro['f1']:.3f} over "
            f"{', '.join(record.micro_labels)}; saved to {out}"
        )

    app.add_typer(train_app, name="train")
