"""Exports, one module per format; ``EXPORTERS`` maps a format name to its writer.

Which formats stream (memory flat however large the graph) and which do not:

- stream: ``nt``, ``nquads``, ``trig`` (Oxigraph serialises quad by quad), ``jsonld``,
  ``lrmi`` (one object at a time), ``skos`` (concept by concept), ``graphml`` and
  ``neo4j-csv`` (from a spool on disk, see :mod:`graphbuilder.export.spool`), ``case``
  (one package per major, each built in memory: a major's size, not the graph's);
- do not: ``turtle``, whose canonical, sorted output sorts every line first.
"""

from __future__ import annotations

from graphbuilder.export.base import ExportFormat, ExportReport
from graphbuilder.export.case import export_case
from graphbuilder.export.graphml import export_graphml
from graphbuilder.export.jsonld import export_jsonld
from graphbuilder.export.lrmi import export_lrmi
from graphbuilder.export.neo4j_csv import export_neo4j_csv
from graphbuilder.export.rdf import (
    export_nquads,
    export_ntriples,
    export_trig,
    export_turtle_selection,
)
from graphbuilder.export.selection import Selection
from graphbuilder.export.skos import export_skos
from graphbuilder.export.turtle import export_turtle

_FORMATS = (
    ExportFormat(
        "turtle",
        "RDF Turtle, sorted and canonical (all documents merged)",
        ".ttl",
        False,
        export_turtle_selection,
    ),
    ExportFormat("nt", "RDF N-Triples (all documents merged)", ".nt", True, export_ntriples),
    ExportFormat("nquads", "RDF N-Quads, one named graph per document", ".nq", True, export_nquads),
    ExportFormat("trig", "RDF TriG, one named graph per document", ".trig", True, export_trig),
    ExportFormat(
        "jsonld",
        "JSON-LD with the published context (ontologies/context.jsonld)",
        ".jsonld",
        True,
        export_jsonld,
    ),
    ExportFormat(
        "skos",
        "skills and knowledge points as a SKOS concept scheme (Turtle), as ESCO publishes",
        ".ttl",
        True,
        export_skos,
    ),
    ExportFormat(
        "case", "1EdTech CASE 1.1 JSON, one CFPackage per major (a folder)", "", True, export_case
    ),
    ExportFormat(
        "lrmi",
        "resources and courses as schema.org/LRMI LearningResources (JSON-LD)",
        ".jsonld",
        True,
        export_lrmi,
    ),
    ExportFormat("graphml", "GraphML for networkx and Gephi", ".graphml", True, export_graphml),
    ExportFormat(
        "neo4j-csv",
        "CSVs for neo4j-admin database import full, with import.sh (a folder)",
        "",
        True,
        export_neo4j_csv,
    ),
)

EXPORTERS: dict[str, ExportFormat] = {f.name: f for f in _FORMATS}

__all__ = ["EXPORTERS", "ExportFormat", "ExportReport", "Selection", "export_turtle"]
