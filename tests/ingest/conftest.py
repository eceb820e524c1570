"""Fixtures for the ingest tests: the fixture corpus read once, and the decoded sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.ingest import discover, read_document
from graphbuilder.ingest.xlsx import render_workbook
from graphbuilder.model.records import Document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BAD = FIXTURES / "bad"


def source_text(path: Path) -> str:
    """The decoded source a document's spans index: the text, or a workbook's TSV rendering."""
    if path.suffix == ".xlsx":
        return render_workbook(path)
    return path.read_bytes().decode("utf-8")  # no newline translation: spans count "\r"


@pytest.fixture(scope="session")
def corpus_docs(fixture_corpus: Path) -> dict[str, tuple[Document, str]]:
    """Every fixture-corpus document by relative path, with its decoded source."""
    return {
        doc.path: (doc, source_text(path))
        for path, root in discover([fixture_corpus])
        for doc in [read_document(path, root)]
    }


@pytest.fixture(scope="session")
def standard(corpus_docs: dict[str, tuple[Document, str]]) -> tuple[Document, str]:
    """The 5102 计算机类 excerpt."""
    return corpus_docs["moe/standards/5102计算机类.md"]


@pytest.fixture(scope="session")
def dictionary(corpus_docs: dict[str, tuple[Document, str]]) -> tuple[Document, str]:
    """The 职业分类大典 excerpt."""
    return corpus_docs["moe/occupations/class_2_4_excerpt.md"]
