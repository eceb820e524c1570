"""The O*NET Technology Skills reader."""

from __future__ import annotations

from collections import Counter

from graphbuilder.ingest.onet import is_onet_technology, read_onet
from graphbuilder.model.records import Document

from .spans import assert_spans


def test_fixture_rows(corpus_docs: dict[str, tuple[Document, str]]) -> None:
    doc, source = corpus_docs["onet/Technology Skills.txt"]
    assert (doc.kind, doc.encoding) == ("onet-technology", "utf-8")
    assert len(doc.sections) == 21
    assert {s.kind for s in doc.sections} == {"technology_row"}
    keys = Counter(s.key for s in doc.sections)
    assert keys["MySQL"] == keys["Python"] == 2  # one row per (occupation, technology)
    linux = next(s for s in doc.sections if s.key == "Linux")
    assert dict(linux.attrs) == {
        "soc_code": "15-1244.00",
        "example": "Linux",
        "commodity_code": "43233004",
        "commodity_title": "Operating system software",
        "hot": "Y",
        "in_demand": "Y",
    }
    assert linux.text == "15-1244.00\tLinux\t43233004\tOperating system software\tY\tY"
    assert source[linux.end : linux.end + 2] == "\r\n"
    assert {s.attrs["hot"] for s in doc.sections} <= {"Y", "N"}
    assert_spans(doc.sections, source)


def test_short_lines_are_kept_as_unparsed() -> None:
    source = (
        "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
        "11-1011.00\tAdobe Acrobat\t43232202\tDocument management software\tY\tN\n"
        "11-1011.00\tbroken line\n\n"
    )
    assert is_onet_technology(source)
    sections = read_onet("d", source)
    assert [(s.kind, s.key) for s in sections] == [
        ("technology_row", "Adobe Acrobat"),
        ("unparsed", ""),
    ]
    assert sections[1].text == "11-1011.00\tbroken line"
