"""Reader for the 专业教学标准 summaries (kind ``moe-standard``), one file per 专业类.

The text is OCR, so the reader trusts content over markup: a heading is recognised by its
words with or without ``#`` (and when glued to the end of the previous line), a labelled line
(``专业核心课程：``, ``职业技能等级证书：``, ``接续高职本科专业举例：``) is placed by its label
whatever heading it sits under, and any other line continues the item before it. Majors whose
``专业代码`` line the OCR lost are detected (a heading that restarts the section order) and
their code inferred from their neighbours; their sections carry ``key_inferred="true"``.
A line that fits nowhere (text before any heading) is kept as an ``unparsed`` section with
the block it was found in, rather than dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from graphbuilder.ingest.lines import Line, split_lines
from graphbuilder.ingest.repair import Piece, drop_page_number, make_section
from graphbuilder.model.records import Section

KIND = "moe-standard"

# Heading words as the OCR wrote them → the block they open.
_HEADINGS: dict[str, str] = {
    "职业面向": "occupation_orientation",
    "培养目标定位": "training_goal",
    "培养目标": "training_goal",
    "主要专业能力要求": "ability",
    "专业能力要求": "ability",
    "主要专业课程与实习实训": "courses",
    "主要专业课程和实训实习": "courses",
    "主要专业课程": "courses",
    "职业类证书举例": "certificates",
    "职业类证书列举": "certificates",
    "职类证书举例": "certificates",
    "职业资格证书举例": "certificates",
    "职业证书类型": "certificates",
    "接续专业举例": "continuations",
}
_BLOCKS = (
    "occupation_orientation",
    "training_goal",
    "ability",
    "courses",
    "certificates",
    "continuations",
)
_ORDER = {block: i for i, block in enumerate(_BLOCKS)}
# Headings the OCR glues to the end of the line before (all 52 cases in the corpus are
# 接续专业举例); short ones such as 培养目标 are left out, a sentence may end with them.
_GLUED = re.compile(
    "(接续专业举例|职业类证书举例|主要专业课程与实习实训|主要专业能力要求|培养目标定位)$"
)
_LEVEL = re.compile(r"(?:中等职业教育|高等职业教育(?:专科|本科))专业简介")
_CATEGORY = re.compile(r"(\d{2})\s*(\S*大类)")
_SUBCATEGORY = re.compile(r"(\d{4})\s*(\S*类)")
_CODE = re.compile(r"专业代码\s*(\d{6})([A-Z]*)")
_NAME = re.compile(r"专业名称\s*(\S.*)")
_YEARS = re.compile(r"(?:基本|专业)?修业年限\s*(\S.*)")
_LABEL = re.compile(r"([^：:，。；、\s]{2,24}?)\s*[：:]\s*")
_NUMBER = re.compile(r"(\d{1,2})\s*[.．、]\s*|(\d{1,2})\s+(?=\D)")
_NOTHING = frozenset({"暂无", "无", "（略）", "(略)"})
# Continuation labels as written (typos, missing 举例) → the canonical label.
_CONTINUATION_FIXES = (
    ("持续", "接续"),
    ("专业专业", "专业"),
    ("职业本科", "高职本科"),
    ("二级学科专业", "二级学科"),
    ("接续硕士学位授予", "接续专业硕士学位授予"),
)


@dataclass(slots=True)
class _Item:
    kind: str
    attrs: dict[str, str]
    pieces: list[Piece]


@dataclass(slots=True)
class _Major:
    """One major's block; ``code`` is ``None`` when the OCR lost its header."""

    code: str | None = None
    suffix: str = ""
    inferred: bool = False
    name: Piece | None = None
    code_piece: Piece | None = None
    years: str = ""
    level_title: str = ""
    last_order: int = -1
    items: list[_Item] = field(default_factory=list)


@dataclass(slots=True)
class _State:
    source: str
    majors: list[_Major] = field(default_factory=list)
    level_title: str = ""
    names: dict[str, str] = field(default_factory=dict)  # 大类/类 code → name
    block: str = ""
    item: _Item | None = None

    def major(self) -> _Major:
        if not self.majors:
            self.majors.append(_Major(level_title=self.level_title))
        return self.majors[-1]

    def close(self) -> None:
        if self.item is not None and self.item.pieces:
            self.major().items.append(self.item)
        self.item = None

    def open(self, kind: str, attrs: dict[str, str], piece: Piece) -> None:
        self.close()
        self.item = _Item(kind, attrs, [piece] if piece[1] > piece[0] else [])
        self.major()


def read_standard(doc_id: str, source: str) -> list[Section]:
    """Parse a 专业教学标准 summary into sections (see the package docstring for kinds).

    Args:
        doc_id: the document id the sections belong to.
        source: the decoded text.

    Returns:
        The sections in reading order.
    """
    state = _State(source)
    for line in split_lines(source):
        _feed(state, line)
    state.close()
    _infer_codes(state.majors)
    return _sections(doc_id, state)


# A continuation label glued mid-line to the list before it
# ("…、智慧农业技术接续普通本科专业举例：农学").
_GLUED_LABEL = re.compile(r"(?<=[^\s：:])接续[^：:\s、，。]{2,16}举例[：:]")


def _feed(state: _State, line: Line) -> None:
    start, text = line.body_start, line.body
    if not line.hashed and (inner := _GLUED_LABEL.search(text)):
        cut = inner.start()
        head = text[:cut].rstrip()
        _feed(state, Line(line.start, start, start + len(head), head, False))
        _feed(state, Line(start + cut, start + cut, line.end, text[cut:], False))
        return
    if not line.hashed:
        glued = _GLUED.search(text)
        if glued and glued.start() > 0:
            head = text[: glued.start()].rstrip()
            _content(state, Line(line.start, start, start + len(head), head, False))
            _heading(state, _HEADINGS[glued.group()])
            return
    if _LEVEL.fullmatch(text):
        state.close()
        state.level_title = text
    elif m := _CATEGORY.fullmatch(text) or _SUBCATEGORY.fullmatch(text):
        state.close()
        state.names[m.group(1)] = m.group(2)
    elif m := _CODE.fullmatch(text):
        state.close()
        piece = (start + m.start(1), start + m.end(1))
        state.majors.append(
            _Major(m.group(1), m.group(2), code_piece=piece, level_title=state.level_title)
        )
        state.block = ""
    elif m := _NAME.fullmatch(text):
        state.close()
        major = state.major()
        if major.name is not None or major.items:  # a header whose 专业代码 line was lost
            major = _Major(level_title=state.level_title)
            state.majors.append(major)
        major.name = (start + m.start(1), line.end)
    elif m := _YEARS.fullmatch(text):
        state.major().years = m.group(1)
    elif (block := _HEADINGS.get(text.replace(" ", ""))) is not None:
        _heading(state, block)
    else:
        _content(state, line)


def _heading(state: _State, block: str) -> None:
    state.close()
    order = _ORDER[block]
    major = state.major()
    if major.last_order >= order and major.items:  # the section order restarts: a new major
        major = _Major(level_title=state.level_title)
        state.majors.append(major)
    major.last_order = order
    state.block = block


def _content(state: _State, line: Line) -> None:
    text, start, end = line.body, line.body_start, line.end
    if text in _NOTHING:
        state.close()
        return
    label = _LABEL.match(text)
    placed = _labelled(label.group(1)) if label else None
    if label and placed:
        kind, attrs, block = placed
        state.block = block
        state.open(kind, attrs, (start + label.end(), end))
        return
    if state.block == "ability" and (number := _NUMBER.match(text)):
        n = number.group(1) or number.group(2)
        state.open("ability", {"n": n}, (start + number.end(), end))
        return
    if state.item is None:
        kind = state.block if state.block in ("occupation_orientation", "training_goal") else ""
        state.open(kind or "unparsed", {"block": state.block} if not kind else {}, (start, end))
        return
    pieces = state.item.pieces
    if pieces:
        pieces[-1] = drop_page_number(state.source, pieces[-1], text)
    pieces.append((start, end))


def _labelled(label: str) -> tuple[str, dict[str, str], str] | None:
    """(section kind, attrs, block) for a line label, or ``None`` if it is no known label."""
    if label.startswith("专业基础课"):
        return "foundation_courses", {"label": label}, "courses"
    if label.startswith("专业核心课"):
        return "core_courses", {"label": label}, "courses"
    if label in ("实习实训", "实训实习"):
        return "practice", {"label": label}, "courses"
    if label.startswith("职业") and "证" in label:
        # OCR and drafting variants (职业技术等级证书, 职业技能等级证) name the same two types.
        kind = (
            "职业技能等级证书" if "等级" in label else "职业资格证书" if "资格" in label else label
        )
        return "certificate", {"type": kind, "label_raw": label}, "certificates"
    if label.startswith(("接续", "持续")):
        fixed = label
        for wrong, right in _CONTINUATION_FIXES:
            fixed = fixed.replace(wrong, right)
        if not fixed.endswith("举例"):
            fixed += "举例"
        return "continuation", {"label": fixed, "label_raw": label}, "continuations"
    return None


def _infer_codes(majors: list[_Major]) -> None:
    """Give header-less majors the codes between their neighbours' (only when they fit)."""
    i = 0
    while i < len(majors):
        if majors[i].code is not None:
            i += 1
            continue
        j = i
        while j < len(majors) and majors[j].code is None:
            j += 1
        before = majors[i - 1].code if i > 0 else None
        after = majors[j].code if j < len(majors) else None
        first = _first_inferred(before, after, j - i)
        for k in range(i, j):
            majors[k].code = "" if first is None else f"{first + k - i:06d}"
            majors[k].inferred = True
        i = j


def _first_inferred(before: str | None, after: str | None, count: int) -> int | None:
    if before is not None:
        first = int(before) + 1
        if after is not None and int(after) - first < count:
            return None
        return first
    if after is not None and int(after) % 100 > count:
        return int(after) - count
    return None


def _sections(doc_id: str, state: _State) -> list[Section]:
    out: list[Section] = []
    source = state.source
    for major in state.majors:
        code = major.code or ""
        extra = {"key_inferred": "true"} if major.inferred else {}
        # A major whose 专业名称 line is lost is still a major; its code stands in for the name.
        piece = major.name or major.code_piece
        if piece is not None:
            attrs = {
                "code": code,
                "code_suffix": major.suffix,
                "name": source[major.name[0] : major.name[1]] if major.name else "",
                "years": major.years,
                "level_title": major.level_title,
                "category_code": code[:2],
                "category": state.names.get(code[:2], ""),
                "subcategory_code": code[:4],
                "subcategory": state.names.get(code[:4], ""),
                **extra,
            }
            section = make_section(doc_id, "major", code, source, [piece], attrs)
            if section is not None:
                out.append(section)
        for item in major.items:
            attrs = item.attrs | extra
            section = make_section(doc_id, item.kind, code, source, item.pieces, attrs)
            if section is not None and section.text not in _NOTHING:
                out.append(section)
    return out
