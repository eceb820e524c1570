"""Bounded reads and archive checks."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from graphbuilder.errors import InputError
from graphbuilder.ingest.limits import check_archive, read_bounded
from graphbuilder.settings import Settings


def test_read_bounded_reads_a_small_file(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"abc")
    assert read_bounded(path, Settings(max_input_bytes=3)) == b"abc"


def test_read_bounded_refuses_a_large_file_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"abcd")
    with pytest.raises(
        InputError, match=r"too large: 4 bytes, above the limit of 3 .*MAX_INPUT_BYTES"
    ):
        read_bounded(path, Settings(max_input_bytes=3))


def test_read_bounded_reports_a_vanished_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="vanished during the build"):
        read_bounded(tmp_path / "gone.md", Settings())


def test_read_bounded_reports_a_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot be read"):
        read_bounded(tmp_path, Settings())


def _archive(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_check_archive_returns_the_members() -> None:
    raw = _archive({"word/document.xml": b"<w/>", "[Content_Types].xml": b"<T/>"})
    assert check_archive(raw, "a.docx", Settings()) == {"word/document.xml", "[Content_Types].xml"}


def test_a_small_member_is_not_held_to_the_ratio() -> None:
    raw = _archive({"word/document.xml": b" " * 500_000})  # ratio ~1000, but half a MiB
    assert check_archive(raw, "a.docx", Settings())


@pytest.mark.parametrize(
    ("settings", "fragment"),
    [
        (Settings(max_zip_ratio=50), "packs 2,097,152 bytes into"),
        (Settings(max_unzipped_bytes=2**20), "declares 2,097,152 bytes unpacked"),
    ],
)
def test_check_archive_refuses_by_declared_sizes(settings: Settings, fragment: str) -> None:
    raw = _archive({"word/document.xml": b" " * 2 * 2**20})
    with pytest.raises(InputError, match=fragment):
        check_archive(raw, "a.docx", settings)


def test_check_archive_names_a_damaged_archive() -> None:
    raw = _archive({"xl/workbook.xml": b"<workbook/>" * 100})
    with pytest.raises(InputError, match="not a readable xlsx workbook: truncated or corrupt"):
        check_archive(raw[: len(raw) // 2], "a.xlsx", Settings())
