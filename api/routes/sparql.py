"""The SPARQL 1.1 Protocol endpoint: queries only, with a time and a result-size limit."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import parse_qs

from fastapi import APIRouter, Header, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from api.deps import ReaderDep, StoreDep, read_body
from api.problems import ApiProblem, responses
from api.sparql import SparqlProblem, SparqlRunner, offered, render

router = APIRouter(
    prefix="/sparql", tags=["sparql"], responses=responses(400, 401, 403, 406, 413, 415, 422, 503)
)
MAX_QUERY = 100_000
_ACCEPT_DOC = (
    "Results format / 结果格式: application/sparql-results+json (default), "
    "application/sparql-results+xml, text/csv, text/tab-separated-values; "
    "CONSTRUCT/DESCRIBE: text/turtle (default), application/n-triples."
)
_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The query's answer / 查询结果.",
        "content": {
            "application/sparql-results+json": {"schema": {"type": "object"}},
            "application/sparql-results+xml": {"schema": {"type": "string"}},
            "text/csv": {"schema": {"type": "string"}},
            "text/tab-separated-values": {"schema": {"type": "string"}},
            "text/turtle": {"schema": {"type": "string"}},
            "application/n-triples": {"schema": {"type": "string"}},
        },
    }
}


def choose(accept: str | None, available: list[str]) -> str | None:
    """The media type to answer with (RFC 9110 proactive negotiation; ties: our order).

    >>> choose("text/csv;q=0.5, application/*", ["text/csv", "application/json"])
    'application/json'
    >>> choose(None, ["a/b", "c/d"]), choose("x/y", ["a/b"]), choose("*/*", ["a/b"])
    ('a/b', None, 'a/b')
    """
    if not accept or not accept.strip():
        return available[0]
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for p in params:
            name, _, value = p.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((media.lower(), q))
    best, best_q = None, 0.0
    for offer in available:
        # The most specific range that matches the offer decides its quality.
        matches = [
            (2 if m == offer else 1 if m == f"{offer.split('/')[0]}/*" else 0, q)
            for m, q in ranges
            if m in (offer, f"{offer.split('/')[0]}/*", "*/*")
        ]
        if matches:
            q = max(matches)[1]
            if q > best_q:
                best, best_q = offer, q
    return best


async def _answer(request: Request, store: StoreDep, text: str, accept: str | None) -> Response:
    if not text.strip():
        raise ApiProblem(400, "no query given (send query=…)", "sparql-syntax")
    if len(text) > MAX_QUERY:
        raise ApiProblem(413, f"the query is longer than {MAX_QUERY} characters", "too-large")
    runner: SparqlRunner = request.app.state.sparql
    try:
        answer = await run_in_threadpool(runner.run, store, text)
    except SparqlProblem as exc:
        headers = {"Retry-After": "10"} if exc.status == 503 else None
        raise ApiProblem(exc.status, exc.detail, exc.kind, headers) from None
    available = offered(answer)
    media = choose(accept, available)
    if media is None:
        raise ApiProblem(406, f"cannot answer as {accept!r}; one of {available}", "not-acceptable")
    return Response(render(answer, media), media_type=media)


def _refuse_datasets(params: dict[str, list[str]]) -> None:
    if params.get("update"):
        raise ApiProblem(403, "SPARQL Update is not allowed here: queries only", "sparql-update")
    if params.get("default-graph-uri") or params.get("named-graph-uri"):
        raise ApiProblem(
            400,
            "default-graph-uri/named-graph-uri are not supported: the default graph is the"
            " whole graph; use GRAPH in the query",
            "sparql-dataset",
        )


@router.get("", response_class=Response, responses=_ANSWERS)
async def sparql_get(
    request: Request,
    store: StoreDep,
    _: ReaderDep,
    query: Annotated[str, Query(max_length=MAX_QUERY, description="A SPARQL query / 查询语句.")],
    accept: Annotated[str | None, Header(description=_ACCEPT_DOC)] = None,
) -> Response:
    """Run a SPARQL query given in the URL / SPARQL 查询 (GET)."""
    _refuse_datasets(parse_qs(request.url.query))
    return await _answer(request, store, query, accept)


@router.post(
    "",
    response_class=Response,
    responses=_ANSWERS,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/x-www-form-urlencoded": {
                    "schema": {
                        "type": "object",
                        "properties": {"query": {"type": "string", "maxLength": MAX_QUERY}},
                        "required": ["query"],
                    }
                },
                "application/sparql-query": {"schema": {"type": "string"}},
            },
        }
    },
)
async def sparql_post(
    request: Request,
    store: StoreDep,
    _: ReaderDep,
    accept: Annotated[str | None, Header(description=_ACCEPT_DOC)] = None,
    content_type: Annotated[str | None, Header(description="Body type / 请求体类型.")] = None,
) -> Response:
    """Run a SPARQL query (SPARQL 1.1 Protocol; UPDATE refused) / SPARQL 查询 (只读, 限时限量)."""
    media = (content_type or "").split(";")[0].strip().lower()
    body = await read_body(request, 4 * MAX_QUERY)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise ApiProblem(400, "the body is not UTF-8", "invalid-request") from None
    url_params = parse_qs(request.url.query)
    if media == "application/x-www-form-urlencoded":
        params = parse_qs(text, keep_blank_values=True)
        _refuse_datasets({**url_params, **params})
        queries = params.get("query", [])
        if len(queries) != 1:
            raise ApiProblem(400, "send exactly one query=… field", "sparql-syntax")
        return await _answer(request, store, queries[0], accept)
    if media == "application/sparql-query":
        _refuse_datasets(url_params)
        return await _answer(request, store, text, accept)
    if media == "application/sparql-update":
        raise ApiProblem(403, "SPARQL Update is not allowed here: queries only", "sparql-update")
    raise ApiProblem(
        415,
        "send application/x-www-form-urlencoded (query=…) or application/sparql-query",
        "unsupported-media-type",
    )
