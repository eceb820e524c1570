"""The whole shipped corpus: every file reads, and the real totals come out."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from graphbuilder.ingest import discover, read_document
from graphbuilder.model.records import Document, Section

from .conftest import source_text
from .spans import assert_spans

CORPORA = Path(__file__).resolve().parents[2] / "corpora"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (CORPORA / "moe").is_dir(), reason="corpora/ is not there"),
]


@pytest.fixture(scope="module")
def docs() -> list[tuple[Document, Path]]:
    return [(read_document(path, root), path) for path, root in discover([CORPORA])]


def sections(docs: list[tuple[Document, Path]], kind: str) -> list[Section]:
    return [s for doc, _ in docs if doc.kind == kind for s in doc.sections]


def test_document_kinds(docs: list[tuple[Document, Path]]) -> None:
    assert Counter(doc.kind for doc, _ in docs) == {
        "moe-standard": 274,
        "occupation-dictionary": 7,
        "major-catalogue": 1,
        "major-occupation-map": 1,
        "onet-technology": 1,
    }


def test_standards(docs: list[tuple[Document, Path]]) -> None:
    found = sections(docs, "moe-standard")
    kinds = Counter(s.kind for s in found)
    assert kinds["major"] == 1256  # one per "专业代码" line
    assert "unparsed" not in kinds
    # 81 majors lost their 专业代码 line in the OCR; their content is kept under the code
    # between their neighbours. 14 公安 majors are "（略）" (no content) in the source.
    inferred = {s.key for s in found if s.attrs.get("key_inferred") == "true"}
    assert len(inferred) == 81
    assert kinds["occupation_orientation"] == kinds["training_goal"] == 1256 - 14 + 81
    catalogue = {s.key for s in sections(docs, "major-catalogue")}
    controlled = {s.key for s in found if s.kind == "major" and s.attrs["code_suffix"] == "K"}
    # The 专业目录 lists no K (国家控制) majors; four inferred codes sit in K runs.
    missing = ({s.key for s in found if s.kind == "major"} | inferred) - catalogue
    assert missing - controlled == {"570104", "570110", "570116", "580606"}


def test_workbooks(docs: list[tuple[Document, Path]]) -> None:
    assert len(sections(docs, "major-catalogue")) == 1443
    levels = Counter(s.attrs["level"] for s in sections(docs, "major-occupation-map"))
    assert levels == {"中职": 1167, "高职专科": 3251, "职教本科": 1132, "普通本科": 914}


def test_occupation_dictionary(docs: list[tuple[Document, Path]]) -> None:
    found = sections(docs, "occupation-dictionary")
    primary = [s for s in found if s.attrs["secondary"] == "false"]
    occupations = {s.key for s in primary if s.kind == "occupation"}
    # 1629 "# d-dd-dd-dd" headings, and two in class 1 (1-01-00-01, 1-01-00-02) that lost "#"
    assert len(occupations) == 1631
    assert {s.key for s in primary if s.kind == "occupation_definition"} == occupations
    with_tasks = {s.key for s in primary if s.kind == "task"}
    # The source has no task lines for these (OCR lost them or the 大典 lists none).
    assert occupations - with_tasks == {
        "1-01-00-01",
        "1-01-00-02",
        "1-02-04-00",
        "1-04-01-04",
        "1-04-04-00",
        "2-01-11-00",
        "2-07-09-00",
        "3-01-01-01",
        "5-04-03-03",
        "6-08-02-00",
    }
    secondary = [s for s in found if s.attrs["secondary"] == "true" and s.kind == "occupation"]
    assert len(secondary) == 21  # coded 2024/2025 additions; 15 without a code are skipped


def test_onet(docs: list[tuple[Document, Path]]) -> None:
    rows = sections(docs, "onet-technology")
    assert len(rows) == 32435
    assert len({s.key for s in rows}) == 8745  # distinct technologies (Example)


def test_every_span_points_at_its_evidence(docs: list[tuple[Document, Path]]) -> None:
    for doc, path in docs:
        assert_spans(doc.sections, source_text(path))
