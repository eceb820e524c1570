"""What a text is, judged by its content (never by its file name)."""

from __future__ import annotations

import re

from graphbuilder.ingest import occupations, onet, skill_standard, standards
from graphbuilder.ingest.occupations_new import SECONDARY_TITLE

_STANDARD = re.compile(r"^\s*专业代码\s*\d{6}", re.MULTILINE)
_OCCUPATION = re.compile(r"^#\s*\d-\d{2}-\d{2}-\d{2}\s*\S", re.MULTILINE)

#: Kind name → human description, for error messages and docs.
TEXT_KINDS = {
    standards.KIND: "专业教学标准 summary",
    occupations.KIND: "职业分类大典 text",
    onet.KIND: "O*NET Technology Skills file",
    skill_standard.KIND: "国家职业技能标准 (parsed JSON lines)",
}


def text_kind(text: str) -> str | None:
    """The kind of a decoded text, or ``None`` when no reader takes it.

    >>> text_kind("# 2101 农业类\\n\\n专业代码 210101\\n\\n专业名称 现代种业技术\\n")
    'moe-standard'
    >>> text_kind("# 6-01-01-01 制米工\\n\\n主要工作任务:\\n")
    'occupation-dictionary'
    >>> text_kind("hello") is None
    True
    """
    if onet.is_onet_technology(text):
        return onet.KIND
    if skill_standard.is_skill_standard(text):
        return skill_standard.KIND
    if "专业名称" in text and _STANDARD.search(text):
        return standards.KIND
    if "主要工作任务" in text and (_OCCUPATION.search(text) or SECONDARY_TITLE.search(text)):
        return occupations.KIND
    return None


def is_secondary_occupations(text: str) -> bool:
    """Whether an occupation text is the 新增职业 summary layout (``### （一）…``)."""
    return SECONDARY_TITLE.search(text) is not None and _OCCUPATION.search(text) is None
