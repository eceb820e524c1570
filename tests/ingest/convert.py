"""Make docx, PDF, HTML and xlsx versions of the markdown fixtures, as a college would have them.

The conversions keep what each format can carry: headings (docx heading styles, HTML ``h1``…,
larger type in the PDF), bold runs, and tables with their merged cells (docx merges, HTML
``rowspan``/``colspan``, reportlab ``SPAN``). They are test helpers, run at test time, so no
binary fixture is committed.
"""

from __future__ import annotations

import re
from pathlib import Path

from graphbuilder.ingest.htmltables import Table, find_tables

_BOLD = re.compile(r"\*\*([^*]+)\*\*")


def _blocks(md: str) -> list[str]:
    """Blank-line separated blocks; each line of a list is a block (a paragraph) of its own."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", md):
        lines = block.strip().splitlines()
        if lines and all(re.match(r"^\s*(?:\d+\.|[-*])\s", line) for line in lines):
            out.extend(line.strip() for line in lines)
        elif block.strip():
            out.append(block.strip())
    return out


def _boxes(table: Table) -> list[tuple[int, int, int, int, str]]:
    """Each distinct cell of a grid as (row, col, last row, last col, text)."""
    seen: dict[int, list[int]] = {}
    texts: dict[int, str] = {}
    for r, row in enumerate(table.grid):
        for c, cell in enumerate(row):
            box = seen.setdefault(id(cell), [r, c, r, c])
            box[2], box[3] = max(box[2], r), max(box[3], c)
            texts[id(cell)] = cell.text
    return [(b[0], b[1], b[2], b[3], texts[k]) for k, b in seen.items()]


def to_html(md: str) -> str:
    """An HTML page of the markdown (markdown-it passes the HTML tables through)."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": True}).render(md)
    head = "<head><meta charset='utf-8'><title>x</title></head>"
    return f"<!DOCTYPE html>\n<html>{head}<body>\n{body}</body></html>\n"


def to_docx(md: str, path: Path) -> Path:
    """A docx of the markdown: heading styles, bold runs, tables with merged cells."""
    import docx

    document = docx.Document()
    for block in _blocks(md):
        heading = re.match(r"^(#{1,6})\s+(.*)$", block)
        if heading:
            document.add_heading(heading.group(2), level=len(heading.group(1)))
        elif block.startswith("<table"):
            table = find_tables(block)[0]
            width = max(len(row) for row in table.grid)
            out = document.add_table(rows=len(table.grid), cols=width)
            for r0, c0, r1, c1, text in _boxes(table):
                cell = out.cell(r0, c0)
                if (r1, c1) != (r0, c0):
                    cell = cell.merge(out.cell(r1, c1))
                cell.text = text
        else:
            paragraph = document.add_paragraph()
            pos = 0
            text = " ".join(block.splitlines())
            for m in _BOLD.finditer(text):
                paragraph.add_run(text[pos : m.start()])
                paragraph.add_run(m.group(1)).bold = True
                pos = m.end()
            paragraph.add_run(text[pos:])
    document.save(str(path))
    return path


def to_pdf(md: str, path: Path) -> Path:
    """A PDF of the markdown (reportlab, a built-in CJK font): headings in larger type."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as PdfTable

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body = ParagraphStyle("body", fontName="STSong-Light", fontSize=10, leading=14, wordWrap="CJK")
    sizes = {1: 18, 2: 15, 3: 13}
    flow: list[object] = []
    for block in _blocks(md):
        heading = re.match(r"^(#{1,6})\s+(.*)$", block)
        if heading:
            size = sizes.get(len(heading.group(1)), 12)
            style = ParagraphStyle("h", parent=body, fontSize=size, leading=size + 6)
            flow.append(Paragraph(escape(heading.group(2)), style))
        elif block.startswith("<table"):
            table = find_tables(block)[0]
            width = max(len(row) for row in table.grid)
            data = [["" for _ in range(width)] for _ in table.grid]
            spans = []
            for r0, c0, r1, c1, text in _boxes(table):
                data[r0][c0] = Paragraph(escape(text), body)
                if (r1, c1) != (r0, c0):
                    spans.append(("SPAN", (c0, r0), (c1, r1)))
            style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), *spans]
            flow.append(PdfTable(data, style=style))
        else:
            text = _BOLD.sub(r"\1", " ".join(block.splitlines()))
            flow.append(Paragraph(escape(text), body))
        flow.append(Spacer(1, 4))
    SimpleDocTemplate(str(path), pagesize=A4).build(flow)
    return path


def to_xlsx(rows: list[list[str]], path: Path) -> Path:
    """A workbook with the rows on its first sheet."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "资源清单"
    for row in rows:
        sheet.append(row)
    book.save(str(path))
    return path
