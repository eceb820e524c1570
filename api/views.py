"""Read views the routes answer with: a major (and the technologies it aligns to), an
occupation, a technology, reviewed edges.

Each is a few SPARQL queries over the store's live graphs; node labels and kinds come from
the label index, so a view costs no query per neighbour. Review decisions in the curated graph
are laid over what the build stated: a rejected alignment shows as ``rejected`` at once, and
the technology views leave it out, before a rebuild drops it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

from graphbuilder.model.iris import KIND_PATHS
from graphbuilder.ontology.namespace import RDF
from graphbuilder.store.mapping import term
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.reviews import review_iri
from graphbuilder.store.search import LabelIndex

_SUBJ, _PRED, _OBJ = (f"<{RDF.subject}>", f"<{RDF.predicate}>", f"<{RDF.object}>")


@dataclass(frozen=True, slots=True)
class Ref:
    """A node named in a view: IRI, kind, preferred label and, for courses, its type."""

    iri: str
    kind: str
    label: str
    course_type: str | None = None


@dataclass(frozen=True, slots=True)
class AlignedTechnology:
    """A technology with the courses and skills aligned to it: (ref, score, status) each."""

    ref: Ref
    via: tuple[tuple[Ref, float | None, str], ...]

    @property
    def score(self) -> float | None:
        """The best score of its alignments."""
        return max((s for _, s, _ in self.via if s is not None), default=None)


@dataclass(frozen=True, slots=True)
class ReviewedEdge:
    """An inferred edge with its score and review status (the curated decision, if any)."""

    subject: str
    object: str
    score: float | None
    status: str


def _rows(store: OxigraphStore, sparql: str) -> list[dict[str, str]]:
    out = []
    for row in store.query(sparql):  # type: ignore[attr-defined]
        # An unbound (or unprojected) variable reads as None.
        values = {var: row[var] for var in ("a", "b", "c", "d")}
        out.append({k: v.value for k, v in values.items() if v is not None})
    return out


def refs(index: LabelIndex, iris: Iterable[str], kinds: tuple[str, ...] = ()) -> list[Ref]:
    """The indexed nodes among ``iris`` (of ``kinds``, if given), by label."""
    out = {}
    for iri in iris:
        e = index.get(iri)
        if e is not None and (not kinds or e.kind in kinds):
            out[iri] = Ref(iri, e.kind, e.label)
    return sorted(out.values(), key=lambda r: (r.label, r.iri))


def major_view(store: OxigraphStore, index: LabelIndex, iri: str) -> dict[str, list[Ref]]:
    """A major's courses (with their type), skills, knowledge points, occupations, certificates."""
    m, has, teaches = NamedNode(iri), term("hasPart"), term("teaches")
    courses = _rows(
        store,
        f"SELECT ?a (SAMPLE(?t) AS ?b) WHERE {{ {m} {has} ?a . OPTIONAL {{ ?st {_SUBJ} {m} ;"
        f" {_PRED} {has} ; {_OBJ} ?a ; {term('courseType')} ?t }} }} GROUP BY ?a",
    )
    typed = {r["a"]: r.get("b") for r in courses}
    course_refs = [
        Ref(r.iri, r.kind, r.label, typed.get(r.iri))
        for r in refs(index, typed, ("Course", "Module"))
    ]
    taught = [
        r["a"]
        for r in _rows(store, f"SELECT DISTINCT ?a WHERE {{ {m} {has}* ?p . ?p {teaches} ?a }}")
    ]
    return {
        "courses": sorted(course_refs, key=lambda r: (r.course_type or "~", r.label)),
        "skills": refs(index, taught, ("Skill",)),
        "knowledge_points": refs(index, taught, ("KnowledgePoint",)),
        "occupations": refs(index, _objects(store, m, "preparesFor"), ("Occupation",)),
        "certificates": refs(index, _subjects(store, "certifies", m), ("Certificate",)),
        "continues_to": refs(index, _objects(store, m, "continuesTo"), ("Major",)),
    }


def aligned_technologies(
    store: OxigraphStore, index: LabelIndex, sources: Iterable[Ref]
) -> list[AlignedTechnology]:
    """The technologies ``sources`` (a major's courses and skills) align to, most aligned first.

    Each alignment carries its best score and its review status (a person's decision over
    the build's); rejected alignments are left out.
    """
    by_iri = {r.iri: r for r in sources}
    if not by_iri:
        return []
    aligns = term("alignsTo")
    values = " ".join(str(NamedNode(i)) for i in by_iri)
    rows = _rows(
        store,
        f"SELECT ?a ?b (MAX(?s) AS ?c) (SAMPLE(?r) AS ?d) WHERE {{ VALUES ?a {{ {values} }}"
        f" ?a {aligns} ?b OPTIONAL {{ ?st {_SUBJ} ?a ; {_PRED} {aligns} ; {_OBJ} ?b ."
        f" OPTIONAL {{ ?st {term('score')} ?s }} OPTIONAL {{ ?st {term('reviewStatus')} ?r }} }}"
        f" }} GROUP BY ?a ?b",
    )
    via: dict[str, list[tuple[Ref, float | None, str]]] = {}
    for r in rows:
        status = _decision(store, (r["a"], aligns.value, r["b"])) or r.get("d", "auto")
        if status != "rejected":
            score = float(r["c"]) if "c" in r else None
            via.setdefault(r["b"], []).append((by_iri[r["a"]], score, status))
    out = [
        AlignedTechnology(t, tuple(sorted(via[t.iri], key=lambda v: (v[0].label, v[0].iri))))
        for t in refs(index, via, ("Technology",))
    ]
    return sorted(out, key=lambda t: (-len(t.via), -(t.score or 0.0), t.ref.label, t.ref.iri))


def occupation_view(store: OxigraphStore, index: LabelIndex, iri: str) -> dict[str, list[Ref]]:
    """An occupation's tasks, the skills it or its tasks need, and the majors preparing for it."""
    o = NamedNode(iri)
    needs, performs = term("needsSkill"), term("performs")
    skills = _rows(
        store,
        f"SELECT DISTINCT ?a WHERE {{ {{ {o} {needs} ?a }}"
        f" UNION {{ {o} {performs}/{needs} ?a }} }}",
    )
    return {
        "tasks": refs(index, _objects(store, o, "performs"), ("Task",)),
        "skills": refs(index, (r["a"] for r in skills), ("Skill",)),
        "majors": refs(index, _subjects(store, "preparesFor", o), ("Major",)),
    }


def technology_view(store: OxigraphStore, index: LabelIndex, iri: str) -> dict[str, list[Ref]]:
    """The courses and majors that teach a technology: aligned themselves or through parts."""
    t, aligns = NamedNode(iri), term("alignsTo")
    path = f"({term('hasPart')}|{term('teaches')})*"
    rows = _rows(store, f"SELECT DISTINCT ?a ?b WHERE {{ ?b {aligns} {t} . ?a {path} ?b }}")
    rejected = {
        v for v in {r["b"] for r in rows} if _decision(store, (v, aligns.value, iri)) == "rejected"
    }
    holders = [r["a"] for r in rows if r["b"] not in rejected]
    return {
        "courses": refs(index, holders, ("Course",)),
        "majors": refs(index, holders, ("Major",)),
    }


def reviewed_edges(store: OxigraphStore, iri: str, kind: str) -> list[ReviewedEdge]:
    """The ``alignsTo`` or ``requires`` edges at a node (either end), with score and status."""
    n, p = NamedNode(iri), term(kind)
    rows = _rows(
        store,
        f"SELECT ?a ?b (SAMPLE(?s) AS ?c) (SAMPLE(?r) AS ?d) WHERE {{"
        f" {{ BIND({n} AS ?a) {n} {p} ?b }} UNION {{ ?a {p} {n} BIND({n} AS ?b) }}"
        f" OPTIONAL {{ ?st {_SUBJ} ?a ; {_PRED} {p} ; {_OBJ} ?b ."
        f" OPTIONAL {{ ?st {term('score')} ?s }} OPTIONAL {{ ?st {term('reviewStatus')} ?r }} }}"
        f" }} GROUP BY ?a ?b",
    )
    out = []
    for r in rows:
        decided = _decision(store, (r["a"], p.value, r["b"]))
        score = float(r["c"]) if "c" in r else None
        out.append(ReviewedEdge(r["a"], r["b"], score, decided or r.get("d", "auto")))
    return sorted(out, key=lambda e: (e.subject, e.object))


def fact_exists(store: OxigraphStore, fact: tuple[str, str, str]) -> bool:
    """Whether the graph states ``fact`` (or a review already names it)."""
    s, p, o = (NamedNode(x) for x in fact)
    ask = store.query(f"ASK {{ {s} {p} {o} }}")
    return bool(ask) or _decision(store, fact) is not None


def _decision(store: OxigraphStore, fact: tuple[str, str, str]) -> str | None:
    r = review_iri(store, fact)
    for q in store.raw.quads_for_pattern(r, term("reviewStatus"), None, store.curated):
        if isinstance(q.object, Literal):
            return q.object.value
    return None


def _objects(store: OxigraphStore, s: NamedNode, kind: str) -> list[str]:
    return [r["a"] for r in _rows(store, f"SELECT DISTINCT ?a WHERE {{ {s} {term(kind)} ?a }}")]


def _subjects(store: OxigraphStore, kind: str, o: NamedNode) -> list[str]:
    return [r["a"] for r in _rows(store, f"SELECT DISTINCT ?a WHERE {{ ?a {term(kind)} {o} }}")]


def resolve_iri(store: OxigraphStore, ref: str) -> str:
    """A node reference as an IRI: a full IRI, or a kind path and key such as ``major/510201``.

    Raises:
        ValueError: neither a valid IRI nor a known kind path.
    """
    if "://" in ref or ref.startswith("urn:"):
        return NamedNode(ref).value
    kind_path, _, key = ref.strip("/").partition("/")
    if kind_path not in KIND_PATHS.values() or not key or "/" in key:
        raise ValueError(
            f"{ref!r} is neither an IRI nor kind/key with a kind of {sorted(KIND_PATHS.values())}"
        )
    return NamedNode(f"{store.base}{kind_path}/{key}").value
