"""Every format exports a real slice of the national graph and passes its format's validator.

The slice: the shipped catalogue, the shipped 专业-职业对照表 and the whole 5102 计算机类
teaching standard (thirteen majors, none cut short) built from ``corpora/``, exported with
``--major`` for three majors the fixture corpus lacks. Each export is read by its format's own
validator: Oxigraph's strict RDF parsers, two JSON-LD processors (Oxigraph, and pyld with a
document loader that refuses every load), pyshacl with the project and SKOS/LRMI shapes, the
CASE 1.1 JSON schema, networkx, and the header rules of ``neo4j-admin database import``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from pathlib import Path

import jsonschema
import networkx as nx
import pytest
from pyld import jsonld
from pyoxigraph import Quad, RdfFormat, parse, serialize
from rdflib import Graph

from graphbuilder.export import EXPORTERS, Selection
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.ontology.shacl import ontology_dir, validate
from graphbuilder.pipeline import build
from graphbuilder.store.oxigraph import OxigraphStore
from tests.export.test_neo4j_csv import _command, check_header, check_value

ROOT = Path(__file__).resolve().parents[2]
BASE = "https://w3id.org/graphbuilder/id/"
GB = "https://w3id.org/graphbuilder/ontology#"
MAJORS = ("510206", "510209", "510212")  # 云计算, 人工智能, 区块链 技术应用
SOURCES = (
    "corpora/moe/职业教育专业目录.xlsx",
    "corpora/moe/专业-职业对照表.xlsx",
    "corpora/moe/standards/5102计算机类.md",
)
DOUBLE = re.compile(rb'"([^"]*)"(\^\^<http://www.w3.org/2001/XMLSchema#double>)')
STRICT = {"turtle": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES}
DATASETS = {"nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG}


def _offline(url: str, options: object = None) -> dict[str, object]:
    raise AssertionError(f"the JSON-LD processor tried to load {url}")


OFFLINE = {"documentLoader": _offline}


def _triples(quads: Iterable[Quad]) -> set[bytes]:
    """Quads as N-Triples lines, named graphs merged."""
    merged = [Quad(q.subject, q.predicate, q.object) for q in quads]
    return set((serialize(merged, None, RdfFormat.N_TRIPLES) or b"").splitlines()) - {b""}


def _pyld_triples(path: Path) -> set[bytes]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    nquads = jsonld.to_rdf(doc, {"format": "application/n-quads", **OFFLINE})
    return _triples(parse(nquads.encode("utf-8"), RdfFormat.N_QUADS))


def _canonical_doubles(lines: set[bytes]) -> set[bytes]:
    """Every ``xsd:double`` literal spelt by its value (pyld 3 rewrites their lexical form)."""
    return {DOUBLE.sub(lambda m: b'"%r"' % float(m[1]) + m[2], line) for line in lines}


def _conforms(lines: set[bytes], shapes: Path | None = None) -> None:
    graph = Graph().parse(data=b"\n".join(lines).decode("utf-8"), format="nt")
    report = validate(graph, shapes=Graph().parse(shapes) if shapes else None)
    assert report.conforms, report.text[:2000]


@pytest.fixture(scope="module")
def slice_store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    path = tmp_path_factory.mktemp("slice") / "store"
    summary = build([ROOT / s for s in SOURCES], path)
    assert summary.failed == []
    return OxigraphStore(path, BASE, read_only=True)


@pytest.fixture(scope="module")
def exports(
    slice_store: OxigraphStore, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("slice-exports")
    selection = Selection(majors=MAJORS)
    paths = {}
    for name, fmt in EXPORTERS.items():
        paths[name] = out / f"graph-{name}{fmt.suffix}"
        fmt(slice_store, paths[name], selection)
    return paths


@pytest.fixture(scope="module")
def kept(slice_store: OxigraphStore) -> frozenset[str]:
    iris = Selection(majors=MAJORS).resolve(GraphReader(slice_store))
    assert iris is not None
    return iris


def test_rdf_formats_parse_strictly_to_one_conforming_subgraph(
    exports: dict[str, Path], slice_store: OxigraphStore
) -> None:
    graphs = {
        f: _triples(parse(path=exports[f], format=r, without_named_graphs=True))
        for f, r in STRICT.items()
    }
    quads = {f: list(parse(path=exports[f], format=r)) for f, r in DATASETS.items()}
    store_quads = set(
        (serialize(slice_store.content_quads(), None, RdfFormat.N_QUADS) or b"").splitlines()
    )
    for f, qs in quads.items():
        lines = set((serialize(qs, None, RdfFormat.N_QUADS) or b"").splitlines()) - {b""}
        assert lines <= store_quads, f"{f}: quads the store does not hold in that graph"
        graphs[f] = _triples(qs)
    nt = graphs["nt"]
    assert nt <= set(slice_store.sorted_ntriples().splitlines())
    assert all(g == nt for g in graphs.values()), {f: len(g) for f, g in graphs.items()}
    for code in MAJORS:
        assert any(f"/major/{code}> <{GB}code>".encode() in t for t in nt), code
    _conforms(nt)


def test_json_ld_expands_offline_to_the_same_subgraph(exports: dict[str, Path]) -> None:
    nt = _triples(parse(path=exports["nt"], format=RdfFormat.N_TRIPLES))
    assert _triples(parse(path=exports["jsonld"], format=RdfFormat.JSON_LD)) == nt
    assert _canonical_doubles(_pyld_triples(exports["jsonld"])) == _canonical_doubles(nt)


def test_skos_and_lrmi_meet_their_shapes(exports: dict[str, Path], kept: frozenset[str]) -> None:
    here = Path(__file__).parent
    skos = _triples(parse(path=exports["skos"], format=RdfFormat.TURTLE))
    _conforms(skos, here / "skos-shapes.ttl")
    lrmi = _pyld_triples(exports["lrmi"])
    _conforms(lrmi, here / "lrmi-shapes.ttl")
    courses = [i for i in kept if "/course/" in i]
    assert courses and all(any(f"<{c}> ".encode() in t for t in lrmi) for c in courses)


def test_case_packages_validate_one_per_major(exports: dict[str, Path]) -> None:
    schema = json.loads((ontology_dir() / "case-1.1-schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    packages = sorted(exports["case"].glob("*.json"))
    assert [p.stem for p in packages] == list(MAJORS)
    for p in packages:
        errors = [e.message for e in validator.iter_errors(json.loads(p.read_text("utf-8")))]
        assert errors == [], p.name


def test_graphml_and_neo4j_csv_hold_the_slice(
    exports: dict[str, Path], kept: frozenset[str], slice_store: OxigraphStore
) -> None:
    reader = GraphReader(slice_store)
    edges = [e for iri in kept for e in reader.out_edges(iri) if e.target in kept]
    g = nx.read_graphml(exports["graphml"])
    assert {d["iri"] for _, d in g.nodes(data=True)} == set(kept)
    assert g.number_of_edges() == len(edges)
    folder = exports["neo4j-csv"]
    args = _command(folder)
    delimiter = dict(a[2:].split("=", 1) for a in args if a.startswith("--"))["array-delimiter"]
    rows = {"nodes": 0, "relationships": 0}
    for arg in (a for a in args if a.startswith(("--nodes=", "--relationships="))):
        what, name = arg[2:].split("=", 1)
        with (folder / name).open(encoding="utf-8", newline="") as f:
            table = list(csv.reader(f))
        columns = check_header(table[0], what)["columns"]
        for row in table[1:]:
            rows[what] += 1
            for cell, col in zip(row, columns, strict=True):
                if cell and col["type"] not in ("ID", "START_ID", "END_ID", "LABEL", "TYPE"):
                    check_value(cell, col["type"].lower(), col["array"], delimiter)
    assert rows == {"nodes": len(kept), "relationships": len(edges)}


def test_every_format_is_checked_above(exports: dict[str, Path]) -> None:
    others = {"jsonld", "skos", "lrmi", "case", "graphml", "neo4j-csv"}
    assert set(exports) == set(STRICT) | set(DATASETS) | others
