"""Reader for the compiled summary of occupations added to the 大典 since 2022 (secondary).

Layout: ``### （一）2-02-32-02 生物工程技术人员 `S` 🔥``, then ``**定义**：…`` and
``**主要工作任务**：`` followed by numbered lines. It is a third party's summary of 人社部
notices, not the 大典 itself, so every section carries ``secondary="true"``. Occupations whose
code is not published yet (``**职业编码**：待公布``) have no key to join on and are skipped;
so are the 新工种 tables and the statistics.
"""

from __future__ import annotations

import re

from graphbuilder.ingest.lines import split_lines
from graphbuilder.ingest.occupations import HEADER
from graphbuilder.ingest.repair import Piece, make_section
from graphbuilder.model.records import Section

# "（一）" ordinal, then the code-and-name the 大典 headings use, then `S` markers and emoji.
_TITLE = re.compile(
    r"（[一二三四五六七八九十]+）\s*(.*?)[\s`LS/\U0001F000-\U0001FAFF\u2600-\u27BF\uFE0F]*"
)
_MARKER = re.compile(r"`(L/S|L|S)`")
_DEFINITION = re.compile(r"\*\*定义\*\*\s*[:：]\s*")
_TASKS = re.compile(r"\*\*主要工作任务\*\*\s*[:：]")
_NUMBERED = re.compile(r"(\d{1,2})[.、．]\s*")
SECONDARY_TITLE = re.compile(r"^###\s*（[一二三四五六七八九十]+）", re.MULTILINE)


def read_new_occupations(doc_id: str, source: str) -> list[Section]:
    """Parse the 新增职业 summary into ``occupation``, ``occupation_definition`` and ``task``.

    Args:
        doc_id: the document id the sections belong to.
        source: the decoded text.

    Returns:
        The sections in reading order, all with ``secondary="true"``.
    """
    out: list[Section] = []
    code = ""
    in_tasks = False
    for line in split_lines(source):
        text, start = line.body, line.body_start
        if line.hashed:
            code, in_tasks = "", False
            title = _TITLE.fullmatch(text) if text.startswith("（") else None
            header = HEADER.fullmatch(title.group(1)) if title else None
            if title is None or header is None:
                continue
            code = header.group(1)
            name = (
                start + title.start(1) + header.start(2),
                start + title.start(1) + header.end(2),
            )
            marker = _MARKER.search(text)
            attrs = {
                "code": code,
                "name": source[name[0] : name[1]],
                "marker": marker.group(1) if marker else header.group(3) or "",
                "secondary": "true",
                "group_code": "",
                "group": "",
            }
            _append(out, doc_id, "occupation", code, source, name, attrs)
        elif not code:
            continue
        elif m := _DEFINITION.match(text):
            _append(out, doc_id, "occupation_definition", code, source, (start + m.end(), line.end))
        elif _TASKS.match(text):
            in_tasks = True
        elif in_tasks and (m := _NUMBERED.match(text)):
            _append(out, doc_id, "task", code, source, (start + m.end(), line.end), n=m.group(1))
        elif text.startswith("---"):
            code, in_tasks = "", False
    return out


def _append(
    out: list[Section],
    doc_id: str,
    kind: str,
    key: str,
    source: str,
    piece: Piece,
    attrs: dict[str, str] | None = None,
    n: str = "",
) -> None:
    fields = dict(attrs) if attrs is not None else {"secondary": "true"}
    if n:
        fields["n"] = n
    section = make_section(doc_id, kind, key, source, [piece], fields)
    if section is not None:
        out.append(section)
