"""The text a docx, PDF or HTML file is read as: markdown with HTML tables.

A binary or markup document has no character offsets of its own, so, as for workbooks
(:mod:`graphbuilder.ingest.xlsx`), its *decoded source text* is defined as a rendering, and
every span points into it. The rendering is the markdown the kind readers already take:

- a heading is a line ``#``×level, a space, its text;
- a paragraph is its text on one line; **bold** and <u>underlined</u> runs are marked so;
- a table is one ``<table><tr><td>…</td></tr></table>`` block (cells escaped, a merged cell
  written once with ``colspan``/``rowspan``), as PDF→markdown converters write them;
- blocks are separated by a blank line.

:func:`graphbuilder.ingest.render_source` gives this text for any file, so anyone who has the
file can check a span.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

_SPACE = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell as rendered: its text and how many grid columns and rows it covers."""

    text: str
    colspan: int = 1
    rowspan: int = 1


def squash(text: str) -> str:
    """Collapse runs of spaces (not line breaks) and strip each line.

    >>> squash("  数据  类型 \\n  概述 ")
    '数据 类型\\n概述'
    """
    lines = (_SPACE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def heading(level: int, text: str) -> str:
    """A markdown heading line.

    >>> heading(2, "第一章  数据类型")
    '## 第一章 数据类型'
    """
    return f"{'#' * max(1, min(level, 6))} {squash(text).replace(chr(10), ' ')}"


def marked(text: str, *, bold: bool = False, underline: bool = False) -> str:
    """A run of text with its emphasis marks (none around blank text).

    >>> marked("原始类型", bold=True), marked("闭包", underline=True), marked(" ", bold=True)
    ('**原始类型**', '<u>闭包</u>', ' ')
    """
    if not text.strip():
        return text
    if underline:
        text = f"<u>{text}</u>"
    if bold:
        text = f"**{text}**"
    return text


def table_html(rows: Sequence[Sequence[Cell]]) -> str:
    """A table as one HTML block, rows in order, empty rows dropped.

    >>> table_html([[Cell("课程名称"), Cell("学分")], [Cell("A&B", colspan=2)]])
    '<table><tr><td>课程名称</td><td>学分</td></tr><tr><td colspan="2">A&amp;B</td></tr></table>'
    """
    out = ["<table>"]
    for row in rows:
        if not row:
            continue
        out.append("<tr>")
        for cell in row:
            attrs = ""
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            out.append(f"<td{attrs}>{html.escape(squash(cell.text), quote=False)}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "".join(out)


def join_blocks(blocks: Sequence[str]) -> str:
    """The blocks separated by blank lines, with a final newline (empty blocks dropped).

    >>> join_blocks(["# 标题", "", "正文"])
    '# 标题\\n\\n正文\\n'
    """
    kept = [b.strip("\n") for b in blocks if b.strip()]
    return "\n\n".join(kept) + "\n" if kept else ""
