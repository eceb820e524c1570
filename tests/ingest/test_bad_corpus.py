"""The malformed-input corpus: every bad file is refused with a clear reason, none crashes a
build, none makes memory grow with its size, and the good files beside them build as alone."""

from __future__ import annotations

import io
import json
import shutil
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from graphbuilder.errors import (
    EmptyDocumentError,
    EncodingError,
    InputError,
    UnsupportedFormatError,
)
from graphbuilder.ingest import read_document
from graphbuilder.pipeline import build
from graphbuilder.settings import Settings
from graphbuilder.store.oxigraph import OxigraphStore

from .conftest import BAD, FIXTURES

BASE = "https://w3id.org/graphbuilder/id/"
DOCS = FIXTURES / "docs"

# (file, error class, a fragment of the reason): the committed part of the corpus.
COMMITTED = [
    ("archive.gz", UnsupportedFormatError, "gzip archive"),
    ("archive.zip", UnsupportedFormatError, "zip archive but not an xlsx workbook or a docx"),
    ("bad-crc.docx", InputError, "not a readable docx document: truncated or corrupt"),
    ("bad-utf16.txt", EncodingError, "utf-16 byte-order mark"),
    ("bad-xml.docx", InputError, "not a readable docx document"),
    ("bad-xml.xlsx", InputError, "not a readable xlsx workbook"),
    ("binary.md", UnsupportedFormatError, "binary content: a PNG image"),
    ("blank-utf16.txt", EmptyDocumentError, "only whitespace"),
    ("broken-nav.yml", UnsupportedFormatError, "unrecognised kind"),
    ("controls.txt", UnsupportedFormatError, "control characters"),
    ("deep-nesting.html", InputError, "HTML nested 200\\+ elements deep"),
    ("empty.md", EmptyDocumentError, "empty file"),
    ("encrypted.pdf", InputError, "encrypted, it needs a password"),
    ("garbage.pdf", InputError, "not a readable PDF"),
    ("heading-only.md", UnsupportedFormatError, "unrecognised kind"),
    ("legacy.doc", UnsupportedFormatError, "legacy Office file"),
    ("letter.rtf", UnsupportedFormatError, "RTF file"),
    ("mixed-encoding.md", EncodingError, "mixed encodings: UTF-8 text up to line 4"),
    ("no-text.docx", EmptyDocumentError, "docx document with no text"),
    ("not-a-listing.json", UnsupportedFormatError, "unrecognised kind"),
    ("not-a-workbook.xlsx", InputError, "not a readable docx document"),
    ("people.csv", UnsupportedFormatError, "unrecognised kind"),
    ("photo.txt", UnsupportedFormatError, "binary content: a PNG image"),
    ("random.txt", UnsupportedFormatError, "binary content"),
    ("scanned.pdf", EmptyDocumentError, "no text layer \\(scanned\\?\\): run OCR"),
    ("script-only.html", EmptyDocumentError, "HTML page with no text"),
    ("truncated.docx", InputError, "not a readable docx document: truncated or corrupt"),
    ("truncated.pdf", InputError, "not a readable PDF"),
    ("truncated.xlsx", InputError, "not a readable xlsx workbook: "),
    ("unknown-header.xlsx", UnsupportedFormatError, "unknown xlsx layout"),
    ("unrelated.txt", UnsupportedFormatError, "unrecognised kind"),
    ("whitespace.md", EmptyDocumentError, "only whitespace"),
    ("zero-byte.docx", EmptyDocumentError, "empty file"),
]
GOOD_IN_BAD = {"gbk-standard.md", "utf16-standard.md", "utf8-bom-standard.md"}


@pytest.fixture
def documents_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Builds without the derived stages: these tests are about reading documents."""
    monkeypatch.setattr("graphbuilder.pipeline.DERIVED_STAGES", [])


def test_the_corpus_is_complete() -> None:
    listed = {name for name, _, _ in COMMITTED}
    on_disk = {p.name for p in BAD.iterdir()} - GOOD_IN_BAD
    assert listed == on_disk
    assert len(listed) + len(GENERATED) >= 30


@pytest.mark.parametrize(("name", "error", "fragment"), COMMITTED, ids=[c[0] for c in COMMITTED])
def test_a_bad_file_is_refused_with_its_reason(
    name: str, error: type[InputError], fragment: str
) -> None:
    path = BAD / name
    with pytest.raises(error, match=fragment) as info:
        read_document(path, BAD)
    assert type(info.value) is error
    assert str(info.value).startswith(f"{path}: ")
    assert "reader error" not in str(info.value)  # refused on purpose, not by accident


def _zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _ratio_bomb(folder: Path) -> Path:
    """A docx whose document part is 64 MiB of spaces packed into about 64 KiB."""
    path = folder / "bomb.docx"
    body = b"<w:document>" + b" " * (64 * 2**20) + b"</w:document>"
    path.write_bytes(_zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": body}))
    return path


def _lying_bomb(folder: Path) -> Path:
    """A docx whose directory says its document part is 100 bytes; it inflates to 2 MiB."""
    raw = bytearray(_zip_bytes({"word/document.xml": b"\x00" * (2 * 2**20)}))
    with zipfile.ZipFile(io.BytesIO(bytes(raw))) as archive:
        info = archive.infolist()[0]
    struct.pack_into("<I", raw, info.header_offset + 22, 100)  # local header: size
    central = bytes(raw).index(b"PK\x01\x02")
    struct.pack_into("<I", raw, central + 24, 100)  # central directory: size
    path = folder / "liar.docx"
    path.write_bytes(bytes(raw))
    return path


def _many_members(folder: Path) -> Path:
    """An xlsx-looking archive declaring more than the unpacked limit in total."""
    members = {f"xl/worksheets/sheet{i}.xml": b"<x/>" * 300_000 for i in range(6)}
    path = folder / "huge.xlsx"
    path.write_bytes(_zip_bytes({"xl/workbook.xml": b"<workbook/>", **members}))
    return path


def _huge_text(folder: Path) -> Path:
    """A 50 MB text file (one readable line repeated)."""
    path = folder / "huge.txt"
    line = "# 第一章 数据类型\n数值是一种原始类型。\n".encode()
    with path.open("wb") as fh:
        for _ in range(50 * 2**20 // len(line) + 1):
            fh.write(line)
    return path


def _two_page_pdf(folder: Path) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    path = folder / "long.pdf"
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path))
    for page in range(2):
        c.setFont("STSong-Light", 12)
        c.drawString(72, 700, f"第{page + 1}页")
        c.showPage()
    c.save()
    return path


# (maker, settings overrides, reason fragment): made at run time, never committed.
GENERATED = [
    (_ratio_bomb, {}, "a zip bomb: member 'word/document.xml' packs"),
    # zipfile stops at the declared size and then finds the checksum wrong: refused either way.
    (_lying_bomb, {}, "inflates past its declared size|Bad CRC-32 for file 'word/document.xml'"),
    (_many_members, {"max_unzipped_bytes": 4 * 2**20}, "a zip bomb: declares"),
    (_huge_text, {}, "too large: 52,4"),
    (_two_page_pdf, {"pdf_max_pages": 1}, "too many pages: 2"),
]


@pytest.mark.parametrize(
    ("make", "overrides", "fragment"), GENERATED, ids=[g[0].__name__ for g in GENERATED]
)
def test_a_large_or_hostile_file_is_refused_before_it_is_unpacked(
    tmp_path: Path,
    make,
    overrides: dict[str, int],
    fragment: str,  # type: ignore[no-untyped-def]
) -> None:
    path = make(tmp_path)
    with pytest.raises(InputError, match=fragment):
        read_document(path, tmp_path, Settings(**overrides))


@pytest.mark.usefixtures("documents_only")
def test_a_file_that_vanishes_during_the_build_is_reported(tmp_path: Path) -> None:
    src = tmp_path / "src"
    shutil.copytree(DOCS / "javascript-tutorial", src)
    doomed = src / "docs" / "types" / "general.md"
    summary = build([src], tmp_path / "store", on_start=lambda _: doomed.unlink())
    failed = {o.path: o.reason for o in summary.failed}
    assert failed == {"docs/types/general.md": "cannot be read: the file vanished during the build"}
    assert summary.count("built") >= 3


def _graphs(store_dir: Path, paths: set[str]) -> dict[str, set[str]]:
    """Each named document's facts as N-Triples lines, without the build-specific id."""
    store = OxigraphStore(store_dir, BASE, read_only=True)
    out: dict[str, set[str]] = {}
    for rec in store.documents().values():
        if rec.path in paths:
            graph = store.document_graph(rec.doc_id)
            data = store.raw.dump(format=RdfFormat.N_TRIPLES, from_graph=graph) or b""
            out[rec.path] = {line for line in data.decode().splitlines() if "#buildId>" not in line}
    return out


@pytest.mark.usefixtures("documents_only")
def test_good_files_beside_bad_ones_build_exactly_as_alone(tmp_path: Path) -> None:
    good = tmp_path / "good"
    shutil.copytree(DOCS, good)
    mixed = tmp_path / "mixed"
    shutil.copytree(DOCS, mixed)
    shutil.copytree(BAD, mixed / "bad")
    _ratio_bomb(mixed / "bad")
    alone = build([good], tmp_path / "alone")
    both = build([mixed], tmp_path / "both")
    assert not alone.failed
    refused = {o.path for o in both.failed}
    assert refused == {f"bad/{n}" for n, _, _ in COMMITTED} | {"bad/bomb.docx"}
    paths = {o.path for o in alone.outcomes if o.status == "built" and o.kind != "derived"}
    assert len(paths) == 9
    assert _graphs(tmp_path / "alone", paths) == _graphs(tmp_path / "both", paths)


_MEMORY_PROBE = """
import json, resource, sys
from pathlib import Path
from graphbuilder.ingest import read_document
import docx, pdfplumber, lxml.html, openpyxl  # the libraries the readers load late
folder = Path(sys.argv[1])
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
reasons = {}
for path in sorted(folder.iterdir()):
    try:
        read_document(path, folder)
    except Exception as exc:
        reasons[path.name] = type(exc).__name__
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"grew_kib": after - before, "reasons": reasons}))
"""


def test_reading_the_whole_bad_corpus_keeps_memory_bounded(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    shutil.copytree(BAD, folder)
    _ratio_bomb(folder)
    _lying_bomb(folder)
    _huge_text(folder)
    result = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(folder)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    report = json.loads(result.stdout.strip().splitlines()[-1])
    # The bomb inflates to 64 MiB and the text is 50 MB: neither may be held in memory.
    assert report["grew_kib"] < 48 * 1024, report
    assert set(report["reasons"]) >= {"bomb.docx", "liar.docx", "huge.txt"}
