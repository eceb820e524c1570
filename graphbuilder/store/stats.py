"""Counts of the graph: nodes per kind, edges per kind, distinct triples."""

from __future__ import annotations

from pyoxigraph import QuerySolutions

from graphbuilder.model import EDGE_KINDS, NODE_KINDS
from graphbuilder.ontology.namespace import GB
from graphbuilder.store.oxigraph import OxigraphStore


def graph_stats(store: OxigraphStore) -> dict[str, object]:
    """``{"nodes": {kind: n}, "edges": {kind: n}, "triples": n}`` over the union of graphs.

    Every kind appears, with 0 when the graph has none; an edge stated by two documents
    counts once.
    """
    ns = str(GB)
    kinds = " ".join(f"<{ns}{k}>" for k in NODE_KINDS)
    preds = " ".join(f"<{ns}{k}>" for k in EDGE_KINDS)
    nodes = dict.fromkeys(NODE_KINDS, 0)
    res = store.query(
        f"SELECT ?k (COUNT(DISTINCT ?n) AS ?c) WHERE {{ VALUES ?k {{ {kinds} }} ?n a ?k }} "
        "GROUP BY ?k"
    )
    assert isinstance(res, QuerySolutions)
    for row in res:
        nodes[row["k"].value[len(ns) :]] = int(row["c"].value)
    edges = dict.fromkeys(EDGE_KINDS, 0)
    res = store.query(
        "SELECT ?p (COUNT(*) AS ?c) WHERE { SELECT DISTINCT ?s ?p ?o WHERE "
        f"{{ VALUES ?p {{ {preds} }} ?s ?p ?o }} }} GROUP BY ?p"
    )
    assert isinstance(res, QuerySolutions)
    for row in res:
        edges[row["p"].value[len(ns) :]] = int(row["c"].value)
    graphs = " ".join(str(g) for g in store.live_graphs())
    res = store.raw.query(
        "SELECT (COUNT(*) AS ?c) WHERE { SELECT DISTINCT ?s ?p ?o WHERE "
        f"{{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }} }} }}"
    )
    assert isinstance(res, QuerySolutions)
    triples = int(next(iter(res))["c"].value)
    return {"nodes": nodes, "edges": edges, "triples": triples}
