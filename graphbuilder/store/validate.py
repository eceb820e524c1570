"""SHACL validation of what a store holds (documents, records and curated edits merged)."""

from __future__ import annotations

from rdflib import Graph

from graphbuilder.ontology.shacl import ShaclReport, validate
from graphbuilder.store.oxigraph import OxigraphStore


def store_graph(store: OxigraphStore) -> Graph:
    """The union of the store's content graphs as one rdflib graph."""
    data = store.sorted_ntriples()
    graph = Graph()
    if data:
        graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def validate_store(store: OxigraphStore) -> ShaclReport:
    """Check the store's graph against the project's SHACL shapes."""
    return validate(store_graph(store))
