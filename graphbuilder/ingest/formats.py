"""What format a file is in, judged by its bytes (never by its name).

Binary containers are recognised by their magic numbers: a zip archive is a docx when it holds
``word/document.xml`` and an xlsx when it holds ``xl/workbook.xml``; ``%PDF-`` starts a PDF.
Legacy Office files, images and other archives are named in the error so that a person knows
what to do with them. Everything else is text, decoded by :mod:`graphbuilder.ingest.decode`;
HTML is text whose first tag is an HTML one.
"""

from __future__ import annotations

import re
from typing import Literal

from graphbuilder.errors import UnsupportedFormatError

Format = Literal["docx", "xlsx", "pdf", "zip", "text"]

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_PDF_MAGIC = b"%PDF-"
# Magic numbers of formats no reader takes, with what to tell the user.
_REFUSED: tuple[tuple[bytes, str], ...] = (
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a legacy Office file (.doc/.xls/.ppt): save it as .docx or .xlsx",
    ),
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not a document"),
    (b"\xff\xd8\xff", "a JPEG image, not a document"),
    (b"GIF8", "a GIF image, not a document"),
    (b"\x1f\x8b", "a gzip archive: unpack it first"),
    (b"Rar!", "a RAR archive: unpack it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive: unpack it first"),
    (b"{\\rtf", "an RTF file: save it as .docx"),
)
_HTML_START = re.compile(
    r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|h[1-6])[\s>/]",
    re.IGNORECASE | re.DOTALL,
)


def sniff(raw: bytes, name: str) -> Format:
    """The container format of ``raw``: ``docx``/``xlsx``/``zip`` are refined later.

    Args:
        raw: the file's bytes.
        name: the file name for error messages.

    Returns:
        ``"zip"`` for any zip archive, ``"pdf"``, or ``"text"``.

    Raises:
        UnsupportedFormatError: a format no reader takes (legacy Office, images, archives).

    Examples:
        >>> sniff(b"%PDF-1.7 ...", "a"), sniff(b"PK\\x03\\x04...", "b"), sniff(b"# x", "c")
        ('pdf', 'zip', 'text')
    """
    if raw.startswith(ZIP_MAGIC):
        return "zip"
    if _PDF_MAGIC in raw[:1024]:
        return "pdf"
    for magic, what in _REFUSED:
        if raw.startswith(magic):
            raise UnsupportedFormatError(name, f"binary content: {what}")
    return "text"


def archive_format(members: set[str], name: str) -> Format:
    """``docx`` or ``xlsx`` from an archive's member names.

    Raises:
        UnsupportedFormatError: a zip archive that is neither.

    Examples:
        >>> archive_format({"word/document.xml", "[Content_Types].xml"}, "a")
        'docx'
    """
    if "word/document.xml" in members:
        return "docx"
    if "xl/workbook.xml" in members:
        return "xlsx"
    shown = ", ".join(sorted(members)[:5]) or "no members"
    raise UnsupportedFormatError(
        name, f"a zip archive but not an xlsx workbook or a docx document ({shown})"
    )


def is_html(text: str) -> bool:
    """Whether decoded text is an HTML page (its first tag is an HTML one).

    >>> is_html("<!DOCTYPE html><html>…"), is_html("# 标题\\n<table>…")
    (True, False)
    """
    return _HTML_START.match(text[:4096]) is not None
