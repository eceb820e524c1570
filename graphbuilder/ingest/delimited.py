"""CSV and TSV text as rows of cells that know where they are in the source.

The standard library's ``csv`` module reads the cells (quoting, doubled quotes, a sniffed
delimiter); each cell is then found in its physical line, from left to right, so its span
points at it. A quoted cell that spans lines, or one whose quotes are doubled, is found as
far as it can be and otherwise spans its whole line.
"""

from __future__ import annotations

import csv
import io
import re

Cell = tuple[str, int, int]
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)?")
MAX_ROWS = 200_000


def looks_delimited(text: str) -> bool:
    """Whether the first lines of ``text`` are a table: the same number (≥ 2) of commas or tabs.

    >>> looks_delimited("项目,资源名称,类型\\n项目一,炒黄,视频\\n")
    True
    >>> looks_delimited("# 标题\\n正文")
    False
    """
    lines = [line for line in text.splitlines()[:5] if line.strip()]
    if len(lines) < 2:
        return False
    for sep in (",", "\t"):
        counts = {line.count(sep) for line in lines}
        if len(counts) == 1 and counts.pop() >= 1:
            return True
    return False


def read_delimited(text: str) -> list[list[Cell]]:
    """The rows of a CSV/TSV text, each cell with its span.

    >>> read_delimited('a,"b,c"\\n1,2\\n')
    [[('a', 0, 1), ('b,c', 3, 6)], [('1', 8, 9), ('2', 10, 11)]]
    """
    sample = text[:8192]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel_tab if sample.count("\t") > sample.count(",") else csv.excel
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text) if m.group()]
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    out: list[list[Cell]] = []
    index = 0
    for values in reader:
        if len(out) >= MAX_ROWS or index >= len(lines):
            break
        start, line = lines[index]
        # A quoted cell with line breaks makes one record of several physical lines.
        consumed = 1 + sum(v.count("\n") for v in values)
        index += consumed
        if not any(v.strip() for v in values):
            continue
        cursor = 0
        row: list[Cell] = []
        for value in values:
            found = line.find(value, cursor) if value else -1
            if found < 0:
                row.append((value, start + cursor, start + cursor))
                continue
            row.append((value, start + found, start + found + len(value)))
            cursor = found + len(value)
        out.append(row)
    return out
