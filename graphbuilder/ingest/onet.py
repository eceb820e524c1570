"""Reader for O*NET ``Technology Skills.txt`` (kind ``onet-technology``), a tab-separated file.

One ``technology_row`` per data line, keyed by the ``Example`` (the technology's name); the
section text is the line itself (without its line break), so ``source[start:end] == text``.
A line without the six fields is kept as an ``unparsed`` section rather than dropped.
"""

from __future__ import annotations

import re

from graphbuilder.model.records import Section

KIND = "onet-technology"
HEADER = (
    "O*NET-SOC Code",
    "Example",
    "Commodity Code",
    "Commodity Title",
    "Hot Technology",
    "In Demand",
)
_LINE = re.compile(r"[^\r\n]+")


def is_onet_technology(text: str) -> bool:
    """Whether ``text`` starts with the O*NET Technology Skills header row.

    >>> is_onet_technology("O*NET-SOC Code\\tExample\\tCommodity Code\\tCommodity Title\\t"
    ...                    "Hot Technology\\tIn Demand\\r\\n")
    True
    """
    first = text[:200].lstrip("\ufeff").split("\n", 1)[0].rstrip("\r")
    return tuple(f.strip() for f in first.split("\t")) == HEADER


def read_onet(doc_id: str, source: str) -> list[Section]:
    """Parse the O*NET Technology Skills file.

    Args:
        doc_id: the document id.
        source: the decoded text.

    Returns:
        One section per data line.
    """
    out: list[Section] = []
    lines = _LINE.finditer(source)
    next(lines, None)  # the header
    for m in lines:
        text = m.group()
        fields = text.split("\t")
        if len(fields) != len(HEADER):
            if text.strip():
                out.append(Section(doc_id, "unparsed", "", text, m.start(), m.end()))
            continue
        soc, example, commodity, title, hot, demand = (f.strip() for f in fields)
        attrs = {
            "soc_code": soc,
            "example": example,
            "commodity_code": commodity,
            "commodity_title": title,
            "hot": hot,
            "in_demand": demand,
        }
        out.append(Section(doc_id, "technology_row", example, text, m.start(), m.end(), (), attrs))
    return out
