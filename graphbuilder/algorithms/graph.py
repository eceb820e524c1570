"""Load the built graph from a store into networkx, for the algorithms.

Nodes are IRIs with ``kind`` (Course, Skill, …) and ``label`` (Chinese first, else English);
a resource also has ``resource_type``, a skill split from a statement its ``object`` (the
object of its action, ``skillObject``: 数据库 of 应用数据库). Edges ``u → v`` carry
``kind``: the gb: edge kind, read "u kind v" (``requires``: u requires v). A ``requires``
edge also has ``confidence`` (the highest any statement gives), ``group`` (its OR group,
``""`` for AND), ``signals`` and ``review``. Between two nodes there is one edge; when
several kinds join them, ``requires`` wins (it is what the algorithms follow), otherwise the
first kind in :data:`EDGE_KINDS` order.

People's reviews apply as the graph is loaded, so a decision counts before the next build: a
rejected ``requires`` or ``alignsTo`` edge is left out, an accepted ``requires`` edge is added
(or kept) with confidence 1 and ``review="accepted"``.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from pyoxigraph import Literal, NamedNode

from graphbuilder.model import EDGE_KINDS, NODE_KINDS
from graphbuilder.ontology.namespace import SCHEMA
from graphbuilder.store.mapping import (
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    RDFS_LABEL,
    term,
)
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.reviews import reviews

_RESOURCE_TYPE = NamedNode(str(SCHEMA.learningResourceType))
_LANGUAGES = {"zh": 0, "en": 1}  # label preference; any other (or no) language after these


def _requires_attrs(store: OxigraphStore, live: set[Any]) -> dict[tuple[str, str], dict[str, Any]]:
    out: dict[tuple[str, str], dict[str, Any]] = {}
    raw = store.raw
    names = {term(n): n for n in ("confidence", "orGroup", "signal", "reviewStatus")}
    for q in raw.quads_for_pattern(None, RDF_PREDICATE, term("requires"), None):
        if q.graph_name not in live:
            continue
        s = o = ""
        conf, group, review = 1.0, "", "auto"
        signals: list[str] = []
        for a in raw.quads_for_pattern(q.subject, None, None, q.graph_name):
            v = a.object
            if a.predicate == RDF_SUBJECT and isinstance(v, NamedNode):
                s = v.value
            elif a.predicate == RDF_OBJECT and isinstance(v, NamedNode):
                o = v.value
            elif isinstance(v, Literal) and a.predicate in names:
                name = names[a.predicate]
                if name == "confidence":
                    conf = float(v.value)
                elif name == "orGroup":
                    group = v.value
                elif name == "signal":
                    signals.append(v.value)
                else:
                    review = v.value
        if not s or not o:
            continue
        old = out.setdefault(
            (s, o), {"confidence": conf, "group": group, "signals": (), "review": review}
        )
        # One statement that the prerequisite is simply needed makes it needed (AND).
        old["group"] = old["group"] if old["group"] == group else ""
        old["confidence"] = max(old["confidence"], conf)
        old["signals"] = tuple(sorted({*old["signals"], *signals}))
        if review != "auto":
            old["review"] = review
    return out


def load_graph(store: OxigraphStore) -> nx.DiGraph[str]:
    """The nodes and edges of the live graphs (document graphs and curated edits).

    Args:
        store: the store (read-only is enough).

    Returns:
        A directed graph as described in the module docstring.
    """
    raw = store.raw
    live = set(store.live_graphs())
    G: nx.DiGraph[str] = nx.DiGraph()
    for kind in NODE_KINDS:
        for q in raw.quads_for_pattern(None, RDF_TYPE, term(kind), None):
            s = q.subject
            if q.graph_name in live and isinstance(s, NamedNode) and s.value not in G:
                G.add_node(s.value, kind=kind, label="")
    ranks: dict[str, tuple[int, int, str]] = {}
    nodes = G.nodes
    for q in raw.quads_for_pattern(None, RDFS_LABEL, None, None):
        s, o = q.subject, q.object
        if not isinstance(s, NamedNode) or not isinstance(o, Literal) or s.value not in nodes:
            continue
        if q.graph_name not in live:
            continue
        rank = (_LANGUAGES.get(o.language or "", 2), len(o.value), o.value)
        if s.value not in ranks or rank < ranks[s.value]:
            ranks[s.value] = rank
            nodes[s.value]["label"] = o.value
    for q in raw.quads_for_pattern(None, _RESOURCE_TYPE, None, None):
        if q.subject.value in nodes and q.graph_name in live:  # type: ignore[union-attr]
            nodes[q.subject.value]["resource_type"] = q.object.value  # type: ignore[union-attr]
    for q in raw.quads_for_pattern(None, term("skillObject"), None, None):
        skill, obj = str(q.subject.value), q.object  # type: ignore[union-attr]
        if q.graph_name not in live or not isinstance(obj, Literal) or skill not in nodes:
            continue
        if nodes[skill]["kind"] == "Skill":
            nodes[skill].setdefault("object", obj.value)
    attrs = _requires_attrs(store, live)
    for kind in ("requires", *(k for k in EDGE_KINDS if k != "requires")):
        for q in raw.quads_for_pattern(None, term(kind), None, None):
            s, o = q.subject, q.object
            if q.graph_name not in live or not isinstance(s, NamedNode):
                continue
            if not isinstance(o, NamedNode) or G.has_edge(s.value, o.value):
                continue
            if s.value not in nodes or o.value not in nodes:
                continue
            data = attrs.get((s.value, o.value), {}) if kind == "requires" else {}
            G.add_edge(s.value, o.value, kind=kind, **data)
    _apply_reviews(store, G)
    return G


def _apply_reviews(store: OxigraphStore, G: nx.DiGraph[str]) -> None:
    requires, aligns = term("requires").value, term("alignsTo").value
    for (s, p, o), status in reviews(store).items():
        if p == aligns and status == "rejected" and G.has_edge(s, o):
            if G.edges[s, o].get("kind") == "alignsTo":
                G.remove_edge(s, o)
            continue
        if p != requires or s not in G or o not in G:
            continue
        if status == "rejected":
            if G.has_edge(s, o) and G.edges[s, o].get("kind") == "requires":
                G.remove_edge(s, o)
        else:
            old = dict(G.edges[s, o]) if G.has_edge(s, o) else {}
            signals = old.get("signals", ()) if old.get("kind") == "requires" else ()
            G.add_edge(
                s,
                o,
                kind="requires",
                confidence=1.0,
                group=old.get("group", ""),
                signals=signals,
                review="accepted",
            )
