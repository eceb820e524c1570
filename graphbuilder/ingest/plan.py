"""人才培养方案 (a college's training plan for one major) → sections.

Recognised by ``人才培养方案`` in its opening lines. The plan's top sections are numbered
(``一、专业培养目标``); the reader takes:

- ``plan`` (key: 专业代码, or the major's name): attrs ``name``, ``code``, ``level`` (the level
  the text names: 中职, 高职专科, 职教本科 or 普通本科);
- ``training_goal`` (the 培养目标 paragraphs) and ``goal`` (key: n, ``目标 n：…``);
- ``requirement`` (key: ``1``, ``A2``, ``知识3``): a 毕业要求 or 培养规格 item; attrs ``name``
  (``工程知识``), ``group`` (知识, 能力, 素质 or empty); written as ``毕业要求 1（工程知识）：…``,
  as a heading ``1．工程知识`` over its text, as ``A1.名称：…``, or as numbered items under a
  知识/能力/素质 heading;
- ``indicator`` (key: ``1.2``): a 指标点; attrs ``requirement``;
- ``core_courses``: the list after ``专业核心课程：``;
- from the tables (:mod:`graphbuilder.ingest.plan_tables`): ``course_row`` (key: the course
  name), ``matrix_cell`` (key: the course name; it spans the row from the course to the mark;
  attrs ``requirement``, ``value``, ``course_chars``), ``occupation`` (key: 职业编码),
  ``certificate``.

Item text continued over an OCR line break is joined
(:func:`~graphbuilder.ingest.repair.make_section`).
"""

from __future__ import annotations

import re

from graphbuilder.ingest import plan_tables
from graphbuilder.ingest.htmltables import Table, TableCell, find_tables
from graphbuilder.ingest.lines import Line, split_lines
from graphbuilder.ingest.repair import Piece, make_section
from graphbuilder.model.records import Section

KIND = "training-plan"

_TITLE = re.compile(r"(?P<name>[^\s#：:]{2,30}?)专业(?:\d{4}\s*级)?(?:\d{4}\s*版)?人才培养方案")
_CODE = re.compile(r"专业代码\s*[：:]?\s*(?P<code>\d{5,6})(?!\d)")
_NAME = re.compile(r"专业名称\s*[：:]?\s*(?P<name>[^\s（(，,；;]{2,30})")
_TOP = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、．.]\s*(?P<title>.{2,30})$")
_GOAL = re.compile(r"^(?:培养)?目标\s*(?P<n>\d{1,2})\s*[:：]\s*\S")
_REQ_INLINE = re.compile(r"^毕业要求\s*(?P<id>\d{1,2})\s*[（(](?P<name>[^）)]{1,20})[）)]\s*[:：]?")
_REQ_HEADING = re.compile(
    r"^(?P<id>\d{1,2})\s*[．.、]\s*(?P<name>[^\s\d。；;，,：:][^。；;，,]{1,19})$"
)
_REQ_LETTER = re.compile(
    r"^(?P<id>[A-Z]\d{1,2})\s*[.．、:：]\s*(?:(?P<name>[^：:。；;]{2,20})[：:])?"
)
_INDICATOR = re.compile(r"^(?:指标点\s*)?(?P<id>\d{1,2}\.\d{1,2})\s*[:：]?\s*(?=\S)")
_ITEM = re.compile(r"^[（(]?(?P<n>\d{1,2})[)）.．、]\s*(?=\S)")
_GROUP = re.compile(r"(知识|能力|素质)")
_CORE = re.compile(r"^(?:专业)?核心课程(?:主要)?(?:包括|有|为)?\s*[：:]\s*")
_LEVELS = (
    ("职业本科", "职教本科"),
    ("职教本科", "职教本科"),
    ("中等职业", "中职"),
    ("中职", "中职"),
    ("高职", "高职专科"),
    ("专科", "高职专科"),
    ("学士", "普通本科"),
    ("本科", "普通本科"),
)


def is_plan(text: str) -> bool:
    """Whether ``text`` is a 人才培养方案.

    >>> is_plan("# 软件技术专业人才培养方案\\n\\n专业代码：510203\\n"), is_plan("# 课程标准")
    (True, False)
    """
    return "人才培养方案" in text[:600]


def read_plan(doc_id: str, text: str) -> list[Section]:
    """Cut a 人才培养方案 into sections (see the module docstring).

    Args:
        doc_id: the document id.
        text: the decoded source (or rendering).

    Returns:
        The sections in reading order.
    """
    lines = split_lines(text)
    out: list[Section] = [_plan_section(doc_id, text)]
    regions = _regions(lines)
    for title, body in regions:
        goals = "培养目标" in title and not re.search("对|支撑", title)
        reqs = "培养规格" in title or (
            "毕业要求" in title and not re.search("对|与|关联|矩阵|支撑|学分", title)
        )
        if goals:
            out.extend(_goals(doc_id, text, body))
        if reqs:
            out.extend(_requirements(doc_id, text, body))
    for line in lines:
        m = _CORE.match(line.body)
        if m and line.end - line.body_start - m.end() > 1:
            start = line.body_start + m.end()
            out.append(Section(doc_id, "core_courses", "", text[start : line.end], start, line.end))
    out.extend(_tables(doc_id, text))
    return out


def _plan_section(doc_id: str, text: str) -> Section:
    head = text[:2000]
    title = _TITLE.search(head)
    name_m = _NAME.search(head)
    code_m = _CODE.search(head)
    name = name_m.group("name") if name_m else title.group("name") if title else ""
    # A spreadsheet on the way to the PDF dropped the leading zero of some codes (80801).
    code = code_m.group("code").zfill(6) if code_m else ""
    level = next((lvl for cue, lvl in _LEVELS if cue in head), "")
    where = name_m.span("name") if name_m else title.span("name") if title else (0, 0)
    attrs = {"name": name, "code": code, "level": level}
    return Section(doc_id, "plan", code or name, text[where[0] : where[1]], *where, (), attrs)


def _regions(lines: list[Line]) -> list[tuple[str, list[Line]]]:
    """The numbered top sections: (title, the lines under it)."""
    out: list[tuple[str, list[Line]]] = []
    for line in lines:
        m = _TOP.match(line.body)
        if m and not line.body.endswith(("。", "；", "，")):
            out.append((m.group("title"), []))
        elif out:
            out[-1][1].append(line)
    return out


def _pieces_until_item(
    body: list[Line], i: int, stop: re.Pattern[str] | None = None
) -> list[Piece]:
    """Line ``i`` and the lines continuing it (not items, headings, tables; no full stop)."""
    pieces: list[Piece] = [(body[i].body_start, body[i].end)]
    j = i + 1
    while j < len(body) and not body[j - 1].body.endswith(("。", "；", ";", "：")):
        nxt = body[j]
        if (
            nxt.hashed
            or nxt.body.startswith("<")
            or _starts_item(nxt.body)
            or (stop and stop.match(nxt.body))
        ):
            break
        pieces.append((nxt.body_start, nxt.end))
        j += 1
    return pieces


def _continues(body: list[Line], i: int) -> bool:
    """Whether line ``i`` goes on from the line before (which did not end a sentence)."""
    if i == 0:
        return False
    before = body[i - 1].body
    ended = before.endswith(("。", "；", ";", "：")) or before.startswith("<")
    return not ended and len(before) >= 20 and not _starts_item(body[i].body)


def _starts_item(body: str) -> bool:
    return any(
        p.match(body)
        for p in (_GOAL, _REQ_INLINE, _REQ_LETTER, _INDICATOR, _ITEM, _REQ_HEADING, _TOP)
    )


def _goals(doc_id: str, text: str, body: list[Line]) -> list[Section]:
    out: list[Section] = []
    for i, line in enumerate(body):
        if line.body.startswith("<") or (line.hashed and len(line.body) < 20):
            if "培养规格" in line.body:
                break
            continue
        if "培养规格" in line.body and len(line.body) < 20:
            break
        m = _GOAL.match(line.body)
        if m:
            sec = make_section(doc_id, "goal", m.group("n"), text, _pieces_until_item(body, i), {})
        elif not _starts_item(line.body) and len(line.body) >= 20 and not _continues(body, i):
            pieces = _pieces_until_item(body, i)
            sec = make_section(doc_id, "training_goal", "0", text, pieces, {})
        else:
            continue
        if sec is not None:
            out.append(sec)
    return out


def _requirements(doc_id: str, text: str, body: list[Line]) -> list[Section]:
    out: list[Section] = []
    group = ""
    current = ""  # the requirement indicators belong to
    for i, line in enumerate(body):
        b = line.body
        if line.body.startswith("<"):
            continue
        ind = _INDICATOR.match(b)
        if ind and current:
            attrs = {"requirement": current}
            sec = make_section(
                doc_id, "indicator", ind.group("id"), text, _offset(body, i, ind.end()), attrs
            )
            out.extend([sec] if sec else [])
            continue
        heading = _REQ_HEADING.match(b)
        if heading and i + 1 < len(body) and not _starts_item(body[i + 1].body):
            current = heading.group("id")
            attrs = {"name": heading.group("name").strip(), "group": group}
            sec = make_section(
                doc_id, "requirement", current, text, _pieces_until_item(body, i + 1), attrs
            )
            out.extend([sec] if sec else [])
            continue
        inline = _REQ_INLINE.match(b) or _REQ_LETTER.match(b)
        if inline:
            current = inline.group("id")
            name = (inline.group("name") or "").strip()
            attrs = {"name": name, "group": _group_of(current, group)}
            sec = make_section(
                doc_id, "requirement", current, text, _offset(body, i, inline.end()), attrs
            )
            out.extend([sec] if sec else [])
            continue
        g = _GROUP.search(b)
        if g and len(b) <= 12:
            group = g.group(1)
            continue
        item = _ITEM.match(b)
        if item and group:
            current = f"{group}{item.group('n')}"
            sec = make_section(
                doc_id,
                "requirement",
                current,
                text,
                _offset(body, i, item.end()),
                {"name": "", "group": group},
            )
            out.extend([sec] if sec else [])
    return out


def _group_of(ident: str, group: str) -> str:
    return {"A": "知识", "B": "能力", "C": "素质"}.get(ident[:1], group) if group else group


def _offset(body: list[Line], i: int, skip: int) -> list[Piece]:
    """The item's pieces with its label (``毕业要求 1（…）：``) cut off the first one."""
    pieces = _pieces_until_item(body, i)
    start, end = pieces[0]
    pieces[0] = (min(start + skip, end), end)
    return [p for p in pieces if p[1] > p[0]]


def _tables(doc_id: str, text: str) -> list[Section]:
    out: list[Section] = []
    header: list[TableCell] | None = None
    for table in find_tables(text):
        caption = _caption(text, table.start)
        rows = plan_tables.course_rows(table, caption)
        if plan_tables.header_row(table, plan_tables.NAME_HEADERS) is not None:
            header = table.grid[0]
        elif header is not None and table.grid and len(table.grid[0]) == len(header):
            # A table broken over a page: its rows go on under the last table's header.
            rows = plan_tables.course_rows(Table(table.start, table.end, [header, *table.grid]))
        for row in rows:
            start, end = _within(text, row.cell.start, row.cell.end, row.name)
            attrs = {
                "name": row.name,
                "name_en": row.name_en,
                "code": row.code,
                "credits": row.credits,
                "hours": row.hours,
                "semester": row.semester,
                "required": row.required,
                "module": row.module,
            }
            out.append(
                Section(doc_id, "course_row", row.name, text[start:end], start, end, (), attrs)
            )
        for cell in plan_tables.matrix_cells(table):
            # The span runs from the course's cell to the mark's: the row is the evidence.
            c, v = cell.course_cell, cell.value
            name = plan_tables.split_bilingual(cell.course)[0]
            attrs = {
                "course": name,
                "requirement": cell.requirement,
                "value": v.text,
                "course_chars": str(c.end - c.start),
            }
            out.append(
                Section(
                    doc_id, "matrix_cell", name, text[c.start : v.end], c.start, v.end, (), attrs
                )
            )
        for occ in plan_tables.occupations(table):
            attrs = {"name": occ.name, "code": occ.code}
            out.append(
                Section(
                    doc_id,
                    "occupation",
                    occ.code,
                    text[occ.start : occ.end],
                    occ.start,
                    occ.end,
                    (),
                    attrs,
                )
            )
        for c in plan_tables.certificate_cells(table):
            out.append(Section(doc_id, "certificate", "", text[c.start : c.end], c.start, c.end))
    return out


def _caption(text: str, at: int) -> str:
    """The line before a table, without its numbering and the major's name."""
    before = text[max(0, at - 200) : at].rstrip().rsplit("\n", 1)[-1]
    return re.sub(r"^[#\s]*(?:[（(][一二三四五六七八九十]+[）)]|表\S*)\s*", "", before).strip()


def _within(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """The span of ``name`` inside the cell, or the whole cell when it is not written so."""
    found = text.find(name, start, end) if name else -1
    return (found, found + len(name)) if found >= 0 else (start, end)
