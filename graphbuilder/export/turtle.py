"""Turtle export: deterministic, so two builds of the same input give identical bytes.

Canonical output needs every triple sorted before the first is written, so Turtle does not
stream: the distinct N-Triples lines are sorted in memory, then serialised with the prefixes.
"""

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


def sorted_lines(ntriples: bytes) -> bytes:
    """The distinct lines of an N-Triples document, sorted (its canonical form)."""
    lines = set(ntriples.split(b"\n"))
    lines.discard(b"")
    return b"".join(line + b"\n" for line in sorted(lines))


def write_turtle(data: bytes, base: str, out: Path | BinaryIO) -> int:
    """Write sorted N-Triples ``data`` as Turtle; return the number of triples."""
    target = str(out) if isinstance(out, Path) else out
    serialize(parse(data, RdfFormat.N_TRIPLES), target, RdfFormat.TURTLE, prefixes=prefixes(base))
    return data.count(b"\n")


def export_turtle(store: OxigraphStore, out: Path | BinaryIO) -> int:
    """Write the whole graph as Turtle; return the number of triples written."""
    return write_turtle(store.sorted_ntriples(), store.base, out)
