"""Reader for the 职业分类大典 2022 text (kind ``occupation-dictionary``), one file per 大类.

An occupation starts at a ``# 6-01-01-01 制米工`` heading (an optional ` L`, ` S` or ` L/S`
marker, sometimes glued to the name; two headings in class 1 lost their ``#``); its
definition runs to ``主要工作任务:``, after which tasks end at ``;`` or ``。`` (a line without
one is a line the OCR broke and goes on in the next line). Group headers
(``6-01-01（GBM60101）``), the lists under ``本小类包括下列职业:`` and the 工种 under
``本职业包含但不限于下列工种:`` end the occupation and are skipped; the 小类 name is kept on
each occupation as ``group``. A ``#`` on a task fragment is OCR noise, not a heading.

The 2025 additions file has its own markdown layout and is read by
:mod:`graphbuilder.ingest.occupations_new`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphbuilder.ingest.lines import Line, split_lines
from graphbuilder.ingest.repair import Piece, drop_page_number, make_section
from graphbuilder.model.records import Section

KIND = "occupation-dictionary"

HEADER = re.compile(r"(\d-\d{2}-\d{2}-\d{2})\s*(\S.*?)\s*(L/S|L|S)?")
_GROUP = re.compile(r"(\d(?:-\d{2}){0,2})\s*[（(]GBM\d+[）)]\s*(.*)")
_TASKS = re.compile(r"主要工作任务\s*[:：]")
_SUBTYPES = re.compile(r"本职业包[含括]但不限于下列工种\s*[:：]?")
_LISTS = re.compile(r"本[大中小]类包括下列|第[一二三四五六七八九十]+大类$")
_TASK_END = re.compile(r"[;；。]")
_HEADED = re.compile(r"^#\s*(\d-\d{2}-\d{2}-\d{2})", re.MULTILINE)


@dataclass(slots=True)
class _Occupation:
    code: str
    name: Piece
    marker: str
    group: tuple[str, str]
    definition: list[Piece] = field(default_factory=list)
    tasks: list[list[Piece]] = field(default_factory=list)
    open_task: list[Piece] = field(default_factory=list)


@dataclass(slots=True)
class _State:
    source: str
    headed: set[str]  # codes that have a "#" heading somewhere in the file
    occupations: list[_Occupation] = field(default_factory=list)
    current: _Occupation | None = None
    in_tasks: bool = False
    group: tuple[str, str] = ("", "")
    awaiting_group_name: bool = False


def read_occupations(doc_id: str, source: str) -> list[Section]:
    """Parse a 职业分类大典 text into ``occupation``, ``occupation_definition`` and ``task``.

    Args:
        doc_id: the document id the sections belong to.
        source: the decoded text.

    Returns:
        The sections in reading order.
    """
    state = _State(source, headed=set(_HEADED.findall(source)))
    lines = split_lines(source)
    for i, line in enumerate(lines):
        _feed(state, line, lines[i + 1].body if i + 1 < len(lines) else "")
    _finish(state)
    out: list[Section] = []
    for occ in state.occupations:
        out.extend(_sections(doc_id, source, occ))
    return out


def _feed(state: _State, line: Line, following: str) -> None:
    text = line.body
    if (m := HEADER.fullmatch(text)) and (line.hashed or _lost_hash(state, m, following)):
        _finish(state)
        start = line.body_start
        name = (start + m.start(2), start + m.end(2))
        state.current = _Occupation(m.group(1), name, m.group(3) or "", state.group)
        state.occupations.append(state.current)
        return
    if m := _GROUP.fullmatch(text):
        _finish(state)
        minor = m.group(1).count("-") == 2  # only a 小类 groups occupations directly
        state.group = (m.group(1), m.group(2)) if minor else ("", "")
        state.awaiting_group_name = minor and not m.group(2)
        return
    if state.current is None:
        if state.awaiting_group_name and not _LISTS.search(text):
            state.group = (state.group[0], text)
        state.awaiting_group_name = False
        return
    if _LISTS.search(text):
        _finish(state)
        return
    subtypes = _SUBTYPES.search(text)
    end = line.body_start + subtypes.start() if subtypes else line.end
    tasks = None if state.in_tasks or subtypes else _TASKS.search(text)
    if tasks is not None:
        _add(state, (line.body_start, line.body_start + tasks.start()))
        state.in_tasks = True
        _add(state, (line.body_start + tasks.end(), end))
    else:
        _add(state, (line.body_start, end))
    if subtypes:
        _finish(state)


def _lost_hash(state: _State, header: re.Match[str], following: str) -> bool:
    """Whether a bare ``code name`` line is an occupation heading that lost its ``#``.

    List entries under 本小类包括下列职业 look the same, but their code has a ``#`` heading of
    its own further on and no definition follows them. Classes 7 (军队人员) and 8 are out.
    """
    code = header.group(1)
    return code not in state.headed and code[0] in "123456" and following.endswith("。")


def _add(state: _State, piece: Piece) -> None:
    """Add a piece of a line to the current definition or split it into tasks."""
    start, end = _strip(state.source, piece)
    occ = state.current
    if occ is None or start >= end:
        return
    if not state.in_tasks:
        occ.definition.append((start, end))
        return
    pos = start
    for m in _TASK_END.finditer(state.source, start, end):
        _extend_task(state, occ, (pos, m.start()))
        if occ.open_task:
            occ.tasks.append(occ.open_task)
        occ.open_task = []
        pos = m.end()
    _extend_task(state, occ, _strip(state.source, (pos, end)))


def _extend_task(state: _State, occ: _Occupation, piece: Piece) -> None:
    start, end = _strip(state.source, piece)
    if start >= end:
        return
    if occ.open_task:
        following = state.source[start:end]
        occ.open_task[-1] = drop_page_number(state.source, occ.open_task[-1], following)
    occ.open_task.append((start, end))


def _strip(source: str, piece: Piece) -> Piece:
    start, end = piece
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end


def _finish(state: _State) -> None:
    occ = state.current
    if occ is not None and occ.open_task:
        occ.tasks.append(occ.open_task)
        occ.open_task = []
    state.current = None
    state.in_tasks = False


def _sections(doc_id: str, source: str, occ: _Occupation) -> list[Section]:
    name = source[occ.name[0] : occ.name[1]]
    attrs = {
        "code": occ.code,
        "name": name,
        "marker": occ.marker,
        "secondary": "false",
        "group_code": occ.group[0],
        "group": occ.group[1],
    }
    candidates = [make_section(doc_id, "occupation", occ.code, source, [occ.name], attrs)]
    if occ.definition:
        candidates.append(
            make_section(
                doc_id,
                "occupation_definition",
                occ.code,
                source,
                occ.definition,
                {"secondary": "false"},
            )
        )
    for n, task in enumerate(occ.tasks, 1):
        task_attrs = {"n": str(n), "secondary": "false"}
        candidates.append(make_section(doc_id, "task", occ.code, source, task, task_attrs))
    return [s for s in candidates if s is not None]
