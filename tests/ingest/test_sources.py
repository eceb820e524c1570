"""Every format of one document reads as the same facts: markdown, HTML, docx, PDF, xlsx.

The tests make the HTML, docx and PDF versions of the fixtures at run time
(:mod:`tests.ingest.convert`), read each, and compare their facts by labels (IRIs of chapter
modules carry the file's path). Spans always index :func:`render_source` of the file read.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from graphbuilder.extract import EXTRACTORS, Context
from graphbuilder.ingest import read_document, render_source

from .conftest import FIXTURES
from .convert import to_docx, to_html, to_pdf, to_xlsx
from .spans import assert_spans

DOCS = FIXTURES / "docs"
SAMPLES = ["plan-510203.md", "course-standard-web.md", "javascript-tutorial/docs/types/general.md"]
Facts = tuple[str, set[tuple[str, str]], set[tuple[str, str, str, tuple[tuple[str, object], ...]]]]


def _facts(path: Path) -> Facts:
    doc = read_document(path, path.parent)
    assert_spans(doc.sections, render_source(path))
    facts = EXTRACTORS[doc.kind](doc, Context("https://x.org/id/"))
    labels = {n.iri: n.label for n in facts.nodes}
    nodes = {(n.kind, n.label) for n in facts.nodes}
    edges = {
        (
            e.kind,
            labels.get(e.source, e.source),
            labels.get(e.target, e.target),
            tuple(sorted(e.attrs.items())),
        )
        for e in facts.edges
    }
    return doc.kind, nodes, edges


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("formats")
    made: dict[tuple[str, str], Path] = {}
    for sample in SAMPLES:
        source = DOCS / sample
        text = source.read_text(encoding="utf-8")
        stem = source.stem
        html = out / f"{stem}.html"
        html.write_text(to_html(text), encoding="utf-8")
        made[(sample, "html")] = html
        made[(sample, "docx")] = to_docx(text, out / f"{stem}.docx")
        made[(sample, "pdf")] = to_pdf(text, out / f"{stem}.pdf")
    return made


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
@pytest.mark.parametrize("sample", SAMPLES)
def test_a_format_reads_as_the_same_facts_as_markdown(
    versions: dict[tuple[str, str], Path], sample: str, fmt: str
) -> None:
    kind, nodes, edges = _facts(DOCS / sample)
    assert len(nodes) > 8
    got_kind, got_nodes, got_edges = _facts(versions[(sample, fmt)])
    assert got_kind == kind
    assert got_nodes == nodes
    assert got_edges == edges


def test_a_listing_workbook_reads_as_the_same_facts_as_its_csv(tmp_path: Path) -> None:
    from graphbuilder.ingest.delimited import read_delimited

    source = DOCS / "listing-python.csv"
    rows = read_delimited(source.read_bytes().decode("gb18030"))
    book = to_xlsx([[c[0] for c in row] for row in rows], tmp_path / "资源.xlsx")
    csv_kind, csv_nodes, csv_edges = _facts(source)
    xlsx_kind, xlsx_nodes, xlsx_edges = _facts(book)
    assert csv_kind == xlsx_kind == "resource-listing"
    assert (csv_nodes, csv_edges) == (xlsx_nodes, xlsx_edges)
    assert ("Resource", "文件读写（open、read、write）") in xlsx_nodes


def test_an_html_page_with_a_legacy_charset_is_decoded(tmp_path: Path) -> None:
    text = to_html((DOCS / "course-standard-web.md").read_text(encoding="utf-8"))
    path = tmp_path / "大纲.htm"
    path.write_bytes(text.encode("gb18030"))
    doc = read_document(path, tmp_path)
    assert (doc.kind, doc.encoding) == ("course-standard", "html/gb18030")


def test_the_kind_comes_from_content_whatever_the_name(tmp_path: Path) -> None:
    expected = {
        "plan-510203.md": "training-plan",
        "course-standard-python.txt": "course-standard",
        "listing-python.json": "resource-listing",
        "listing-python.csv": "resource-listing",
        "javascript-tutorial/chapters.yml": "textbook-nav",
        "javascript-tutorial/docs/types/general.md": "textbook",
    }
    for n, (name, kind) in enumerate(expected.items()):
        copy = tmp_path / f"file{n}.dat"
        shutil.copyfile(DOCS / name, copy)
        if name.endswith("chapters.yml"):
            shutil.copytree(
                DOCS / "javascript-tutorial" / "docs", tmp_path / "docs", dirs_exist_ok=True
            )
        assert read_document(copy, tmp_path).kind == kind, name
