"""The ``graphbuilder push-neo4j`` command: bring a Neo4j database in line with the graph."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from graphbuilder.cli.progress import progress_bar
from graphbuilder.errors import GraphBuilderError
from graphbuilder.settings import get_settings

if TYPE_CHECKING:
    from graphbuilder.store.neo4j.push import PushSummary

console = Console(stderr=True)


def print_push_summary(out: Console, summary: PushSummary, uri: str) -> None:
    """One screen: what changed per node kind and relationship type, times and rates."""
    table = Table(title=f"push to {uri}", show_edge=False)
    for column in ("", "created", "updated", "deleted", "unchanged"):
        table.add_column(column, justify="left" if not column else "right")
    for section, rows in (("nodes", summary.nodes), ("relationships", summary.relationships)):
        for name, c in rows.items():
            if c.changed or c.unchanged:
                table.add_row(
                    f"{section[:-1]} {name}",
                    *(f"{n:,}" for n in (c.created, c.updated, c.deleted, c.unchanged)),
                )
    out.print(table)
    if summary.changes == 0:
        out.print("[green]in sync[/]: the database already held this graph (0 changes)")
    else:
        out.print(f"[bold]{summary.changes:,}[/] changes")
    out.print(
        f"read {summary.read_seconds:.1f} s, nodes {summary.node_seconds:.1f} s "
        f"({summary.node_rate:,.0f}/s), relationships {summary.relationship_seconds:.1f} s "
        f"({summary.relationship_rate:,.0f}/s), removals {summary.delete_seconds:.1f} s"
    )


def push_neo4j(
    store: Annotated[Path, typer.Option("--store", help="Store directory.")] = Path("build/store"),
    uri: Annotated[str, typer.Option("--uri", help="Bolt URI, e.g. bolt://localhost:7687.")] = (
        "bolt://localhost:7687"
    ),
    user: Annotated[str, typer.Option("--user", help="User name.")] = "neo4j",
    password: Annotated[str, typer.Option("--password", help="Password.")] = "",
    database: Annotated[
        str | None, typer.Option("--database", help="Database (default: the server's).")
    ] = None,
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, help="Rows per transaction.")
    ] = 1000,
    fulltext: Annotated[
        bool,
        typer.Option("--fulltext", help="Also create a full-text index on labels (Neo4j only)."),
    ] = False,
) -> None:
    """Push the graph to Neo4j: idempotent, batched, resumable (run it again to finish)."""
    from graphbuilder.store.neo4j.push import Neo4jTarget, push
    from graphbuilder.store.oxigraph import OxigraphStore

    target = Neo4jTarget(uri, user, password, database)
    try:
        graph = OxigraphStore(store, get_settings().base_iri, read_only=True)
        with progress_bar(console, "pushing") as bar:
            task = bar.add_task("reading the graph", total=None)
            summary = push(
                graph,
                target,
                batch_size=batch_size,
                fulltext=fulltext,
                on_start=lambda n: bar.update(task, total=n, description=""),
                on_progress=lambda what, n: bar.update(task, advance=n, description=what),
            )
    except GraphBuilderError as exc:
        console.print(f"[red]{exc}", soft_wrap=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        console.print("[yellow]interrupted[/]: run the same command again to finish the push")
        raise typer.Exit(130) from None
    print_push_summary(console, summary, uri)


def register(app: typer.Typer) -> None:
    """Attach ``push-neo4j`` to the main app."""
    app.command("push-neo4j")(push_neo4j)
