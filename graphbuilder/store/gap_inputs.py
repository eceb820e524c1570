"""Read the slice of the graph a gap report needs (``graphbuilder.algorithms.gaps``).

Every query is a single pattern with ``DISTINCT``: the union of the document graphs repeats a
triple once per document that states it (a node's type, in every standard that names it), so
joins there multiply rows (3 million for "major teaches skill" on the national graph, where
the edges alone are 30 thousand). Kinds are joined in Python instead.
"""

from __future__ import annotations

from pyoxigraph import Literal, NamedNode, QuerySolutions

from graphbuilder.algorithms.gaps import GapInputs
from graphbuilder.ontology.namespace import GB, SKOS
from graphbuilder.store.mapping import term
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.reviews import reviews

_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KINDS = ("Major", "Occupation", "Task", "Skill", "Course", "Technology")
# Documents whose relatedTo edges say what an occupation's work names: a task's technology
# mentions (a skill's relatedTo from a major's standard says what the major teaches).
DEMAND_DOCUMENTS = ("occupation-dictionary",)


def _rows(store: OxigraphStore, sparql: str) -> QuerySolutions:
    res = store.query(sparql)
    assert isinstance(res, QuerySolutions)
    return res


def _pairs(store: OxigraphStore, predicate: str) -> list[tuple[str, str]]:
    return [
        (row["s"].value, row["o"].value)
        for row in _rows(store, f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{predicate}> ?o }}")
    ]


def _literals(store: OxigraphStore, predicate: str) -> list[tuple[str, Literal]]:
    out = []
    for s, o in (
        (row["s"].value, row["o"])
        for row in _rows(store, f"SELECT DISTINCT ?s ?o WHERE {{ ?s <{predicate}> ?o }}")
    ):
        if isinstance(o, Literal):
            out.append((s, o))
    return out


def _demand_related(store: OxigraphStore) -> list[tuple[str, str]]:
    """The relatedTo edges stated by occupation documents (each one's own graph)."""
    pred = term("relatedTo")
    out: list[tuple[str, str]] = []
    for rec in store.documents().values():
        if rec.kind not in DEMAND_DOCUMENTS:
            continue
        graph = store.graph_name(rec.doc_id, rec.fingerprint)
        for q in store.raw.quads_for_pattern(None, pred, None, graph):
            if isinstance(q.subject, NamedNode) and isinstance(q.object, NamedNode):
                out.append((q.subject.value, q.object.value))
    return out


def read_gap_inputs(store: OxigraphStore) -> GapInputs:
    """Every major, occupation, task, skill, course and technology with the edges between.

    Alignments a person rejected (:mod:`graphbuilder.store.reviews`) are left out at once,
    without waiting for the next build to drop them; accepted ones are kept.
    """
    ns = str(GB)
    g = GapInputs()
    kinds = {f"{ns}{k}": k for k in KINDS}
    values = " ".join(f"<{k}>" for k in kinds)
    for row in _rows(
        store, f"SELECT DISTINCT ?s ?o WHERE {{ VALUES ?o {{ {values} }} ?s <{_RDF_TYPE}> ?o }}"
    ):
        g.kinds[row["s"].value] = kinds[row["o"].value]
    for s, lab in _literals(store, _RDFS_LABEL):
        if s in g.kinds and (s not in g.labels or lab.language == "zh"):
            g.labels[s] = lab.value
    for s, lab in _literals(store, str(SKOS.altLabel)):
        if g.kinds.get(s) == "Technology" and lab.language in ("zh", None, ""):
            g.alt_labels.setdefault(s, []).append(lab.value)
    for s, lab in _literals(store, f"{ns}code"):
        if g.kinds.get(s) == "Major":
            g.major_codes[lab.value] = s
    for s, lab in _literals(store, f"{ns}skillObject"):
        if g.kinds.get(s) == "Skill":
            g.skill_objects[s] = lab.value
    edges = {"preparesFor": g.prepares, "performs": g.tasks, "needsSkill": g.needs}
    for kind, table in edges.items():
        for s, o in _pairs(store, f"{ns}{kind}"):
            table[s].add(o)
    rejected = {
        (s, o)
        for (s, p, o), st in reviews(store).items()
        if p == f"{ns}alignsTo" and st == "rejected"
    }
    for s, o in _pairs(store, f"{ns}alignsTo"):
        if (s, o) not in rejected:
            g.aligns[s].add(o)
    for s, o in _demand_related(store):
        if g.kinds.get(o) == "Technology":
            g.related[s].add(o)
    for s, o in _pairs(store, f"{ns}hasPart"):
        if g.kinds.get(s) == "Major" and g.kinds.get(o) == "Course":
            g.courses[s].add(o)
    for s, o in _pairs(store, f"{ns}teaches"):
        if g.kinds.get(s) == "Major" and g.kinds.get(o) == "Skill":
            g.skills[s].add(o)
    for flag, into in (("hotTechnology", g.hot), ("inDemand", g.in_demand)):
        for row in _rows(store, f"SELECT DISTINCT ?t WHERE {{ ?t <{ns}{flag}> true }}"):
            into.add(row["t"].value)
    for s, lab in _literals(store, f"{ns}commodityTitle"):
        if g.kinds.get(s) == "Technology":
            g.categories.setdefault(s, []).append(lab.value)
    return g
