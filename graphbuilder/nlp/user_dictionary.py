"""The words the Chinese tokenizer must keep whole: ontology labels, course, certificate and
technology names.

Sources, each optional but the first: the Chinese labels of the ontology's classes
(知识点, 职业技能等级证书); every surface form of the technology taxonomy's table
(可编程逻辑控制器, S7-1200, Web 前端开发); and, from a built store, the labels of its Course,
Certificate and Technology nodes (the course names of the standards, the 1+X certificates,
the O*NET technology names). Nothing here imports spaCy.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph, Literal

from graphbuilder.nlp.technology import TAXONOMY_CSV, surface_forms
from graphbuilder.ontology import load_ontology
from graphbuilder.ontology.namespace import GB, RDFS, SKOS

STORE_KINDS = ("Course", "Certificate", "Technology")
MAX_TERM = 30


def ontology_terms(ontology: Graph | None = None) -> list[str]:
    """The Chinese labels and alternative labels of the ontology's terms.

    >>> "职业技能等级证书" in ontology_terms()
    True
    """
    g = ontology if ontology is not None else load_ontology()
    out = []
    for prop in (RDFS.label, SKOS.altLabel):
        for _, _, o in g.triples((None, prop, None)):
            if isinstance(o, Literal) and o.language == "zh":
                out.append(str(o))
    return out


def taxonomy_terms(path: Path | None = TAXONOMY_CSV) -> list[str]:
    """Every label and alias in the taxonomy's table, as written (none if it is absent)."""
    import csv

    if path is None or not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [form for row in csv.DictReader(fh) for form in surface_forms(row)]


def store_terms(store: Path, base_iri: str, kinds: Iterable[str] = STORE_KINDS) -> list[str]:
    """The labels of the store's nodes of ``kinds`` (opened read-only)."""
    from graphbuilder.store.oxigraph import OxigraphStore

    # Read-only: nothing to flush or close (OxigraphStore.close flushes, which a read-only
    # store refuses); the handle goes with the function.
    st = OxigraphStore(store, base_iri, read_only=True)
    out: list[str] = []
    for kind in kinds:
        rows = st.query(
            f"SELECT DISTINCT ?label WHERE {{ ?n a <{GB[kind]}> ; <{RDFS.label}> ?label }}"
        )
        out.extend(str(row[0].value) for row in rows)  # type: ignore[attr-defined]
    return out


def user_dictionary(
    *,
    store: Path | None = None,
    base_iri: str = "https://w3id.org/graphbuilder/id/",
    taxonomy: Path | None = TAXONOMY_CSV,
    extra: Iterable[str] = (),
) -> list[str]:
    """The user dictionary: unique terms of 2 to 30 characters, in a stable order.

    Args:
        store: a built store whose course, certificate and technology names are added.
        base_iri: the store's base IRI.
        taxonomy: the taxonomy's table (``None`` to leave it out).
        extra: more terms.
    """
    terms = [*ontology_terms(), *taxonomy_terms(taxonomy), *extra]
    if store is not None:
        terms.extend(store_terms(store, base_iri))
    seen: dict[str, None] = {}
    for t in terms:
        t = " ".join(t.split())
        if 2 <= len(t) <= MAX_TERM:
            seen.setdefault(t, None)
    return list(seen)
