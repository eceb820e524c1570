"""The one-screen summary printed at the end of ``build``."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from graphbuilder.pipeline import BuildSummary


def print_details(console: Console, summary: BuildSummary) -> None:
    """One line per document: what it was read as, what it produced, or why it failed."""
    table = Table(title="documents", show_lines=False)
    for col in ("document", "status", "kind", "nodes", "edges", "warnings / reason"):
        table.add_column(col, justify="right" if col in ("nodes", "edges") else "left")
    for o in summary.outcomes:
        note = o.reason or "; ".join(o.warnings[:2]) + (" …" if len(o.warnings) > 2 else "")
        table.add_row(o.path, o.status, o.kind, str(o.nodes), str(o.edges), note)
    console.print(table)


def outcomes_json(summary: BuildSummary) -> str:
    """The build's outcomes as JSON (one object per document), for --report."""
    import json
    from dataclasses import asdict

    return json.dumps(
        {
            "build_id": summary.build_id,
            "timings_s": {k: round(v, 3) for k, v in summary.timings.items()},
            "documents": [asdict(o) for o in summary.outcomes],
        },
        ensure_ascii=False,
        indent=1,
    )


def print_summary(console: Console, summary: BuildSummary, store: Path) -> None:
    """Counts per document kind, then every failed document with its reason."""
    table = Table(title=f"build {summary.build_id} → {store}", show_lines=False)
    for col in ("kind", "built", "unchanged", "removed", "nodes", "edges", "quads"):
        table.add_column(col, justify="right" if col != "kind" else "left")
    by_kind: dict[str, Counter[str]] = {}
    for o in summary.outcomes:
        if o.status == "failed":
            continue
        c = by_kind.setdefault(o.kind or "?", Counter())
        c[o.status] += 1
        c["nodes"] += o.nodes
        c["edges"] += o.edges
        c["quads"] += o.quads
    for kind in sorted(by_kind):
        c = by_kind[kind]
        table.add_row(
            kind,
            *(f"{c[k]:,}" for k in ("built", "unchanged", "removed", "nodes", "edges", "quads")),
        )
    console.print(table)
    warnings = [(o.path, w) for o in summary.outcomes for w in o.warnings]
    if warnings:
        console.print(f"[yellow]{len(warnings)} warning(s)[/], first ones:")
        for path, w in warnings[:8]:
            console.print(f"  {path}: {w}")
    failed = summary.failed
    if failed:
        console.print(f"[red]{len(failed)} document(s) failed:")
        for o in failed:
            console.print(f"  [red]✗[/] {o.path}: {o.reason}")
    phases = ", ".join(f"{k} {v:.1f} s" for k, v in summary.timings.items() if v >= 0.05)
    console.print(
        f"{summary.count('built')} built, {summary.count('unchanged')} unchanged, "
        f"{summary.count('removed')} removed, {len(failed)} failed ({phases})"
    )
