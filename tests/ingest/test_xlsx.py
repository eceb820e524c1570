"""Workbooks as text: cell rendering, the TSV rendering and its row spans, damaged files."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from graphbuilder.errors import InputError, UnsupportedFormatError
from graphbuilder.ingest.xlsx import Sheet, cell_text, load_sheets, render, render_workbook

from .conftest import BAD


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (None, ""),
        (510201, "510201"),
        (3.0, "3"),
        (2.5, "2.5"),
        ("注：1 本表…；\n2 本表", "注：1 本表…； 2 本表"),
        ("a\tb\r\nc", "a b  c"),
        (date(2025, 12, 1), "2025-12-01"),
        (datetime(2025, 12, 1, 8, 30), "2025-12-01T08:30:00"),
        (True, "True"),
    ],
)
def test_cell_text(value: object, text: str) -> None:
    assert cell_text(value) == text


def test_render_gives_one_line_per_row_after_the_sheet_title() -> None:
    sheets = [Sheet("A", [("h1", "h2"), ("1", "")]), Sheet("B", [])]
    rendered = render(sheets)
    assert rendered.text == "A\nh1\th2\n1\t\nB\n"
    assert rendered.rows == [[(2, 7), (8, 10)], []]
    for (start, end), row in zip(rendered.rows[0], sheets[0].rows, strict=True):
        assert rendered.text[start:end] == "\t".join(row)


def test_render_workbook_is_the_text_spans_index(fixture_corpus: Path) -> None:
    path = fixture_corpus / "moe" / "职业教育专业目录.xlsx"
    text = render_workbook(path)
    assert text.splitlines()[:2] == [
        "全部专业",
        "专业大类代码\t专业大类\t专业类代码\t专业类\t专业代码\t专业名称\t层次\t备注",
    ]
    assert render_workbook(path) == text


@pytest.mark.parametrize(
    ("name", "error", "fragment"),
    [
        ("truncated.xlsx", InputError, "not a readable xlsx workbook"),
        ("not-a-workbook.xlsx", UnsupportedFormatError, "not an xlsx workbook"),
    ],
)
def test_load_refuses_damaged_files(name: str, error: type[InputError], fragment: str) -> None:
    path = BAD / name
    with pytest.raises(error, match=fragment) as info:
        load_sheets(path.read_bytes(), str(path))
    assert info.value.path == str(path)


def test_load_wraps_errors_from_inside_the_workbook() -> None:
    # A zip that names a workbook part but holds garbage in it.
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("xl/workbook.xml", "<not-xml")
        z.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(InputError, match="not a readable xlsx workbook: ") as info:
        load_sheets(buffer.getvalue(), "odd.xlsx")
    assert type(info.value) is InputError
