"""The 专业目录 and 专业-职业对照表 readers on the fixture workbooks."""

from __future__ import annotations

import pytest

from graphbuilder.ingest.tables import major_code
from graphbuilder.model.records import Document

from .spans import assert_spans


@pytest.fixture(scope="module")
def catalogue(corpus_docs: dict[str, tuple[Document, str]]) -> tuple[Document, str]:
    return corpus_docs["moe/职业教育专业目录.xlsx"]


@pytest.fixture(scope="module")
def major_map(corpus_docs: dict[str, tuple[Document, str]]) -> tuple[Document, str]:
    return corpus_docs["moe/专业-职业对照表.xlsx"]


def test_catalogue_rows(catalogue: tuple[Document, str]) -> None:
    doc, source = catalogue
    assert (doc.kind, doc.encoding) == ("major-catalogue", "xlsx")
    assert [s.key for s in doc.sections] == ["510201", "510202", "510203"]
    assert {s.kind for s in doc.sections} == {"catalogue_row"}
    row = doc.sections[0]
    assert dict(row.attrs) == {
        "category_code": "51",
        "category": "电子与信息大类",
        "subcategory_code": "5102",
        "subcategory": "计算机类",
        "code": "510201",
        "name": "计算机应用技术",
        "level": "高职专科",
        "remark": "",
    }
    assert row.text == "51\t电子与信息大类\t5102\t计算机类\t510201\t计算机应用技术\t高职专科\t"
    assert source.splitlines()[2] == row.text  # line 0 is the sheet title, line 1 the header
    assert_spans(doc.sections, source)


def test_mapping_rows(major_map: tuple[Document, str]) -> None:
    doc, source = major_map
    assert doc.kind == "major-occupation-map"
    assert [s.key for s in doc.sections] == ["510201"] * 2 + ["510202"] * 5 + ["510203"]
    assert {s.attrs["level"] for s in doc.sections} == {"高职专科"}
    row = doc.sections[-1]
    assert dict(row.attrs) == {
        "major_code": "510203",  # an int cell in the workbook
        "code_suffix": "",
        "major_name": "软件技术",
        "occupation_code": "2-02-10-03",
        "occupation_name": "计算机软件工程技术人员",
        "sheet": "高职专业-专业职业对照",
        "level": "高职专科",
    }
    assert row.text == "2178\t510203\t软件技术\t2-02-10-03\t计算机软件工程技术人员"
    assert "注：1 本表数据人工整理" in source  # the note row is rendered but is no mapping
    assert_spans(doc.sections, source)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("610101", ("610101", "")),
        ("520101K", ("520101", "K")),
        ("080910T", ("080910", "T")),
        ("080902TK", ("080902", "TK")),
        ("0502100T", ("0502100", "T")),  # 普通本科 codes can have seven digits
        ("80901", ("080901", "")),  # an int cell that lost its leading zero
        ("", ("", "")),
        ("注：1 本表", ("", "")),
    ],
)
def test_major_code(cell: str, expected: tuple[str, str]) -> None:
    assert major_code(cell) == expected
