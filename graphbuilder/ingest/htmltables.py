"""HTML tables inside a markdown text, as grids of cells that know where they are.

PDF→markdown converters (MinerU) and our own renderings write tables as
``<table><tr><td rowspan="2">…</td>…</tr></table>``. The standard library's ``HTMLParser``
tokenises them and reports where each tag is, so every cell keeps the span of its content in
the source; ``rowspan``/``colspan`` are expanded so that ``grid[r][c]`` is the cell covering
row ``r``, column ``c`` (a merged cell appears at every position it covers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

_TABLE = re.compile(r"<table\b.*?</table\s*>", re.IGNORECASE | re.DOTALL)
_MAX_SPAN = 200  # a larger rowspan/colspan is a damaged attribute, not a real table


@dataclass(frozen=True, slots=True)
class TableCell:
    """A cell: its text (entities decoded, whitespace collapsed) and its content's span."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Table:
    """One table: its span in the source and its expanded grid of cells."""

    start: int
    end: int
    grid: list[list[TableCell]]


def find_tables(source: str, start: int = 0, end: int | None = None) -> list[Table]:
    """Every ``<table>`` in ``source[start:end]``, in order.

    >>> t = find_tables(
    ...     'x <table><tr><td rowspan="2">A</td><td>1</td></tr><tr><td>2</td></tr></table>'
    ... )
    >>> [[c.text for c in row] for row in t[0].grid]
    [['A', '1'], ['A', '2']]
    >>> cell = t[0].grid[1][1]
    >>> cell.start, cell.end
    (58, 59)
    """
    stop = len(source) if end is None else end
    return [_parse(source, m.start(), m.end()) for m in _TABLE.finditer(source, start, stop)]


class _Tokens(HTMLParser):
    """Collects rows of raw cells: (content start, content end, rowspan, colspan)."""

    def __init__(self, source: str, offset: int) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.base = offset
        self.line_starts = [0]
        self.rows: list[list[tuple[int, int, int, int]]] = []
        self.open_cell: tuple[int, int, int] | None = None  # content start, rowspan, colspan
        self.depth = 0  # nested tables are read as text of the outer cell

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.base + self.line_starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.depth += 1
        if self.depth != 1:
            return
        if tag == "tr":
            self._close_cell()
            self.rows.append([])
        elif tag in ("td", "th"):
            self._close_cell()
            if not self.rows:
                self.rows.append([])
            text = self.get_starttag_text() or ""
            a = dict(attrs)
            self.open_cell = (
                self._pos() + len(text),
                _span(a.get("rowspan")),
                _span(a.get("colspan")),
            )

    def handle_endtag(self, tag: str) -> None:
        if self.depth == 1 and tag in ("td", "th", "tr", "table"):
            self._close_cell()
        if tag == "table":
            self.depth -= 1

    def _close_cell(self) -> None:
        if self.open_cell is None:
            return
        start, rowspan, colspan = self.open_cell
        self.rows[-1].append((start, max(start, self._pos()), rowspan, colspan))
        self.open_cell = None


def _span(value: str | None) -> int:
    return max(1, min(int(value), _MAX_SPAN)) if value and value.strip().isdigit() else 1


def _parse(source: str, start: int, end: int) -> Table:
    chunk = source[start:end]
    tokens = _Tokens(source, start)
    tokens.line_starts = [0] + [m.end() for m in re.finditer("\n", chunk)]
    tokens.feed(chunk)
    tokens.close()
    tokens._close_cell()
    grid: list[list[TableCell | None]] = []
    for r, row in enumerate(tokens.rows):
        while len(grid) <= r:
            grid.append([])
        c = 0
        for cell_start, cell_end, rowspan, colspan in row:
            while c < len(grid[r]) and grid[r][c] is not None:
                c += 1
            cell = TableCell(cell_text(source[cell_start:cell_end]), cell_start, cell_end)
            for dr in range(rowspan):
                while len(grid) <= r + dr:
                    grid.append([])
                target = grid[r + dr]
                while len(target) < c + colspan:
                    target.append(None)
                for dc in range(colspan):
                    if target[c + dc] is None:
                        target[c + dc] = cell
            c += colspan
    empty = TableCell("", end, end)
    return Table(start, end, [[cell or empty for cell in row] for row in grid if row])


_TAG = re.compile(r"<[^>]*>")
_WS = re.compile(r"\s+")


def cell_text(raw: str) -> str:
    """A cell's text: tags dropped, entities decoded, whitespace collapsed to one space.

    >>> cell_text("Java 程序设计\\nJava &amp; <b>Web</b>")
    'Java 程序设计 Java & Web'
    """
    import html

    return _WS.sub(" ", html.unescape(_TAG.sub(" ", raw))).strip()
