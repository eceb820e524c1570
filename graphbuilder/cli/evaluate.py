"""The ``graphbuilder eval`` command group: scorers against gold files.

Scorers live in their own modules, each with ``register(eval_app)``; add one line per
module to ``EVAL_MODULES``.
"""

from __future__ import annotations

import importlib

import typer

eval_app = typer.Typer(help="Score extraction, alignment and prerequisites against gold files.")

EVAL_MODULES: tuple[str, ...] = (
    "graphbuilder.cli.eval_align",
    "graphbuilder.cli.eval_prereq",
    "graphbuilder.cli.eval_ner",
    "graphbuilder.cli.eval_skills",
)


def register(app: typer.Typer) -> None:
    """Attach ``eval`` and its scorers to the main app."""
    for name in EVAL_MODULES:
        importlib.import_module(name).register(eval_app)
    app.add_typer(eval_app, name="eval")
