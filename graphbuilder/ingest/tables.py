"""Readers for the two MoE workbooks: the 专业目录 and the 专业-职业对照表.

Both are recognised by their header rows (columns are found by name, not position). Each data
row becomes one section whose text is the row's line in the workbook's TSV rendering
(:mod:`graphbuilder.ingest.xlsx`), so ``source[start:end] == text``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from graphbuilder.ingest.xlsx import Rendered, Sheet
from graphbuilder.model.records import Section

CATALOGUE = "major-catalogue"
MAJOR_MAP = "major-occupation-map"

_CATALOGUE_COLUMNS = (
    "专业大类代码",
    "专业大类",
    "专业类代码",
    "专业类",
    "专业代码",
    "专业名称",
    "层次",
)
_MAP_COLUMNS = ("专业代码", "专业名称", "职业编码", "职业名称")
# Sheet title fragment → level; 普通本科 before 本科-like fragments it contains.
_LEVELS = (
    ("普通本科", "普通本科"),
    ("职教本科", "职教本科"),
    ("职业本科", "职教本科"),
    ("本科", "职教本科"),
    ("高职", "高职专科"),
    ("专科", "高职专科"),
    ("中职", "中职"),
)
_CODE = re.compile(r"(\d+)\s*([A-Za-z]*)")


def workbook_kind(sheets: Sequence[Sheet]) -> str | None:
    """``major-catalogue`` or ``major-occupation-map`` from the header rows, else ``None``."""
    for wanted, kind in ((_CATALOGUE_COLUMNS, CATALOGUE), (_MAP_COLUMNS, MAJOR_MAP)):
        if any(_columns(sheet, wanted) for sheet in sheets):
            return kind
    return None


def headers(sheets: Sequence[Sheet]) -> str:
    """The first row of each sheet, for an error message about an unknown layout."""
    return "; ".join(f"{s.title}: {', '.join(c for c in s.rows[0] if c)}" for s in sheets if s.rows)


def major_code(value: str) -> tuple[str, str]:
    """Split a 专业代码 cell into its digits (zero-padded to 6) and a letter suffix.

    >>> major_code("520101K"), major_code("80901"), major_code("0502100T")
    (('520101', 'K'), ('080901', ''), ('0502100', 'T'))
    """
    m = _CODE.fullmatch(value.strip())
    if m is None:
        return "", ""
    return m.group(1).zfill(6), m.group(2).upper()


def read_catalogue(doc_id: str, sheets: Sequence[Sheet], rendered: Rendered) -> list[Section]:
    """One ``catalogue_row`` per major in every sheet with the 专业目录 header.

    Args:
        doc_id: the document id.
        sheets: the workbook's sheets.
        rendered: their TSV rendering.

    Returns:
        The sections, keyed by 专业代码.
    """
    out: list[Section] = []
    for sheet, spans in zip(sheets, rendered.rows, strict=True):
        cols = _columns(sheet, _CATALOGUE_COLUMNS)
        if cols is None:
            continue
        remark = _find(sheet.rows[0], "备注")
        for row, (start, end) in zip(sheet.rows[1:], spans[1:], strict=True):
            raw_code = _cell(row, cols[4]).strip()
            if not raw_code:
                continue
            code = major_code(raw_code)[0] or raw_code
            attrs = {
                "category_code": _cell(row, cols[0]).strip(),
                "category": _cell(row, cols[1]).strip(),
                "subcategory_code": _cell(row, cols[2]).strip(),
                "subcategory": _cell(row, cols[3]).strip(),
                "code": code,
                "name": _cell(row, cols[5]).strip(),
                "level": _cell(row, cols[6]).strip(),
                "remark": _cell(row, remark).strip() if remark is not None else "",
            }
            text = rendered.text[start:end]
            out.append(Section(doc_id, "catalogue_row", code, text, start, end, (), attrs))
    return out


def read_major_map(doc_id: str, sheets: Sequence[Sheet], rendered: Rendered) -> list[Section]:
    """One ``mapping_row`` per (major, occupation) pair in every sheet with the 对照表 header.

    Notes under the table and empty rows (no 专业代码 or no 职业编码) are skipped.

    Args:
        doc_id: the document id.
        sheets: the workbook's sheets.
        rendered: their TSV rendering.

    Returns:
        The sections, keyed by the 专业代码 digits.
    """
    out: list[Section] = []
    for sheet, spans in zip(sheets, rendered.rows, strict=True):
        cols = _columns(sheet, _MAP_COLUMNS)
        if cols is None:
            continue
        level = next((lvl for frag, lvl in _LEVELS if frag in sheet.title), "")
        for row, (start, end) in zip(sheet.rows[1:], spans[1:], strict=True):
            digits, suffix = major_code(_cell(row, cols[0]))
            occupation = _cell(row, cols[2]).strip()
            if not digits or not occupation:
                continue
            attrs = {
                "major_code": digits,
                "code_suffix": suffix,
                "major_name": _cell(row, cols[1]).strip(),
                "occupation_code": occupation,
                "occupation_name": _cell(row, cols[3]).strip(),
                "sheet": sheet.title,
                "level": level,
            }
            text = rendered.text[start:end]
            out.append(Section(doc_id, "mapping_row", digits, text, start, end, (), attrs))
    return out


def _columns(sheet: Sheet, wanted: Sequence[str]) -> list[int] | None:
    """Indexes of the ``wanted`` columns in the sheet's header row, or ``None``."""
    if not sheet.rows:
        return None
    found = [_find(sheet.rows[0], name) for name in wanted]
    return None if None in found else [i for i in found if i is not None]


def _find(header: tuple[str, ...], name: str) -> int | None:
    for i, cell in enumerate(header):
        if cell.strip() == name:
            return i
    return None


def _cell(row: tuple[str, ...], index: int) -> str:
    return row[index] if index < len(row) else ""
