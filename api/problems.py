"""Every error answer in one format: RFC 9457 problem details (``application/problem+json``).

Routes and dependencies raise :class:`ApiProblem` (an ``HTTPException`` with a problem type);
the handlers installed by :func:`install` turn it, FastAPI's own validation errors, the
library's errors and anything unexpected into a problem document. An unexpected error is
logged with its traceback on the server and answered with a bare 500: no stack trace, no
exception text ever reaches a client.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from graphbuilder.errors import GraphBuilderError, NotFoundError, StoreError

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://w3id.org/graphbuilder/problems#"
log = logging.getLogger("api")


class FieldError(BaseModel):
    """One invalid part of a request."""

    model_config = ConfigDict(extra="forbid")

    loc: list[str | int] = Field(description="Where: body/query/path/header and the field path.")
    msg: str = Field(description="What is wrong / 错误原因.")
    type: str = Field(description="The kind of error (pydantic's error type).")


class Problem(BaseModel):
    """An error answer (RFC 9457) / 错误响应."""

    model_config = ConfigDict(extra="forbid")

    type: str = Field(default="about:blank", description="The problem type (a URI).")
    title: str = Field(description="A short summary of the problem type.")
    status: int = Field(description="The HTTP status code.")
    detail: str | None = Field(default=None, description="What went wrong this time.")
    instance: str | None = Field(default=None, description="The request path.")
    errors: list[FieldError] | None = Field(
        default=None, description="For invalid requests: each invalid field."
    )


class ApiProblem(HTTPException):
    """An HTTP error with a problem type; raise it from routes and dependencies.

    Args:
        status: the HTTP status.
        detail: what went wrong, for a person.
        kind: a short problem-type name (``sparql-timeout``); empty for a plain HTTP error.
        headers: extra response headers (``WWW-Authenticate``, ``Retry-After``).
    """

    def __init__(
        self, status: int, detail: str, kind: str = "", headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status_code=status, detail=detail, headers=headers)
        self.kind = kind


def problem_response(
    request: Request,
    status: int,
    detail: str | None,
    *,
    kind: str = "",
    errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """A problem document as a response."""
    body = Problem(
        type=f"{PROBLEM_BASE}{kind}" if kind else "about:blank",
        title=HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error",
        status=status,
        detail=detail,
        instance=request.url.path,
        errors=errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=headers,
    )


async def _http(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else None
    return problem_response(
        request,
        exc.status_code,
        detail,
        kind=getattr(exc, "kind", ""),
        headers=getattr(exc, "headers", None),
    )


async def _invalid(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        FieldError(
            loc=[p for p in e.get("loc", ()) if isinstance(p, str | int)],
            msg=str(e.get("msg", "")),
            type=str(e.get("type", "")),
        )
        for e in exc.errors()
    ]
    where = (
        "; ".join(f"{'.'.join(str(p) for p in e.loc)}: {e.msg}" for e in errors[:5])
        or "invalid request"
    )
    return problem_response(request, 422, where, kind="invalid-request", errors=errors)


async def _library(request: Request, exc: Exception) -> JSONResponse:
    if isinstance(exc, NotFoundError):
        return problem_response(request, 404, str(exc), kind="not-found")
    log.error("store error on %s %s", request.method, request.url.path, exc_info=exc)
    if isinstance(exc, StoreError):
        return problem_response(request, 503, "the store cannot serve this request now")
    return problem_response(request, 500, "the server could not complete the request")


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(request, 500, "the server could not complete the request")


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` with a problem document."""
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(GraphBuilderError, _library)
    app.add_exception_handler(Exception, _unexpected)


def responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problem answers a route can give."""
    return {
        s: {
            "model": Problem,
            "description": HTTPStatus(s).phrase,
            "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for s in statuses
    }
