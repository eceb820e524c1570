"""xlsx workbooks as text: the TSV rendering that workbook spans point into.

A workbook has no character offsets of its own, so its *decoded source text* is defined as
its TSV rendering: for each sheet in order, a line with the sheet title, then one line per row
with the cells joined by tabs (``None`` → ``""``; a tab or line break inside a cell becomes a
space, so one row stays one line and cell text keeps its length). :func:`render_workbook`
gives that text for any workbook, so a span can be checked by anyone who has the file.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from graphbuilder.errors import InputError, UnsupportedFormatError

_CELL_BREAKS = str.maketrans({"\t": " ", "\n": " ", "\r": " "})


@dataclass(frozen=True, slots=True)
class Sheet:
    """One worksheet: its title and its rows, every cell rendered as text."""

    title: str
    rows: list[tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Rendered:
    """A workbook's TSV rendering and where each row's line is in it.

    Attributes:
        text: the rendering (the source text spans refer to).
        rows: per sheet, the ``(start, end)`` of each row's line (without its newline).
    """

    text: str
    rows: list[list[tuple[int, int]]]


def cell_text(value: object) -> str:
    """A cell as text: ``None`` is empty, whole floats lose their ``.0``, breaks become spaces.

    >>> cell_text(None), cell_text(610101), cell_text(4.0), cell_text("a\\tb")
    ('', '610101', '4', 'a b')
    """
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value).translate(_CELL_BREAKS)


def load_sheets(raw: bytes, path: str) -> list[Sheet]:
    """Read every sheet of an xlsx workbook (openpyxl read-only mode) as text rows.

    Args:
        raw: the file's bytes.
        path: the name to put in error messages.

    Returns:
        The sheets in workbook order.

    Raises:
        UnsupportedFormatError: a zip archive that holds no workbook.
        InputError: a workbook openpyxl cannot read (truncated, corrupt).
    """
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile as exc:
        raise InputError(path, f"not a readable xlsx workbook: {exc}") from exc
    if "xl/workbook.xml" not in names:
        raise UnsupportedFormatError(path, "a zip archive but not an xlsx workbook")
    # Late: openpyxl is slow to import. It ships no type hints (types-openpyxl would).
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    try:
        with warnings.catch_warnings():
            # openpyxl warns about workbook features it skips (data validation extensions,
            # missing default styles); they do not change cell values, which is all we read.
            warnings.filterwarnings("ignore", category=UserWarning, module=r"openpyxl\.")
            book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
            try:
                return [_sheet(ws) for ws in book.worksheets]
            finally:
                book.close()
    # openpyxl surfaces a damaged part as whatever its XML or zip layer raised (KeyError,
    # ValueError, ParseError, EOFError, ...); a bad file must end as one InputError.
    except Exception as exc:
        detail = str(exc) or type(exc).__name__
        raise InputError(path, f"not a readable xlsx workbook: {detail}") from exc


def _sheet(worksheet: Any) -> Sheet:
    rows = worksheet.iter_rows(values_only=True)
    return Sheet(str(worksheet.title), [tuple(map(cell_text, row)) for row in rows])


def render(sheets: list[Sheet]) -> Rendered:
    """The TSV rendering of ``sheets`` and the span of every row's line.

    >>> r = render([Sheet("S", [("a", ""), ("1", "2")])])
    >>> r.text, r.rows
    ('S\\na\\t\\n1\\t2\\n', [[(2, 4), (5, 8)]])
    """
    parts: list[str] = []
    spans: list[list[tuple[int, int]]] = []
    pos = 0
    for sheet in sheets:
        parts.append(sheet.title + "\n")
        pos += len(sheet.title) + 1
        sheet_spans: list[tuple[int, int]] = []
        for row in sheet.rows:
            line = "\t".join(row)
            parts.append(line + "\n")
            sheet_spans.append((pos, pos + len(line)))
            pos += len(line) + 1
        spans.append(sheet_spans)
    return Rendered("".join(parts), spans)


def render_workbook(path: Path) -> str:
    """The decoded source text of the workbook at ``path`` (what its section spans index).

    Args:
        path: an xlsx file.

    Returns:
        Its TSV rendering.
    """
    return render(load_sheets(path.read_bytes(), str(path))).text
