"""Compose the shipped SKOS taxonomy from O*NET and the curated Chinese data.

Inputs (all data files, edited by people):

- O*NET ``Technology Skills.txt``: every technology, its commodity classes (as
  ``skos:broader``) and its Hot Technology / In Demand flags (true when any row says so).
- ``commodity-classes.csv``: the Chinese labels of every commodity class.
- ``technologies-zh.csv``: Chinese (and extra English) labels for O*NET technologies
  (``onet:<name>``) and new concepts for what O*NET lacks (``cn:<slug>``), with their
  broader and related concepts.

IRIs: an O*NET technology keeps the IRI its graph node has (``node_iri(base, "Technology",
name)``); a commodity class is ``technology/unspsc-<code>``, a new concept
``technology/cn-<slug>``. The file is written with the default base IRI; loading rebases it.

Run ``python -m graphbuilder.align.compose`` after editing the CSV files.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from graphbuilder.align.normalise import has_cjk, normalise
from graphbuilder.errors import InputError
from graphbuilder.ingest.onet import read_onet
from graphbuilder.model.iris import node_iri
from graphbuilder.ontology.namespace import GB, RDF, SKOS, XSD
from graphbuilder.settings import Settings

DEFAULT_BASE = Settings.model_fields["base_iri"].default
TAXONOMY_DIR = Path(__file__).resolve().parents[2] / "ontologies" / "taxonomy"
SHIPPED = TAXONOMY_DIR / "industry-technology.ttl"
ONET = Path(__file__).resolve().parents[2] / "corpora" / "onet" / "Technology Skills.txt"
_BOOL = NamedNode(str(XSD.boolean))


def scheme_iri(base: str) -> str:
    """The IRI of the shipped concept scheme."""
    return f"{base}taxonomy/industry-technology"


def concept_iri(base: str, ref: str) -> str:
    """The IRI of ``onet:<name>``, ``unspsc:<code>`` or ``cn:<slug>``.

    >>> concept_iri("https://x.org/id/", "cn:digital-twin")
    'https://x.org/id/technology/cn-digital-twin'
    >>> concept_iri("https://x.org/id/", "unspsc:43232608")
    'https://x.org/id/technology/unspsc-43232608'
    """
    prefix, _, rest = ref.partition(":")
    if not rest:
        raise ValueError(f"not a concept reference: {ref!r}")
    if prefix == "onet":
        return node_iri(base, "Technology", rest)
    if prefix in ("cn", "unspsc"):
        return node_iri(base, "Technology", f"{prefix}-{rest}", coded=True)
    raise ValueError(f"unknown prefix in {ref!r} (use onet:, cn: or unspsc:)")


class _Builder:
    """Collects triples and checks that no normalised label names two concepts."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.triples: set[Triple] = set()
        self.owner: dict[str, tuple[str, str]] = {}

    def add(self, s: str, p: str, o: NamedNode | Literal) -> None:
        self.triples.add(Triple(NamedNode(s), NamedNode(p), o))

    def label(self, s: str, prop: str, text: str, lang: str, where: str) -> None:
        text = text.strip()
        if not text:
            return
        key = normalise(text)
        prev = self.owner.setdefault(key, (s, where))
        if prev[0] != s and (prop != str(SKOS.prefLabel) or has_cjk(text)):
            raise InputError(where, f"label {text!r} already names another concept ({prev[1]})")
        self.add(s, prop, Literal(text, language=lang))


def _split(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        for i, row in enumerate(csv.DictReader(f), start=2):
            yield i, {k: (v or "") for k, v in row.items()}


def compose(onet: Path, classes: Path, technologies: Path, base: str = DEFAULT_BASE) -> str:
    """The taxonomy as Turtle (deterministic: the same inputs give the same bytes).

    Raises:
        InputError: a row names an unknown O*NET technology, class or concept, or gives a
            label that another concept already has (file and line in the message).
    """
    sections = read_onet("onet", onet.read_text(encoding="utf-8"))
    techs: dict[str, dict[str, set[str] | bool]] = {}
    for sec in sections:
        a = sec.attrs
        if sec.kind != "technology_row" or not a.get("example"):
            continue
        t = techs.setdefault(a["example"], {"codes": set(), "hot": False, "demand": False})
        t["codes"].add(a["commodity_code"])  # type: ignore[union-attr]
        t["hot"] = bool(t["hot"]) or a.get("hot") == "Y"
        t["demand"] = bool(t["demand"]) or a.get("in_demand") == "Y"
    b = _Builder(base)
    scheme = scheme_iri(base)
    sk, rdf_type = str(SKOS), str(RDF.type)
    b.add(scheme, rdf_type, NamedNode(f"{sk}ConceptScheme"))
    b.add(scheme, f"{sk}prefLabel", Literal("Industry technologies", language="en"))
    b.add(scheme, f"{sk}prefLabel", Literal("产业技术分类", language="zh"))

    def concept(iri: str) -> None:
        b.add(iri, rdf_type, NamedNode(f"{sk}Concept"))
        b.add(iri, rdf_type, NamedNode(str(GB.Technology)))
        b.add(iri, f"{sk}inScheme", NamedNode(scheme))

    known = {f"onet:{n}" for n in techs}
    for line, row in _rows(classes):
        where = f"{classes.name}:{line}"
        iri = concept_iri(base, f"unspsc:{row['code']}")
        known.add(f"unspsc:{row['code']}")
        concept(iri)
        b.add(iri, f"{sk}topConceptOf", NamedNode(scheme))
        b.add(iri, str(GB.commodityCode), Literal(row["code"]))
        b.label(iri, f"{sk}prefLabel", row["title_en"], "en", where)
        b.label(iri, f"{sk}prefLabel", row["label_zh"], "zh", where)
        for alt in _split(row["alt_zh"]):
            b.label(iri, f"{sk}altLabel", alt, "zh", where)
        for alt in _split(row.get("alt_en", "")):
            b.label(iri, f"{sk}altLabel", alt, "en", where)
    for name, t in sorted(techs.items()):
        iri = concept_iri(base, f"onet:{name}")
        concept(iri)
        b.label(iri, f"{sk}prefLabel", name, "en", f"{onet.name} ({name})")
        codes = t["codes"]
        assert isinstance(codes, set)
        for code in sorted(codes):
            if f"unspsc:{code}" not in known:
                raise InputError(classes.name, f"no row for commodity class {code} ({name})")
            b.add(iri, f"{sk}broader", NamedNode(concept_iri(base, f"unspsc:{code}")))
            b.add(iri, str(GB.commodityCode), Literal(code))
        b.add(iri, str(GB.hotTechnology), Literal(str(t["hot"]).lower(), datatype=_BOOL))
        b.add(iri, str(GB.inDemand), Literal(str(t["demand"]).lower(), datatype=_BOOL))
    rows = list(_rows(technologies))
    known |= {row["id"] for _, row in rows if row["id"].startswith("cn:")}
    seen: set[str] = set()
    for line, row in rows:
        where = f"{technologies.name}:{line}"
        ref = row["id"]
        if ref in seen or ref not in known:
            reason = "appears twice" if ref in seen else "names no O*NET technology or class"
            raise InputError(where, f"{ref} {reason}")
        seen.add(ref)
        iri = concept_iri(base, ref)
        if ref.startswith("cn:"):
            concept(iri)
            b.label(iri, f"{sk}prefLabel", row["label_en"], "en", where)
        elif row["label_en"]:
            b.label(iri, f"{sk}altLabel", row["label_en"], "en", where)
        b.label(iri, f"{sk}prefLabel", row["label_zh"], "zh", where)
        for alt in _split(row["alt_zh"]):
            b.label(iri, f"{sk}altLabel", alt, "zh", where)
        for alt in _split(row["alt_en"]):
            b.label(iri, f"{sk}altLabel", alt, "en", where)
        for col, prop in (("broader", "broader"), ("related", "related")):
            for target in _split(row[col]):
                if target not in known:
                    raise InputError(where, f"{col} {target} names no concept")
                b.add(iri, f"{sk}{prop}", NamedNode(concept_iri(base, target)))
        if ref.startswith("cn:") and not row["broader"]:
            b.add(iri, f"{sk}topConceptOf", NamedNode(scheme))
    header = (
        "# The industry-technology taxonomy (SKOS), GENERATED by graphbuilder.align.compose from\n"
        "# O*NET Technology Skills (O*NET 28.x, USDOL/ETA, CC BY 4.0), commodity-classes.csv and\n"
        "# technologies-zh.csv. Edit those and run: python -m graphbuilder.align.compose\n"
    )
    body = serialize(
        sorted(b.triples, key=str),
        format=RdfFormat.TURTLE,
        prefixes={"skos": sk, "gb": str(GB), "xsd": str(XSD), "tech": f"{base}technology/"},
    )
    assert isinstance(body, bytes)
    return header + body.decode("utf-8")


def main(argv: list[str] | None = None) -> int:
    """Write ``ontologies/taxonomy/industry-technology.ttl`` (or the path given)."""
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else SHIPPED
    text = compose(
        ONET, TAXONOMY_DIR / "commodity-classes.csv", TAXONOMY_DIR / "technologies-zh.csv"
    )
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
