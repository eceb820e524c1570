"""Bytes → the *decoded source text* every span points into, whatever the format.

Text is decoded (:mod:`graphbuilder.ingest.decode`); an HTML page, a docx and a PDF are
rendered to markdown with HTML tables (:mod:`graphbuilder.ingest.rendering`); a workbook keeps
its sheets and is rendered as TSV (:mod:`graphbuilder.ingest.xlsx`). Archives are checked for
zip bombs before anything inflates them.
"""

from __future__ import annotations

from dataclasses import dataclass

from graphbuilder.errors import EmptyDocumentError
from graphbuilder.ingest import xlsx
from graphbuilder.ingest.decode import decode
from graphbuilder.ingest.formats import archive_format, is_html, sniff
from graphbuilder.ingest.htmldoc import render_html
from graphbuilder.ingest.limits import check_archive
from graphbuilder.ingest.pdfdoc import render_pdf
from graphbuilder.ingest.worddoc import render_docx
from graphbuilder.settings import Settings


@dataclass(frozen=True, slots=True)
class Source:
    """A file as text.

    Attributes:
        text: the decoded source text (a rendering for docx, PDF, HTML and xlsx).
        encoding: what it was read with: a codec name, ``docx``, ``pdf``, ``xlsx`` or
            ``html/<codec>``.
        fmt: ``text``, ``html``, ``docx``, ``pdf`` or ``xlsx``.
        sheets: a workbook's sheets (``None`` for other formats).
    """

    text: str
    encoding: str
    fmt: str
    sheets: list[xlsx.Sheet] | None = None


def load_source(raw: bytes, name: str, settings: Settings) -> Source:
    """Read ``raw`` as text in whatever format it is.

    Args:
        raw: the file's bytes (non-empty).
        name: the file name for error messages.
        settings: the limits (archive sizes, HTML depth, PDF pages).

    Returns:
        The source.

    Raises:
        InputError: (or a subclass) the bytes cannot be read as any supported format.
    """
    fmt = sniff(raw, name)
    if fmt == "zip":
        members = check_archive(raw, name, settings)
        if archive_format(members, name) == "xlsx":
            sheets = xlsx.load_sheets(raw, name)
            return Source(xlsx.render(sheets).text, "xlsx", "xlsx", sheets)
        return Source(render_docx(raw, name), "docx", "docx")
    if fmt == "pdf":
        return Source(render_pdf(raw, name, settings.pdf_max_pages), "pdf", "pdf")
    decoded = decode(raw, name)
    if not decoded.text.strip():
        raise EmptyDocumentError(name, "only whitespace")
    if is_html(decoded.text):
        rendered = render_html(decoded.text, name, settings.html_max_depth)
        return Source(rendered, f"html/{decoded.encoding}", "html")
    return Source(decoded.text, decoded.encoding, "text")
