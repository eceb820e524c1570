"""Exports of the graph, in every format the library registers, with ETags."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Header, Path, Query, Request, Response
from fastapi.responses import StreamingResponse

from api.deps import ReaderDep, StoreDep
from api.exporting import ExportCache, latest_build, media_type, served_suffix
from api.problems import ApiProblem, responses
from api.schemas import ExportFormat, ExportsPublic
from graphbuilder.model.records import NodeKind

if TYPE_CHECKING:
    from api.exporting import Exporter

router = APIRouter(prefix="/exports", tags=["exports"], responses=responses(401))
_CHUNK = 1 << 20


def _exporters() -> dict[str, Exporter]:
    # Read the registry on every call (and import it late: exporters may pull in heavy
    # libraries); formats registered later are served without a change here.
    from graphbuilder.export import EXPORTERS

    return dict(EXPORTERS)  # type: ignore[arg-type]


@router.get("", response_model=ExportsPublic)
def export_formats(request: Request, store: StoreDep, _: ReaderDep) -> ExportsPublic:
    """The export formats and the build they export / 可用的导出格式."""
    return ExportsPublic(
        build_id=latest_build(store),
        data=[
            ExportFormat(
                name=name,
                description=getattr(exporter, "description", ""),
                media_type=media_type(exporter),
                href=str(request.url_for("export", format=name).path),
            )
            for name, exporter in sorted(_exporters().items())
        ],
    )


def _matches(header: str | None, etag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``etag`` (weak comparison, RFC 9110)."""
    if header is None:
        return False
    tags = [t.strip() for t in header.split(",")]
    return "*" in tags or any(t.removeprefix("W/") == etag for t in tags)


@router.get(
    "/{format}",
    name="export",
    response_class=StreamingResponse,
    responses={
        200: {"description": "The export, streamed / 导出文件.", "content": {"*/*": {}}},
        304: {"description": "Not modified since the ETag sent / 未变化."},
        **responses(404),
    },
)
def export(
    request: Request,
    store: StoreDep,
    _: ReaderDep,
    format: Annotated[str, Path(max_length=50, description="Export format / 导出格式.")],
    major: Annotated[
        list[Annotated[str, Query(pattern=r"^[0-9]{6}$")]] | None,
        Query(description="Only these majors and what hangs off them (repeatable) / 专业."),
    ] = None,
    kind: Annotated[
        list[NodeKind] | None, Query(description="Only these node kinds (repeatable) / 节点类型.")
    ] = None,
    if_none_match: Annotated[
        str | None,
        Header(description="An ETag from an earlier answer: 304 when unchanged / 缓存标识."),
    ] = None,
) -> Response:
    """The graph, or part of it, in one format, streamed with an ETag / 导出图谱 (ETag 缓存)."""
    from graphbuilder.export import Selection

    exporters = _exporters()
    exporter = exporters.get(format)
    if exporter is None:
        raise ApiProblem(
            404, f"unknown format {format!r}; one of {sorted(exporters)}", "unknown-format"
        )
    selection = Selection(
        majors=tuple(sorted(set(major or ()))), kinds=tuple(sorted(set(kind or ())))
    )
    cache: ExportCache = request.app.state.exports
    tag = cache.etag(store, format, f"{selection.majors}|{selection.kinds}")
    quoted = f'"{tag}"'
    headers = {"ETag": quoted, "X-Build-Id": latest_build(store) or "", "Cache-Control": "no-cache"}
    if _matches(if_none_match, quoted):
        return Response(status_code=304, headers=headers)
    path = cache.file(store, format, tag, exporter, selection)
    # Open now: a newer export may replace the file while it streams; the open file stays.
    fh = path.open("rb")

    def chunks() -> Iterator[bytes]:
        try:
            while block := fh.read(_CHUNK):
                yield block
        finally:
            fh.close()

    suffix = served_suffix(exporter)
    headers["Content-Length"] = str(path.stat().st_size)
    headers["Content-Disposition"] = f'attachment; filename="graph-{format}{suffix}"'
    return StreamingResponse(chunks(), media_type=media_type(exporter), headers=headers)
