"""Teaching resources: create, read, update, delete, and bulk import of a 资源库 listing."""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from fastapi import APIRouter, Header, Path, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from api.curation import after_write, linkable, resource_key, resource_public
from api.deps import EditorDep, IndexDep, ReaderDep, SettingsDep, StoreDep, read_body
from api.listing import NodeRef, parse_listing
from api.problems import ApiProblem, responses
from api.schemas import (
    ImportIssue,
    ImportReport,
    ResourceCreate,
    ResourcePublic,
    ResourcesPublic,
    ResourceUpdate,
)
from api.views import resolve_iri
from graphbuilder.errors import InputError
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.resource_links import import_resources
from graphbuilder.store.resources import (
    LINKABLE_KINDS,
    Origin,
    ResourceData,
    ResourceExistsError,
    ResourceType,
    create_resource,
    delete_resource,
    get_resource,
    list_resources,
    update_resource,
)
from graphbuilder.store.search import LabelIndex

router = APIRouter(prefix="/resources", tags=["resources"], responses=responses(401, 403, 422))
ResourceId = Annotated[
    str, Path(pattern=r"^[0-9a-f]{16}$", description="Resource id / 资源标识 (16 hex digits).")
]


def stored(store: OxigraphStore, rid: str) -> str:
    """The IRI of resource ``rid`` (404 when there is none)."""
    iri = f"{store.base}resource/{rid}"
    if get_resource(store, iri) is None:
        raise ApiProblem(404, f"no resource {rid}", "not-found")
    return iri


@router.get("", response_model=ResourcesPublic)
def list_all(
    store: StoreDep,
    index: IndexDep,
    _: ReaderDep,
    type: Annotated[ResourceType | None, Query(description="Only this type / 资源类型.")] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="Per page / 每页条数.")] = 50,
    offset: Annotated[int, Query(ge=0, description="Skip / 偏移量.")] = 0,
) -> ResourcesPublic:
    """The teaching resources, a page at a time / 教学资源列表."""
    page, total = list_resources(store, type=type, limit=limit, offset=offset)
    return ResourcesPublic(data=[resource_public(store, index, r) for r in page], count=total)


@router.post("", status_code=201, response_model=ResourcePublic, responses=responses(409))
def create(
    request: Request,
    response: Response,
    store: StoreDep,
    index: IndexDep,
    editor: EditorDep,
    body: ResourceCreate,
) -> ResourcePublic:
    """Create a resource / 新建教学资源 (视频、PPT、文档、教案、实训指导书、虚拟仿真)."""
    try:
        r = create_resource(store, body, Origin.api(editor.name))
    except ResourceExistsError as exc:
        raise ApiProblem(409, str(exc), "resource-exists") from None
    after_write(request, store, [r.iri])
    response.headers["Location"] = str(request.url_for("resource", rid=resource_key(r.iri)))
    return resource_public(store, index, r)


@router.get("/{rid}", name="resource", response_model=ResourcePublic, responses=responses(404))
def read(store: StoreDep, index: IndexDep, _: ReaderDep, rid: ResourceId) -> ResourcePublic:
    """A resource with its links / 查看教学资源及其关联."""
    r = get_resource(store, stored(store, rid))
    assert r is not None
    return resource_public(store, index, r)


@router.patch("/{rid}", response_model=ResourcePublic, responses=responses(404))
def update(
    request: Request,
    store: StoreDep,
    index: IndexDep,
    editor: EditorDep,
    rid: ResourceId,
    body: ResourceUpdate,
) -> ResourcePublic:
    """Change a resource's description (its id and links stay) / 修改教学资源."""
    iri = stored(store, rid)
    old = get_resource(store, iri)
    assert old is not None
    changes = body.model_dump(exclude_unset=True)
    for required in ("title", "type"):
        if required in changes and changes[required] is None:
            raise ApiProblem(422, f"{required} cannot be cleared", "invalid-request")
    data = ResourceData.model_validate({**old.data.model_dump(), **changes})
    r = update_resource(store, iri, data, Origin.api(editor.name))
    after_write(request, store, [iri])
    return resource_public(store, index, r)


@router.delete("/{rid}", status_code=204, response_class=Response, responses=responses(404))
def delete(request: Request, store: StoreDep, _: EditorDep, rid: ResourceId) -> Response:
    """Delete a resource and its links / 删除教学资源及其关联."""
    iri = stored(store, rid)
    delete_resource(store, iri)
    after_write(request, store, [iri])
    return Response(status_code=204)


@router.post(
    "/import",
    response_model=ImportReport,
    responses=responses(400, 413, 415),
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": {"type": "array", "items": {"type": "object"}}},
                "text/csv": {"schema": {"type": "string"}},
            },
        }
    },
)
async def import_listing(
    request: Request,
    store: StoreDep,
    index: IndexDep,
    settings: SettingsDep,
    editor: EditorDep,
    name: Annotated[
        str, Query(min_length=1, max_length=200, description="The listing's name / 清单名称.")
    ] = "upload",
    content_type: Annotated[str | None, Header(description="application/json or text/csv.")] = None,
) -> ImportReport:
    """Import a 资源库 listing (JSON or CSV): resources and their links / 批量导入资源清单."""
    media = (content_type or "").split(";")[0].strip().lower()
    kinds: dict[str, Literal["json", "csv"]] = {"application/json": "json", "text/csv": "csv"}
    if media not in kinds:
        raise ApiProblem(415, "send application/json or text/csv", "unsupported-media-type")
    raw = await read_body(request, settings.import_max_bytes)
    report = await run_in_threadpool(_import, store, index, raw, name, kinds[media], editor.name)
    after_write(request, store, report.created + report.updated)
    return report


def _resolve(store: OxigraphStore, index: LabelIndex, ref: NodeRef) -> tuple[str | None, str]:
    """A listing's node reference as an IRI, or ``None`` and the reason."""
    try:
        resolve_iri(store, ref.text)
    except ValueError:
        # Not an IRI nor kind/key: a label, which must name exactly one node.
        hits = index.exact(ref.text, (ref.kind,) if ref.kind else LINKABLE_KINDS)
        if len(hits) == 1:
            return hits[0].iri, ""
        return None, f"{len(hits)} nodes have this label" if hits else "no node has this label"
    try:
        return linkable(store, index, ref.text), ""
    except ValueError as exc:
        return None, str(exc)


def _import(
    store: OxigraphStore,
    index: LabelIndex,
    raw: bytes,
    name: str,
    media: Literal["json", "csv"],
    editor: str,
) -> ImportReport:
    try:
        listing = parse_listing(raw, name, media)
    except (InputError, ValueError) as exc:
        raise ApiProblem(400, str(exc), "invalid-listing") from None
    if listing.issues:
        shown = "; ".join(f"row {i.line} {i.field}: {i.reason}" for i in listing.issues[:20])
        more = len(listing.issues) - 20
        raise ApiProblem(422, shown + (f"; and {more} more" if more > 0 else ""), "invalid-listing")
    rows, unresolved = [], []
    for row in listing.rows:
        found: list[tuple[str, float]] = []
        for ref in row.refs:
            iri, reason = _resolve(store, index, ref)
            if iri is not None:
                found.append((iri, row.relevance))
            else:
                unresolved.append(
                    ImportIssue(line=row.line, field="nodes", value=ref.text, reason=reason)
                )
        rows.append((row.data, found))
    sha = hashlib.sha256(raw).hexdigest()
    origin = Origin(f"listing/{sha[:16]}", name, "resource-listing", sha, editor)
    created, updated = import_resources(store, rows, origin)
    return ImportReport(
        rows=len(rows),
        created=created,
        updated=updated,
        links=sum(len(f) for _, f in rows),
        unresolved=unresolved,
    )
