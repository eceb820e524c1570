"""HTML rendering: structure kept, furniture dropped, depth bounded."""

from __future__ import annotations

import pytest

from graphbuilder.errors import EmptyDocumentError, InputError
from graphbuilder.ingest.htmldoc import render_html

PAGE = """<!DOCTYPE html><html><head><title>t</title><style>p{}</style></head><body>
<nav>首页 | 课程</nav>
<h1>数据类型</h1><p>数值（<b>number</b>）是<u>原始类型</u>。<br>第二行</p>
<ol start="3"><li>甲</li><li>乙</li></ol><ul><li>丙</li></ul>
<table><tr><th rowspan="2">模块</th><th>课程</th></tr><tr><td>Java &amp; Web</td></tr></table>
<script>var x = 1;</script><footer>版权</footer></body></html>"""


def test_structure_and_marks() -> None:
    text = render_html(PAGE, "p.html", 200)
    assert text == (
        "# 数据类型\n\n数值（**number**）是<u>原始类型</u>。\n\n第二行\n\n"
        "3. 甲\n\n4. 乙\n\n- 丙\n\n"
        '<table><tr><td rowspan="2">模块</td><td>课程</td></tr>'
        "<tr><td>Java &amp; Web</td></tr></table>\n"
    )


def test_depth_is_bounded() -> None:
    page = "<html><body>" + "<div>" * 60 + "深" + "</div>" * 60 + "</body></html>"
    with pytest.raises(InputError, match="nested 50\\+ elements deep"):
        render_html(page, "p.html", 50)
    assert "深" in render_html(page, "p.html", 100)


def test_a_page_without_text() -> None:
    with pytest.raises(EmptyDocumentError, match="no text"):
        render_html("<html><body><script>1</script></body></html>", "p.html", 200)
