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

    BOMs win; otherwise NUL bytes mean UTF-16 without a BOM when they all sit at one parity,
    and binary when they do not; then strict UTF-8, then strict GB18030 (a superset of GBK and
    GB2312), then charset-normalizer's best guess. Bytes that are UTF-8 Chinese text for a
    while and then stop being UTF-8 are refused as mixed encodings rather than decoded as
    GB18030 mojibake.

    Args:
        raw: the file's bytes.
        path: the name to put in error messages.

    Returns:
        The text and the codec that decoded it.

    Raises:
        UnsupportedFormatError: the bytes look binary (NUL bytes, control characters).
        EncodingError: no supported encoding decodes them, or they mix encodings.

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
        utf16 = _utf16_without_bom(raw)
        if utf16 is None:
            raise UnsupportedFormatError(path, "binary content (NUL bytes), not a text file")
        try:
            text = raw.decode(utf16)
        except UnicodeDecodeError as exc:
            raise EncodingError(path, f"looks like {utf16} without a BOM but {exc.reason}") from exc
        if _ORDINARY.subn("", text[:65536])[1] < _UTF16_ORDINARY * min(len(text), 65536):
            raise UnsupportedFormatError(path, "binary content (NUL bytes), not a text file")
        return _checked(text, utf16, path)
    try:
        return _checked(raw.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError as exc:
        _refuse_mixed(raw, exc.start, path)
    try:
        return _checked(raw.decode("gb18030"), "gb18030", path)
    except UnicodeDecodeError:
        pass
    return _checked(*_guess(raw, path), path)


# Share of NUL bytes that must sit at one parity for NUL-bearing bytes to be UTF-16 text (a
# CJK character like 开, U+5F00, puts one at the other); the decoded text is checked too.
_UTF16_PARITY = 0.8
# Characters a Chinese or English text is made of; UTF-16 read from binary data is not.
_ORDINARY = re.compile(r"[\t\n\r\x20-\x7e\u00a0-\u024f\u2000-\u206f\u3000-\u9fff\uff00-\uffef]")
_UTF16_ORDINARY = 0.9
# A UTF-8 prefix with at least this many CJK characters before the first invalid byte is
# UTF-8 text, not GBK bytes that happened to form a few valid sequences.
_MIXED_MIN_CJK = 8


def _utf16_without_bom(raw: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the NUL bytes say so, else ``None`` (binary).

    Text in UTF-16 has a NUL in every ASCII character (newlines, digits, spaces), always at
    the same parity: the high byte. Binary data has NULs at both parities.

    >>> _utf16_without_bom("专业\\n代码 1\\n".encode("utf-16-le"))
    'utf-16-le'
    >>> _utf16_without_bom(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR") is None
    True
    """
    if len(raw) % 2:
        return None
    odd, even = raw[1::2].count(0), raw[::2].count(0)
    total = odd + even
    if odd >= _UTF16_PARITY * total:
        return "utf-16-le"
    if even >= _UTF16_PARITY * total:
        return "utf-16-be"
    return None


def _refuse_mixed(raw: bytes, bad: int, path: str) -> None:
    """Refuse bytes that are valid UTF-8 Chinese text up to ``bad`` and something else after.

    Decoding such a file as GB18030 would turn its UTF-8 part into mojibake, silently.
    """
    head = raw[:bad].decode("utf-8")
    cjk = sum(1 for c in head if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")
    wide = sum(1 for c in head if ord(c) > 0x7F)
    if cjk < _MIXED_MIN_CJK or cjk < 0.9 * wide or len(raw) - bad <= 3:
        return
    line = head.count("\n") + 1
    raise EncodingError(
        path,
        f"mixed encodings: UTF-8 text up to line {line}, then bytes that are not UTF-8 "
        f"(byte {bad:,}: 0x{raw[bad]:02x}); re-save the file in one encoding",
    )


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
