"""Validate exports of a built store, each with its own format's validator, at any size.

RDF (``turtle``, ``nt``, ``nquads``, ``trig``): parsed back with Oxigraph's strict parser
(IRIs and literals checked, Turtle and N-Triples refused if they hold a named graph); the
set of triples (quads for the dataset formats, graph names included) must equal the
store's. Both sides are written as N-Triples/N-Quads lines by the same serialiser, so
equal sets mean equal graphs; should blank nodes appear, rdflib decides by isomorphism.
Equal graphs get equal SHACL results; ``--shacl`` runs pyshacl on the parsed export anyway.

JSON-LD (``jsonld``): turned into RDF by two JSON-LD 1.1 processors independent of our writer,
both offline: Oxigraph's streaming parser (which loads no remote context) and pyld (with a
document loader that refuses every load, a few thousand node objects at a time). Every key
the file uses must survive pyld's expansion (no undefined term dropped), and the RDF must
equal the store's triples (see :func:`validate_jsonld` for pyld and ``xsd:double``).

The other formats: ``skos`` and ``lrmi`` parse (LRMI through pyld, offline) and meet their
shapes in ``tests/export/``; ``case`` packages validate against the CASE 1.1 JSON schema;
``graphml`` is read by networkx with every node and edge; ``neo4j-csv`` meets the import
tool's header rules as ``tests/export/test_neo4j_csv.py`` states them.

Run: ``python benchmarks/validate_exports.py --store DIR --exports DIR [--shacl] [FORMAT ...]``
where ``DIR`` holds ``graph-<format><suffix>`` as ``benchmarks/exports.py`` writes them.
Prints one JSON line per format.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, DefaultGraph, Quad, RdfFormat, parse, serialize

from graphbuilder.export import EXPORTERS
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.model import NODE_KINDS
from graphbuilder.ontology.shacl import ontology_dir
from graphbuilder.settings import get_settings
from graphbuilder.store.oxigraph import OxigraphStore

ROOT = Path(__file__).resolve().parents[1]
CHUNK = 2000  # node objects per pyld call
_DOUBLE = re.compile(rb'"([^"]*)"(\^\^<http://www.w3.org/2001/XMLSchema#double>)')
RDF_FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
}


class Invalid(Exception):
    """An export failed its validator."""


def refuse_loading(url: str, options: object = None) -> dict[str, Any]:
    """A pyld document loader that loads nothing: the file must expand offline."""
    raise Invalid(f"the JSON-LD processor tried to load {url}: the file is not self-contained")


def lines(quads: Iterable[Quad], fmt: RdfFormat) -> set[bytes]:
    """The quads as a set of N-Triples or N-Quads lines (Oxigraph's canonical spelling)."""
    out = set((serialize(quads, None, fmt) or b"").split(b"\n"))
    out.discard(b"")
    return out


def has_blank(quads: Iterable[Quad]) -> bool:
    """Whether any quad holds a blank node."""
    return any(isinstance(t, BlankNode) for q in quads for t in (q.subject, q.object))


def compare(got: set[bytes], expected: set[bytes], fmt: RdfFormat) -> None:
    """Fail with a sample of the difference unless ``got`` is ``expected``."""
    if got == expected:
        return
    if b"_:" in b"".join(got) or b"_:" in b"".join(expected):  # blank nodes: isomorphism
        from rdflib import Dataset
        from rdflib.compare import isomorphic

        a, b = Dataset(), Dataset()
        a.parse(data=b"\n".join(got), format="nquads")
        b.parse(data=b"\n".join(expected), format="nquads")
        if isomorphic(a, b):
            return
    missing, extra = sorted(expected - got)[:5], sorted(got - expected)[:5]
    raise Invalid(
        f"{len(expected - got)} missing, {len(got - expected)} extra; "
        f"missing e.g. {[m.decode() for m in missing]}; extra e.g. {[x.decode() for x in extra]}"
    )


def store_lines(store: OxigraphStore, dataset: bool) -> set[bytes]:
    """What the store holds: its live graphs' quads, or their triples merged."""
    if dataset:
        return lines(store.content_quads(), RdfFormat.N_QUADS)
    return set(store.sorted_ntriples().splitlines())


def shacl_of(data: set[bytes], dataset: bool) -> frozenset[tuple[str, str, str]]:
    """The SHACL violations of a graph given as lines (a dataset's graphs merged)."""
    from rdflib import Graph

    from graphbuilder.ontology.shacl import validate

    graph = Graph()
    graph.parse(data=b"\n".join(lines(triples_of(data, dataset), RdfFormat.N_TRIPLES)), format="nt")
    return frozenset((v.focus_node, v.path, v.shape) for v in validate(graph).violations)


def triples_of(data: set[bytes], dataset: bool) -> Iterator[Quad]:
    """The lines parsed back, each quad moved to the default graph."""
    fmt = RdfFormat.N_QUADS if dataset else RdfFormat.N_TRIPLES
    for q in parse(b"\n".join(data), fmt):
        yield Quad(q.subject, q.predicate, q.object, DefaultGraph())


def validate_rdf(fmt: str, path: Path, store: OxigraphStore, shacl: bool) -> dict[str, Any]:
    """Strict parse, equal to the store's triples or quads, optionally equal SHACL results."""
    rdf_format = RDF_FORMATS[fmt]
    dataset = rdf_format in (RdfFormat.N_QUADS, RdfFormat.TRIG)
    out = RdfFormat.N_QUADS if dataset else RdfFormat.N_TRIPLES
    parsed = list(parse(path=path, format=rdf_format, without_named_graphs=not dataset))
    got = lines(parsed, out)
    duplicates = len(parsed) - len(got)
    blanks = has_blank(parsed)
    del parsed
    expected = store_lines(store, dataset)
    compare(got, expected, out)
    result: dict[str, Any] = {
        "quads" if dataset else "triples": len(got),
        "duplicates": duplicates,
        "blank_nodes": blanks,
    }
    if dataset:
        result["graphs"] = len({line.rsplit(b" ", 2)[-2] for line in got})
    if shacl:
        found, reference = shacl_of(got, dataset), shacl_of(expected, dataset)
        if found != reference:
            raise Invalid(f"SHACL differs: {len(found)} violations, the store has {len(reference)}")
        result["shacl_violations"] = len(found)
    return result


def jsonld_lines(path: Path) -> tuple[set[bytes], int]:
    """The RDF of a JSON-LD file as N-Triples lines, through pyld, offline; and its node count."""
    from pyld import jsonld  # type: ignore[import-untyped]

    text = path.read_text(encoding="utf-8")
    blank = '"_:' in text
    doc = json.loads(text)
    del text
    context, graph = doc["@context"], doc["@graph"]
    options = {"format": "application/n-quads", "documentLoader": refuse_loading}
    aliases = {k for k, v in context.items() if isinstance(v, str) and v.startswith("@")}
    keys = {k for obj in graph for k in obj if not k.startswith("@")} - aliases
    try:
        for key in sorted(keys):  # a key the context does not define expands to nothing
            probe = {"@context": context, "@id": "urn:probe", key: "x"}
            if not jsonld.expand(probe, {"documentLoader": refuse_loading}):
                raise Invalid(f"key {key!r} is no term of the context: its values are dropped")
        # blank node labels are scoped to one call: chunk only when the file names none
        size = len(graph) if blank else CHUNK
        got: set[bytes] = set()
        for start in range(0, len(graph), size):
            nquads = jsonld.to_rdf(
                {"@context": context, "@graph": graph[start : start + size]}, options
            )
            quads = list(parse(nquads.encode("utf-8"), RdfFormat.N_QUADS))
            if any(q.graph_name != DefaultGraph() for q in quads):
                raise Invalid("the JSON-LD export is one merged graph but names a graph")
            got |= lines(quads, RdfFormat.N_TRIPLES)
    except jsonld.JsonLdError as e:  # what the processor refused, with its reason
        raise Invalid(f"pyld: {e}") from e
    return got, len(graph)


def canonical_doubles(data: set[bytes]) -> set[bytes]:
    """Lines with every ``xsd:double`` literal in one canonical spelling (its value)."""

    def canon(m: re.Match[bytes]) -> bytes:
        return b'"' + repr(float(m[1])).encode() + b'"' + m[2]

    return {_DOUBLE.sub(canon, line) if b"#double>" in line else line for line in data}


def validate_jsonld(path: Path, store: OxigraphStore, shacl: bool) -> dict[str, Any]:
    """Two JSON-LD processors, offline, turn the file into exactly the store's triples.

    Oxigraph's streaming JSON-LD 1.1 parser (it loads no remote context) must give the
    store's triples term for term. pyld must give them too, but compared with doubles by
    value: pyld 3 rewrites a string under an ``xsd:double`` term (``"0.845"``) in canonical
    form (``"8.45E-1"``), where JSON-LD 1.1 (Object to RDF Conversion) canonicalises numbers
    only.
    """
    expected = store_lines(store, False)
    quads = parse(path=path, format=RdfFormat.JSON_LD)
    got = lines(quads, RdfFormat.N_TRIPLES)
    compare(got, expected, RdfFormat.N_TRIPLES)
    by_pyld, objects = jsonld_lines(path)
    compare(canonical_doubles(by_pyld), canonical_doubles(expected), RdfFormat.N_TRIPLES)
    result: dict[str, Any] = {"triples": len(got), "node_objects": objects}
    if shacl:
        found, reference = shacl_of(got, False), shacl_of(expected, False)
        if found != reference:
            raise Invalid(f"SHACL differs: {len(found)} violations, the store has {len(reference)}")
        result["shacl_violations"] = len(found)
    return result


def _shapes_conform(data: bytes, fmt: str, shapes_file: str) -> None:
    from rdflib import Graph

    from graphbuilder.ontology.shacl import validate

    graph = Graph().parse(data=data, format=fmt)
    shapes = Graph().parse(ROOT / "tests" / "export" / shapes_file, format="turtle")
    report = validate(graph, shapes=shapes)
    if not report.conforms:
        raise Invalid(f"{len(report.violations)} violations of {shapes_file}: {report.text[:500]}")


def validate_skos(path: Path, reader: GraphReader) -> dict[str, Any]:
    """Strict parse; every skill and knowledge point a concept; the SKOS shapes hold."""
    triples = lines(parse(path=path, format=RdfFormat.TURTLE), RdfFormat.N_TRIPLES)
    concept = b"<http://www.w3.org/2004/02/skos/core#Concept>"
    n = sum(1 for t in triples if t.endswith(concept + b" .") and b"#type>" in t)
    expected = sum(1 for k in ("Skill", "KnowledgePoint") for _ in reader.node_iris(k))
    if n < expected:
        raise Invalid(f"{n} concepts for {expected} skills and knowledge points")
    _shapes_conform(b"\n".join(triples), "nt", "skos-shapes.ttl")
    return {"triples": len(triples), "concepts": n}


def validate_lrmi(path: Path) -> dict[str, Any]:
    """pyld's RDF of the file, offline, parses strictly and meets the LRMI shapes."""
    got, objects = jsonld_lines(path)
    _shapes_conform(b"\n".join(got), "nt", "lrmi-shapes.ttl")
    return {"triples": len(got), "node_objects": objects}


def validate_case(path: Path) -> dict[str, Any]:
    """Every package validates against the CASE 1.1 JSON schema, formats checked."""
    import jsonschema  # type: ignore[import-untyped]

    schema = json.loads((ontology_dir() / "case-1.1-schema.json").read_text(encoding="utf-8"))
    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    validator = jsonschema.Draft7Validator(schema, format_checker=checker)
    packages = items = 0
    for file in sorted(path.glob("*.json")):
        package = json.loads(file.read_text(encoding="utf-8"))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(package)]
        if errors:
            raise Invalid(f"{file.name}: {errors[:3]}")
        packages += 1
        items += len(package.get("CFItems", []))
    if not packages:
        raise Invalid("no CASE package written")
    return {"packages": packages, "items": items}


def validate_graphml(path: Path, reader: GraphReader) -> dict[str, Any]:
    """networkx reads it back with the store's nodes and edges, kinds and labels."""
    import networkx as nx

    g = nx.read_graphml(path)
    nodes = sum(1 for k in NODE_KINDS for _ in reader.node_iris(k))
    edges = sum(1 for _ in reader.edges())
    if (g.number_of_nodes(), g.number_of_edges()) != (nodes, edges):
        raise Invalid(f"{g.number_of_nodes()}/{g.number_of_edges()} for {nodes}/{edges}")
    if any("kind" not in d or "label" not in d for _, d in g.nodes(data=True)):
        raise Invalid("a node without kind or label")
    return {"nodes": nodes, "edges": edges}


def validate_neo4j_csv(path: Path) -> dict[str, Any]:
    """The import tool's header rules on every file, ids unique, references resolved."""
    spec = importlib.util.spec_from_file_location(
        "neo4j_csv_rules", ROOT / "tests" / "export" / "test_neo4j_csv.py"
    )
    assert spec is not None and spec.loader is not None
    rules = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(rules)
    args = rules._command(path)
    delimiter = dict(a[2:].split("=", 1) for a in args if a.startswith("--"))["array-delimiter"]
    files = [(a.split("=", 1)[1], a[2:].split("=", 1)[0]) for a in args if a.startswith("--")]
    ids: dict[str, set[str]] = {}
    rows_seen = {"nodes": 0, "relationships": 0}
    for name, what in sorted(files, key=lambda f: f[1] != "nodes"):
        if what not in rows_seen:
            continue
        with (path / name).open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            try:
                columns = rules.check_header(next(reader), what)["columns"]
                for row in reader:
                    rows_seen[what] += 1
                    for cell, col in zip(row, columns, strict=True):
                        if col["type"] == "ID":
                            assert cell not in ids.setdefault(col["group"], set()), cell
                            ids[col["group"]].add(cell)
                        elif col["type"] in ("START_ID", "END_ID"):
                            assert cell in ids[col["group"]], f"{cell} names no node"
                        elif cell and col["type"] not in ("LABEL", "TYPE"):
                            rules.check_value(cell, col["type"].lower(), col["array"], delimiter)
            except (AssertionError, ValueError) as e:
                raise Invalid(f"{name}: {e}") from e
    return rows_seen


def validate(fmt: str, path: Path, store: OxigraphStore, shacl: bool) -> dict[str, Any]:
    """Run ``fmt``'s validator on the export at ``path``."""
    if fmt in RDF_FORMATS:
        return validate_rdf(fmt, path, store, shacl)
    reader = GraphReader(store)
    checks = {
        "jsonld": lambda: validate_jsonld(path, store, shacl),
        "skos": lambda: validate_skos(path, reader),
        "lrmi": lambda: validate_lrmi(path),
        "case": lambda: validate_case(path),
        "graphml": lambda: validate_graphml(path, reader),
        "neo4j-csv": lambda: validate_neo4j_csv(path),
    }
    result: dict[str, Any] = checks[fmt]()
    return result


def run(fmt: str, store_path: Path, exports: Path, shacl: bool) -> dict[str, Any]:
    """Validate one format's export; report time, what it held and pass or fail."""
    path = exports / f"graph-{fmt}{EXPORTERS[fmt].suffix}"
    store = OxigraphStore(store_path, get_settings().base_iri, read_only=True)
    start = time.perf_counter()
    try:
        counts, error = validate(fmt, path, store, shacl), ""
    except Invalid as e:
        counts, error = {}, str(e)
    except SyntaxError as e:  # a strict parser refused the file: where and why
        counts, error = {}, f"{e.filename}:{e.lineno}: {e.msg}"
    seconds = time.perf_counter() - start
    return {"format": fmt, "seconds": round(seconds, 1), "ok": not error, "error": error, **counts}


def main() -> int:
    """Validate every format (or those named) in this process; one JSON line each."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, required=True)
    parser.add_argument("--exports", type=Path, required=True)
    parser.add_argument("--shacl", action="store_true", help="run pyshacl on parsed RDF exports")
    parser.add_argument("formats", nargs="*", default=list(EXPORTERS))
    args = parser.parse_args()
    failed = False
    for fmt in args.formats:
        result = run(fmt, args.store, args.exports, args.shacl)
        failed |= not result["ok"]
        print(json.dumps(result, ensure_ascii=False), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
