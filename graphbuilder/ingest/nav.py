"""A textbook's table of contents: ``chapters.yml``, ``mkdocs.yml`` or a ``SUMMARY.md``.

Recognised by content: a YAML list of ``path: title`` entries (wangdoc's ``chapters.yml``: a
path ending in ``/`` is a part, the files after it its chapters), a YAML mapping with a
``nav`` list (mkdocs: ``title: path`` or ``title: [children]``), or a markdown list of links
to ``.md`` files (GitBook/mdBook ``SUMMARY.md``: an item with children is a part).

A chapter's key is the path of its file relative to the source root, the same path its own
document has, so the chapter file's facts land on the module the table of contents orders.
Sections: ``book`` (attrs ``title``: mkdocs ``site_name`` or the folder's name), ``part`` (key: its
ordinal; attrs ``title``, ``path``), ``chapter`` (key: the file's path; attrs ``title``,
``part``, ``ordinal``, ``exists``). Spans point at each title in the file.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graphbuilder.model.records import Section

KIND = "textbook-nav"
MAX_ENTRIES = 10_000

_YAML_LIST_ENTRY = re.compile(r"^-\s+['\"]?[^\s:'\"]+(?:\.md|/)['\"]?\s*:", re.MULTILINE)
_MKDOCS_NAV = re.compile(r"^nav\s*:", re.MULTILINE)
_SUMMARY_ITEM = re.compile(
    r"^(?P<indent>[ \t]*)[-*+]\s+\[(?P<title>[^\]\n]+)\]\((?P<path>[^)\s]*)\)"
)


@dataclass(frozen=True, slots=True)
class _Entry:
    title: str
    path: str
    depth: int


def is_nav(text: str) -> bool:
    """Whether ``text`` is a table of contents this module reads.

    >>> is_nav("- basic/: 入门篇\\n- basic/intro.md: 导论\\n")
    True
    >>> is_nav("* [导论](intro.md)\\n* [历史](history.md)\\n  * [语法](grammar.md)\\n")
    True
    >>> is_nav("# 标题\\n正文")
    False
    """
    if len(_YAML_LIST_ENTRY.findall(text)) >= 2 or _MKDOCS_NAV.search(text):
        return bool(_yaml_entries(text)[1])
    items = sum(1 for line in text.splitlines() if _SUMMARY_ITEM.match(line))
    lines = sum(1 for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return items >= 3 and items >= 0.5 * lines


def read_nav(doc_id: str, text: str, path: Path, relpath: str) -> list[Section]:
    """Cut a table of contents into ``book``, ``part`` and ``chapter`` sections.

    Args:
        doc_id: the document id.
        text: the decoded file.
        path: the file on disk (to resolve chapter files and name the book).
        relpath: its path relative to the source root.

    Returns:
        The sections in the order of the table of contents.
    """
    title, entries, docs_dir = _yaml_entries(text)
    if not entries:
        title, entries, docs_dir = "", _summary_entries(text), ""
    folder = path.resolve().parent
    base_dir = folder / docs_dir if docs_dir and (folder / docs_dir).is_dir() else folder
    if not docs_dir and (folder / "docs").is_dir() and not (folder / entries[0].path).exists():
        base_dir = folder / "docs"
    rel_base = posixpath.normpath(
        posixpath.join(posixpath.dirname(relpath), base_dir.relative_to(folder).as_posix())
    )
    out: list[Section] = []
    book = title or folder.name
    found = text.find(title) if title else -1
    where = (found, found + len(title)) if found >= 0 else (0, 0)
    attrs = {"title": book, "source": "nav" if title else "folder"}
    out.append(Section(doc_id, "book", book, text[where[0] : where[1]], *where, (), attrs))
    cursor = 0
    part, ordinal, parts = "", 0, 0
    for entry in entries:
        start, cursor = _locate(text, entry, cursor)
        span = (start, start + len(entry.title)) if start >= 0 else (0, 0)
        if entry.path.endswith("/") or not entry.path:
            parts += 1
            part, ordinal = str(parts), 0
            attrs = {"title": entry.title, "path": entry.path}
            out.append(Section(doc_id, "part", part, entry.title, *span, (), attrs))
            continue
        ordinal += 1
        file_rel = posixpath.normpath(posixpath.join(rel_base, entry.path))
        exists = (base_dir / entry.path).is_file()
        attrs = {
            "title": entry.title,
            "part": part,
            "ordinal": str(ordinal),
            "exists": "true" if exists else "false",
        }
        out.append(Section(doc_id, "chapter", file_rel, entry.title, *span, (), attrs))
    return out


def _locate(text: str, entry: _Entry, cursor: int) -> tuple[int, int]:
    """(offset of the entry's title or -1, the new cursor), searching from ``cursor``.

    The title is looked for on the line that names the entry's path; an entry without a
    path (a part) is looked for by its title alone.
    """
    at = text.find(entry.path, cursor) if entry.path else -1
    if at < 0:
        found = text.find(entry.title, cursor)
        return found, (found + len(entry.title) if found >= 0 else cursor)
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    return text.find(entry.title, line_start, line_end), line_end


class _Loader:
    """A YAML safe loader that reads unknown tags (mkdocs' ``!!python/name:``) as ``None``."""

    @staticmethod
    def load(text: str) -> Any:
        import yaml  # type: ignore[import-untyped]  # PyYAML ships no type hints

        class Loader(yaml.SafeLoader):  # type: ignore[misc]
            pass

        def unknown(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
            return None

        Loader.add_multi_constructor("", unknown)
        Loader.add_multi_constructor("tag:yaml.org,2002:python/", unknown)
        return yaml.load(text, Loader=Loader)


def _yaml_entries(text: str) -> tuple[str, list[_Entry], str]:
    """(title, entries, docs_dir) of a YAML table of contents; no entries when it is not one."""
    import yaml

    try:
        data = _Loader.load(text)
    except yaml.YAMLError:
        return "", [], ""
    entries: list[_Entry] = []
    if isinstance(data, list):
        for item in data[:MAX_ENTRIES]:
            if isinstance(item, dict) and len(item) == 1:
                key, value = next(iter(item.items()))
                if isinstance(key, str) and isinstance(value, str) and key.endswith((".md", "/")):
                    entries.append(_Entry(value.strip(), key.strip(), 0))
        return "", entries, ""
    if isinstance(data, dict) and isinstance(data.get("nav"), list):
        _walk_mkdocs(data["nav"], 0, entries)
        title = data.get("site_name")
        docs_dir = data.get("docs_dir", "docs")
        return (
            title.strip() if isinstance(title, str) else "",
            entries,
            docs_dir if isinstance(docs_dir, str) else "docs",
        )
    return "", [], ""


def _walk_mkdocs(items: list[Any], depth: int, out: list[_Entry]) -> None:
    for item in items:
        if len(out) >= MAX_ENTRIES or depth > 8:
            return
        if isinstance(item, str) and item.endswith(".md"):
            out.append(_Entry(posixpath.splitext(posixpath.basename(item))[0], item, depth))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str) and value.endswith(".md"):
                    out.append(_Entry(str(title), value, depth))
                elif isinstance(value, list):
                    out.append(_Entry(str(title), "", depth))
                    _walk_mkdocs(value, depth + 1, out)


def _summary_entries(text: str) -> list[_Entry]:
    items = [m for line in text.splitlines() if (m := _SUMMARY_ITEM.match(line))]
    out: list[_Entry] = []
    for i, m in enumerate(items[:MAX_ENTRIES]):
        depth = len(m.group("indent").expandtabs(4)) // 2
        has_children = (
            i + 1 < len(items) and len(items[i + 1].group("indent").expandtabs(4)) // 2 > depth
        )
        path = m.group("path")
        if depth == 0 and has_children:
            out.append(_Entry(m.group("title").strip(), "", 0))
            if path.endswith(".md"):
                out.append(_Entry(m.group("title").strip(), path, 1))
        elif path.endswith(".md"):
            out.append(_Entry(m.group("title").strip(), path, depth))
    return out
