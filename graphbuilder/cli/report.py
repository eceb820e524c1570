"""``graphbuilder report gaps --major CODE``: what a major's courses miss."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

console = Console()
report_app = typer.Typer(help="Reports for curriculum committees.")


@report_app.command("gaps")
def gaps(
    major: Annotated[str, typer.Option("--major", help="The major's 6-digit code.")],
    store: Annotated[Path, typer.Option("--store", help="Store directory.")] = Path("build/store"),
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    html: Annotated[Path | None, typer.Option("--html", help="Write an HTML page here.")] = None,
    top: Annotated[int, typer.Option(help="Technologies to list in the text summary.")] = 20,
) -> None:
    """Technologies the major's occupations need, covered or not by its courses and skills."""
    from graphbuilder.algorithms.gaps import gap_report
    from graphbuilder.export.gaps_html import render_gaps_html
    from graphbuilder.settings import get_settings
    from graphbuilder.store.gap_inputs import read_gap_inputs
    from graphbuilder.store.oxigraph import OxigraphStore

    st = OxigraphStore(store, get_settings().base_iri, read_only=True)
    r = gap_report(read_gap_inputs(st), major)
    if html is not None:
        html.write_text(render_gaps_html(r), encoding="utf-8")
        console.print(f"wrote {html}")
    if as_json:
        typer.echo(r.model_dump_json(indent=1))
        return
    if html is not None:
        return
    console.print(f"[bold]{r.code} {r.major}[/] — occupations: {'、'.join(r.occupations) or '—'}")
    console.print(f"needed technologies: {len(r.needed)}, not covered: {len(r.uncovered)}")
    for n in r.needed[:top]:
        mark = "[green]✓[/]" if n.covered else "[red]✗[/]"
        flags = " ".join(f for f, on in (("hot", n.hot), ("in-demand", n.in_demand)) if on)
        ev = n.evidence[0] if n.evidence else None
        why = ""
        if ev is not None:
            why = f"{ev.occupation} · {ev.task}" + (f" ({ev.via})" if ev.via != ev.task else "")
        by = f" ← {n.coverage[0].label}" if n.coverage else ""
        flagged = f" {flags}" if flags else ""
        console.print(f"  {mark} {n.label} ({n.demand}{flagged}){by} — {why}")
    shown = r.needed_skills[:top]
    console.print(
        f"needed skills (top {len(shown)} of the tasks' skills): "
        f"not covered {sum(not n.covered for n in shown)}"
    )
    for s in shown:
        mark = "[green]✓[/]" if s.covered else "[red]✗[/]"
        by = f" ← {s.coverage[0].label}" if s.coverage else ""
        ev = s.evidence[0]
        console.print(
            f"  {mark} {s.label} ({s.occupations} 职业/{s.tasks} 任务){by} — {ev.occupation}"
        )
    if r.stale_courses:
        console.print("courses whose technologies no occupation needs:")
        for c in r.stale_courses:
            console.print(f"  {c.course} — {'、'.join(c.technologies)}")
    if r.untaught_skills:
        console.print(f"skills no course teaches: {len(r.untaught_skills)}")
        for u in r.untaught_skills[:10]:
            console.print(f"  {u}")


def register(app: typer.Typer) -> None:
    """Attach ``report`` to the main app."""
    app.add_typer(report_app, name="report")
