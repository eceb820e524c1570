"""资源库 listings: teaching resources with their type, order and 项目/任务 hierarchy.

Three shapes are read, recognised by content:

- JSON: nested objects, a module being an object with a list of children (``items``,
  ``resources``, ``children``…) and a title (``chapterName``, ``项目``, ``name``…), a resource
  an object with a title (``fileName``, ``title``, ``资源名称``…) and maybe ``url``/``type``;
- a table (CSV/TSV text or an xlsx sheet) whose header has a resource-title column and a
  项目/模块/章节 column, maybe 任务, 类型 and 链接 columns (rows are read by
  :mod:`graphbuilder.ingest.delimited` or from the workbook rendering).

Sections: ``course`` (key: the title, when the listing names one), ``module`` (key: ``1``,
``1.2``…; attrs ``title``, ``level``, ``parent``), ``resource`` (key: ``<module>/<n>``; attrs
``title``, ``rtype``, ``url``, ``number``, ``topic``, ``module``, ``ordinal``). Each section
spans its title in the source: the JSON string token, or the table cell.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from graphbuilder.ingest.resource_titles import parse_title
from graphbuilder.model.records import Section

KIND = "resource-listing"

RESOURCE_TITLE_KEYS = (
    "fileName",
    "filename",
    "资源名称",
    "资源标题",
    "resourceName",
    "title",
    "name",
    "名称",
    "标题",
)
MODULE_TITLE_KEYS = (
    "chapterName",
    "项目",
    "项目名称",
    "章节",
    "模块",
    "任务",
    "任务名称",
    "title",
    "name",
    "名称",
    "标题",
)
CHILD_KEYS = (
    "items",
    "resources",
    "children",
    "资源",
    "子项",
    "files",
    "sections",
    "tasks",
    "任务列表",
    "list",
)
COURSE_KEYS = ("courseName", "course", "课程", "课程名称")
URL_KEYS = ("url", "URL", "link", "href", "链接", "地址", "资源链接")
TYPE_KEYS = ("type", "类型", "资源类型", "resourceType", "fileType")
MAX_ITEMS = 100_000
_MAX_DEPTH = 6


@dataclass
class Row:
    """One resource of a listing, wherever it came from.

    Attributes:
        modules: the titles (and title spans) of its 项目 and 任务, outermost first.
        title: the resource title and its span.
        url: its address, if any.
        declared_type: a type column or field, if any.
    """

    modules: list[tuple[str, int, int]]
    title: tuple[str, int, int]
    url: str = ""
    declared_type: str = ""


@dataclass
class Listing:
    """A listing read into rows, with the course it names."""

    course: tuple[str, int, int] | None = None
    rows: list[Row] = field(default_factory=list)


def sections_of(doc_id: str, source: str, listing: Listing) -> list[Section]:
    """The ``course``, ``module`` and ``resource`` sections of a listing, in order."""
    out: list[Section] = []
    if listing.course is not None:
        title, start, end = listing.course
        out.append(
            Section(doc_id, "course", title, source[start:end], start, end, (), {"title": title})
        )
    module_keys: dict[tuple[str, ...], str] = {}
    counters: dict[str, int] = {}
    for row in listing.rows:
        parent = ""
        path: tuple[str, ...] = ()
        for level, (title, start, end) in enumerate(row.modules, start=1):
            path = (*path, title)
            key = module_keys.get(path)
            if key is None:
                counters[parent] = counters.get(parent, 0) + 1
                key = f"{parent}.{counters[parent]}" if parent else str(counters[parent])
                module_keys[path] = key
                attrs = {"title": title, "level": str(level), "parent": parent}
                out.append(Section(doc_id, "module", key, source[start:end], start, end, (), attrs))
            parent = key
        counters[f"r:{parent}"] = n = counters.get(f"r:{parent}", 0) + 1
        title, start, end = row.title
        parsed = parse_title(title, row.url, row.declared_type)
        attrs = {
            "title": parsed.title,
            "rtype": parsed.rtype,
            "url": row.url,
            "number": parsed.number,
            "topic": parsed.topic,
            "module": parent,
            "ordinal": str(n),
        }
        out.append(
            Section(doc_id, "resource", f"{parent}/{n}", source[start:end], start, end, (), attrs)
        )
    return out


def json_listing(text: str) -> Listing | None:
    """The listing in a JSON text, or ``None`` when the text is no JSON resource listing."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    listing = Listing()
    cursor = _Cursor(text)
    if isinstance(data, dict):
        course_key = _first_key(data, COURSE_KEYS, str)
        if course_key is not None:
            listing.course = cursor.string(course_key)
    _walk(data, [], listing, cursor, 0)
    if not listing.rows or not any(
        r.url or parse_title(r.title[0], declared_type=r.declared_type).rtype != "other"
        for r in listing.rows
    ):
        return None
    return listing


class _Cursor:
    """Finds the JSON string token of a key's value, in document order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def string(self, key: str) -> tuple[str, int, int]:
        pattern = re.compile(
            r'"'
            + re.escape(json.dumps(key, ensure_ascii=False)[1:-1])
            + r'"\s*:\s*"((?:[^"\\]|\\.)*)"'
        )
        m = pattern.search(self.text, self.pos)
        if m is None:  # an escaped key spelling; keep the order, point nowhere
            return "", self.pos, self.pos
        self.pos = m.end()
        raw = m.group(1)
        return json.loads(f'"{raw}"'), m.start(1), m.end(1)


def _first_key(obj: dict[str, Any], keys: Sequence[str], kind: type) -> str | None:
    return next((k for k in keys if isinstance(obj.get(k), kind) and obj.get(k)), None)


def _walk(
    data: Any, modules: list[tuple[str, int, int]], listing: Listing, cursor: _Cursor, depth: int
) -> None:
    if depth > _MAX_DEPTH or len(listing.rows) >= MAX_ITEMS:
        return
    if isinstance(data, list):
        for item in data:
            _walk(item, modules, listing, cursor, depth + 1)
        return
    if not isinstance(data, dict):
        return
    child_key = _first_key(data, CHILD_KEYS, list)
    if child_key is not None:
        title_key = _first_key(data, MODULE_TITLE_KEYS, str)
        here = modules
        if title_key is not None and data.get(title_key, "").strip():
            here = [*modules, cursor.string(title_key)]
        _walk(data[child_key], here, listing, cursor, depth + 1)
        return
    title_key = _first_key(data, RESOURCE_TITLE_KEYS, str)
    if title_key is None:
        return
    title = cursor.string(title_key)
    url_key = _first_key(data, URL_KEYS, str)
    type_key = _first_key(data, TYPE_KEYS, str)
    if title[0].strip():
        listing.rows.append(
            Row(
                list(modules),
                title,
                str(data[url_key]).strip() if url_key else "",
                str(data[type_key]).strip() if type_key else "",
            )
        )


_TITLE_COLUMNS = ("资源名称", "资源标题", "资源", "名称", "标题", "title", "fileName", "文件名")
_MODULE_COLUMNS = ("项目", "项目名称", "模块", "章节", "单元", "chapter")
_TASK_COLUMNS = ("任务", "任务名称", "节", "小节", "section")
_TYPE_COLUMNS = ("资源类型", "类型", "type", "格式")
_URL_COLUMNS = ("链接", "地址", "url", "URL", "资源链接", "link")
_COURSE_COLUMNS = ("课程", "课程名称", "course")


def table_listing(
    header: Sequence[str], rows: Sequence[Sequence[tuple[str, int, int]]]
) -> Listing | None:
    """The listing in a table (cells with their spans), or ``None`` without the columns.

    A table is a listing when its header has a resource-title column and a 项目/模块/章节
    column. Rows without a title are skipped; an empty 项目 cell repeats the one above
    (a merged cell).
    """
    title = _column(header, _TITLE_COLUMNS)
    module = _column(header, _MODULE_COLUMNS)
    if title is None or module is None:
        return None
    task = _column(header, _TASK_COLUMNS)
    rtype = _column(header, _TYPE_COLUMNS)
    url = _column(header, _URL_COLUMNS)
    course = _column(header, _COURSE_COLUMNS)
    listing = Listing()
    last: dict[int, tuple[str, int, int]] = {}
    for row in rows[:MAX_ITEMS]:
        cell = _cell(row, title)
        if not cell[0].strip():
            continue
        modules = []
        for col in (module, task):
            if col is None:
                continue
            value = _cell(row, col)
            if value[0].strip():
                last[col] = value
                if col == module:
                    last.pop(task if task is not None else -1, None)
            if col in last:
                modules.append(last[col])
        if course is not None and listing.course is None and _cell(row, course)[0].strip():
            listing.course = _cell(row, course)
        listing.rows.append(
            Row(
                modules,
                cell,
                _cell(row, url)[0].strip() if url is not None else "",
                _cell(row, rtype)[0].strip() if rtype is not None else "",
            )
        )
    return listing if listing.rows else None


def _column(header: Sequence[str], names: Sequence[str]) -> int | None:
    cleaned = [h.strip() for h in header]
    for name in names:
        if name in cleaned:
            return cleaned.index(name)
    return None


def _cell(row: Sequence[tuple[str, int, int]], index: int) -> tuple[str, int, int]:
    if index < len(row):
        return row[index]
    end = row[-1][2] if row else 0
    return "", end, end
