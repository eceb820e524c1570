"""Ingest: find source files, decode them, recognise what they are, and cut them into sections.

``discover`` lists the files under the sources; ``read_document`` turns one file into a
``Document`` whose sections the extraction stage reads. Kinds and their sections:

- ``moe-standard`` (专业教学标准, key = 6-digit major code): ``major``,
  ``occupation_orientation``, ``training_goal``, ``ability``, ``foundation_courses``,
  ``core_courses``, ``practice``, ``certificate``, ``continuation`` (and ``unparsed``).
- ``occupation-dictionary`` (职业分类大典, key = ``d-dd-dd-dd``): ``occupation``,
  ``occupation_definition``, ``task``.
- ``major-catalogue``: ``catalogue_row``; ``major-occupation-map``: ``mapping_row``;
  ``onet-technology``: ``technology_row``.

Spans index the decoded text; for a workbook that is its TSV rendering
(:func:`graphbuilder.ingest.xlsx.render_workbook`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from graphbuilder.errors import EmptyDocumentError, InputError, UnsupportedFormatError
from graphbuilder.ingest import occupations, onet, standards, tables, xlsx
from graphbuilder.ingest.decode import decode
from graphbuilder.ingest.detect import TEXT_KINDS, is_secondary_occupations, text_kind
from graphbuilder.ingest.occupations_new import read_new_occupations
from graphbuilder.model.iris import doc_id_for
from graphbuilder.model.records import Document, Section

__all__ = ["discover", "read_document"]

_SKIPPED_PREFIXES = ("notice", "readme", "license", "provenance")
_ZIP_MAGIC = b"PK\x03\x04"


def discover(sources: Sequence[Path]) -> list[tuple[Path, Path]]:
    """The files to read under ``sources``, each with the root its id is relative to.

    Folders are walked recursively in sorted order, skipping hidden files and folders and
    files named ``NOTICE*``, ``README*``, ``LICENSE*`` or ``PROVENANCE*`` (any case). A file
    given directly is always taken, with its parent as root.

    Args:
        sources: files and folders.

    Returns:
        ``(file, root)`` pairs.

    Raises:
        InputError: a source that does not exist.
    """
    found: list[tuple[Path, Path]] = []
    for source in sources:
        if source.is_file():
            found.append((source, source.parent))
        elif source.is_dir():
            found.extend((path, source) for path in _walk(source))
        else:
            raise InputError(str(source), "no such file or folder")
    return found


def _walk(root: Path) -> list[Path]:
    files: list[Path] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(folder, n) for n in names if _wanted(n))
    return sorted(files, key=lambda p: p.relative_to(root).parts)


def _wanted(name: str) -> bool:
    return not name.startswith(".") and not name.lower().startswith(_SKIPPED_PREFIXES)


def read_document(path: Path, root: Path) -> Document:
    """Read one file into a ``Document``: decode it, recognise its kind, cut it into sections.

    Args:
        path: the file.
        root: the folder its id is relative to.

    Returns:
        The document with its sections in reading order.

    Raises:
        EmptyDocumentError: nothing but whitespace.
        UnsupportedFormatError: binary content, an unknown workbook layout, an unknown text.
        EncodingError: bytes that decode as no supported encoding.
        InputError: an unreadable file or a damaged workbook.
    """
    name = str(path)
    relpath = Path(os.path.relpath(path, root)).as_posix()
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from exc
    if not raw.strip():
        raise EmptyDocumentError(name, "empty file" if not raw else "only whitespace")
    doc_id = doc_id_for(relpath)
    if raw.startswith(_ZIP_MAGIC):
        kind, encoding, sections = _read_workbook(doc_id, raw, name)
    else:
        kind, encoding, sections = _read_text(doc_id, raw, name)
    sha256 = hashlib.sha256(raw).hexdigest()
    return Document(doc_id, relpath, kind, sha256, encoding, sections)


def _read_workbook(doc_id: str, raw: bytes, name: str) -> tuple[str, str, list[Section]]:
    sheets = xlsx.load_sheets(raw, name)
    kind = tables.workbook_kind(sheets)
    if kind is None:
        found = tables.headers(sheets) or "no rows"
        raise UnsupportedFormatError(name, f"unknown xlsx layout (headers: {found})")
    rendered = xlsx.render(sheets)
    if kind == tables.CATALOGUE:
        return kind, "xlsx", tables.read_catalogue(doc_id, sheets, rendered)
    return kind, "xlsx", tables.read_major_map(doc_id, sheets, rendered)


def _read_text(doc_id: str, raw: bytes, name: str) -> tuple[str, str, list[Section]]:
    decoded = decode(raw, name)
    text = decoded.text
    if not text.strip():
        raise EmptyDocumentError(name, "only whitespace")
    kind = text_kind(text)
    if kind is None:
        known = ", ".join(TEXT_KINDS.values())
        raise UnsupportedFormatError(name, f"text of an unrecognised kind (not a {known})")
    if kind == standards.KIND:
        sections = standards.read_standard(doc_id, text)
    elif kind == onet.KIND:
        sections = onet.read_onet(doc_id, text)
    elif is_secondary_occupations(text):
        sections = read_new_occupations(doc_id, text)
    else:
        sections = occupations.read_occupations(doc_id, text)
    return kind, decoded.encoding, sections
