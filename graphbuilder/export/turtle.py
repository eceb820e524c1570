"""Turtle export of the whole graph: deterministic, so two builds give identical bytes."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from pyoxigraph import RdfFormat, parse, serialize

from graphbuilder.model.iris import KIND_PATHS
from graphbuilder.ontology.namespace import GB, PROV, RDF, RDFS, SCHEMA, SKOS, XSD
from graphbuilder.store.oxigraph import OxigraphStore


def prefixes(base: str) -> dict[str, str]:
    """The prefixes every RDF export declares: vocabularies, then one per IRI family."""
    out = {
        "gb": str(GB),
        "prov": str(PROV),
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "schema": str(SCHEMA),
        "skos": str(SKOS),
        "xsd": str(XSD),
        "doc": f"{base}doc/",
        "stmt": f"{base}stmt/",
    }
    for path in KIND_PATHS.values():
        out[path.replace("-", "")] = f"{base}{path}/"
    return out


def export_turtle(store: OxigraphStore, out: Path | BinaryIO) -> int:
    """Write the graph as Turtle; return the number of triples written."""
    data = store.sorted_ntriples()
    target = str(out) if isinstance(out, Path) else out
    serialize(
        parse(data, RdfFormat.N_TRIPLES), target, RdfFormat.TURTLE, prefixes=prefixes(store.base)
    )
    return data.count(b"\n")
