"""PDF (with a text layer) → the markdown rendering of :mod:`graphbuilder.ingest.rendering`.

pdfplumber reads each page's text lines and its ruled tables; a line inside a table's box is
left to the table, which is written as an HTML block where its top edge is. Pages are blocks.
PDF has no heading markup: a line in type clearly larger than the body's is taken for a
heading (the largest size level 1); numbered headings (第一章, 1.1) are found by the readers.
A PDF whose pages hold no text (a scan) is refused with that reason: it needs OCR first.
"""

from __future__ import annotations

import io
import logging
import warnings
from typing import Any

from graphbuilder.errors import EmptyDocumentError, InputError
from graphbuilder.ingest.rendering import Cell, heading, join_blocks, squash, table_html
from graphbuilder.ingest.repair import drops_space


def render_pdf(raw: bytes, name: str, max_pages: int) -> str:
    """The rendering of a PDF's text layer.

    Args:
        raw: the file's bytes.
        name: the file name for error messages.
        max_pages: refuse a PDF with more pages than this.

    Returns:
        The markdown rendering, one block per page.

    Raises:
        InputError: pdfplumber cannot read the file (truncated, corrupt, encrypted), or it
            has too many pages.
        EmptyDocumentError: no page has a text layer.
    """
    # Late: pdfplumber (pdfminer) is slow to import and only needed for PDF files.
    import pdfplumber

    # pdfminer reports recoverable damage through logging; keep it off the user's console.
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            # pdfminer warns about damaged but readable objects (bad xref offsets, stray
            # bytes); what it recovers is what we read, and the text is checked below.
            warnings.simplefilter("ignore")
            with pdfplumber.open(io.BytesIO(raw)) as pdf:
                pages = pdf.pages
                if len(pages) > max_pages:
                    raise InputError(
                        name,
                        f"too many pages: {len(pages):,}, above the limit of {max_pages:,} "
                        "(setting GRAPHBUILDER_PDF_MAX_PAGES)",
                    )
                laid = [_layout(page) for page in pages]
                levels = _heading_levels([line for lines, _ in laid for line in lines])
                blocks = [_page(lines, tables, levels) for lines, tables in laid]
                count = len(pages)
    except InputError:
        raise
    # pdfminer raises its own exception types (PDFSyntaxError, PSEOF, PDFPasswordIncorrect)
    # and plain ones (KeyError, TypeError, ValueError) for damaged files: all end as one
    # InputError naming the file.
    except Exception as exc:
        # pdfplumber wraps pdfminer's error as the first argument of its own exception.
        inner = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        detail = str(inner) or type(inner).__name__
        if "password" in type(inner).__name__.lower() or "encrypt" in detail.lower():
            detail = f"encrypted, it needs a password ({type(inner).__name__})"
        raise InputError(name, f"not a readable PDF: {detail}") from exc
    text = join_blocks(blocks)
    if not text.strip():
        raise EmptyDocumentError(
            name, f"a PDF of {count} page(s) with no text layer (scanned?): run OCR on it first"
        )
    return text


def _layout(page: Any) -> tuple[list[dict[str, Any]], list[Any]]:
    """A page's text lines outside its tables, and its tables."""
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]
    lines = [
        line
        for line in page.extract_text_lines(return_chars=True)
        if not any(
            _inside(line["x0"], line["x1"], (line["top"] + line["bottom"]) / 2, box)
            for box in boxes
        )
    ]
    return lines, tables


def _page(lines: list[dict[str, Any]], tables: list[Any], levels: dict[float, int]) -> str:
    items: list[tuple[float, str]] = []
    for line in lines:
        text = squash(line["text"])
        level = levels.get(_size(line))
        items.append((line["top"], heading(level, text) if level else text))
    for table in tables:
        items.append((table.bbox[1], "\n" + table_html(_cells(table)) + "\n"))
    items.sort(key=lambda item: item[0])
    return "\n".join(text for _, text in items if text)


def _cells(table: Any) -> list[list[Cell]]:
    """A table's cells; a merged cell is repeated at each position it covers (as spans are).

    pdfplumber gives ``None`` for a grid position that no cell starts at; when a cell above in
    the same column reaches down over that position, it is that cell.
    """
    texts = table.extract()
    boxes = [row.cells for row in table.rows]
    out: list[list[Cell]] = []
    for r, row in enumerate(texts):
        cells: list[Cell] = []
        for c, value in enumerate(row):
            if value is None and c < len(boxes[r]):
                value = _merged_from_above(texts, boxes, r, c) or _merged_from_left(
                    texts, boxes, r, c
                )
            cells.append(Cell(_join_lines(value or "")))
        out.append(cells)
    return out


def _merged_from_above(texts: list[list[Any]], boxes: list[list[Any]], r: int, c: int) -> str:
    row_top = next((b[1] for b in boxes[r] if b is not None), None)
    if row_top is None:
        return ""
    for k in range(r - 1, -1, -1):
        box = boxes[k][c] if c < len(boxes[k]) else None
        if box is not None:
            return str(texts[k][c] or "") if box[3] > row_top + 1 else ""
    return ""


def _merged_from_left(texts: list[list[Any]], boxes: list[list[Any]], r: int, c: int) -> str:
    starts = [row[c][0] for row in boxes if c < len(row) and row[c] is not None]
    if not starts:
        return ""
    for k in range(c - 1, -1, -1):
        box = boxes[r][k]
        if box is not None:
            return str(texts[r][k] or "") if box[2] > min(starts) + 1 else ""
    return ""


def _size(line: dict[str, Any]) -> float:
    chars = line.get("chars") or []
    return round(max((c["size"] for c in chars), default=0.0), 1)


# A line set at least this much larger than the body text is a heading; the largest size is
# level 1. PDF has no heading markup, so type size is the evidence a reader has.
_HEADING_RATIO = 1.15
_MAX_LEVELS = 3


def _heading_levels(lines: list[dict[str, Any]]) -> dict[float, int]:
    """Type size → heading level for the sizes clearly larger than the body's."""
    weights: dict[float, int] = {}
    for line in lines:
        weights[_size(line)] = weights.get(_size(line), 0) + len(line["text"])
    if not weights:
        return {}
    body = max(weights, key=lambda size: weights[size])
    larger = sorted((s for s in weights if s >= body * _HEADING_RATIO), reverse=True)
    return {size: n for n, size in enumerate(larger[:_MAX_LEVELS], start=1)}


def _join_lines(text: str) -> str:
    """A wrapped cell's lines joined: no space where the break fell inside Chinese text."""
    parts = [p.strip() for p in text.splitlines() if p.strip()]
    out = parts[0] if parts else ""
    for part in parts[1:]:
        out += part if drops_space(out[-1], part[0]) else " " + part
    return out


def _inside(x0: float, x1: float, y: float, box: tuple[float, float, float, float]) -> bool:
    left, top, right, bottom = box
    return top <= y <= bottom and x0 < right and x1 > left
