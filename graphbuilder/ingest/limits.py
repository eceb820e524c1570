"""Bounds on what a build reads, so that no input can exhaust memory or time.

A source file is read only up to ``max_input_bytes``; an archive (docx, xlsx) is checked
before anything decompresses it: the sizes its directory declares (total and the ratio of
each member) and then the sizes the members really inflate to, read in chunks and stopped
as soon as one exceeds what was declared. A zip bomb is refused without being unpacked.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from graphbuilder.errors import InputError
from graphbuilder.settings import Settings

_CHUNK = 1 << 16
# Members smaller than this once inflated are not held to the ratio: tiny XML parts of a
# normal document compress far better than any real content does.
_RATIO_FLOOR = 1 << 20


def read_bounded(path: Path, settings: Settings) -> bytes:
    """The bytes of ``path``, refusing a file larger than ``settings.max_input_bytes``.

    The size is checked before reading, and the read itself stops one byte past the limit,
    so a file that grows while it is read is refused too.

    Args:
        path: the file.
        settings: where the limit comes from.

    Returns:
        The file's bytes.

    Raises:
        InputError: the file vanished, cannot be read, or is too large.
    """
    name = str(path)
    limit = settings.max_input_bytes
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(name, _too_large(size, limit))
        with path.open("rb") as fh:
            raw = fh.read(limit + 1)
    except FileNotFoundError as exc:
        raise InputError(name, "cannot be read: the file vanished during the build") from exc
    except OSError as exc:
        raise InputError(name, f"cannot be read: {exc.strerror or exc}") from exc
    if len(raw) > limit:
        raise InputError(name, _too_large(len(raw), limit))
    return raw


def _too_large(size: int, limit: int) -> str:
    return (
        f"too large: {size:,} bytes, above the limit of {limit:,} "
        "(setting GRAPHBUILDER_MAX_INPUT_BYTES)"
    )


def check_archive(raw: bytes, name: str, settings: Settings) -> set[str]:
    """Refuse a zip archive that would inflate beyond the limits; return its member names.

    Args:
        raw: the archive's bytes.
        name: the file name for error messages.
        settings: ``max_unzipped_bytes`` and ``max_zip_ratio``.

    Returns:
        The names of the archive's members.

    Raises:
        InputError: a damaged archive, or one that declares or inflates to too much.
    """
    limit, ratio = settings.max_unzipped_bytes, settings.max_zip_ratio
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            infos = archive.infolist()
            declared = sum(i.file_size for i in infos)
            if declared > limit:
                raise InputError(name, _bomb(f"declares {declared:,} bytes unpacked", limit))
            for info in infos:
                _check_ratio(info, name, ratio)
            inflated = 0
            for info in infos:
                inflated += _inflate(archive, info, name, limit - inflated)
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise InputError(name, f"{_damaged(raw)}: truncated or corrupt ({exc})") from exc
    except NotImplementedError as exc:  # an unsupported compression method
        raise InputError(name, f"a zip archive this reader cannot unpack: {exc}") from exc
    return {i.filename for i in infos}


def _damaged(raw: bytes) -> str:
    """What a damaged archive was, from the member names its local headers still show."""
    if b"xl/workbook.xml" in raw or b"xl/worksheets/" in raw:
        return "not a readable xlsx workbook"
    if b"word/document.xml" in raw:
        return "not a readable docx document"
    return "a damaged zip archive"


def _check_ratio(info: zipfile.ZipInfo, name: str, ratio: float) -> None:
    if info.file_size < _RATIO_FLOOR:
        return
    packed = max(info.compress_size, 1)
    if info.file_size / packed > ratio:
        raise InputError(
            name,
            f"a zip bomb: member {info.filename!r} packs {info.file_size:,} bytes into "
            f"{packed:,} (ratio above {ratio:g}, setting GRAPHBUILDER_MAX_ZIP_RATIO)",
        )


def _inflate(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, budget: int) -> int:
    """Inflate one member in chunks; stop once it passes its declared size or the budget."""
    cap = min(info.file_size, budget)
    got = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            got += len(chunk)
            if got > cap:
                what = "its declared size" if cap == info.file_size else "the limit"
                raise InputError(
                    name, _bomb(f"member {info.filename!r} inflates past {what}", budget)
                )
    return got


def _bomb(what: str, limit: int) -> str:
    return (
        f"a zip bomb: {what} (limit {limit:,} bytes unpacked, "
        "setting GRAPHBUILDER_MAX_UNZIPPED_BYTES)"
    )
