"""Validate a built graph against the SHACL shapes in ``ontologies/shapes.ttl``.

The shapes are SHACL Core only and are checked with pyshacl without inference, so a build is
validated as it is stored: the union of its per-document named graphs and the meta graph that
describes the documents.

Examples:
    >>> from rdflib import Graph
    >>> validate(Graph()).conforms
    True
"""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, SH

from graphbuilder.errors import ValidationError

if TYPE_CHECKING:
    from rdflib.term import Node

__all__ = [
    "ShaclReport",
    "Violation",
    "load_ontology",
    "load_shapes",
    "ontology_dir",
    "validate",
]

_ONTOLOGY_FILE = "graphbuilder.ttl"
_SHAPES_FILE = "shapes.ttl"


class Violation(BaseModel):
    """One SHACL validation result.

    IRIs are given in full; ``severity`` and ``component`` are the local names of their SHACL
    IRIs (``Violation``, ``MinCountConstraintComponent``).

    Attributes:
        focus_node: The node that failed.
        path: The property path checked, ``^<iri>`` for an inverse path, ``""`` for a node
            constraint.
        message: The shape's message, or pyshacl's when the shape has none.
        severity: ``Violation``, ``Warning`` or ``Info``.
        shape: The shape that reported it (``https://w3id.org/graphbuilder/shapes#Major-code``).
        component: The constraint component that failed.
        value: The offending value, when there is one.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    focus_node: str
    path: str
    message: str
    severity: str
    shape: str
    component: str = ""
    value: str | None = None


class ShaclReport(BaseModel):
    """The outcome of :func:`validate`.

    Attributes:
        conforms: Whether the graph satisfies every shape.
        violations: The results, sorted by focus node, path and shape.
        text: pyshacl's human-readable report.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    conforms: bool
    violations: list[Violation]
    text: str

    def raise_for_violations(self, *, limit: int = 20) -> None:
        """Raise if the graph does not conform.

        Args:
            limit: How many violations the error message lists.

        Raises:
            ValidationError: The graph violates the shapes; the message lists the first
                ``limit`` violations.
        """
        if self.conforms:
            return
        lines = [f"{len(self.violations)} SHACL violation(s)"]
        lines += [f"- {v.focus_node} {v.path}: {v.message}" for v in self.violations[:limit]]
        if len(self.violations) > limit:
            lines.append(f"- … and {len(self.violations) - limit} more")
        raise ValidationError("\n".join(lines))


def ontology_dir() -> Path:
    """The ``ontologies/`` directory of the repository.

    Returns:
        The directory holding the ontology, the shapes and the JSON-LD context.
    """
    return Path(__file__).resolve().parents[2] / "ontologies"


def load_ontology() -> Graph:
    """Parse the OWL ontology.

    Returns:
        A new graph holding ``ontologies/graphbuilder.ttl``; the caller may change it.
    """
    return Graph().parse(ontology_dir() / _ONTOLOGY_FILE, format="turtle")


@cache
def load_shapes() -> Graph:
    """Parse the SHACL shapes once per process.

    Returns:
        The shapes graph, shared between callers: do not modify it.
    """
    return Graph().parse(ontology_dir() / _SHAPES_FILE, format="turtle")


def validate(
    data: Graph | Dataset,
    *,
    shapes: Graph | None = None,
) -> ShaclReport:
    """Check a graph against the SHACL shapes.

    A :class:`~rdflib.Dataset` (or any graph with named graphs) is validated as the union of
    all its graphs, so that a statement in one document's graph can point to the
    ``gb:SourceDocument`` described in the meta graph. Validate a store by exporting it to an
    rdflib :class:`~rdflib.Dataset` first.

    Args:
        data: The graph to check. It is not modified.
        shapes: Shapes to use instead of ``ontologies/shapes.ttl``.

    Returns:
        Whether the graph conforms, and every result.
    """
    from pyshacl import validate as pyshacl_validate

    if isinstance(data, Dataset) and not data.default_union:
        data = _union_view(data)
    with warnings.catch_warnings():
        # rdflib 7's own Dataset.triples() reads its deprecated ``default_context`` whenever
        # default_union is on, so every lookup pyshacl makes on the union would warn.
        warnings.filterwarnings(
            "ignore",
            message=r"Dataset\.default_context is deprecated",
            category=DeprecationWarning,
        )
        conforms, results, text = pyshacl_validate(
            data,
            shacl_graph=shapes if shapes is not None else load_shapes(),
            inference="none",
            advanced=False,
            abort_on_first=False,
            allow_warnings=False,
            meta_shacl=False,
            js=False,
        )
    if not isinstance(results, Graph):  # pragma: no cover - pyshacl returns a graph here
        raise TypeError(f"pyshacl returned {type(results).__name__}, not a results graph")
    return ShaclReport(conforms=bool(conforms), violations=_violations(results), text=str(text))


def _union_view(data: Dataset) -> Dataset:
    """A read-only-by-convention view of ``data`` whose default graph is the union."""
    view = Dataset(store=data.store, default_union=True)
    view.namespace_manager = data.namespace_manager
    return view


def _violations(results: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        value = results.value(result, SH.value)
        found.append(
            Violation(
                focus_node=_text(results.value(result, SH.focusNode)),
                path=_path(results, results.value(result, SH.resultPath)),
                message=_message(results, result),
                severity=_local_name(results.value(result, SH.resultSeverity)),
                shape=_text(results.value(result, SH.sourceShape)),
                component=_local_name(results.value(result, SH.sourceConstraintComponent)),
                value=None if value is None else str(value),
            )
        )
    return sorted(found, key=lambda v: (v.focus_node, v.path, v.shape, v.component, v.value or ""))


def _text(node: Node | None) -> str:
    return "" if node is None else str(node)


def _local_name(node: Node | None) -> str:
    if node is None:
        return ""
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _message(results: Graph, result: Node) -> str:
    messages = sorted(results.objects(result, SH.resultMessage), key=_message_order)
    return str(messages[0]) if messages else ""


def _message_order(message: Node) -> tuple[int, str]:
    language = message.language if isinstance(message, Literal) else None
    return (0 if language in (None, "en") else 1, str(message))


def _path(graph: Graph, path: Node | None) -> str:
    """Render a SHACL property path compactly: IRIs in full, ``^`` inverse, ``/`` sequence."""
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return str(path)
    if isinstance(path, BNode):
        inverse = graph.value(path, SH.inversePath)
        if inverse is not None:
            return "^" + _path(graph, inverse)
        alternatives = graph.value(path, SH.alternativePath)
        if alternatives is not None:
            return "|".join(_path(graph, p) for p in Collection(graph, alternatives))
        for predicate, suffix in (
            (SH.zeroOrMorePath, "*"),
            (SH.oneOrMorePath, "+"),
            (SH.zeroOrOnePath, "?"),
        ):
            inner = graph.value(path, predicate)
            if inner is not None:
                return f"({_path(graph, inner)}){suffix}"
        if graph.value(path, RDF.first) is not None:
            return "/".join(_path(graph, p) for p in Collection(graph, path))
    return path.n3()
