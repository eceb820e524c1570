"""Build the real college documents of the shared data and show what each kind produced.

    .venv/bin/python benchmarks/college_documents.py [--shared ../shared/data] [--seed 9]

Reads the 人才培养方案 (gdou-2021-talent-training-plans), the textbook
(textbook-javascript-tutorial) and the 资源库 listing (resource-library-zyk-zhongyao) into a
temporary store, then prints, per document kind: documents built and failed, nodes and edges
by kind, and ten nodes drawn at random (fixed seed) with their attributes and the evidence
their provenance points at. These sources are development material (not redistributable): the
script skips cleanly when the folder is absent, and nothing it reads is copied anywhere.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from graphbuilder.ingest import render_source
from graphbuilder.pipeline import build
from graphbuilder.settings import get_settings
from graphbuilder.store.oxigraph import OxigraphStore

SOURCES = {
    "gdou-2021-talent-training-plans/knowledge/markdown/majors_raw": "人才培养方案",
    "textbook-javascript-tutorial": "textbook",
    "resource-library-zyk-zhongyao": "资源库 listing",
}
GB = "https://w3id.org/graphbuilder/ontology#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PROV = "http://www.w3.org/ns/prov#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"


def main() -> int:
    """Build, count, sample, print; 0 when the shared data is absent (nothing to do)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).parents[2] / "shared" / "data"
    )
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    sources = [args.shared / s for s in SOURCES if (args.shared / s).is_dir()]
    if not sources:
        print(f"skipped: no college documents under {args.shared}")
        return 0
    store_dir = Path(tempfile.mkdtemp(prefix="college-documents-")) / "store"
    summary = build(sources, store_dir)
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for o in summary.outcomes:
        by_kind[o.kind or "unread"][o.status] += 1
    print(f"build {summary.build_id}: {summary.count('built')} built, {len(summary.failed)} failed")
    for o in summary.failed:
        print(f"  ✗ {o.path}: {o.reason[:160]}")
    store = OxigraphStore(store_dir, get_settings().base_iri, read_only=True)
    roots = {str(p.resolve()) for p in sources}
    for kind in sorted(by_kind):
        if kind in ("derived", "unread"):
            continue
        _report(store, kind, dict(by_kind[kind]), roots, random.Random(args.seed))
    return 0


def _report(
    store: OxigraphStore, kind: str, outcomes: dict[str, int], roots: set[str], rng: random.Random
) -> None:
    print(f"\n== {kind}: {outcomes}")
    rows = store.query(
        f"""SELECT ?n ?type ?path ?start ?end WHERE {{
          ?st <{RDF}subject> ?n ; <{RDF}predicate> <{RDF}type> ; <{RDF}object> ?type ;
              <{PROV}wasDerivedFrom> ?d ; <{GB}charStart> ?start ; <{GB}charEnd> ?end .
          ?d <{GB}documentKind> "{kind}" ; <{GB}sourcePath> ?path .
        }}"""
    )
    nodes: dict[str, tuple[str, str, int, int]] = {}
    for r in rows:  # type: ignore[attr-defined]
        nodes.setdefault(
            r["n"].value,
            (
                r["type"].value.rsplit("#", 1)[-1],
                r["path"].value,
                int(r["start"].value),
                int(r["end"].value),
            ),
        )
    print("  nodes:", dict(Counter(t for t, *_ in nodes.values()).most_common()))
    edges = store.query(
        f"""SELECT ?p (COUNT(*) AS ?c) WHERE {{
          ?st <{RDF}predicate> ?p ; <{PROV}wasDerivedFrom> ?d . ?d <{GB}documentKind> "{kind}" .
          FILTER(?p != <{RDF}type>) }} GROUP BY ?p"""
    )
    print("  edges:", {r["p"].value.rsplit("#", 1)[-1]: int(r["c"].value) for r in edges})  # type: ignore[attr-defined]
    texts: dict[str, str] = {}
    for iri in rng.sample(sorted(nodes), min(10, len(nodes))):
        node_kind, path, start, end = nodes[iri]
        source = _source(path, roots, texts)
        evidence = source[start:end].replace("\n", "⏎")[:60] if source else "?"
        print(f"  - {node_kind:<14} {_label(store, iri)[:40]:<40} {_attrs(store, iri)}")
        print(f"      from {path} [{start}:{end}] «{evidence}»")


def _label(store: OxigraphStore, iri: str) -> str:
    rows = list(store.query(f"SELECT ?l WHERE {{ <{iri}> <{RDFS}label> ?l }}"))  # type: ignore[call-overload]
    return " / ".join(sorted({r["l"].value for r in rows})) or iri


def _attrs(store: OxigraphStore, iri: str) -> str:
    rows = store.query(
        f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o "
        f"FILTER(isLiteral(?o) && STRSTARTS(STR(?p), '{GB}')) }}"
    )
    found = {r["p"].value.rsplit("#", 1)[-1]: r["o"].value[:40] for r in rows}  # type: ignore[attr-defined]
    return str(found) if found else ""


def _source(path: str, roots: set[str], cache: dict[str, str]) -> str:
    if path not in cache:
        cache[path] = ""
        for root in roots:
            candidate = Path(root) / path
            if candidate.is_file():
                cache[path] = render_source(candidate)
                break
    return cache[path]


if __name__ == "__main__":
    sys.exit(main())
