"""What kind of document a source is, judged by its content, and its reader.

Kinds are tried from the most specific to the least: the national corpus (专业教学标准,
职业分类大典, O*NET, and the two MoE workbooks), then 人才培养方案, 课程标准/教学大纲, a
textbook's table of contents, a 资源库 listing (JSON, CSV or a workbook), and last a textbook
(any text with headings and prose). A source that is none of them is refused with the list.
"""

from __future__ import annotations

from pathlib import Path

from graphbuilder.errors import UnsupportedFormatError
from graphbuilder.ingest import (
    course_standard,
    listing,
    nav,
    occupations,
    onet,
    plan,
    skill_standard,
    standards,
    tables,
    textbook,
    xlsx,
)
from graphbuilder.ingest.delimited import looks_delimited, read_delimited
from graphbuilder.ingest.detect import TEXT_KINDS, is_secondary_occupations, text_kind
from graphbuilder.ingest.occupations_new import read_new_occupations
from graphbuilder.ingest.sources import Source
from graphbuilder.model.records import Section

#: Every kind a document can be read as → what it is, for messages and docs.
KINDS: dict[str, str] = {
    **TEXT_KINDS,
    tables.CATALOGUE: "职业教育专业目录 workbook",
    tables.MAJOR_MAP: "专业-职业对照表 workbook",
    plan.KIND: "人才培养方案",
    course_standard.KIND: "课程标准 / 教学大纲",
    nav.KIND: "textbook table of contents (chapters.yml, mkdocs.yml, SUMMARY.md)",
    listing.KIND: "资源库 listing (JSON, CSV or xlsx)",
    textbook.KIND: "textbook (headings over prose)",
}


def read_kind(doc_id: str, source: Source, path: Path, relpath: str) -> tuple[str, list[Section]]:
    """The kind of ``source`` and its sections.

    Args:
        doc_id: the document id.
        source: the file as text.
        path: the file (a table of contents resolves its chapter files from it).
        relpath: its path relative to the source root.

    Returns:
        ``(kind, sections)``.

    Raises:
        UnsupportedFormatError: no reader takes the source.
    """
    name = str(path)
    if source.sheets is not None:
        return _workbook(doc_id, source, name)
    text = source.text
    kind = text_kind(text)
    if kind == standards.KIND:
        return kind, standards.read_standard(doc_id, text)
    if kind == onet.KIND:
        return kind, onet.read_onet(doc_id, text)
    if kind == skill_standard.KIND:
        return kind, skill_standard.read_skill_standard(doc_id, text, path.name)
    if kind == occupations.KIND:
        if is_secondary_occupations(text):
            return kind, read_new_occupations(doc_id, text)
        return kind, occupations.read_occupations(doc_id, text)
    if plan.is_plan(text):
        return plan.KIND, plan.read_plan(doc_id, text)
    if course_standard.is_course_standard(text):
        return course_standard.KIND, course_standard.read_course_standard(doc_id, text)
    if source.fmt == "text":
        found = _structured(doc_id, text, path, relpath)
        if found is not None:
            return found
    if textbook.is_textbook(text):
        return textbook.KIND, textbook.read_textbook(doc_id, text)
    known = ", ".join(KINDS.values())
    what = "text" if source.fmt == "text" else f"{source.fmt} document"
    raise UnsupportedFormatError(name, f"{what} of an unrecognised kind (not a {known})")


def _structured(
    doc_id: str, text: str, path: Path, relpath: str
) -> tuple[str, list[Section]] | None:
    """A table of contents or a listing (JSON, CSV), or ``None``."""
    if nav.is_nav(text):
        return nav.KIND, nav.read_nav(doc_id, text, path, relpath)
    if text.lstrip()[:1] in ("[", "{"):
        found = listing.json_listing(text)
        if found is not None:
            return listing.KIND, listing.sections_of(doc_id, text, found)
    if looks_delimited(text):
        rows = read_delimited(text)
        if rows:
            found = listing.table_listing([c[0] for c in rows[0]], rows[1:])
            if found is not None:
                return listing.KIND, listing.sections_of(doc_id, text, found)
    return None


def _workbook(doc_id: str, source: Source, name: str) -> tuple[str, list[Section]]:
    sheets = source.sheets or []
    kind = tables.workbook_kind(sheets)
    rendered = xlsx.render(sheets)
    if kind == tables.CATALOGUE:
        return kind, tables.read_catalogue(doc_id, sheets, rendered)
    if kind == tables.MAJOR_MAP:
        return kind, tables.read_major_map(doc_id, sheets, rendered)
    for sheet, spans in zip(sheets, rendered.rows, strict=True):
        if not sheet.rows:
            continue
        cells = [_row_cells(row, span) for row, span in zip(sheet.rows, spans, strict=True)]
        found = listing.table_listing(list(sheet.rows[0]), cells[1:])
        if found is not None:
            return listing.KIND, listing.sections_of(doc_id, rendered.text, found)
    found_headers = tables.headers(sheets) or "no rows"
    raise UnsupportedFormatError(name, f"unknown xlsx layout (headers: {found_headers})")


def _row_cells(row: tuple[str, ...], span: tuple[int, int]) -> list[tuple[str, int, int]]:
    """A rendered row's cells with their spans (cells are joined by one tab)."""
    out: list[tuple[str, int, int]] = []
    pos = span[0]
    for value in row:
        out.append((value, pos, pos + len(value)))
        pos += len(value) + 1
    return out
