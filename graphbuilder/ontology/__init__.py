"""The project ontology as code: the generated ``GB`` namespace and SHACL validation.

``namespace`` is generated from ``ontologies/graphbuilder.ttl`` by
``scripts/generate_namespace.py``; ``shacl`` checks a built graph against
``ontologies/shapes.ttl``. pyshacl is imported only when :func:`validate` runs.
"""

from __future__ import annotations

from graphbuilder.ontology.namespace import (
    CASE,
    GB,
    ONTOLOGY_IRI,
    OWL,
    PROV,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    XSD,
)
from graphbuilder.ontology.shacl import (
    ShaclReport,
    Violation,
    load_ontology,
    load_shapes,
    ontology_dir,
    validate,
)

__all__ = [
    "CASE",
    "GB",
    "ONTOLOGY_IRI",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "XSD",
    "ShaclReport",
    "Violation",
    "load_ontology",
    "load_shapes",
    "ontology_dir",
    "validate",
]
