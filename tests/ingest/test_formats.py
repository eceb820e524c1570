"""Formats are recognised by their bytes; the ones no reader takes are named."""

from __future__ import annotations

import pytest

from graphbuilder.errors import UnsupportedFormatError
from graphbuilder.ingest.formats import archive_format, is_html, sniff


@pytest.mark.parametrize(
    ("raw", "fmt"),
    [
        (b"PK\x03\x04rest", "zip"),
        (b"PK\x05\x06" + bytes(18), "zip"),
        (b"%PDF-1.7\n", "pdf"),
        (b"\xef\xbb\xbf%PDF-1.4", "pdf"),  # junk before the header is allowed by readers
        ("# 标题".encode(), "text"),
        ("专业代码\t510201".encode("gbk"), "text"),
    ],
)
def test_sniff(raw: bytes, fmt: str) -> None:
    assert sniff(raw, "f") == fmt


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office"),
        (b"\xff\xd8\xff\xe0", "JPEG image"),
        (b"GIF89a", "GIF image"),
        (b"Rar!\x1a\x07", "RAR archive"),
        (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    ],
)
def test_sniff_names_what_it_refuses(raw: bytes, fragment: str) -> None:
    with pytest.raises(UnsupportedFormatError, match=fragment):
        sniff(raw, "f")


def test_archive_format() -> None:
    assert archive_format({"xl/workbook.xml"}, "a") == "xlsx"
    with pytest.raises(
        UnsupportedFormatError, match=r"not an xlsx workbook or a docx document \(a.txt\)"
    ):
        archive_format({"a.txt"}, "a")


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("<!DOCTYPE html><html>", True),
        ("  <!-- saved --> <html lang='zh'>", True),
        ("<p>段落</p>", True),
        ("# 培养方案\n<table><tr><td>x</td></tr></table>", False),
        ("<table><tr><td>x</td></tr></table>", False),
        ("<?xml version='1.0'?><x/>", False),
    ],
)
def test_is_html(text: str, html: bool) -> None:
    assert is_html(text) is html
