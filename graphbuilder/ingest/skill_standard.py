"""Reader for 国家职业技能标准 parsed into JSON lines (kind ``skill-standard``).

One record per line, one per 工作内容 of the standard's 工作要求 table::

    {"level": "五级/初级工", "func": "数据标注", "work_no": "2.1", "work": "原始数据标注",
     "skills": ["2.1.1 能…"], "knowledge": ["2.1.1 …知识"]}

``work_no`` is optional; ``code`` (the 职业编码, else taken from the file name, e.g.
``4-04-05-05.jsonl``) and ``name`` (the 职业名称) may be given per record. Sections:

- ``occupation`` (key: the code; attrs ``code``, ``name``, ``source`` = ``field`` or
  ``file name``): once per code, at its first record; it spans the ``code`` value, or that
  whole record line when the code comes from the file name;
- ``work`` (key ``<code>/<level>/<work_no>``; attrs ``code``, ``level`` (一级…五级),
  ``level_label`` (as written), ``function`` (职业功能), ``work_no``, ``line``): the 工作内容;
- ``skill`` and ``knowledge`` (key ``<work key>/<n>``; attrs ``work``, ``n``, ``number``,
  ``line`` and, when something was cut, ``noise``): one 技能要求 or 知识要求 item without its
  number (``1.1.1``) and without the parser's trailing noise (``续表``, a dangling ``并``);
- ``invalid`` (key and attr ``line``: the line number; attr ``reason``): a line that is no
  record (not JSON, a missing key, a wrong type, an unknown level, no code) or one item of a
  record that is not a non-empty string; the rest of the record is kept.

Texts are the decoded JSON strings; their ``offsets`` point into the source (an escape
sequence maps to its backslash), so every span is the evidence in the file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from graphbuilder.model.records import Section

KIND = "skill-standard"
REQUIRED = ("level", "func", "work", "skills", "knowledge")
_TEXT_KEYS = ("level", "func", "work", "work_no", "code", "name")
_CODE = re.compile(r"(?<![0-9])([0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2})(?![0-9])")
_START = re.compile(r"\s*\{")
_SNIFF_LINES = 20

# 国家职业技能标准编制技术规程 (2018): 五级/初级工 … 一级/高级技师. Longest names first.
_LEVEL_WORDS = {
    "高级技师": "一级",
    "高级工": "三级",
    "中级工": "四级",
    "初级工": "五级",
    "技师": "二级",
    "一级": "一级",
    "二级": "二级",
    "三级": "三级",
    "四级": "四级",
    "五级": "五级",
}
_LEVEL = re.compile("|".join(_LEVEL_WORDS))
_NUMBER = re.compile(r"\s*[0-9]{1,2}(?:\.[0-9]{1,2}){1,3}(?=\s|[^\x00-\x7f])\s*")
# What the PDF parser leaves at an item's end: a page's 续表 mark, a conjunction whose
# continuation went to the next row (知识并), stray punctuation. A conjunction that ends a
# word (合并, 普及, 参与) is kept.
_NOISE = re.compile(r"(?:\s|续表|[并及和与或、，,；;：:。.])+$")
_CONJUNCTIONS = "并及和与或"
_KEPT = "合并 兼并 归并 吞并 普及 涉及 危及 顾及 波及 中和 总和 调和 缓和 温和 参与 给与 授与"
_WORDS = frozenset(_KEPT.split())
_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_WS = " \t\r\n"


@dataclass(frozen=True, slots=True)
class _Str:
    """A JSON string value: its text and the source offset of each character."""

    text: str
    offsets: tuple[int, ...]
    start: int
    end: int


def level_of(label: str) -> str | None:
    """The level (一级…五级) a label names, or ``None`` when it names none or several.

    >>> level_of("一级/高级技师"), level_of("技师"), level_of("四级"), level_of("二级/高级工")
    ('一级', '二级', '四级', None)
    """
    found = {_LEVEL_WORDS[m.group()] for m in _LEVEL.finditer(label)}
    return found.pop() if len(found) == 1 else None


def is_skill_standard(text: str) -> bool:
    """Whether ``text`` is JSON lines of 工作内容 records (one of its first lines is one).

    >>> is_skill_standard('{"level": "五级", "func": "", "work": "w", "skills": [], '
    ...                   '"knowledge": []}\\n')
    True
    >>> is_skill_standard('{"items": []}'), is_skill_standard("# 标题")
    (False, False)
    """
    if not _START.match(text):
        return False
    lines = (line for line in text.split("\n", _SNIFF_LINES) if line.strip())
    for line in list(lines)[:_SNIFF_LINES]:
        if '"skills"' not in line:  # cheap: a one-line JSON listing is not parsed twice
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(record, dict) and all(k in record for k in REQUIRED):
            return True
    return False


def read_skill_standard(doc_id: str, source: str, filename: str) -> list[Section]:
    """Parse a skill standard's JSON lines.

    Args:
        doc_id: the document id.
        source: the decoded text.
        filename: the file's name (the occupation code is taken from it when records
            have no ``code``).

    Returns:
        The sections, in line order.
    """
    found = _CODE.search(filename)
    reader = _Reader(doc_id, source, found.group(1) if found else "")
    pos = 0
    for number, line in enumerate(source.split("\n"), start=1):
        if line.strip():
            reader.line(number, line, pos)
        pos += len(line) + 1
    return reader.out


class _Reader:
    """Turns records into sections, keeping one ``occupation`` section per code."""

    def __init__(self, doc_id: str, source: str, file_code: str) -> None:
        self.doc_id = doc_id
        self.source = source
        self.file_code = file_code
        self.out: list[Section] = []
        self.codes: set[str] = set()
        self.counts: dict[tuple[str, str], int] = {}

    def line(self, number: int, line: str, pos: int) -> None:
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            self.invalid(number, line, pos, f"not JSON ({exc.msg} at column {exc.colno})")
            return
        except (ValueError, RecursionError) as exc:
            self.invalid(number, line, pos, f"not JSON ({exc})")
            return
        reason = _problem(record, self.file_code)
        if reason:
            self.invalid(number, line, pos, reason)
            return
        self.record(number, line, pos, record, _strings(line, pos))

    def invalid(self, number: int, line: str, pos: int, reason: str) -> None:
        text = line.rstrip("\r")
        attrs = {"line": str(number), "reason": reason}
        self.out.append(
            Section(self.doc_id, "invalid", str(number), text, pos, pos + len(text), (), attrs)
        )

    def record(
        self, number: int, line: str, pos: int, record: dict[str, Any], strings: dict[str, Any]
    ) -> None:
        code = record.get("code", self.file_code).strip()
        if code not in self.codes:
            self.codes.add(code)
            self.occupation(code, record, strings, line, pos)
        label = record["level"].strip()
        level = level_of(label) or ""
        n = self.counts[(code, level)] = self.counts.get((code, level), 0) + 1
        work_no = record.get("work_no", "").strip() or str(n)
        key = f"{code}/{level}/{work_no}"
        function, _ = _clean(strings["func"])
        work, _ = _clean(strings["work"])
        if work is None:
            self.invalid(number, line, pos, "'work' is empty")
            return
        attrs = {
            "code": code,
            "level": level,
            "level_label": label,
            "function": function.text if function else "",
            "work_no": work_no,
            "line": str(number),
        }
        self.out.append(_section(self.doc_id, "work", key, work, attrs))
        for field, kind in (("skills", "skill"), ("knowledge", "knowledge")):
            for i, item in enumerate(strings[field]):
                if item is None:
                    self.invalid(number, line, pos, f"{field}[{i}] is not a string")
                    continue
                numbered = _NUMBER.match(item.text)
                cleaned, noise = _clean(item, numbered.end() if numbered else 0)
                if cleaned is None:
                    self.invalid(number, line, pos, f"{field}[{i}] is empty")
                    continue
                item_attrs = {
                    "work": key,
                    "n": str(i + 1),
                    "number": numbered.group().strip() if numbered else "",
                    "line": str(number),
                }
                if noise:
                    item_attrs["noise"] = noise
                self.out.append(_section(self.doc_id, kind, f"{key}/{i + 1}", cleaned, item_attrs))

    def occupation(
        self, code: str, record: dict[str, Any], strings: dict[str, Any], line: str, pos: int
    ) -> None:
        attrs = {"code": code, "name": record.get("name", "").strip()}
        if "code" in record:
            s: _Str = strings["code"]
            start, end, attrs["source"] = s.start, s.end, "field"
        else:
            start, end, attrs["source"] = pos, pos + len(line.rstrip("\r")), "file name"
        text = self.source[start:end]
        self.out.append(Section(self.doc_id, "occupation", code, text, start, end, (), attrs))


def _problem(record: object, file_code: str) -> str:
    """Why a parsed line is no usable record, or ``""``."""
    if not isinstance(record, dict):
        return f"not a JSON object but {type(record).__name__}"
    missing = [k for k in REQUIRED if k not in record]
    if missing:
        return f"missing key{'s' if len(missing) > 1 else ''} {', '.join(missing)}"
    for key in _TEXT_KEYS:
        if key in record and not isinstance(record[key], str):
            return f"{key!r} is {type(record[key]).__name__}, not a string"
    for key in ("skills", "knowledge"):
        if not isinstance(record[key], list):
            return f"{key!r} is {type(record[key]).__name__}, not a list"
    if level_of(record["level"]) is None:
        return f"unknown level {record['level']!r} (expected 五级/初级工 … 一级/高级技师)"
    if "code" in record:
        if not _CODE.fullmatch(record["code"].strip()):
            return f"bad occupation code {record['code']!r} (expected the form 4-04-05-05)"
    elif not file_code:
        return "no occupation code: no 'code' field and none in the file name (4-04-05-05.jsonl)"
    return ""


def _strings(line: str, pos: int) -> dict[str, Any]:
    """The string values of a record line (valid JSON) with their source offsets.

    A value that is a string becomes a ``_Str``; a list becomes a list with a ``_Str`` per
    string item and ``None`` for any other item; other values become ``None``. A repeated
    key keeps its last value, as ``json.loads`` does.
    """
    decoder = json.JSONDecoder()
    out: dict[str, Any] = {}
    i = _skip(line, _skip(line, 0) + 1)
    while line[i] != "}":
        key, i = _string(line, i, pos)
        i = _skip(line, _skip(line, i) + 1)  # past the colon
        value: Any = None
        if line[i] == '"':
            value, i = _string(line, i, pos)
        elif line[i] == "[":
            value = []
            i = _skip(line, i + 1)
            while line[i] != "]":
                if line[i] == '"':
                    item, i = _string(line, i, pos)
                    value.append(item)
                else:
                    i = decoder.raw_decode(line, i)[1]
                    value.append(None)
                i = _skip(line, i)
                if line[i] == ",":
                    i = _skip(line, i + 1)
            i += 1
        else:
            i = decoder.raw_decode(line, i)[1]
        out[key.text] = value
        i = _skip(line, i)
        if line[i] == ",":
            i = _skip(line, i + 1)
    return out


def _skip(line: str, i: int) -> int:
    while i < len(line) and line[i] in _WS:
        i += 1
    return i


def _string(line: str, i: int, pos: int) -> tuple[_Str, int]:
    """The JSON string literal whose opening quote is ``line[i]``, and the index after it."""
    chars: list[str] = []
    offsets: list[int] = []
    j = i + 1
    while line[j] != '"':
        at = j
        if line[j] != "\\":
            chars.append(line[j])
            j += 1
        elif line[j + 1] != "u":
            chars.append(_ESCAPES[line[j + 1]])
            j += 2
        else:
            code = int(line[j + 2 : j + 6], 16)
            j += 6
            if 0xD800 <= code < 0xDC00 and line[j : j + 2] == "\\u":
                low = int(line[j + 2 : j + 6], 16)
                if 0xDC00 <= low < 0xE000:
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    j += 6
            chars.append(chr(code))
        offsets.append(pos + at)
    return _Str("".join(chars), tuple(offsets), pos + i + 1, pos + j), j + 1


def _clean(s: _Str, start: int = 0) -> tuple[_Str | None, str]:
    """``s`` from ``start`` without surrounding whitespace and trailing noise; what noise
    (other than whitespace and punctuation) was cut. ``None`` when nothing is left."""
    text = s.text
    while start < len(text) and text[start].isspace():
        start += 1
    tail = _NOISE.search(text, start)
    end = tail.start() if tail else len(text)
    while end < len(text) and text[end] in _CONJUNCTIONS and text[end - 1 : end + 1] in _WORDS:
        end += 1  # the conjunction ends a word: keep it (and what follows is noise)
    noise = re.sub(r"[\s，,；;：:。.]", "", text[end:])
    if end <= start:
        return None, noise
    offsets = s.offsets[start:end]
    return _Str(text[start:end], offsets, offsets[0], offsets[-1] + 1), noise


def _section(doc_id: str, kind: str, key: str, s: _Str, attrs: dict[str, str]) -> Section:
    """A section of ``s``; its offsets are dropped when they are the plain source slice."""
    contiguous = s.offsets[-1] - s.offsets[0] == len(s.text) - 1
    offsets = () if contiguous else s.offsets
    return Section(doc_id, kind, key, s.text, s.start, s.end, offsets, attrs)
