"""docx rendering: heading styles, emphasis, Word's own list numbers, merged table cells."""

from __future__ import annotations

import io

import pytest

from graphbuilder.ingest.htmltables import find_tables
from graphbuilder.ingest.worddoc import render_docx


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_heading("Python程序设计", level=0)
    d.add_heading("第1章 入门", level=1)
    p = d.add_paragraph("所谓")
    p.add_run("解释器").bold = True
    p.add_run("，就是执行程序的程序；")
    p.add_run("字节码").underline = True
    p.add_run("是中间形式。")
    d.add_paragraph("掌握变量与类型；", style="List Number")
    d.add_paragraph("理解函数；", style="List Number")
    d.add_paragraph("要点", style="List Bullet")
    t = d.add_table(rows=3, cols=3)
    t.cell(0, 0).text, t.cell(0, 1).text, t.cell(0, 2).text = "课程模块", "课程名称", "学分"
    t.cell(1, 0).merge(t.cell(2, 0)).text = "专业课"
    t.cell(1, 1).text, t.cell(1, 2).text = "Java 程序设计", "4"
    t.cell(2, 1).text, t.cell(2, 2).text = "软件测试", "2"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


@pytest.fixture(scope="module")
def rendered() -> str:
    return render_docx(_docx(), "x.docx")


def test_headings_keep_their_levels(rendered: str) -> None:
    assert rendered.startswith("# Python程序设计\n\n# 第1章 入门\n")


def test_bold_and_underlined_runs_are_marked(rendered: str) -> None:
    assert "所谓**解释器**，就是执行程序的程序；<u>字节码</u>是中间形式。" in rendered


def test_list_numbers_drawn_by_word_are_written_out(rendered: str) -> None:
    assert "1. 掌握变量与类型；\n\n2. 理解函数；\n\n- 要点" in rendered


def test_a_merged_cell_is_one_cell_with_a_rowspan(rendered: str) -> None:
    assert '<td rowspan="2">专业课</td>' in rendered
    grid = find_tables(rendered)[0].grid
    assert [[c.text for c in row] for row in grid] == [
        ["课程模块", "课程名称", "学分"],
        ["专业课", "Java 程序设计", "4"],
        ["专业课", "软件测试", "2"],
    ]
