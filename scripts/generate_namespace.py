"""Generate ``graphbuilder/ontology/namespace.py`` from ``ontologies/graphbuilder.ttl``.

Usage::

    .venv/bin/python scripts/generate_namespace.py          # write the module
    .venv/bin/python scripts/generate_namespace.py --check  # exit 1 if it is stale

The output is deterministic (terms sorted by name within each kind), so regenerating an unchanged
ontology gives a byte-identical file and a test can compare the committed module with a fresh
rendering.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NamedTuple

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS

ROOT = Path(__file__).resolve().parents[1]
ONTOLOGY = ROOT / "ontologies" / "graphbuilder.ttl"
TARGET = ROOT / "graphbuilder" / "ontology" / "namespace.py"

VANN_URI = URIRef("http://purl.org/vocab/vann/preferredNamespaceUri")

# The kinds a generated attribute can have, in the order the module lists them.
KINDS: tuple[tuple[URIRef, str], ...] = (
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
    (OWL.AnnotationProperty, "Annotation properties"),
)


class Term(NamedTuple):
    """One term of the ontology namespace."""

    name: str
    label_en: str
    label_zh: str


def _label(graph: Graph, subject: URIRef, language: str) -> str:
    for value in graph.objects(subject, RDFS.label):
        if isinstance(value, Literal) and value.language == language:
            return str(value)
    raise SystemExit(f"{ONTOLOGY.name}: {subject} has no rdfs:label @{language}")


def _ontology_iri(graph: Graph) -> URIRef:
    iris = sorted(s for s in graph.subjects(RDF.type, OWL.Ontology) if isinstance(s, URIRef))
    if len(iris) != 1:
        raise SystemExit(f"{ONTOLOGY.name}: expected one owl:Ontology, found {len(iris)}")
    return iris[0]


def _namespace(graph: Graph, ontology: URIRef) -> str:
    value = graph.value(ontology, VANN_URI)
    if value is None:
        raise SystemExit(f"{ONTOLOGY.name}: the ontology has no vann:preferredNamespaceUri")
    return str(value)


def collect(graph: Graph, namespace: str) -> dict[str, list[Term]]:
    """Group the namespace's terms by kind, each group sorted by name.

    Args:
        graph: The parsed ontology.
        namespace: The IRI prefix whose terms become attributes.

    Returns:
        Section title to terms, in the order of ``KINDS``.
    """
    seen: set[str] = set()
    sections: dict[str, list[Term]] = {}
    for kind, title in KINDS:
        terms = []
        for subject in graph.subjects(RDF.type, kind):
            if not isinstance(subject, URIRef) or not str(subject).startswith(namespace):
                continue
            name = str(subject)[len(namespace) :]
            if not name.isidentifier() or name.startswith("_"):
                raise SystemExit(f"{ONTOLOGY.name}: {subject} is not a Python identifier")
            if name in seen:
                raise SystemExit(f"{ONTOLOGY.name}: {subject} is declared with two kinds")
            seen.add(name)
            terms.append(Term(name, _label(graph, subject, "en"), _label(graph, subject, "zh")))
        if terms:
            sections[title] = sorted(terms, key=lambda term: term.name)
    return sections


def render(ontology_path: Path = ONTOLOGY) -> str:
    """Render the namespace module for an ontology file.

    Args:
        ontology_path: The Turtle file to read.

    Returns:
        The module source, ready to write.
    """
    graph = Graph().parse(ontology_path, format="turtle")
    ontology = _ontology_iri(graph)
    namespace = _namespace(graph, ontology)
    prefixes = {prefix: str(iri) for prefix, iri in graph.namespaces()}
    case = prefixes.get("case")
    if case is None:
        raise SystemExit(f"{ONTOLOGY.name}: no 'case' prefix is bound")

    lines = [
        '"""The graphbuilder ontology as Python names.',
        "",
        "GENERATED from ontologies/graphbuilder.ttl by scripts/generate_namespace.py: do not edit.",
        "After changing the ontology, regenerate with::",
        "",
        "    .venv/bin/python scripts/generate_namespace.py",
        "",
        "``GB`` is a closed namespace: a name the ontology does not define raises AttributeError",
        "instead of minting a wrong IRI.",
        "",
        "Examples:",
        "    >>> GB.Major",
        f"    rdflib.term.URIRef('{namespace}Major')",
        "    >>> GB.Majr  # doctest: +IGNORE_EXCEPTION_DETAIL",
        "    Traceback (most recent call last):",
        "    AttributeError: term 'Majr' is not in the ontology",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace,"
        " Namespace",
        "from rdflib.term import URIRef",
        "",
        "__all__ = [",
        '    "CASE",',
        '    "GB",',
        '    "ONTOLOGY_IRI",',
        '    "OWL",',
        '    "PROV",',
        '    "RDF",',
        '    "RDFS",',
        '    "SCHEMA",',
        '    "SKOS",',
        '    "XSD",',
        "]",
        "",
        "#: schema.org, https://schema.org/ (rdflib calls it SDO).",
        "SCHEMA = SDO",
        "#: 1EdTech CASE vocabulary, as bound to the prefix ``case`` in the ontology.",
        f'CASE = Namespace("{case}")',
        "#: The IRI of the ontology itself.",
        f'ONTOLOGY_IRI = URIRef("{ontology}")',
        "",
        "",
        "class GB(DefinedNamespace):",
        '    """The graphbuilder ontology namespace (prefix ``gb``)."""',
        "",
        "    _fail = True",
        f'    _NS = Namespace("{namespace}")',
    ]
    for title, terms in collect(graph, namespace).items():
        lines += ["", f"    # {title}"]
        lines += [f"    {t.name}: URIRef  # {t.label_en} / {t.label_zh}" for t in terms]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the namespace module, or check that it is up to date.

    Args:
        argv: Command-line arguments without the program name.

    Returns:
        The process exit status.
    """
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if the module is stale")
    args = parser.parse_args(argv)
    source = render()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != source:
            print(f"{TARGET.relative_to(ROOT)} is stale; run {Path(__file__).name}")
            return 1
        return 0
    TARGET.write_text(source, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
