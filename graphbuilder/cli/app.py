"""The ``graphbuilder`` command line. Each command parses its arguments and calls a plain
function that tests call directly."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from graphbuilder.cli.summary import print_summary
from graphbuilder.errors import GraphBuilderError
from graphbuilder.settings import get_settings

app = typer.Typer(
    help="Build, check, export and serve vocational knowledge and skill graphs.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)

StoreOpt = Annotated[Path, typer.Option("--store", help="Store directory.")]


def _store_path(store: Path | None) -> Path:
    return store if store is not None else get_settings().store


@app.command()
def build(
    sources: Annotated[list[Path] | None, typer.Argument(help="Files or folders to read.")] = None,
    store: StoreOpt = Path("build/store"),
    tag: Annotated[str, typer.Option(help="Name this build (e.g. 2025).")] = "",
    keep: Annotated[
        bool, typer.Option("--keep", help="Keep documents not among SOURCES in the store.")
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Exit non-zero when any document failed.")
    ] = False,
) -> None:
    """Build or update the graph in STORE from SOURCES (default: corpora/)."""
    from graphbuilder.pipeline import build as run_build

    srcs = sources or [Path("corpora")]
    missing = [s for s in srcs if not s.exists()]
    if missing:
        console.print(f"[red]no such file or folder: {', '.join(map(str, missing))}")
        raise typer.Exit(2)
    with Progress(
        TextColumn("[bold]building"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as bar:
        task = bar.add_task("", total=None)
        summary = run_build(
            srcs,
            store,
            tag=tag,
            prune=not keep,
            on_start=lambda n: bar.update(task, total=n),
            on_document=lambda o: bar.update(task, advance=1, description=o.path[-40:]),
        )
    print_summary(console, summary, store)
    if strict and summary.failed:
        raise typer.Exit(1)


@app.command()
def stats(
    store: StoreOpt = Path("build/store"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Count nodes and edges by kind, and triples."""
    from graphbuilder.store.oxigraph import OxigraphStore
    from graphbuilder.store.stats import graph_stats

    st = OxigraphStore(store, get_settings().base_iri, read_only=True)
    counts = graph_stats(st)
    if as_json:
        typer.echo(json.dumps(counts, ensure_ascii=False, sort_keys=True))
        return
    for section in ("nodes", "edges"):
        table = counts[section]
        assert isinstance(table, dict)
        console.print(f"[bold]{section}")
        for k, v in table.items():
            console.print(f"  {k:<16}{v:>10,}")
    console.print(f"[bold]triples[/] {counts['triples']:,}")


@app.command()
def validate(store: StoreOpt = Path("build/store")) -> None:
    """Check the graph against the SHACL shapes; exit 1 on any violation."""
    from graphbuilder.store.oxigraph import OxigraphStore
    from graphbuilder.store.validate import validate_store

    report = validate_store(OxigraphStore(store, get_settings().base_iri, read_only=True))
    if report.conforms:
        console.print("[green]conforms[/]: the graph satisfies every shape")
        return
    console.print(f"[red]{len(report.violations)} violation(s)")
    for v in report.violations[:50]:
        console.print(f"  {v.focus_node} {v.path}: {v.message}")
    raise typer.Exit(1)


@app.command()
def export(
    store: StoreOpt = Path("build/store"),
    fmt: Annotated[str, typer.Option("--format", help="Export format: turtle.")] = "turtle",
    output: Annotated[Path, typer.Option("-o", "--output", help="Output file.")] = Path(
        "build/graph.ttl"
    ),
) -> None:
    """Export the graph to a file."""
    from graphbuilder.export import EXPORTERS
    from graphbuilder.store.oxigraph import OxigraphStore

    if fmt not in EXPORTERS:
        console.print(f"[red]unknown format {fmt!r}; choose one of: {', '.join(EXPORTERS)}")
        raise typer.Exit(2)
    output.parent.mkdir(parents=True, exist_ok=True)
    n = EXPORTERS[fmt](OxigraphStore(store, get_settings().base_iri, read_only=True), output)
    console.print(f"wrote {n:,} triples to {output}")


@app.command()
def serve(
    store: StoreOpt = Path("build/store"),
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the graph over HTTP (API under /api/v1, OpenAPI at /docs)."""
    import os

    import uvicorn

    # The API package depends on the library, never the reverse: name it, don't import it.
    os.environ["GRAPHBUILDER_STORE"] = str(store)
    uvicorn.run("api.main:create_app", factory=True, host=host, port=port)


# Commands that live in their own modules: each module has ``register(app)``. Add one line
# per module; keep heavy imports inside the command functions so ``--help`` stays fast.
COMMAND_MODULES: tuple[str, ...] = ("graphbuilder.cli.evaluate",)

for _name in COMMAND_MODULES:
    importlib.import_module(_name).register(app)


def main() -> None:
    """Entry point of the installed ``graphbuilder`` script.

    A ``GraphBuilderError`` is a user-facing problem (a missing store, a bad file): print
    its message, not a traceback.
    """
    try:
        app(prog_name="graphbuilder")
    except GraphBuilderError as exc:
        console.print(f"[red]error:[/] {exc}")
        sys.exit(1)


if __name__ == "__main__":
    main()
