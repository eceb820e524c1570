"""The ``prerequisites`` derived stage: inferred ``requires`` edges as facts of their own graph.

Each edge's statement carries ``gb:confidence`` (on its provenance), ``gb:signal`` (the
signals that support it), ``gb:evidence`` (why, with the source spans, strongest claim
first, at most :data:`MAX_EVIDENCE`), ``gb:reviewStatus`` (``auto`` or ``accepted``) and,
for alternatives, ``gb:orGroup``.
"""

from __future__ import annotations

from graphbuilder.model import Edge, Facts, Provenance
from graphbuilder.model.records import AttrValue
from graphbuilder.ontology.namespace import GB
from graphbuilder.relations import STAGE_NAME, STAGE_VERSION
from graphbuilder.relations.evidence import Prerequisite
from graphbuilder.relations.infer import Inference, infer
from graphbuilder.relations.inputs import Curriculum, read_curriculum
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.reviews import reviews

MAX_EVIDENCE = 3


def _evidence(cur: Curriculum, edge: Prerequisite) -> tuple[str, ...]:
    out = []
    for e in edge.evidence[:MAX_EVIDENCE]:
        where = "; ".join(cur.cite(s) for s in e.spans[:4])
        out.append(f"[{e.signal} {e.confidence:.2f}] {e.note}" + (f" ({where})" if where else ""))
    return tuple(out)


def to_facts(cur: Curriculum, result: Inference, doc_id: str) -> Facts:
    """The inferred edges as facts whose provenance names ``doc_id``."""
    edges = []
    for e in result.edges:
        attrs: dict[str, AttrValue] = {
            "signal": e.signals,
            "evidence": _evidence(cur, e),
            "reviewStatus": e.review,
        }
        if e.group:
            attrs["orGroup"] = e.group
        prov = Provenance(
            doc_id=doc_id,
            start=0,
            end=0,
            extractor=STAGE_NAME,
            version=STAGE_VERSION,
            confidence=round(e.confidence, 4),
        )
        edges.append(
            Edge(
                source=e.concept,
                kind="requires",
                target=e.prerequisite,
                attrs=attrs,
                provenance=prov,
            )
        )
    warnings = [c.reason for c in result.cuts]
    warnings += [
        "cycle of accepted prerequisites left for review: "
        + " → ".join(cur.labels.get(n, n) for n in c)
        for c in result.stuck
    ]
    counts = ", ".join(f"{k} {v}" for k, v in sorted(result.edges_by_signal.items()))
    warnings.append(
        f"{len(result.edges)} requires edges ({counts}); {len(result.cuts)} cut to break cycles, "
        f"{result.rejected} rejected in review, {result.below} below confidence"
    )
    return Facts(doc_id=doc_id, edges=edges, warnings=warnings)


def run(store: OxigraphStore, doc_id: str) -> Facts:
    """Infer the prerequisites of the built graph in ``store`` (the stage's entry point)."""
    cur = read_curriculum(store, exclude_doc=doc_id)
    requires = str(GB.requires)
    decisions = {(s, o): status for (s, p, o), status in reviews(store).items() if p == requires}
    return to_facts(cur, infer(cur, decisions), doc_id)
