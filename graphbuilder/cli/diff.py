"""``graphbuilder diff OLD NEW``: what changed between two tags or two stores."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

console = Console()


def diff(
    old: Annotated[str, typer.Argument(help="A tag of --store, or a store directory.")],
    new: Annotated[str, typer.Argument(help="A tag of --store, or a store directory.")],
    store: Annotated[
        Path | None, typer.Option("--store", help="Store whose tags OLD/NEW name.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the full diff as JSON.")] = False,
    majors: Annotated[int, typer.Option(help="Majors to list in the summary.")] = 15,
) -> None:
    """Nodes and edges added, removed and changed from OLD to NEW, by kind and by major."""
    from graphbuilder.algorithms.diff import diff_snapshots
    from graphbuilder.settings import get_settings
    from graphbuilder.store.oxigraph import OxigraphStore
    from graphbuilder.store.versions import snapshots_of

    st = (
        OxigraphStore(store, get_settings().base_iri, read_only=True) if store is not None else None
    )
    result = diff_snapshots(*snapshots_of(old, new, st))
    if as_json:
        typer.echo(result.model_dump_json(indent=1))
        return
    table = Table(title=f"{old} → {new}")
    for col in ("kind", "nodes +", "nodes −", "nodes ~", "edges +", "edges −"):
        table.add_column(col, justify="left" if col == "kind" else "right")
    counts = result.counts()
    kinds = sorted({k for section in counts.values() for k in section})
    for kind in kinds:
        table.add_row(
            kind,
            *(
                str(counts[s].get(kind, 0) or "")
                for s in ("nodes_added", "nodes_removed", "nodes_changed", "edges_added")
            ),
            str(counts["edges_removed"].get(kind, 0) or ""),
        )
    console.print(table)
    busiest = sorted(
        result.by_major.items(),
        key=lambda kv: -(kv[1].nodes_added + kv[1].edges_added + kv[1].edges_removed),
    )[:majors]
    if busiest:
        console.print(f"[bold]majors with most changes[/] ({len(result.by_major)} touched):")
        for code, m in busiest:
            console.print(
                f"  {code} {m.label}: +{m.nodes_added} nodes −{m.nodes_removed} "
                f"+{m.edges_added} edges −{m.edges_removed}"
            )


def register(app: typer.Typer) -> None:
    """Attach ``diff`` to the main app."""
    app.command("diff")(diff)
