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

from graphbuilder.cli.progress import progress_bar
from graphbuilder.cli.summary import outcomes_json, print_details, print_summary
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
    details: Annotated[
        bool, typer.Option("--details", help="One line per document: kind, output, reason.")
    ] = False,
    report: Annotated[
        Path | None, typer.Option("--report", help="Write every document's outcome as JSON.")
    ] = None,
    ner: Annotated[
        bool,
        typer.Option(
            "--ner",
            help="Also run the trained recogniser over textbook and course-standard prose.",
        ),
    ] = False,
    ner_model: Annotated[
        Path | None,
        typer.Option(
            "--ner-model", help="The recogniser to run (implies --ner; default: shipped)."
        ),
    ] = None,
) -> None:
    """Build or update the graph in STORE from SOURCES (default: corpora/)."""
    from graphbuilder.extract.recognised import Recogniser, TrainedRecogniser
    from graphbuilder.pipeline import build as run_build

    srcs = sources or [Path("corpora")]
    missing = [s for s in srcs if not s.exists()]
    if missing:
        console.print(f"[red]no such file or folder: {', '.join(map(str, missing))}")
        raise typer.Exit(2)
    recogniser: Recogniser | None = None
    if ner or ner_model is not None:
        try:
            recogniser = TrainedRecogniser(ner_model)
        except GraphBuilderError as exc:
            console.print(f"[red]{exc}")
            raise typer.Exit(2) from exc
    with progress_bar(console, "building") as bar:
        task = bar.add_task("", total=None)
        summary = run_build(
            srcs,
            store,
            tag=tag,
            prune=not keep,
            recogniser=recogniser,
            on_start=lambda n: bar.update(task, total=n),
            on_document=lambda o: bar.update(task, advance=1, description=o.path[-40:]),
        )
    if details:
        print_details(console, summary)
    print_summary(console, summary, store)
    if report is not None:
        report.write_text(outcomes_json(summary), encoding="utf-8")
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
    fmt: Annotated[
        str, typer.Option("--format", help="Export format (--list-formats shows them all).")
    ] = "turtle",
    output: Annotated[
        Path | None,
        typer.Option("-o", "--output", help="Output file, or folder for case and neo4j-csv."),
    ] = None,
    major: Annotated[
        list[str] | None,
        typer.Option("--major", help="Only this major (code) and what hangs off it; repeatable."),
    ] = None,
    kind: Annotated[
        list[str] | None, typer.Option("--kind", help="Only nodes of this kind; repeatable.")
    ] = None,
    list_formats: Annotated[
        bool, typer.Option("--list-formats", help="List the formats and exit.")
    ] = False,
) -> None:
    """Export the graph (or part of it) in a standard format a platform imports."""
    from graphbuilder.errors import NotFoundError
    from graphbuilder.export import EXPORTERS, Selection
    from graphbuilder.store.oxigraph import OxigraphStore

    if list_formats:
        for f in EXPORTERS.values():
            where = "folder" if f.writes_folder else f"file ({f.suffix})"
            typer.echo(f"{f.name:<10} {where:<18} {f.description}")
        return
    if fmt not in EXPORTERS:
        console.print(f"[red]unknown format {fmt!r}; choose one of: {', '.join(EXPORTERS)}")
        raise typer.Exit(2)
    exporter = EXPORTERS[fmt]
    try:
        selection = Selection(majors=tuple(major or ()), kinds=tuple(kind or ()))
    except ValueError as exc:
        console.print(f"[red]{exc}", soft_wrap=True)
        raise typer.Exit(2) from None
    default = "graph.ttl" if fmt == "turtle" else f"graph-{fmt}{exporter.suffix}"
    target = output or Path("build") / default
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        report = exporter(
            OxigraphStore(store, get_settings().base_iri, read_only=True), target, selection
        )
    except NotFoundError as exc:
        console.print(f"[red]{exc}", soft_wrap=True)
        raise typer.Exit(2) from None
    console.print(f"wrote {report.describe()} to {target}")
    if fmt == "neo4j-csv":
        console.print(f"load them with: sh {target / 'import.sh'}")


@app.command()
def serve(
    store: StoreOpt = Path("build/store"),
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
    keys: Annotated[
        Path | None,
        typer.Option(
            help="API key file (make keys with: python -m graphbuilder.store.keys add NAME"
            " --role editor --file FILE). Without keys nothing can be written."
        ),
    ] = None,
) -> None:
    """Serve the graph over HTTP (API under /api/v1, OpenAPI at /docs).

    The server opens the store for writing (editors add resources, links and reviews), so
    stop it before building into the same store.
    """
    import os

    import uvicorn

    # The API package depends on the library, never the reverse: name it, don't import it.
    os.environ["GRAPHBUILDER_STORE"] = str(store)
    if keys is not None:
        os.environ["GRAPHBUILDER_API_KEYS_FILE"] = str(keys)
    get_settings.cache_clear()
    uvicorn.run("api.main:create_served_app", factory=True, host=host, port=port)


# Commands that live in their own modules: each module has ``register(app)``. Add one line
# per module; keep heavy imports inside the command functions so ``--help`` stays fast.
COMMAND_MODULES: tuple[str, ...] = (
    "graphbuilder.cli.evaluate",
    "graphbuilder.cli.diff",
    "graphbuilder.cli.neo4j",
    "graphbuilder.cli.path",
    "graphbuilder.cli.report",
    "graphbuilder.cli.train",
)

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
