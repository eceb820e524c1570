"""HTML rendering of a major's gap report (Jinja2, autoescaped)."""

from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

from graphbuilder.algorithms.gaps import GapReport


def render_gaps_html(report: GapReport) -> str:
    """The gap report as a standalone HTML page (Chinese with English headings)."""
    env = Environment(
        loader=PackageLoader("graphbuilder.export", "templates"),
        autoescape=select_autoescape(["html", "j2"]),
    )
    return env.get_template("gaps.html.j2").render(r=report)
