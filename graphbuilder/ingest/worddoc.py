"""docx → the markdown rendering of :mod:`graphbuilder.ingest.rendering` (python-docx).

The body is read in order, paragraphs and tables interleaved. A paragraph whose style is a
heading (``Heading N``, ``标题 N``, ``Title``, or a style with an outline level) becomes a
heading line; bold and underlined runs keep their marks; a table keeps its merged cells as
``colspan``/``rowspan``.
"""

from __future__ import annotations

import io
import re
from typing import Any

from graphbuilder.errors import EmptyDocumentError, InputError
from graphbuilder.ingest.rendering import Cell, heading, join_blocks, marked, table_html

_HEADING_STYLE = re.compile(r"^(?:heading|标题)\s*(\d)$", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def render_docx(raw: bytes, name: str) -> str:
    """The rendering of a docx file's body.

    Args:
        raw: the file's bytes (checked by :func:`~graphbuilder.ingest.limits.check_archive`).
        name: the file name for error messages.

    Returns:
        The markdown rendering.

    Raises:
        InputError: python-docx cannot read the file.
        EmptyDocumentError: the body holds no text.
    """
    # Late: python-docx and lxml are only needed for docx files.
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
        blocks: list[str] = []
        numbers = _Numbering(document)
        for child in document.element.body.iterchildren():
            if child.tag == f"{_W}p":
                paragraph = Paragraph(child, document)
                blocks.append(numbers.marker(paragraph) + _paragraph(paragraph))
            elif child.tag == f"{_W}tbl":
                blocks.append(_table(Table(child, document)))
    # python-docx surfaces a damaged part as whatever its zip or XML layer raised (KeyError,
    # ValueError, XMLSyntaxError, ...); a bad file must end as one InputError.
    except Exception as exc:
        detail = str(exc) or type(exc).__name__
        raise InputError(name, f"not a readable docx document: {detail}") from exc
    text = join_blocks(blocks)
    if not text.strip():
        raise EmptyDocumentError(name, "a docx document with no text")
    return text


def _heading_level(paragraph: Any) -> int | None:
    style = paragraph.style
    while style is not None:
        style_name = str(style.name or "")
        if style_name.lower() == "title":
            return 1
        m = _HEADING_STYLE.match(style_name)
        if m:
            return int(m.group(1))
        style = style.base_style
    ppr = paragraph._p.pPr
    if ppr is not None:
        found = ppr.find(f"{_W}outlineLvl")
        if found is not None:
            value = found.get(f"{_W}val", "")
            if value.isdigit() and int(value) < 9:
                return int(value) + 1
    return None


class _Numbering:
    """The numbers Word draws before list paragraphs (they are not in the runs' text).

    A decimal list item gets ``n. `` (counted per list and level, deeper levels restarting),
    a bullet item ``- ``; the list's format comes from the numbering part.
    """

    def __init__(self, document: Any) -> None:
        self.formats: dict[tuple[str, str], str] = {}
        self.counts: dict[tuple[str, str], int] = {}
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {a.get(f"{_W}abstractNumId"): a for a in numbering.findall(f"{_W}abstractNum")}
        for num in numbering.findall(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            definition = abstract.get(ref.get(f"{_W}val") if ref is not None else None)
            if definition is None:
                continue
            for lvl in definition.findall(f"{_W}lvl"):
                fmt = lvl.find(f"{_W}numFmt")
                key = (str(num.get(f"{_W}numId")), str(lvl.get(f"{_W}ilvl")))
                self.formats[key] = fmt.get(f"{_W}val", "decimal") if fmt is not None else "decimal"

    def marker(self, paragraph: Any) -> str:
        num_pr = _num_pr(paragraph)
        if num_pr is None:
            return ""
        num_id, ilvl = num_pr.find(f"{_W}numId"), num_pr.find(f"{_W}ilvl")
        key = (
            str(num_id.get(f"{_W}val")) if num_id is not None else "",
            str(ilvl.get(f"{_W}val")) if ilvl is not None else "0",
        )
        if self.formats.get(key, "decimal") == "bullet":
            return "- "
        self.counts[key] = self.counts.get(key, 0) + 1
        for other in list(self.counts):
            if other[0] == key[0] and other[1] > key[1]:
                del self.counts[other]
        return f"{self.counts[key]}. "


def _num_pr(paragraph: Any) -> Any:
    """The list numbering of a paragraph: its own, or its style's (``List Number``)."""
    ppr = paragraph._p.pPr
    found = ppr.find(f"{_W}numPr") if ppr is not None else None
    style = paragraph.style
    while found is None and style is not None:
        sppr = style.element.pPr
        found = sppr.find(f"{_W}numPr") if sppr is not None else None
        style = style.base_style
    return found


def _paragraph(paragraph: Any) -> str:
    level = _heading_level(paragraph)
    if level is not None:
        return heading(level, paragraph.text) if paragraph.text.strip() else ""
    parts: list[str] = []
    run_text, run_format = "", (False, False)
    for run in paragraph.runs:
        fmt = (bool(run.bold), bool(run.underline))
        if fmt != run_format:
            parts.append(marked(run_text, bold=run_format[0], underline=run_format[1]))
            run_text, run_format = "", fmt
        run_text += run.text
    parts.append(marked(run_text, bold=run_format[0], underline=run_format[1]))
    return " ".join("".join(parts).split("\n")).strip()


def _table(table: Any) -> str:
    from docx.table import _Cell

    grid: list[list[tuple[int, Any]]] = []  # per row: (grid column, tc)
    for tr in table._tbl.tr_lst:
        col = tr.grid_before
        row: list[tuple[int, Any]] = []
        for tc in tr.tc_lst:
            row.append((col, tc))
            col += tc.grid_span
        grid.append(row)
    rows: list[list[Cell]] = []
    for r, row in enumerate(grid):
        cells: list[Cell] = []
        for col, tc in row:
            if tc.vMerge == "continue":
                continue
            rowspan = 1
            if tc.vMerge == "restart":
                while r + rowspan < len(grid) and _continues(grid[r + rowspan], col):
                    rowspan += 1
            text = _Cell(tc, table).text
            cells.append(Cell(text, colspan=tc.grid_span, rowspan=rowspan))
        rows.append(cells)
    return table_html(rows)


def _continues(row: list[tuple[int, Any]], col: int) -> bool:
    return any(c == col and tc.vMerge == "continue" for c, tc in row)
