"""read_document: identity fields, detection by content, encodings, and the files it refuses."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from graphbuilder.errors import (
    EmptyDocumentError,
    EncodingError,
    InputError,
    UnsupportedFormatError,
)
from graphbuilder.ingest import read_document
from graphbuilder.model.iris import doc_id_for
from graphbuilder.model.records import Document

from .conftest import BAD


def test_identity_fields(fixture_corpus: Path) -> None:
    path = fixture_corpus / "moe" / "standards" / "5102计算机类.md"
    doc = read_document(path, fixture_corpus)
    assert doc.path == "moe/standards/5102计算机类.md"
    assert doc.doc_id == doc_id_for("moe/standards/5102计算机类.md")
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert all(s.doc_id == doc.doc_id for s in doc.sections)
    again = read_document(path, fixture_corpus)
    assert again == doc


@pytest.mark.parametrize(
    ("source", "name", "kind"),
    [
        ("onet/Technology Skills.txt", "notes.md", "onet-technology"),
        ("moe/standards/5102计算机类.md", "table.txt", "moe-standard"),
        ("moe/occupations/class_2_4_excerpt.md", "data", "occupation-dictionary"),
        ("moe/专业-职业对照表.xlsx", "book.bin", "major-occupation-map"),
        ("moe/职业教育专业目录.xlsx", "other.xlsx", "major-catalogue"),
    ],
)
def test_kind_comes_from_content_not_name(
    fixture_corpus: Path, tmp_path: Path, source: str, name: str, kind: str
) -> None:
    copy = tmp_path / name
    shutil.copyfile(fixture_corpus / source, copy)
    assert read_document(copy, tmp_path).kind == kind


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("gbk-standard.md", "gb18030"),
        ("utf16-standard.md", "utf-16"),
        ("utf8-bom-standard.md", "utf-8-sig"),
    ],
)
def test_other_encodings_read_like_utf8(
    standard: tuple[Document, str], name: str, encoding: str
) -> None:
    doc = read_document(BAD / name, BAD)
    assert (doc.kind, doc.encoding) == ("moe-standard", encoding)
    expected = [(s.kind, s.key, s.text) for s in standard[0].sections if s.key == "510201"]
    assert [(s.kind, s.key, s.text) for s in doc.sections] == expected


@pytest.mark.parametrize(
    ("name", "error", "fragment"),
    [
        ("binary.md", UnsupportedFormatError, "binary content"),
        ("empty.md", EmptyDocumentError, "empty file"),
        ("whitespace.md", EmptyDocumentError, "only whitespace"),
        ("truncated.xlsx", InputError, "not a readable xlsx workbook: "),
        ("unknown-header.xlsx", UnsupportedFormatError, "unknown xlsx layout .*姓名, 年龄"),
        # A zip holding only word/document.xml is, by content, a damaged docx.
        ("not-a-workbook.xlsx", InputError, "not a readable docx document"),
        ("unrelated.txt", UnsupportedFormatError, "unrecognised kind"),
    ],
)
def test_bad_files(name: str, error: type[InputError], fragment: str) -> None:
    path = BAD / name
    with pytest.raises(error, match=fragment) as info:
        read_document(path, BAD)
    assert type(info.value) is error
    assert info.value.path == str(path)
    assert str(info.value).startswith(f"{path}: ")


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "odd.md"
    path.write_bytes(b"\xef\xbb\xbf\xff\xfe\xfa")  # a UTF-8 BOM, then no UTF-8
    with pytest.raises(EncodingError, match="byte-order mark"):
        read_document(path, tmp_path)


def test_whitespace_only_utf16(tmp_path: Path) -> None:
    path = tmp_path / "blank.md"
    path.write_bytes(" \n \n".encode("utf-16"))
    with pytest.raises(EmptyDocumentError, match="only whitespace"):
        read_document(path, tmp_path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        read_document(tmp_path / "gone.md", tmp_path)
