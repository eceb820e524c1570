"""What a 资源库 resource title says: its numbering, its type, and the topic it covers.

Real titles carry their type as a bracketed suffix or a leading word and their place as a
leading number: ``1.1.1 中药炮制技术的含义、任务及发展概况(PPT)``, ``教案 项目一 净选加工(文档）``,
``实训指导书 项目一 净制 清除杂质 (文档附件)``. The type codes are those of the resource API
(``video``, ``ppt``, ``document``, ``lesson-plan``, ``training-guide``, ``simulation``), plus
``image``, ``audio`` and ``other``.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

# Words that name a resource type, most specific first; a leading word (教案, 实训指导书)
# says more about a resource than the file-kind suffix (文档附件) after it.
_TYPE_WORDS: tuple[tuple[str, str], ...] = (
    ("实训指导书", "training-guide"),
    ("实训指导", "training-guide"),
    ("实验指导书", "training-guide"),
    ("教案", "lesson-plan"),
    ("教学设计", "lesson-plan"),
    ("虚拟仿真", "simulation"),
    ("仿真", "simulation"),
    ("动画", "simulation"),
    ("视频文件", "video"),
    ("视频", "video"),
    ("微课", "video"),
    ("PPT", "ppt"),
    ("课件", "ppt"),
    ("演示文稿", "ppt"),
    ("文档附件", "document"),
    ("文档", "document"),
    ("图文", "document"),
    ("图片", "image"),
    ("音频", "audio"),
)
_EXTENSIONS = {
    ".ppt": "ppt", ".pptx": "ppt", ".mp4": "video", ".flv": "video", ".avi": "video",
    ".doc": "document", ".docx": "document", ".pdf": "document", ".swf": "simulation",
    ".jpg": "image", ".jpeg": "image", ".png": "image", ".mp3": "audio",
}  # fmt: skip
_SUFFIX = re.compile(r"\s*[(（]\s*(?P<word>[^()（）]{1,8}?)\s*[)）]\s*$")
_NUMBER = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,3})[.．、\s]*")
_PREFIX_WORDS = re.compile(
    r"^(?:实训指导书|实训指导|实验指导书|教案|教学设计|课件|微课|动画|视频)\s*[:：]?\s*"
)
# A platform's resource code before the name ("B08030101PT001-(炒黄)"), and marks after it.
_CODE = re.compile(r"^[A-Za-z]{0,3}\d{5,}[A-Za-z]{0,3}\d*\s*[-_]?\s*")
_WRAPPED = re.compile(r"^[(（](?P<inner>[^()（）]+)[)）]$")
_MARKS = re.compile(r"[*＊\s]+$")
_PROJECT = re.compile(r"^(?:项目|任务|模块|单元)[一二三四五六七八九十\d]+\s*[:：.．、]?\s*")


@dataclass(frozen=True, slots=True)
class ResourceTitle:
    """A parsed resource title.

    Attributes:
        title: the title as written, stripped.
        number: its leading section number (``1.1.1``), or ``""``.
        rtype: the resource type code.
        topic: what it is about: the title without number, type words and 项目/任务 prefix.
    """

    title: str
    number: str
    rtype: str
    topic: str


def parse_title(title: str, url: str = "", declared_type: str = "") -> ResourceTitle:
    """Parse a resource title (a declared type or the URL's extension help when it says nothing).

    Examples:
        >>> t = parse_title("1.1.1 中药炮制技术的含义、任务及发展概况(PPT)")
        >>> t.number, t.rtype, t.topic
        ('1.1.1', 'ppt', '中药炮制技术的含义、任务及发展概况')
        >>> parse_title("实训指导书 项目一 净制 清除杂质 (文档附件)").rtype
        'training-guide'
        >>> parse_title("教案 项目一 净选加工(文档）").topic
        '净选加工'
        >>> parse_title("炒黄", url="http://x/a.mp4").rtype
        'video'
    """
    text = " ".join(title.split())
    rest = text
    suffix_type = ""
    m = _SUFFIX.search(rest)
    if m and (found := _type_of(m.group("word"))):
        suffix_type = found
        rest = rest[: m.start()]
    number = ""
    if n := _NUMBER.match(rest):
        number = n.group("number")
        rest = rest[n.end() :]
    prefix_type = ""
    if p := _PREFIX_WORDS.match(rest):
        prefix_type = _type_of(p.group()) or ""
        rest = rest[p.end() :]
    rest = _MARKS.sub("", _PROJECT.sub("", _CODE.sub("", rest))).strip()
    if w := _WRAPPED.match(rest):
        rest = w.group("inner").strip()
    rtype = (
        prefix_type
        or suffix_type
        or _type_of(declared_type)
        or _EXTENSIONS.get(_extension(url), "")
        or _type_of(rest)  # last: a type word anywhere in the title ("虚拟仿真实训")
        or "other"
    )
    return ResourceTitle(text, number, rtype, rest or text)


def _type_of(word: str) -> str | None:
    w = word.strip()
    if not w:
        return None
    for cue, code in _TYPE_WORDS:
        if cue.lower() in w.lower():
            return code
    codes = {code for _, code in _TYPE_WORDS} | {"other"}
    return w.lower() if w.lower() in codes else None


def _extension(url: str) -> str:
    if not url:
        return ""
    return posixpath.splitext(urlsplit(url).path)[1].lower()
