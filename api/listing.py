"""Read a 资源库 resource listing (JSON or CSV) into resources and node references.

Columns (CSV headers or JSON keys), in English or as a 资源库 export names them:

============  ==============================================
field         also read from
============  ==============================================
title         资源名称, 名称, 标题
type          资源类型, 类型 (视频, 课件/PPT, 文档, 教案, 实训指导书, 虚拟仿真 or the codes)
url           链接, 资源地址, 地址
licence       license, 许可, 许可协议, 版权
description   描述, 简介, 资源简介
identifier    id, 资源编号, 编号, 资源ID
nodes         关联节点; 知识点, 技能点, 课程 (which also say the node kind)
relevance     关联度 (0-1, for every link of the row; default 1)
============  ==============================================

A node reference is an IRI, a kind path and key (``skill/3f…``) or a label; several are
separated by ``;``, ``；`` or ``|`` (not ``、``, which labels contain; a JSON list works too).
Rows are numbered as the file is: the CSV line (the header is line 1), or the JSON item (the
first is 1).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from graphbuilder.ingest.decode import decode
from graphbuilder.store.resources import RESOURCE_TYPES, ResourceData

_FIELDS = {
    "title": ("title", "资源名称", "名称", "标题"),
    "type": ("type", "资源类型", "类型"),
    "url": ("url", "链接", "资源地址", "地址"),
    "licence": ("licence", "license", "许可", "许可协议", "版权"),
    "description": ("description", "描述", "简介", "资源简介"),
    "identifier": ("identifier", "id", "资源编号", "编号", "资源id"),
    "relevance": ("relevance", "关联度"),
}
# Columns of node references, with the node kind they imply.
_NODE_COLUMNS: dict[str, str | None] = {
    "nodes": None,
    "关联节点": None,
    "知识点": "KnowledgePoint",
    "技能点": "Skill",
    "课程": "Course",
}
_TYPE_ALIASES = {
    **{code: code for code in RESOURCE_TYPES},
    **{zh: code for code, zh in RESOURCE_TYPES.items()},
    "微课": "video",
    "动画": "video",
    "课件": "ppt",
    "pptx": "ppt",
    "文本": "document",
    "pdf": "document",
    "教学设计": "lesson-plan",
    "实训指导": "training-guide",
    "实验指导书": "training-guide",
    "仿真": "simulation",
}
_SPLIT = re.compile(r"[;；|]")


@dataclass(frozen=True, slots=True)
class NodeRef:
    """A reference to a node as the listing wrote it, with the kind its column implies."""

    text: str
    kind: str | None


@dataclass(frozen=True, slots=True)
class Row:
    """One valid row: its number, the resource, its node references and their relevance."""

    line: int
    data: ResourceData
    refs: tuple[NodeRef, ...]
    relevance: float


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem with one row: its number, the field, the value and why."""

    line: int
    field: str
    value: str
    reason: str


@dataclass
class Listing:
    """What a listing held: the valid rows and the problems of the others."""

    rows: list[Row] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)


def parse_listing(raw: bytes, name: str, media: str) -> Listing:
    """Read a listing's bytes (``media``: ``json`` or ``csv``).

    Raises:
        InputError: the bytes are not text in a known encoding.
        ValueError: the file is not a listing at all (not JSON, no header, no title column).
    """
    text = decode(raw, name).text
    if media == "json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{name}: not JSON: {exc}") from None
        items = data.get("resources") if isinstance(data, dict) else data
        if not isinstance(items, list):
            raise ValueError(f'{name}: expected a list of resources or {{"resources": [...]}}')
        records = [(i + 1, item) for i, item in enumerate(items)]
    else:
        reader = csv.reader(io.StringIO(text))
        try:
            header = [h.strip() for h in next(reader, [])]
            if not any(header):
                raise ValueError(f"{name}: no header row")
            records = []
            start = reader.line_num + 1  # a row's first line (a quoted cell may span lines)
            for cells in reader:
                if any(c.strip() for c in cells):
                    records.append((start, dict(zip(header, cells, strict=False))))
                start = reader.line_num + 1
        except csv.Error as exc:
            raise ValueError(f"{name}: line {reader.line_num}: not CSV: {exc}") from None
    listing = Listing()
    for line, item in records:
        if not isinstance(item, dict):
            listing.issues.append(Issue(line, "", str(item)[:100], "not an object"))
            continue
        _row(listing, line, {str(k).strip().lower(): v for k, v in item.items() if k})
    return listing


def _first(item: dict[str, object], names: tuple[str, ...]) -> object:
    for n in names:
        value = item.get(n)
        if value not in (None, ""):
            return value.strip() if isinstance(value, str) else value
    return None


def _row(listing: Listing, line: int, item: dict[str, object]) -> None:
    values = {f: _first(item, names) for f, names in _FIELDS.items()}
    kind = values.get("type")
    if isinstance(kind, str):
        values["type"] = _TYPE_ALIASES.get(kind.lower(), _TYPE_ALIASES.get(kind, kind))
    relevance = values.pop("relevance")
    try:
        rel = 1.0 if relevance is None else float(str(relevance))
        if not 0 <= rel <= 1:
            raise ValueError
    except ValueError:
        listing.issues.append(Issue(line, "relevance", str(relevance), "not a number from 0 to 1"))
        return
    try:
        data = ResourceData.model_validate({k: v for k, v in values.items() if v is not None})
    except ValidationError as exc:
        for e in exc.errors():
            where = ".".join(str(p) for p in e["loc"])
            listing.issues.append(Issue(line, where, str(values.get(where, ""))[:200], e["msg"]))
        return
    refs = []
    for column, kind_hint in _NODE_COLUMNS.items():
        cell = item.get(column.lower())
        parts = cell if isinstance(cell, list) else _SPLIT.split(str(cell)) if cell else []
        refs += [NodeRef(str(p).strip(), kind_hint) for p in parts if str(p).strip()]
    listing.rows.append(Row(line, data, tuple(refs), rel))
