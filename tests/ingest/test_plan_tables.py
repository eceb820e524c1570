"""Course tables and the course–requirement matrix, read from grids."""

from __future__ import annotations

from graphbuilder.ingest.htmltables import find_tables
from graphbuilder.ingest.plan_tables import course_rows, matrix_cells

PER_SEMESTER = (
    "<table><tr><td>课程类别</td><td>课程名称</td><td>课程性质</td><td>学分</td><td>总学时</td>"
    "<td>第一学期</td><td>第二学期</td><td>第三学期</td></tr>"
    "<tr><td>专业核心课</td><td>数据库应用技术</td><td>必修</td><td>4</td><td>32+32</td><td></td><td>4</td><td>2</td></tr>"
    "<tr><td>专业拓展课</td><td>云计算技术</td><td>选修</td><td>2</td><td>32</td><td>2</td><td></td><td></td></tr>"
    "<tr><td>合计</td><td></td><td></td><td>6</td><td>96</td><td></td><td></td><td></td></tr></table>"
)
LETTER_MATRIX = (
    '<table><tr><td rowspan="2">课程模块</td><td rowspan="2">课程名称</td>'
    '<td colspan="2">知识要求(A)</td>'
    '<td colspan="1">能力要求(B)</td></tr><tr><td>1</td><td>2</td><td>1</td></tr>'
    "<tr><td>专业课</td><td>植物学</td><td>H</td><td></td><td>√</td></tr>"
    "<tr><td>专业课</td><td>小计</td><td>H</td><td>H</td><td>H</td></tr></table>"
)


def test_per_semester_columns_hours_sums_and_kinds() -> None:
    rows = course_rows(find_tables(PER_SEMESTER)[0])
    assert [(r.name, r.hours, r.semester, r.required, r.module) for r in rows] == [
        ("数据库应用技术", "64", "2,3", "true", "专业核心课"),
        ("云计算技术", "32", "1", "false", "专业拓展课"),
    ]


def test_a_table_without_credits_is_no_course_table() -> None:
    assert (
        course_rows(
            find_tables(
                "<table><tr><td>课程名称</td><td>学时</td></tr><tr><td>x</td><td>2</td></tr></table>"
            )[0]
        )
        == []
    )


def test_letter_group_matrix() -> None:
    cells = matrix_cells(find_tables(LETTER_MATRIX)[0])
    assert [(c.course, c.requirement, c.value.text) for c in cells] == [
        ("植物学", "A1", "H"),
        ("植物学", "B1", "√"),
    ]
