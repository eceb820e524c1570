"""Bytes to text: BOM sniffing, strict UTF-8, GB18030, then charset-normalizer.

The decoded text is the *source text* every span points into, so nothing here normalises
newlines or characters: the text is exactly what the bytes say (minus a byte-order mark).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from graphbuilder.errors import EncodingError, UnsupportedFormatError

# Longest BOM first: the UTF-32-LE mark starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, vertical tab, form feed, carriage return and escape.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
# Share of control characters above which decoded "text" is taken for binary content.
_MAX_CONTROL_SHARE = 0.01


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the codec that decoded it.

    Attributes:
        text: the decoded text (the source text spans refer to).
        encoding: the Python codec name used (``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"``,
            ``"gb18030"`` or what charset-normalizer found).
    """

    text: str
    encoding: str


def decode(raw: bytes, path: str) -> Decoded:
    """Decode the bytes of a text file.

    BOMs win; otherwise NUL bytes mean binary; then strict UTF-8, then strict GB18030 (a
    superset of GBK and GB2312), then charset-normalizer's best guess.

    Args:
        raw: the file's bytes.
        path: the name to put in error messages.

    Returns:
        The text and the codec that decoded it.

    Raises:
        UnsupportedFormatError: the bytes look binary (NUL bytes, control characters).
        EncodingError: no supported encoding decodes them.

    Examples:
        >>> decode("职业面向".encode("gb18030"), "x.md")
        Decoded(text='职业面向', encoding='gb18030')
        >>> decode(codecs.BOM_UTF16_LE + "专业".encode("utf-16-le"), "x.md").encoding
        'utf-16'
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return _checked(raw.decode(codec), codec, path)
            except UnicodeDecodeError as exc:
                raise EncodingError(
                    path, f"has a {codec} byte-order mark but {exc.reason}"
                ) from exc
    if b"\x00" in raw:
        raise UnsupportedFormatError(path, "binary content (NUL bytes), not a text file")
    for codec in ("utf-8", "gb18030"):
        try:
            return _checked(raw.decode(codec), codec, path)
        except UnicodeDecodeError:
            continue
    return _checked(*_guess(raw, path), path)


def _guess(raw: bytes, path: str) -> tuple[str, str]:
    """Ask charset-normalizer (imported late: it is only needed for odd files)."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None:
        raise EncodingError(path, "bytes decode as none of utf-8, utf-16, gb18030 or a guess")
    return str(best), best.encoding


def _checked(text: str, encoding: str, path: str) -> Decoded:
    """Reject decoded text that is mostly control characters (binary that happened to decode)."""
    controls = len(_CONTROL.findall(text, 0, 65536))
    if controls > _MAX_CONTROL_SHARE * min(len(text), 65536):
        raise UnsupportedFormatError(path, f"binary content ({controls} control characters)")
    return Decoded(text, encoding)
