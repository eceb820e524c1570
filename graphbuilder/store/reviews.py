"""Human review decisions on inferred facts, kept in the curated graph.

A review names its fact by subject, predicate and object (not by a statement IRI, which
changes with every build), so a decision survives rebuilds. Derived stages read
:func:`reviews` and let a decision win: a rejected fact is not emitted again, an accepted
one is emitted whatever its score.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal as TypingLiteral

from pyoxigraph import Literal, NamedNode, Quad

from graphbuilder.model.iris import digest
from graphbuilder.ontology.namespace import XSD
from graphbuilder.store.mapping import RDF_TYPE, term
from graphbuilder.store.oxigraph import OxigraphStore

ReviewStatus = TypingLiteral["accepted", "rejected"]
Fact = tuple[str, str, str]


def review_iri(store: OxigraphStore, fact: Fact) -> NamedNode:
    """The IRI of the review of ``fact`` (one review per fact; a new decision replaces it)."""
    return NamedNode(f"{store.base}review/{digest(*fact, size=24)}")


def set_review(
    store: OxigraphStore,
    fact: Fact,
    status: ReviewStatus,
    *,
    reviewer: str,
    at: datetime | None = None,
) -> None:
    """Record a decision on ``fact`` = (subject IRI, predicate IRI, object IRI), atomically.

    Args:
        store: a store opened for writing.
        fact: the fact decided on, as full IRIs.
        status: ``accepted`` or ``rejected``.
        reviewer: who decided (an API key's name).
        at: when (default: now, UTC).
    """
    r = review_iri(store, fact)
    when = (at or datetime.now(UTC)).isoformat(timespec="seconds")
    g = store.curated
    quads = [
        Quad(r, RDF_TYPE, term("Review"), g),
        Quad(r, term("reviewedSubject"), NamedNode(fact[0]), g),
        Quad(r, term("reviewedPredicate"), NamedNode(fact[1]), g),
        Quad(r, term("reviewedObject"), NamedNode(fact[2]), g),
        Quad(r, term("reviewStatus"), Literal(status), g),
        Quad(r, term("reviewedBy"), Literal(reviewer), g),
        Quad(r, term("reviewedAt"), Literal(when, datatype=NamedNode(str(XSD.dateTime))), g),
    ]
    data = " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
    store.raw.update(
        f"DELETE WHERE {{ GRAPH {g} {{ {r} ?p ?o }} }} ;\nINSERT DATA {{ GRAPH {g} {{ {data} }} }}"
    )


def clear_review(store: OxigraphStore, fact: Fact) -> None:
    """Forget the decision on ``fact`` (the build's inference applies again)."""
    r = review_iri(store, fact)
    store.raw.update(f"DELETE WHERE {{ GRAPH {store.curated} {{ {r} ?p ?o }} }}")


def reviews(store: OxigraphStore) -> dict[Fact, ReviewStatus]:
    """Every decision in the curated graph, by fact."""
    out: dict[Fact, ReviewStatus] = {}
    res = store.raw.query(
        f"SELECT ?s ?p ?o ?status WHERE {{ GRAPH {store.curated} {{ ?r a {term('Review')} ;"
        f" {term('reviewedSubject')} ?s ; {term('reviewedPredicate')} ?p ;"
        f" {term('reviewedObject')} ?o ; {term('reviewStatus')} ?status }} }}"
    )
    for row in res:  # type: ignore[union-attr]
        status = row["status"].value
        if status in ("accepted", "rejected"):
            out[(row["s"].value, row["p"].value, row["o"].value)] = status
    return out


def reviews_fingerprint(store: OxigraphStore, predicate: str) -> str:
    """A hash of every decision on facts with ``predicate`` (a derived stage's input)."""
    decided = sorted(
        f"{s} {o} {status}" for (s, p, o), status in reviews(store).items() if p == predicate
    )
    return digest(predicate, *decided, size=32)
