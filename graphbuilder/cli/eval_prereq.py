"""``graphbuilder eval prereq``: score prerequisite inference on labelled concept pairs."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

console = Console(stderr=True)


def eval_prereq(
    pairs_file: Path | None = None,
    *,
    lecturebank: Path | None = None,
    subset: str = "lb1",
    methods: Sequence[str] = ("inference",),
    texts: Path | None = None,
    threshold: float = 0.5,
    write_pairs_to: Path | None = None,
) -> dict[str, Any]:
    """Score each method on the pairs; one ``{"p", "r", "f1", "auc", "n"}`` per method.

    Args:
        pairs_file: a ``prerequisite,concept,label`` CSV.
        lecturebank: a LectureBank folder to convert instead (with ``subset``).
        subset: ``lb1``, ``lb2``, ``cd-bio`` or ``cd-cv``.
        methods: ``inference`` and/or ``name-similarity``.
        texts: a folder of ``<concept>.txt`` files for the text signals.
        threshold: the score from which a pair is predicted a prerequisite.
        write_pairs_to: also write the pairs (e.g. the converted LectureBank) as CSV.

    Raises:
        InputError: bad input files, or neither or both of ``pairs_file`` and ``lecturebank``.
    """
    from graphbuilder.errors import InputError
    from graphbuilder.eval.prereq import lecturebank_pairs, read_pairs, score_pairs, write_pairs
    from graphbuilder.relations.pairwise import METHODS, PairScorer
    from graphbuilder.relations.texts import read_text_dir

    if (pairs_file is None) == (lecturebank is None):
        raise InputError("eval prereq", "give exactly one of --pairs FILE and --lecturebank DIR")
    chosen = [m for m in METHODS if m in methods]
    for m in methods:
        if m not in METHODS:
            raise InputError("eval prereq", f"unknown method {m!r} ({', '.join(METHODS)})")
    warnings: list[str] = []
    if pairs_file is not None:
        pairs = read_pairs(pairs_file)
    else:
        assert lecturebank is not None
        pairs, warnings = lecturebank_pairs(lecturebank, subset)
    for w in warnings:
        console.print(f"[yellow]{w}")
    if write_pairs_to is not None:
        write_pairs(pairs, write_pairs_to)
    names = sorted({p.prerequisite for p in pairs} | {p.concept for p in pairs})
    scorer = PairScorer(names, read_text_dir(texts) if texts else {})
    out: dict[str, Any] = {}
    for method in chosen:
        scores = [scorer.score(p.prerequisite, p.concept, method) for p in pairs]
        out[method] = score_pairs(pairs, scores, threshold)
    return out


def register(eval_app: typer.Typer) -> None:
    """Attach ``prereq`` to the ``eval`` group."""

    @eval_app.command("prereq")
    def prereq(
        pairs: Annotated[
            Path | None, typer.Option("--pairs", help="CSV: prerequisite,concept,label.")
        ] = None,
        lecturebank: Annotated[
            Path | None, typer.Option("--lecturebank", help="LectureBank folder to convert.")
        ] = None,
        subset: Annotated[
            str, typer.Option(help="LectureBank subset: lb1, lb2, cd-bio, cd-cv.")
        ] = "lb1",
        method: Annotated[
            str, typer.Option(help="inference, name-similarity, or both.")
        ] = "inference",
        texts: Annotated[
            Path | None, typer.Option("--texts", help="Folder of <concept>.txt files.")
        ] = None,
        threshold: Annotated[
            float, typer.Option(help="Predict a prerequisite from this score.")
        ] = 0.5,
        write_pairs: Annotated[
            Path | None, typer.Option("--write-pairs", help="Also write the pairs as CSV here.")
        ] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Precision, recall, F1 and AUC of prerequisite prediction on labelled pairs."""
        from graphbuilder.errors import InputError
        from graphbuilder.relations.pairwise import METHODS

        methods = METHODS if method == "both" else (method,)
        try:
            result = eval_prereq(
                pairs,
                lecturebank=lecturebank,
                subset=subset,
                methods=methods,
                texts=texts,
                threshold=threshold,
                write_pairs_to=write_pairs,
            )
        except InputError as exc:
            console.print(f"[red]{exc}")
            raise typer.Exit(2) from exc
        shown: dict[str, Any] = result[methods[0]] if len(methods) == 1 else result
        if as_json:
            typer.echo(json.dumps(shown, ensure_ascii=False))
            return
        for m, s in result.items():
            console.print(
                f"{m:<16} p {s['p']:.3f}  r {s['r']:.3f}  f1 {s['f1']:.3f}  "
                f"auc {s['auc']:.3f}  (n {s['n']}, threshold {threshold})"
            )
