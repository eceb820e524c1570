"""Decoding: which encodings are read, what is recorded, what is refused."""

from __future__ import annotations

import codecs

import pytest

from graphbuilder.errors import EncodingError, UnsupportedFormatError
from graphbuilder.ingest.decode import decode

TEXT = "专业代码 510201\n\n专业名称 计算机应用技术\n\n职业技能等级证书：Web 前端开发\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-32"), "utf-32"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (b"O*NET-SOC Code\tExample\r\n", "utf-8"),
    ],
    ids=[
        "utf-8",
        "utf-8-bom",
        "utf-16-le-bom",
        "utf-16-be-bom",
        "utf-32",
        "gbk",
        "gb18030",
        "ascii",
    ],
)
def test_decodes(raw: bytes, encoding: str) -> None:
    decoded = decode(raw, "x.md")
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") == raw.decode(encoding).lstrip("\ufeff")
    assert "\ufeff" not in decoded.text


def test_newlines_are_kept_as_they_are() -> None:
    assert decode(b"a\r\nb\n", "x").text == "a\r\nb\n"


def test_falls_back_to_a_guess_when_gb18030_fails_too() -> None:
    # 0x80 (€ in cp1252) is no GB18030 lead byte, so charset-normalizer decides.
    raw = "Preis: 5 € für Größe M, Maßstab 1:100.\n".encode("cp1252") * 4
    decoded = decode(raw, "x.txt")
    assert "Preis: 5 € für Größe M" in decoded.text
    assert decoded.encoding not in ("utf-8", "gb18030")


@pytest.mark.parametrize(
    ("raw", "error", "fragment"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", UnsupportedFormatError, "NUL bytes"),
        (b"abc\x01\x02\x03\x04\x05\x06\x07\x08def", UnsupportedFormatError, "control characters"),
        (codecs.BOM_UTF8 + b"\xff\xfe\xfd", EncodingError, "byte-order mark"),
    ],
    ids=["nul", "controls", "bad-after-bom"],
)
def test_refuses(raw: bytes, error: type[Exception], fragment: str) -> None:
    with pytest.raises(error, match=fragment) as info:
        decode(raw, "odd.md")
    assert str(info.value).startswith("odd.md: ")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom(codec: str) -> None:
    decoded = decode(TEXT.encode(codec), "x.md")
    assert (decoded.text, decoded.encoding) == (TEXT, codec)


def test_mixed_encodings_are_refused_not_read_as_mojibake() -> None:
    raw = TEXT.encode("utf-8") + "培养目标：掌握程序设计知识。\n".encode("gbk")
    with pytest.raises(EncodingError, match="mixed encodings: UTF-8 text up to line 6"):
        decode(raw, "x.md")


def test_gbk_with_a_few_valid_utf8_sequences_is_still_gbk() -> None:
    raw = "职业面向".encode("gbk")  # 职 is D6 B0 in GBK: a valid two-byte UTF-8 sequence
    assert decode(raw, "x.md").encoding == "gb18030"
