"""The tables of a 人才培养方案: 课程设置 rows, the 课程–毕业要求 matrix, 职业面向.

Tables come as grids from :mod:`graphbuilder.ingest.htmltables`; columns are found by their
header words, not their position. A course row yields the course (Chinese name, English name
when the cell carries one), 课程编号, 学分, 学时, 开设学期 (a ``开设学期/周学时`` cell like
``1/6,2/5`` or per-semester columns) and 必修/选修 (from the module cells or a 性质 column).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from graphbuilder.ingest.htmltables import Table, TableCell

NAME_HEADERS = ("课程名称", "实践环节名称", "课程", "实践环节")
_SUMMARY = re.compile(r"小计|合计|总计|总学分")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_HOURS = re.compile(r"^\d+(?:\s*\+\s*\d+)*$")
_SEMESTER_PART = re.compile(r"^\s*(\d{1,2}(?:\s*[-~～]\s*\d{1,2})?)\s*(?:/.*)?$")
_SEMESTER_COLUMN = re.compile(r"^第?([一二三四五六七八1-8])学期$")
_CN_DIGITS = {c: str(i) for i, c in enumerate("一二三四五六七八", start=1)}
_MODULE_TAIL = re.compile(r"[\d.]+\s*学分.*$|[\d.]+\s*学时.*$")
_LATIN_START = re.compile(r"[A-Z][a-z]|[A-Z]{2,}[a-z]?\b|\.[a-z]")
# An English title written in lower case ("state of the arts research"): two words or more.
_LOWER_TITLE = re.compile(r"\s*(?=[a-z]+(?:\s+[A-Za-z]+)+\s*$)")
_CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
# A matrix row that names a group of electives ("人文艺术类(≥2)"), not a course.
_CATEGORY = re.compile(r"类\s*(?:$|[(（≥])|≥|\d\s*学分")
_MATRIX_VALUE = re.compile(r"^(?:[HMLhml]|[√✓✔●○◎■▲]|0?\.\d+|1(?:\.0+)?)$")
_OCCUPATION = re.compile(
    r"(?P<name>[^\s（(，,；;、]{2,30})\s*[（(]\s*(?P<code>\d-\d{2}-\d{2}-\d{2})\s*[)）]"
)


@dataclass(frozen=True, slots=True)
class CourseRow:
    """One course of a 课程设置 table."""

    name: str
    name_en: str
    cell: TableCell
    code: str
    credits: str
    hours: str
    semester: str
    required: str
    module: str


@dataclass(frozen=True, slots=True)
class MatrixCell:
    """One non-empty cell of the 课程–毕业要求 matrix: a course supports a requirement."""

    course: str
    course_cell: TableCell
    requirement: str
    value: TableCell


def split_bilingual(name: str) -> tuple[str, str]:
    """A course cell's Chinese name and its English name.

    >>> split_bilingual("高等数学IHigher Mathematics I")
    ('高等数学I', 'Higher Mathematics I')
    >>> split_bilingual("大学英语读写（Ⅰ,Ⅱ,Ⅲ）College English Reading & Writing")
    ('大学英语读写（Ⅰ,Ⅱ,Ⅲ）', 'College English Reading & Writing')
    >>> split_bilingual("学科前沿专题state of the arts research")
    ('学科前沿专题', 'state of the arts research')
    >>> split_bilingual("Java 程序设计 Java Programming"), split_bilingual("Python")
    (('Java 程序设计', 'Java Programming'), ('Python', ''))
    """
    last = max(_CJK.finditer(name), key=lambda m: m.start(), default=None)
    if last is None:
        return name.strip(), ""
    tail = name[last.end() :]
    m = _LATIN_START.search(tail) or _LOWER_TITLE.match(tail)
    if m is None or not tail[m.start() :].strip():
        return name.strip(), ""
    return (name[: last.end()] + tail[: m.start()]).strip(), tail[m.start() :].strip()


def header_row(table: Table, wanted: Sequence[str]) -> int | None:
    """The index of the first of the table's first three rows that has a ``wanted`` cell."""
    for r, row in enumerate(table.grid[:3]):
        if any(
            any(w == c.text.replace(" ", "") or (len(w) > 2 and w in c.text) for w in wanted)
            for c in row
        ):
            return r
    return None


def _find(header: Sequence[TableCell], *names: str) -> int | None:
    cleaned = [c.text.replace(" ", "") for c in header]
    for name in names:
        for i, text in enumerate(cleaned):
            if text == name or (len(name) > 2 and name in text):
                return i
    return None


def course_rows(table: Table, caption: str = "") -> list[CourseRow]:
    """The course rows of a 课程设置 table (none when the table is not one).

    Args:
        table: the table.
        caption: the line before it (a fallback for the module name).
    """
    h = header_row(table, NAME_HEADERS)
    if h is None:
        return []
    header = table.grid[h]
    name_col = _find(header, *NAME_HEADERS)
    credits_col = _find(header, "学分", "学分数")
    if name_col is None or credits_col is None:
        return []
    hours_col = _find(header, "学时", "总学时", "学时数")
    code_col = _find(header, "课程编号", "课程代码", "编号", "代码")
    term_col = _find(header, "开设学期/周学时", "开设学期", "学期", "开课学期")
    kind_col = _find(header, "课程性质", "性质", "课程类型", "类型")
    semester_cols = {
        i: _CN_DIGITS.get(m.group(1), m.group(1))
        for i, c in enumerate(header)
        if (m := _SEMESTER_COLUMN.match(c.text.replace(" ", "")))
    }
    out: list[CourseRow] = []
    for row in table.grid[h + 1 :]:
        if name_col >= len(row) or row[name_col].text == header[name_col].text:
            continue  # the header's own merged cell, or a header repeated on a new page
        cell = row[name_col]
        text = cell.text
        if not text or len(text) > 60 or _SUMMARY.search(text):
            continue
        if code_col is not None and code_col < len(row) and row[code_col] is cell:
            continue  # a row merged across code and name: a note on electives, not a course
        credits = _value(row, credits_col)
        if not _NUMBER.match(credits):
            continue
        zh, en = split_bilingual(text)
        before = [c.text for c in row[:name_col] if c is not cell and c.text]
        module = next(
            (_MODULE_TAIL.sub("", t).strip() for t in before if not _is_kind(t) and _CJK.search(t)),
            "",
        )
        kinds = before + ([_value(row, kind_col)] if kind_col is not None else [])
        kinds += [row[-1].text] if row[-1] is not cell else []
        out.append(
            CourseRow(
                name=zh,
                name_en=en,
                cell=cell,
                code=_value(row, code_col) if code_col is not None else "",
                credits=credits,
                hours=_hours(_value(row, hours_col)) if hours_col is not None else "",
                semester=_semester(row, term_col, semester_cols),
                required=_required(kinds),
                module=module or caption,
            )
        )
    return out


def _value(row: Sequence[TableCell], col: int | None) -> str:
    return row[col].text.strip() if col is not None and col < len(row) else ""


def _is_kind(text: str) -> bool:
    return bool(
        re.fullmatch(r"(?:必修|选修|限选|任选|限定选修|专业任选|公共选修)[\d.学分时]*", text)
    )


def _required(cells: Sequence[str]) -> str:
    joined = " ".join(cells)
    if re.search(r"选修|限选|任选", joined):
        return "false"
    if "必修" in joined:
        return "true"
    return ""


def _hours(text: str) -> str:
    if not _HOURS.match(text):
        return ""
    return str(sum(int(p) for p in text.split("+")))


def _semester(row: Sequence[TableCell], col: int | None, per_column: dict[int, str]) -> str:
    if per_column:
        return ",".join(s for i, s in per_column.items() if i < len(row) and row[i].text.strip())
    parts: list[str] = []
    for part in _value(row, col).replace("，", ",").split(","):
        m = _SEMESTER_PART.match(part)
        if m:
            parts.append(re.sub(r"\s*[~～]\s*|\s*-\s*", "-", m.group(1)))
    return ",".join(parts)


def matrix_cells(table: Table) -> list[MatrixCell]:
    """The supporting cells of a 课程–毕业要求 matrix (none when the table is not one).

    A matrix has a 课程名称 column and no 学分 column; its requirement columns are named by
    a header cell (``1 工程知识``, ``毕业要求3``, ``A2``) and, in a second header row, an
    indicator number (``1``, ``2``), giving ``1.1``, ``3``, ``A2``.
    """
    h = header_row(table, ("课程名称", "课程"))
    if h is None:
        return []
    header = table.grid[h]
    name_col = _find(header, "课程名称", "课程")
    if name_col is None or _find(header, "学分") is not None:
        return []
    sub = table.grid[h + 1] if h + 1 < len(table.grid) else None
    # A two-row header: the name cell spans both rows (merged, or repeated by a renderer).
    two_rows = (
        sub is not None and name_col < len(sub) and sub[name_col].text == header[name_col].text
    )
    idents: dict[int, str] = {}
    for col in range(name_col + 1, len(header)):
        ident = _requirement_ident(header[col].text)
        if not ident:
            continue
        if two_rows and sub is not None and col < len(sub) and sub[col].text.strip().isdigit():
            n = sub[col].text.strip()
            ident = f"{ident}{n}" if ident.isalpha() else f"{ident}.{n}"
        elif ident.isalpha():
            continue  # a letter group without its numbers names no single requirement
        idents[col] = ident
    out: list[MatrixCell] = []
    for row in table.grid[h + (2 if two_rows else 1) :]:
        if name_col >= len(row):
            continue
        course = row[name_col]
        if not course.text or _SUMMARY.search(course.text) or _CATEGORY.search(course.text):
            continue
        for col, ident in idents.items():
            if col < len(row) and _MATRIX_VALUE.match(row[col].text.strip()):
                out.append(MatrixCell(course.text, course, ident, row[col]))
    return out


def _requirement_ident(text: str) -> str:
    """The requirement a matrix header cell names.

    >>> [_requirement_ident(t) for t in ("1 工程知识", "毕业要求3", "A2", "知识要求(A)", "备注")]
    ['1', '3', 'A2', 'A', '']
    """
    m = re.match(r"^\s*(?:毕业要求\s*)?([A-Z]?\d{1,2})(?!\d)", text)
    if m:
        return m.group(1)
    letter = re.search(r"要求\s*[（(]([A-Z])[)）]", text)
    return letter.group(1) if letter else ""


@dataclass(frozen=True, slots=True)
class OccupationCell:
    """An occupation named with its code in a 职业面向 table, or a certificate cell."""

    name: str
    code: str
    start: int
    end: int


def occupations(table: Table) -> list[OccupationCell]:
    """The ``名称（d-dd-dd-dd）`` occupations of a 职业面向 table."""
    h = header_row(table, ("主要职业类别", "职业类别", "主要职业类别（代码）", "对应职业"))
    if h is None:
        return []
    out: list[OccupationCell] = []
    seen: set[int] = set()
    for row in table.grid[h + 1 :]:
        for cell in row:
            if id(cell) in seen:
                continue
            seen.add(id(cell))
            for m in _OCCUPATION.finditer(cell.text):
                out.append(OccupationCell(m.group("name"), m.group("code"), cell.start, cell.end))
    return out


def certificate_cells(table: Table) -> list[TableCell]:
    """The cells of a 职业面向 table's 证书 column."""
    h = header_row(table, ("主要职业类别", "职业类别", "对应职业"))
    if h is None:
        return []
    col = next((i for i, c in enumerate(table.grid[h]) if "证书" in c.text), None)
    if col is None:
        return []
    return [row[col] for row in table.grid[h + 1 :] if col < len(row) and row[col].text]
