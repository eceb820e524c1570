"""``graphbuilder path TARGET``: the staged learning path to a skill, course or knowledge point.

TARGET is an IRI or a label. A label that names several nodes (the same ability statement
in several majors' standards) is not guessed at: the candidates are listed, with the majors
that teach them, and the command exits 1. ``--known`` items are matched the same way, but
a known label stands for every node that has it (a learner who has the words has them all).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from graphbuilder.model.iris import normalise_key

MAX_CANDIDATES = 30
MAX_INFERRED_SHOWN = 3


def find_nodes(G: Any, text: str) -> list[str]:
    """The nodes ``text`` names: itself when it is a node's IRI, else those with that label.

    >>> import networkx as nx
    >>> G = nx.DiGraph()
    >>> G.add_nodes_from([("u1", {"label": "数据库"}), ("u2", {"label": "数据 库"})])
    >>> find_nodes(G, "u1"), find_nodes(G, "数据库")
    (['u1'], ['u1', 'u2'])
    """
    if text in G:
        return [text]
    key = normalise_key(text)
    return sorted(n for n, d in G.nodes(data=True) if normalise_key(d.get("label", "")) == key)


def describe(G: Any, n: str) -> dict[str, Any]:
    """A candidate as the command lists it: IRI, kind, label and the majors that have it."""
    majors = sorted(
        G.nodes[u].get("label", u)
        for u, d in G.pred[n].items()
        if G.nodes[u].get("kind") == "Major" and d.get("kind") in ("teaches", "hasPart")
    )
    d = G.nodes[n]
    return {"iri": n, "kind": d.get("kind", ""), "label": d.get("label", ""), "majors": majors}


def similar_labels(G: Any, text: str, limit: int = MAX_CANDIDATES) -> list[str]:
    """Nodes whose label contains ``text`` (suggestions when nothing matches exactly)."""
    key = normalise_key(text)
    found = [n for n, d in G.nodes(data=True) if key and key in normalise_key(d.get("label", ""))]
    return sorted(found, key=lambda n: (len(G.nodes[n].get("label", "")), n))[:limit]


def path_answer(
    G: Any, target: str, known: list[str], min_confidence: float = 0.0
) -> tuple[int, dict[str, Any]]:
    """The command's answer as ``(exit code, JSON-ready dict)``.

    Exit code 0 with ``{"path": …}``; 1 with ``{"error", "candidates"}`` when TARGET or a
    known item is ambiguous or unknown.
    """
    from graphbuilder.algorithms import learning_path

    nodes = find_nodes(G, target)
    if len(nodes) != 1:
        shown = nodes or similar_labels(G, target)
        reason = "ambiguous" if nodes else "not found"
        return 1, {
            "error": f"{reason}: {target!r} names {len(nodes)} nodes",
            "candidates": [describe(G, n) for n in shown[:MAX_CANDIDATES]],
        }
    have: list[str] = []
    for k in known:
        found = find_nodes(G, k)
        if not found:
            return 1, {
                "error": f"not found: known item {k!r}",
                "candidates": [describe(G, n) for n in similar_labels(G, k)],
            }
        have += found
    path = learning_path(G, nodes[0], known=have, min_confidence=min_confidence)
    return 0, {"path": path.to_dict()}


def _print_text(answer: dict[str, Any]) -> None:
    if "error" in answer:
        typer.echo(answer["error"], err=True)
        for c in answer["candidates"]:
            where = f"  ({'、'.join(c['majors'][:5])})" if c["majors"] else ""
            typer.echo(f"  {c['iri']}  [{c['kind']}] {c['label']}{where}", err=True)
        return
    path = answer["path"]
    typer.echo(f"{path['target']['label']}  <{path['target']['iri']}>")
    if not path["stages"]:
        typer.echo("  nothing to learn: the learner has it already")
    for stage in path["stages"]:
        typer.echo(f"stage {stage[0]['stage'] + 1}:")
        for item in stage:
            node = item["node"]
            extra = []
            if item["taught_by"]:
                extra.append("taught by " + "、".join(r["label"] for r in item["taught_by"]))
            elif item.get("taught_by_inferred"):
                likely = item["taught_by_inferred"][:MAX_INFERRED_SHOWN]
                extra.append("probably taught by " + "、".join(r["label"] for r in likely))
            if item["resources"]:
                extra.append("resources " + "、".join(r["label"] for r in item["resources"]))
            if item["alternatives"]:
                extra.append("or instead: " + "、".join(r["label"] for r in item["alternatives"]))
            tail = f"  ({'; '.join(extra)})" if extra else ""
            typer.echo(f"  [{node['kind']}] {node['label']}{tail}")


def path(
    target: Annotated[str, typer.Argument(help="IRI or label of the skill, course or point.")],
    store: Annotated[Path, typer.Option("--store", help="Store directory.")] = Path("build/store"),
    known: Annotated[
        list[str] | None, typer.Option("--known", help="IRI or label the learner has (repeat).")
    ] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", help="Follow requires edges at least this sure.")
    ] = 0.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show what to learn, in what order, to reach TARGET."""
    from graphbuilder.algorithms import load_graph
    from graphbuilder.settings import get_settings
    from graphbuilder.store.oxigraph import OxigraphStore

    G = load_graph(OxigraphStore(store, get_settings().base_iri, read_only=True))
    code, answer = path_answer(G, target, known or [], min_confidence)
    if as_json:
        typer.echo(json.dumps(answer, ensure_ascii=False, indent=1))
    else:
        _print_text(answer)
    if code:
        raise typer.Exit(code)


def register(app: typer.Typer) -> None:
    """Attach the ``path`` command."""
    app.command("path")(path)
