"""Read the slice of the graph a gap report needs (``graphbuilder.algorithms.gaps``)."""

from __future__ import annotations

from pyoxigraph import Literal, QuerySolutions

from graphbuilder.algorithms.gaps import GapInputs
from graphbuilder.ontology.namespace import GB
from graphbuilder.store.oxigraph import OxigraphStore

_RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def _rows(store: OxigraphStore, sparql: str) -> QuerySolutions:
    res = store.query(sparql)
    assert isinstance(res, QuerySolutions)
    return res


def read_gap_inputs(store: OxigraphStore) -> GapInputs:
    """Every major, occupation, task, skill, course and technology with the edges between."""
    ns = str(GB)
    g = GapInputs()
    kinds = "gb:Major gb:Occupation gb:Task gb:Skill gb:Course gb:Technology"
    for row in _rows(
        store,
        f"PREFIX gb: <{ns}> SELECT ?n ?l WHERE {{ VALUES ?k {{ {kinds} }} ?n a ?k ; "
        f"<{_RDFS}label> ?l }}",
    ):
        iri, lab = row["n"].value, row["l"]
        if isinstance(lab, Literal) and (iri not in g.labels or lab.language == "zh"):
            g.labels[iri] = lab.value
    for row in _rows(
        store, f"PREFIX gb: <{ns}> SELECT ?m ?c WHERE {{ ?m a gb:Major ; gb:code ?c }}"
    ):
        g.major_codes[row["c"].value] = row["m"].value
    edges = {
        "preparesFor": g.prepares,
        "performs": g.tasks,
        "needsSkill": g.needs,
        "alignsTo": g.aligns,
    }
    for kind, table in edges.items():
        for row in _rows(store, f"PREFIX gb: <{ns}> SELECT ?s ?o WHERE {{ ?s gb:{kind} ?o }}"):
            table[row["s"].value].add(row["o"].value)
    for row in _rows(
        store,
        f"PREFIX gb: <{ns}> SELECT ?m ?c WHERE "
        "{ ?m a gb:Major ; gb:hasPart ?c . ?c a gb:Course }",
    ):
        g.courses[row["m"].value].add(row["c"].value)
    for row in _rows(
        store,
        f"PREFIX gb: <{ns}> SELECT ?m ?s WHERE {{ ?m a gb:Major ; gb:teaches ?s . ?s a gb:Skill }}",
    ):
        g.skills[row["m"].value].add(row["s"].value)
    for flag, into in (("hotTechnology", g.hot), ("inDemand", g.in_demand)):
        for row in _rows(store, f"PREFIX gb: <{ns}> SELECT ?t WHERE {{ ?t gb:{flag} true }}"):
            into.add(row["t"].value)
    for row in _rows(
        store,
        f"PREFIX gb: <{ns}> SELECT ?t ?c WHERE {{ ?t a gb:Technology ; gb:commodityTitle ?c }}",
    ):
        g.categories.setdefault(row["t"].value, []).append(row["c"].value)
    return g
