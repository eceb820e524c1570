"""JSON-LD export, compacted with the published context ``ontologies/context.jsonld``.

The context is embedded, so a file expands on its own, with no network; its terms make the
JSON read like the ontology (``"type": "Major"``, ``"label": {"zh": "计算机应用技术"}``,
``"hasPart": [...]``). Values keep their exact lexical form (``"confidence": "1.0"`` under a
term typed ``xsd:double``), so the file expands to exactly the store's triples.

It streams: one node object per subject, written as the store yields the subject's
triples (a node merged over every document that states it, then statements and document
records), inside one ``@graph`` array.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from itertools import groupby
from operator import attrgetter
from pathlib import Path
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, Triple

from graphbuilder.export.base import ExportReport
from graphbuilder.export.property_graph import GraphReader
from graphbuilder.export.rdf_source import subject_quads
from graphbuilder.export.rdf_source import value as term_value
from graphbuilder.export.selection import Selection
from graphbuilder.ontology.namespace import RDF, XSD
from graphbuilder.ontology.shacl import ontology_dir
from graphbuilder.store.oxigraph import OxigraphStore

CONTEXT_FILE = "context.jsonld"
_RDF_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)
_TYPE = NamedNode(_RDF_TYPE)
_STRING = NamedNode(_XSD_STRING)


@dataclass(frozen=True, slots=True)
class Term:
    """A context term: its name, the IRI it stands for, its type coercion and container."""

    name: str
    iri: str
    coerce: str | None = None
    container: str | None = None


class Context:
    """The published JSON-LD context, read as the compaction table it is.

    Args:
        document: the context document (``{"@context": {...}}``).
    """

    def __init__(self, document: dict[str, Any]) -> None:
        self.body: dict[str, Any] = document["@context"]
        self._prefixes = {
            k: v for k, v in self.body.items() if isinstance(v, str) and v[-1:] in ("#", "/")
        }
        self.by_iri: dict[str, Term] = {}
        for name, value in self.body.items():
            spec = {"@id": value} if isinstance(value, str) else value
            iri = spec.get("@id", "") if isinstance(spec, dict) else ""
            if name.startswith("@") or iri.startswith("@") or name in self._prefixes:
                continue
            coerce = spec.get("@type")
            term = Term(
                name=name,
                iri=self.expand(iri),
                coerce=coerce if coerce in (None, "@id", "@vocab") else self.expand(coerce),
                container=spec.get("@container"),
            )
            self.by_iri.setdefault(term.iri, term)

    def expand(self, value: str) -> str:
        """A compact IRI (``gb:code``) expanded with the context's prefixes."""
        prefix, sep, local = value.partition(":")
        if sep and prefix in self._prefixes and not local.startswith("//"):
            return self._prefixes[prefix] + local
        return value

    def vocab(self, iri: str) -> str:
        """An IRI as a vocabulary value: its term's name when the context has one."""
        term = self.by_iri.get(iri)
        return term.name if term is not None else iri


@cache
def load_context() -> Context:
    """The published context, parsed once."""
    path = ontology_dir() / CONTEXT_FILE
    return Context(json.loads(path.read_text(encoding="utf-8")))


def _node_ref(node: NamedNode | BlankNode) -> str:
    return node.value if isinstance(node, NamedNode) else f"_:{node.value}"


def _value(ctx: Context, term: Term | None, o: object) -> Any:
    """One object as JSON, under ``term`` (``None`` for a key that is a full IRI)."""
    coerce = term.coerce if term is not None else None
    if isinstance(o, NamedNode | BlankNode):
        if coerce == "@id":
            return _node_ref(o)
        if coerce == "@vocab" and isinstance(o, NamedNode):
            return ctx.vocab(o.value)
        return {"@id": _node_ref(o)}
    assert isinstance(o, Literal)
    if o.language:
        return {"@value": o.value, "@language": o.language}
    dt = o.datatype.value
    if coerce == dt:
        return o.value
    if dt == _XSD_STRING:
        return o.value if coerce is None else {"@value": o.value, "@type": _XSD_STRING}
    return {"@value": o.value, "@type": dt}


Pair = tuple[NamedNode, NamedNode | BlankNode | Literal | Triple]


@dataclass(frozen=True, slots=True)
class Key:
    """How one predicate is written: its key, its term (``None`` for a full IRI), a language map."""

    name: str
    term: Term | None
    languages: bool


class Writer:
    """Turns one subject's predicate-object pairs into its compacted node object.

    Each predicate is looked up in the context once per export, not once per triple.

    Args:
        ctx: the context.
    """

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self._keys: dict[NamedNode, Key] = {}

    def key(self, predicate: NamedNode) -> Key:
        """The key ``predicate`` is written under."""
        found = self._keys.get(predicate)
        if found is None:
            term = self.ctx.by_iri.get(predicate.value)
            name = term.name if term is not None else predicate.value
            found = Key(name, term, term is not None and term.container == "@language")
            self._keys[predicate] = found
        return found

    def node_object(self, subject: NamedNode | BlankNode, pairs: list[Pair]) -> dict[str, Any]:
        """The compacted node object of one subject."""
        ctx = self.ctx
        obj: dict[str, Any] = {"id": _node_ref(subject)}
        types = [ctx.vocab(term_value(o)) for p, o in pairs if p == _TYPE]
        if types:
            obj["type"] = types[0] if len(types) == 1 else types
        for p, o in pairs:
            if p == _TYPE:
                continue
            key = self.key(p)
            name, term = key.name, key.term
            if key.languages:
                if isinstance(o, Literal) and (o.language or o.datatype == _STRING):
                    langs = obj.setdefault(name, {})
                    langs.setdefault(o.language or "@none", []).append(o.value)
                    continue
                name, term = p.value, None  # not a language string: written under its full IRI
            obj.setdefault(name, []).append(_value(ctx, term, o))
        for name, value in obj.items():
            if isinstance(value, list) and len(value) == 1:
                obj[name] = value[0]
            elif isinstance(value, dict) and name not in ("id", "type"):
                obj[name] = {lang: v[0] if len(v) == 1 else v for lang, v in value.items()}
        return obj


def node_objects(ctx: Context, quads: Iterator[Quad]) -> Iterator[dict[str, Any]]:
    """One node object per run of quads with the same subject, each triple once.

    The copies of a triple that several documents state are in the same run, so a run's
    ``(predicate, object)`` pairs are deduplicated in order; no triple object is built.
    """
    writer = Writer(ctx)
    for subject, group in groupby(quads, key=attrgetter("subject")):
        assert isinstance(subject, NamedNode | BlankNode)
        pairs: list[Pair] = list(dict.fromkeys((q.predicate, q.object) for q in group))
        yield writer.node_object(subject, pairs)


def export_jsonld(store: OxigraphStore, out: Path, selection: Selection) -> ExportReport:
    """Write the graph (or a selection) as compacted JSON-LD with the embedded context."""
    ctx = load_context()
    reader = GraphReader(store)
    quads = subject_quads(reader, selection.resolve(reader))
    n = 0
    with out.open("w", encoding="utf-8") as f:
        f.write('{\n"@context": ')
        f.write(json.dumps(ctx.body, ensure_ascii=False))
        f.write(',\n"@graph": [')
        for obj in node_objects(ctx, quads):
            f.write(",\n" if n else "\n")
            f.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
            n += 1
        f.write("\n]\n}\n")
    return ExportReport(out, {"node objects": n})
