"""课程标准 / 教学大纲 (one course's standard or syllabus) → sections.

Recognised by ``课程标准``, ``教学大纲`` or ``课程大纲`` in its opening lines and a 目标 in its
text. The reader takes:

- ``course`` (key: the course name): attrs ``name``, ``code``, ``credits``, ``hours``, from
  ``课程名称：…`` lines (or a key/value table, or the title ``《X》课程标准``);
- ``prerequisites``: the list after ``先修课程：`` (the extractor splits it);
- ``goal`` (key: n): a numbered item under 知识目标, 能力目标 or 素质目标; attrs ``type``;
- ``unit`` (key: n): a content unit (项目/模块/单元/学习情境/章, or a row of the content
  table); attrs ``title``, ``hours`` (学时);
- ``unit_item`` (key: ``<unit>.<m>``): what a unit teaches (a numbered line under it, or its
  content cell); attrs ``unit``.
"""

from __future__ import annotations

import re
from itertools import pairwise

from graphbuilder.ingest.htmltables import Table, TableCell, find_tables
from graphbuilder.ingest.lines import split_lines
from graphbuilder.model.records import Section

KIND = "course-standard"

_TITLE = re.compile(r"《(?P<name>[^》\n]{2,40})》\s*(?:课程标准|教学大纲|课程大纲)")
_TITLE_PLAIN = re.compile(
    r"^#*\s*(?P<name>[^\s《》#]{2,30}?)\s*(?:课程标准|教学大纲|课程大纲)\s*$", re.M
)
_FIELD = {
    # A name may hold single spaces ("Web 前端开发"); two spaces or a tab end it.
    "name": re.compile(r"课程名称\s*[：:]\s*(?P<v>[^\s：:|](?:[^\s：:|]| (?=[^\s：:|]))+)"),
    "code": re.compile(r"课程(?:代码|编号)\s*[：:]\s*(?P<v>[A-Za-z0-9\-]{2,20})"),
    "credits": re.compile(r"学\s*分(?:数)?\s*[：:]\s*(?P<v>\d+(?:\.\d+)?)"),
    "hours": re.compile(r"(?:总)?学\s*时(?:数)?\s*[：:]\s*(?P<v>\d+)"),
}
_NEXT_FIELD = re.compile(r"\s(?:课程代码|课程编号|学分|学时|总学时|适用专业|课程类型|课程性质)")
_PREREQ = re.compile(r"(?:先修课程|前导课程|先修课)\s*[：:]\s*")
_GOAL_TYPE = re.compile(r"(知识目标|能力目标|技能目标|素质目标|思政目标)")
_ITEM = re.compile(r"^[（(]?(?P<n>\d{1,2})[)）.．、]\s*(?=\S)")
_UNIT = re.compile(
    r"^(?:#+\s*)?(?P<label>(?:项目|模块|单元|学习情境|情境|任务)[一二三四五六七八九十\d]+|第[一二三四五六七八九十\d]+章)"
    r"\s*[:：．.、]?\s*(?P<title>[^（(\n]{1,40}?)\s*(?:[（(]\s*(?P<hours>\d+)\s*学时\s*[)）])?\s*$"
)
_TOP = re.compile(r"^[一二三四五六七八九十]{1,3}\s*[、．.]\s*(?P<title>.{2,30})$")
_UNIT_HEADERS = (
    "教学单元",
    "学习单元",
    "单元",
    "项目",
    "教学项目",
    "模块",
    "学习情境",
    "章节",
    "教学模块",
)
_CONTENT_HEADERS = (
    "教学内容",
    "学习内容",
    "知识点",
    "主要内容",
    "内容",
    "知识与技能要求",
    "教学要求",
)


def is_course_standard(text: str) -> bool:
    """Whether ``text`` is a course standard or syllabus.

    >>> is_course_standard("《Python程序设计》课程标准\\n三、课程目标\\n")
    True
    >>> is_course_standard("# 导论")
    False
    """
    head = text[:300]
    return any(w in head for w in ("课程标准", "教学大纲", "课程大纲")) and "目标" in text


def read_course_standard(doc_id: str, text: str) -> list[Section]:
    """Cut a course standard into sections (see the module docstring)."""
    lines = split_lines(text)
    out = [_course(doc_id, text)]
    for line in lines:
        m = _PREREQ.search(line.body)
        if m:
            start = line.body_start + m.end()
            if line.end > start:
                out.append(
                    Section(doc_id, "prerequisites", "", text[start : line.end], start, line.end)
                )
            break
    region = ""
    goal_type = ""
    unit = 0
    items = 0
    for line in lines:
        b = line.body
        if b.startswith("<"):
            continue
        top = _TOP.match(b)
        if top and not b.endswith(("。", "；")):
            region = top.group("title")
            goal_type = ""
            continue
        if "目标" in region:
            t = _GOAL_TYPE.search(b)
            if t and len(b) <= 16:
                goal_type = "能力目标" if t.group(1) == "技能目标" else t.group(1)
                continue
            item = _ITEM.match(b)
            if item and goal_type:
                start = line.body_start + item.end()
                key = str(sum(1 for s in out if s.kind == "goal") + 1)
                out.append(
                    Section(
                        doc_id,
                        "goal",
                        key,
                        text[start : line.end],
                        start,
                        line.end,
                        (),
                        {"type": goal_type},
                    )
                )
            continue
        if "内容" in region or "学时" in region or "单元" in region:
            u = _UNIT.match(b)
            if u:
                unit += 1
                items = 0
                s, e = line.body_start + u.start("title"), line.body_start + u.end("title")
                attrs = {"title": u.group("title").strip(), "hours": u.group("hours") or ""}
                out.append(Section(doc_id, "unit", str(unit), text[s:e], s, e, (), attrs))
                continue
            item = _ITEM.match(b)
            if item and unit:
                items += 1
                start = line.body_start + item.end()
                out.append(
                    Section(
                        doc_id,
                        "unit_item",
                        f"{unit}.{items}",
                        text[start : line.end],
                        start,
                        line.end,
                        (),
                        {"unit": str(unit)},
                    )
                )
    if unit == 0:
        out.extend(_table_units(doc_id, text))
    return out


def _course(doc_id: str, text: str) -> Section:
    head = text[:4000]
    values: dict[str, str] = {}
    where = (0, 0)
    for field, pattern in _FIELD.items():
        m = pattern.search(head)
        if m:
            value, end = m.group("v"), m.end("v")
            cut = _NEXT_FIELD.search(value)
            if cut:  # "Python程序设计 课程代码：…" on one line
                value, end = (
                    value[: cut.start()].rstrip(),
                    m.start("v") + len(value[: cut.start()].rstrip()),
                )
            values[field] = value
            if field == "name":
                where = (m.start("v"), end)
    for table in find_tables(text, 0, min(len(text), 8000)):
        _key_values(table, values)
    if "name" not in values:
        m = _TITLE.search(head) or _TITLE_PLAIN.search(head)
        if m:
            values["name"] = m.group("name").strip()
            where = m.span("name")
    name = values.get("name", "")
    if where == (0, 0) and name:
        found = text.find(name)
        where = (found, found + len(name)) if found >= 0 else (0, 0)
    attrs = {k: values.get(k, "") for k in ("name", "code", "credits", "hours")}
    return Section(doc_id, "course", name, text[where[0] : where[1]], *where, (), attrs)


_KEYS = {
    "课程名称": "name",
    "课程代码": "code",
    "课程编号": "code",
    "学分": "credits",
    "学时": "hours",
}
_KEYS |= {"总学时": "hours"}
_LEADING_NUMBER = re.compile(r"^\d+(?:\.\d+)?")


def _key_values(table: Table, values: dict[str, str]) -> None:
    """Fill ``values`` from a key/value table (课程名称 | X | 学分 | 4)."""
    for row in table.grid:
        for cell, value in pairwise(row):
            field = _KEYS.get(cell.text.replace(" ", ""))
            if not field or field in values or value is cell or not value.text:
                continue
            if field in ("credits", "hours"):
                number = _LEADING_NUMBER.match(value.text)
                if number:
                    values[field] = number.group()
            else:
                values[field] = value.text


def _table_units(doc_id: str, text: str) -> list[Section]:
    """Units from a content table: one per distinct unit cell, its content cells as items."""
    out: list[Section] = []
    for table in find_tables(text):
        header = table.grid[0] if table.grid else []
        unit_col = _column(header, _UNIT_HEADERS)
        content_col = _column(header, _CONTENT_HEADERS)
        hours_col = _column(header, ("学时", "参考学时", "建议学时", "课时"))
        if unit_col is None or (content_col is None and hours_col is None):
            continue
        seen: dict[int, str] = {}
        for row in table.grid[1:]:
            if unit_col >= len(row):
                continue
            cell = row[unit_col]
            if not cell.text or re.search(r"合计|小计|总计", cell.text):
                continue
            if id(cell) not in seen:
                key = str(len(seen) + 1)
                seen[id(cell)] = key
                hours = (
                    row[hours_col].text if hours_col is not None and hours_col < len(row) else ""
                )
                title = re.sub(
                    r"^(?:项目|模块|单元|学习情境|情境)[一二三四五六七八九十\d]+\s*[:：．.、]?\s*",
                    "",
                    cell.text,
                )
                attrs = {"title": title, "hours": hours if hours.isdigit() else ""}
                out.append(
                    Section(
                        doc_id,
                        "unit",
                        key,
                        text[cell.start : cell.end],
                        cell.start,
                        cell.end,
                        (),
                        attrs,
                    )
                )
            key = seen[id(cell)]
            if content_col is not None and content_col < len(row):
                c: TableCell = row[content_col]
                if c.text and c is not cell:
                    n = (
                        sum(1 for s in out if s.kind == "unit_item" and s.attrs.get("unit") == key)
                        + 1
                    )
                    out.append(
                        Section(
                            doc_id,
                            "unit_item",
                            f"{key}.{n}",
                            text[c.start : c.end],
                            c.start,
                            c.end,
                            (),
                            {"unit": key},
                        )
                    )
    return out


def _column(header: list[TableCell], names: tuple[str, ...]) -> int | None:
    cleaned = [c.text.replace(" ", "") for c in header]
    for name in names:
        if name in cleaned:
            return cleaned.index(name)
    return None
