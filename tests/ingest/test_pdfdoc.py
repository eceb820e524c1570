"""PDF rendering: headings from type size, tables with merged cells, no text layer refused."""

from __future__ import annotations

import io

import pytest

from graphbuilder.errors import EmptyDocumentError, InputError
from graphbuilder.ingest.pdfdoc import render_pdf


def _pdf(pages: list[list[tuple[int, str]]]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out)
    for lines in pages:
        y = 780
        for size, text in lines:
            c.setFont("STSong-Light", size)
            c.drawString(72, y, text)
            y -= size + 10
        c.showPage()
    c.save()
    return out.getvalue()


def test_larger_type_is_a_heading_across_pages() -> None:
    body = "正文文字比标题小，是最多的一种字号，用来判断什么是正文。"
    raw = _pdf(
        [[(20, "数据类型"), (15, "数值"), (10, body), (10, body)], [(15, "字符串"), (10, body)]]
    )
    text = render_pdf(raw, "b.pdf", 10)
    assert text.splitlines()[:3] == ["# 数据类型", "## 数值", body]
    assert "## 字符串" in text  # level from the whole document, not from its page


def test_page_limit() -> None:
    with pytest.raises(InputError, match="too many pages: 2"):
        render_pdf(_pdf([[(10, "一")], [(10, "二")]]), "b.pdf", 1)


def test_no_text_layer() -> None:
    with pytest.raises(EmptyDocumentError, match="1 page\\(s\\) with no text layer"):
        render_pdf(_pdf([[]]), "b.pdf", 10)
