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
- ``training-plan`` (人才培养方案, :mod:`~graphbuilder.ingest.plan`), ``course-standard``
  (课程标准/教学大纲, :mod:`~graphbuilder.ingest.course_standard`), ``textbook`` and
  ``textbook-nav`` (:mod:`~graphbuilder.ingest.textbook`, :mod:`~graphbuilder.ingest.nav`),
  ``resource-listing`` (资源库, :mod:`~graphbuilder.ingest.listing`), ``skill-standard``
  (国家职业技能标准 as parsed JSON lines, :mod:`~graphbuilder.ingest.skill_standard`): see
  their modules.

Formats are judged by content (:mod:`~graphbuilder.ingest.formats`): text in UTF-8, GB18030/GBK
or UTF-16 (with or without a BOM), HTML, docx, PDF with a text layer, xlsx, CSV, JSON, YAML.
Spans index the decoded text; for a workbook, docx, PDF or HTML file that is its rendering
(:func:`render_source`). Every file is read within the limits of the settings
(:mod:`~graphbuilder.ingest.limits`): size, zip bombs, HTML depth, PDF pages.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from graphbuilder.errors import EmptyDocumentError, InputError
from graphbuilder.ingest.kinds import KINDS, read_kind
from graphbuilder.ingest.limits import read_bounded
from graphbuilder.ingest.sources import load_source
from graphbuilder.model.iris import doc_id_for
from graphbuilder.model.records import Document
from graphbuilder.settings import Settings, get_settings

__all__ = ["KINDS", "discover", "read_document", "render_source"]

_SKIPPED_PREFIXES = ("notice", "readme", "license", "provenance")


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


def read_document(path: Path, root: Path, settings: Settings | None = None) -> Document:
    """Read one file into a ``Document``: decode it, recognise its kind, cut it into sections.

    Whatever the bytes, the only exception that leaves is an ``InputError`` naming the file
    and the reason, so one bad file never stops a build.

    Args:
        path: the file.
        root: the folder its id is relative to.
        settings: the input limits (the process settings by default).

    Returns:
        The document with its sections in reading order.

    Raises:
        EmptyDocumentError: nothing but whitespace.
        UnsupportedFormatError: binary content, an unknown workbook layout, an unknown text.
        EncodingError: bytes that decode as no supported encoding.
        InputError: an unreadable, vanished or too large file, a damaged archive or a zip bomb.
    """
    settings = settings or get_settings()
    name = str(path)
    relpath = Path(os.path.relpath(path, root)).as_posix()
    raw = read_bounded(path, settings)
    if not raw.strip():
        raise EmptyDocumentError(name, "empty file" if not raw else "only whitespace")
    doc_id = doc_id_for(relpath)
    try:
        source = load_source(raw, name, settings)
        kind, sections = read_kind(doc_id, source, path, relpath)
    except InputError:
        raise
    # A reader that fails on input it should have refused is a bug; the build still goes on,
    # and the failure is reported against the file with what went wrong.
    except (Exception, RecursionError) as exc:
        raise InputError(
            name, f"reader error ({type(exc).__name__}: {exc}); please report it"
        ) from exc
    sha256 = hashlib.sha256(raw).hexdigest()
    return Document(doc_id, relpath, kind, sha256, source.encoding, sections)


def render_source(path: Path, settings: Settings | None = None) -> str:
    """The decoded source text of the file at ``path``: what its section spans index.

    For a text file that is its decoded text; for a docx, PDF or HTML file its markdown
    rendering (:mod:`graphbuilder.ingest.rendering`); for a workbook its TSV rendering.

    Args:
        path: the file.
        settings: the input limits (the process settings by default).

    Returns:
        The text.
    """
    settings = settings or get_settings()
    return load_source(read_bounded(path, settings), str(path), settings).text
