"""SPARQL queries for the HTTP endpoint: read only, with a time limit and a result-size limit.

A query runs in a small pool of worker threads and the request waits at most the
``sparql_timeout`` setting for it. **Limitation:** Oxigraph cannot cancel a query once it has
started, so a query that overruns keeps its worker busy until it ends; the answer has long gone
(503) by then. Rows are taken from the query lazily and the worker stops after
``sparql_max_results`` + 1, so a query whose rows stream (most do) stops there; one that must
compute everything before its first row (``ORDER BY``, ``GROUP BY`` over much data) runs to its
end. With every worker stuck, new queries wait and time out, while the rest of the API keeps
answering. Updates never run: ``OxigraphStore.query`` cannot modify the store, and a text that
parses as a SPARQL Update is refused with 403.
"""

from __future__ import annotations

import concurrent.futures
import csv
import io
import json
import re
from dataclasses import dataclass, field
from typing import Literal as TypingLiteral
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    serialize,
)

from graphbuilder.store.oxigraph import OxigraphStore

Term = NamedNode | BlankNode | Literal | Triple
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RESULT_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {"text/turtle": RdfFormat.TURTLE, "application/n-triples": RdfFormat.N_TRIPLES}


class SparqlProblem(Exception):
    """A query the endpoint will not answer: why, as an HTTP status and a problem kind."""

    def __init__(self, status: int, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.status, self.kind, self.detail = status, kind, detail


@dataclass
class Answer:
    """The result of a query, capped at the result-size limit."""

    form: TypingLiteral["solutions", "boolean", "graph"]
    variables: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    boolean: bool = False
    triples: list[Triple] = field(default_factory=list)


# What can hide the word SERVICE without being the keyword: strings, IRIs, comments, and
# names (prefixed names, variables) that merely contain it.
_NOT_KEYWORDS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_SERVICE = re.compile(r"(?<![\w:?$])service(?![\w:])", re.IGNORECASE)


def uses_service(text: str) -> bool:
    """Whether a query calls ``SERVICE`` (federation would let clients make us fetch URLs).

    >>> uses_service("SELECT * { SERVICE <http://x/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service <http://x/service> "SERVICE" } # service')
    False
    """
    return _SERVICE.search(_NOT_KEYWORDS.sub(" ", text)) is not None


def is_update(text: str) -> bool:
    """Whether ``text`` parses as a SPARQL 1.1 Update (rdflib's parser, loaded late)."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
    except (ParseException, ValueError, TypeError):
        return False
    return True


class SparqlRunner:
    """Runs queries in worker threads with a time limit and a result-size limit.

    Args:
        timeout: seconds a request waits for its query.
        max_results: rows or triples an answer may hold; more is refused (422).
        workers: worker threads (queries running at once).
    """

    def __init__(self, timeout: float, max_results: int, workers: int = 2) -> None:
        self.timeout = timeout
        self.max_results = max_results
        self._pool = concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="sparql")

    def run(self, store: OxigraphStore, text: str) -> Answer:
        """Evaluate a query.

        Raises:
            SparqlProblem: a syntax error (400), an update or a SERVICE call (403), too many
                results (422) or the time limit (503).
        """
        if uses_service(text):
            raise SparqlProblem(403, "sparql-service", "SERVICE (federated queries) is not allowed")
        job = self._pool.submit(self._evaluate, store, text)
        try:
            return job.result(timeout=self.timeout)
        except concurrent.futures.TimeoutError:
            job.cancel()
            raise SparqlProblem(
                503, "sparql-timeout", f"the query ran longer than {self.timeout:g} s"
            ) from None

    def _evaluate(self, store: OxigraphStore, text: str) -> Answer:
        try:
            result = store.query(text)
        except SyntaxError as exc:
            if is_update(text):
                raise SparqlProblem(
                    403, "sparql-update", "SPARQL Update is not allowed here: queries only"
                ) from None
            raise SparqlProblem(400, "sparql-syntax", f"not a SPARQL query: {exc}") from None
        except (OSError, ValueError, RuntimeError) as exc:
            raise SparqlProblem(400, "sparql-failed", f"the query failed: {exc}") from None
        # pyoxigraph results must die in the thread that made them: _collect returns a
        # problem instead of raising it, so no traceback carries the result elsewhere.
        outcome = self._collect(result)
        del result
        if isinstance(outcome, SparqlProblem):
            raise outcome
        return outcome

    def _collect(self, result: object) -> Answer | SparqlProblem:
        cap = self.max_results
        try:
            if isinstance(result, QueryBoolean):
                return Answer("boolean", boolean=bool(result))
            if isinstance(result, QueryTriples):
                triples: list[Triple] = []
                for t in result:
                    triples.append(t)
                    if len(triples) > cap:
                        return self._too_many()
                return Answer("graph", triples=triples)
            assert isinstance(result, QuerySolutions)
            names = [v.value for v in result.variables]
            rows: list[list[Term | None]] = []
            for solution in result:
                rows.append([solution[n] for n in names])
                if len(rows) > cap:
                    return self._too_many()
            return Answer("solutions", variables=names, rows=rows)
        except (OSError, ValueError, RuntimeError) as exc:
            return SparqlProblem(400, "sparql-failed", f"the query failed: {exc}")

    def _too_many(self) -> SparqlProblem:
        return SparqlProblem(
            422,
            "sparql-too-many-results",
            f"the answer has more than {self.max_results} results; add a LIMIT",
        )

    def close(self) -> None:
        """Stop taking queries (a running one ends on its own)."""
        self._pool.shutdown(wait=False, cancel_futures=True)


def _json_term(t: Term) -> dict[str, object]:
    if isinstance(t, NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, Literal):
        out: dict[str, object] = {"type": "literal", "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            out["datatype"] = t.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(t.subject),
            "predicate": _json_term(t.predicate),
            "object": _json_term(t.object),
        },
    }


def _xml_term(t: Term) -> str:
    if isinstance(t, NamedNode):
        return f"<uri>{escape(t.value)}</uri>"
    if isinstance(t, BlankNode):
        return f"<bnode>{escape(t.value)}</bnode>"
    if isinstance(t, Literal):
        if t.language:
            return f"<literal xml:lang={quoteattr(t.language)}>{escape(t.value)}</literal>"
        return f"<literal datatype={quoteattr(t.datatype.value)}>{escape(t.value)}</literal>"
    return f"<literal>{escape(str(t))}</literal>"


def offered(answer: Answer) -> list[str]:
    """The media types an answer can be written in, the default first."""
    if answer.form == "graph":
        return list(GRAPH_TYPES)
    if answer.form == "boolean":
        return [m for m, f in RESULT_TYPES.items() if f in ("json", "xml")]
    return list(RESULT_TYPES)


def render(answer: Answer, media: str) -> bytes:
    """The answer written as ``media``, one of :func:`offered`."""
    if answer.form == "graph":
        data = serialize(answer.triples, format=GRAPH_TYPES[media])
        assert data is not None  # no output given: the bytes are returned
        return data
    fmt = RESULT_TYPES[media]
    ns = "http://www.w3.org/2005/sparql-results#"
    if fmt == "json" and answer.form == "boolean":
        return json.dumps({"head": {}, "boolean": answer.boolean}).encode()
    if fmt == "xml" and answer.form == "boolean":
        value = "true" if answer.boolean else "false"
        inner = f"<head/><boolean>{value}</boolean>"
        return f'<?xml version="1.0"?><sparql xmlns="{ns}">{inner}</sparql>'.encode()
    if fmt == "json":
        bindings = [
            {n: _json_term(v) for n, v in zip(answer.variables, row, strict=True) if v is not None}
            for row in answer.rows
        ]
        body = {"head": {"vars": answer.variables}, "results": {"bindings": bindings}}
        return json.dumps(body, ensure_ascii=False).encode()
    if fmt == "xml":
        head = "".join(f"<variable name={quoteattr(n)}/>" for n in answer.variables)
        results = "".join(
            "<result>"
            + "".join(
                f"<binding name={quoteattr(n)}>{_xml_term(v)}</binding>"
                for n, v in zip(answer.variables, row, strict=True)
                if v is not None
            )
            + "</result>"
            for row in answer.rows
        )
        return (
            f'<?xml version="1.0"?><sparql xmlns="{ns}">'
            f"<head>{head}</head><results>{results}</results></sparql>"
        ).encode()
    buf = io.StringIO()
    if fmt == "csv":
        w = csv.writer(buf, lineterminator="\r\n")
        w.writerow(answer.variables)
        for row in answer.rows:
            w.writerow(["" if v is None else _csv_value(v) for v in row])
    else:
        buf.write("\t".join(f"?{n}" for n in answer.variables) + "\n")
        for row in answer.rows:
            buf.write("\t".join("" if v is None else str(v) for v in row) + "\n")
    return buf.getvalue().encode()


def _csv_value(t: Term) -> str:
    return t.value if isinstance(t, NamedNode | BlankNode | Literal) else str(t)
