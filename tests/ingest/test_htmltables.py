"""HTML tables in markdown: spans of cells, rowspan/colspan expanded."""

from __future__ import annotations

from graphbuilder.ingest.htmltables import find_tables

SOURCE = (
    '前言\n<table><tr><td colspan="2">课程模块</td><td>学分</td></tr>'
    '<tr><td rowspan="2">专业课</td><td>Java &amp; Web\n开发</td><td>4</td></tr>'
    "<tr><td>测试</td><td>2</td></tr></table>\n后记 <table><tr><td>x</td></tr></table>"
)


def test_grid_expands_spans_and_cells_point_at_their_content() -> None:
    first, second = find_tables(SOURCE)
    texts = [[c.text for c in row] for row in first.grid]
    assert texts == [
        ["课程模块", "课程模块", "学分"],
        ["专业课", "Java & Web 开发", "4"],
        ["专业课", "测试", "2"],
    ]
    assert first.grid[1][0] is first.grid[2][0]
    cell = first.grid[1][1]
    assert SOURCE[cell.start : cell.end] == "Java &amp; Web\n开发"
    assert (
        SOURCE[first.start : first.end].startswith("<table>")
        and SOURCE[first.end - 8 : first.end] == "</table>"
    )
    assert [[c.text for c in row] for row in second.grid] == [["x"]]


def test_a_broken_table_still_parses() -> None:
    (table,) = find_tables('<table><tr><td rowspan="999999">a<td>b</table>')
    assert [c.text for c in table.grid[0]] == ["a", "b"]
