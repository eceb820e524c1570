"""Read one node: its kinds, labels, attributes, edges and evidence."""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode

from graphbuilder.model import EDGE_KINDS
from graphbuilder.ontology.namespace import GB
from graphbuilder.store.mapping import (
    PROV_DERIVED,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
    literal_text,
    term,
)
from graphbuilder.store.oxigraph import OxigraphStore

_EDGE_PREDICATES = {term(k).value: k for k in EDGE_KINDS}


_PREFERRED = {"zh": 0, "en": 1}  # label languages in order of preference; any other after


def _label(store: OxigraphStore, iri: str) -> str | None:
    """The node's label: Chinese when it has one, else English, else any."""
    best: tuple[int, str] | None = None
    for q in store.raw.quads_for_pattern(NamedNode(iri), RDFS_LABEL, None, None):
        o = q.object
        lang = o.language if isinstance(o, Literal) else None
        rank = (_PREFERRED.get(lang or "", 2), literal_text(o))
        if best is None or rank < best:
            best = rank
    return best[1] if best else None


def node_view(store: OxigraphStore, iri: str, *, max_edges: int = 500) -> dict[str, object] | None:
    """A JSON-ready view of the node ``iri``, or ``None`` when the graph lacks it."""
    s = NamedNode(iri)
    kinds: set[str] = set()
    labels: dict[str, set[str]] = {}
    attributes: dict[str, set[str]] = {}
    edges: dict[tuple[str, str, str], None] = {}
    ns = str(GB)
    for q in store.raw.quads_for_pattern(s, None, None, None):
        p, o = q.predicate, q.object
        if p == RDF_TYPE and isinstance(o, NamedNode) and o.value.startswith(ns):
            kinds.add(o.value[len(ns) :])
        elif p in (RDFS_LABEL, SKOS_ALT) and isinstance(o, Literal):
            key = "alt" if p == SKOS_ALT else (o.language or "und")
            labels.setdefault(key, set()).add(o.value)
        elif p.value in _EDGE_PREDICATES and isinstance(o, NamedNode):
            edges[(_EDGE_PREDICATES[p.value], "out", o.value)] = None
        elif p.value.startswith(ns) and isinstance(o, Literal):
            attributes.setdefault(p.value[len(ns) :], set()).add(o.value)
    if not kinds:
        return None
    for q in store.raw.quads_for_pattern(None, None, s, None):
        if q.predicate.value in _EDGE_PREDICATES and isinstance(q.subject, NamedNode):
            edges[(_EDGE_PREDICATES[q.predicate.value], "in", q.subject.value)] = None
    docs = store.documents()
    provenance = []
    for q in store.raw.quads_for_pattern(None, RDF_SUBJECT, s, None):
        st = q.subject
        # The reified statements of the node's own type carry the node's provenance.
        if next(store.raw.quads_for_pattern(st, RDF_PREDICATE, RDF_TYPE, None), None) is None:
            continue
        fields: dict[str, str] = {}
        for a in store.raw.quads_for_pattern(st, None, None, None):
            if a.predicate == PROV_DERIVED:
                fields["document"] = literal_text(a.object)
            elif a.predicate.value.startswith(ns):
                fields[a.predicate.value[len(ns) :]] = literal_text(a.object)
        doc_id = fields.get("document", "").rsplit("/", 1)[-1]
        provenance.append(
            {
                "document": fields.get("document", ""),
                "path": docs[doc_id].path if doc_id in docs else None,
                "start": int(fields.get("charStart", 0)),
                "end": int(fields.get("charEnd", 0)),
                "extractor": fields.get("extractor", ""),
                "confidence": float(fields.get("confidence", 1.0)),
            }
        )
    return {
        "iri": iri,
        "kinds": sorted(kinds),
        "labels": {k: sorted(v) for k, v in sorted(labels.items())},
        "attributes": {k: sorted(v) for k, v in sorted(attributes.items())},
        "edges": [
            {"kind": k, "direction": d, "iri": o, "label": _label(store, o)}
            for (k, d, o) in sorted(edges)[:max_edges]
        ],
        "provenance": sorted(provenance, key=lambda p: (str(p["path"]), p["start"])),
    }
