"""Who is calling: API keys (``X-API-Key`` or ``Authorization: Bearer``) and their roles.

``reader`` may be anonymous when the ``anonymous_read`` setting allows it; ``editor`` writes
resources, links and reviews; ``admin`` may also reload keys and the search index. Every write
needs a key. A key that is sent but wrong is refused (401) even on a route anyone may read, so
a client with a typo in its key finds out at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from api.problems import ApiProblem
from graphbuilder.store.keys import KeyRing, Role, role_allows

_header = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="An API key / API 密钥 (gb_…); or send it as `Authorization: Bearer`.",
)
_bearer = HTTPBearer(auto_error=False, description="An API key as a bearer token / API 密钥.")
_CHALLENGE = {"WWW-Authenticate": 'Bearer realm="graphbuilder"'}


@dataclass(frozen=True, slots=True)
class Principal:
    """The caller: a key's name and role, or ``anonymous`` reading."""

    name: str
    role: Role


def _presented(
    request: Request,
    header: Annotated[str | None, Depends(_header)],
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal | None:
    token = header or (bearer.credentials if bearer is not None else None)
    if token is None:
        return None
    ring: KeyRing = request.app.state.keys
    record = ring.verify(token)
    if record is None:
        raise ApiProblem(401, "the API key is not valid", "invalid-key", _CHALLENGE)
    return Principal(record.name, record.role)


def requires(role: Role) -> Any:
    """A dependency that lets through callers holding ``role`` (or a higher one)."""

    def check(
        request: Request, principal: Annotated[Principal | None, Depends(_presented)]
    ) -> Principal:
        if principal is None:
            if role == "reader" and request.app.state.settings.anonymous_read:
                return Principal("anonymous", "reader")
            raise ApiProblem(401, f"this needs an API key with role {role}", "no-key", _CHALLENGE)
        if not role_allows(principal.role, role):
            raise ApiProblem(
                403,
                f"key {principal.name!r} has role {principal.role}; this needs {role}",
                "forbidden",
            )
        return principal

    return Depends(check)
