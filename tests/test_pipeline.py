from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.compare import graph_diff, to_isomorphic

from graphbuilder import stages
from graphbuilder.export.turtle import export_turtle
from graphbuilder.pipeline import BuildSummary, build
from graphbuilder.store.oxigraph import OxigraphStore
from graphbuilder.store.validate import validate_store

BASE = "https://w3id.org/graphbuilder/id/"
EXPECTED = Path(__file__).parent / "fixtures" / "expected" / "fixture-corpus.nt"
BAD = Path(__file__).parent / "fixtures" / "bad"


@pytest.fixture(autouse=True)
def _documents_only(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """These tests are about the documents' graphs; derived stages have their own tests."""
    monkeypatch.setattr(stages, "DERIVED_STAGES", [])
    monkeypatch.setattr("graphbuilder.pipeline.DERIVED_STAGES", [])
    yield


def _graph(store_dir: Path) -> Graph:
    store = OxigraphStore(store_dir, BASE, read_only=True)
    return Graph().parse(data=store.sorted_ntriples().decode(), format="nt")


def _doc_graphs(store_dir: Path) -> dict[str, set[str]]:
    """Each document's graph as a set of N-Triples lines, by document path."""
    store = OxigraphStore(store_dir, BASE, read_only=True)
    out = {}
    for rec in store.documents().values():
        g = store.graph_name(rec.doc_id, rec.fingerprint)
        out[rec.path] = {str(q) for q in store.raw.quads_for_pattern(None, None, None, g)}
    return out


def test_fixture_corpus_builds_the_expected_graph(fixture_corpus: Path, tmp_path: Path) -> None:
    summary = build([fixture_corpus], tmp_path / "store")
    assert summary.failed == []
    got = to_isomorphic(_graph(tmp_path / "store"))
    expected = to_isomorphic(Graph().parse(EXPECTED, format="nt"))
    if got != expected:
        _, only_expected, only_got = graph_diff(expected, got)
        lines = sorted(only_expected.serialize(format="nt").splitlines())[:20]
        lines += ["---", *sorted(only_got.serialize(format="nt").splitlines())[:20]]
        pytest.fail("graph differs from tests/fixtures/expected:\n" + "\n".join(lines))


def test_two_builds_export_identical_turtle(fixture_corpus: Path, tmp_path: Path) -> None:
    outs = []
    for name in ("a", "b"):
        build([fixture_corpus], tmp_path / name)
        out = tmp_path / f"{name}.ttl"
        export_turtle(OxigraphStore(tmp_path / name, BASE, read_only=True), out)
        outs.append(out.read_bytes())
    assert outs[0] == outs[1]
    assert len(outs[0]) > 10_000


def test_rebuild_of_an_unchanged_corpus_changes_nothing(
    fixture_corpus: Path, tmp_path: Path
) -> None:
    build([fixture_corpus], tmp_path / "s")
    before = _doc_graphs(tmp_path / "s")
    again = build([fixture_corpus], tmp_path / "s")
    assert again.count("unchanged") == len(before) and again.count("built") == 0
    assert _doc_graphs(tmp_path / "s") == before


def test_incremental_rebuild_replaces_exactly_one_documents_graph(
    fixture_corpus: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(fixture_corpus, corpus)
    build([corpus], tmp_path / "s")
    before = _doc_graphs(tmp_path / "s")
    (changed,) = corpus.glob("moe/occupations/*.md")
    text = changed.read_text(encoding="utf-8")
    # One task line edited: the occupation dictionary's graph, and only it, is rebuilt.
    assert "进行数据库逻辑设计;" in text
    changed.write_text(text.replace("进行数据库逻辑设计;", "进行数据库物理设计;"), "utf-8")
    summary = build([corpus], tmp_path / "s")
    assert [o.path for o in summary.outcomes if o.status == "built"] == [
        changed.relative_to(corpus).as_posix()
    ]
    after = _doc_graphs(tmp_path / "s")
    assert set(after) == set(before)
    differing = [path for path in before if before[path] != after[path]]
    assert differing == [changed.relative_to(corpus).as_posix()]


def test_a_changed_catalogue_re_extracts_the_standards_that_use_it(
    fixture_corpus: Path, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(fixture_corpus, corpus)
    build([corpus], tmp_path / "s")
    catalogue = next(corpus.glob("moe/*目录*.xlsx"))
    from openpyxl import load_workbook

    wb = load_workbook(catalogue)
    ws = wb.worksheets[0]
    ws.cell(row=ws.max_row, column=8, value="测试备注")
    wb.save(catalogue)
    summary = build([corpus], tmp_path / "s")
    rebuilt = {o.kind for o in summary.outcomes if o.status == "built"}
    assert rebuilt == {"major-catalogue", "moe-standard"}


def test_removed_document_is_pruned_unless_kept(fixture_corpus: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(fixture_corpus, corpus)
    build([corpus], tmp_path / "s")
    onet = next(corpus.glob("onet/*"))
    onet.rename(tmp_path / onet.name)
    kept = build([corpus], tmp_path / "s", prune=False)
    assert kept.count("removed") == 0
    pruned = build([corpus], tmp_path / "s")
    assert [o.kind for o in pruned.outcomes if o.status == "removed"] == ["onet-technology"]


def _bad_corpus(fixture_corpus: Path, tmp_path: Path) -> Path:
    corpus = tmp_path / "bad-corpus"
    shutil.copytree(fixture_corpus, corpus)
    shutil.copytree(BAD, corpus / "bad")
    return corpus


def test_bad_files_are_reported_by_name_and_the_rest_builds_as_alone(
    fixture_corpus: Path, tmp_path: Path
) -> None:
    summary: BuildSummary = build([_bad_corpus(fixture_corpus, tmp_path)], tmp_path / "s")
    failed = {o.path: o.reason for o in summary.failed}
    for name in ("binary.md", "empty.md", "truncated.xlsx", "unrelated.txt", "whitespace.md"):
        assert f"bad/{name}" in failed, name
        assert failed[f"bad/{name}"], name
    # GBK, UTF-16 and BOM copies of a standards excerpt are read, not rejected.
    encodings = {o.path for o in summary.outcomes if o.status == "built"}
    assert {"bad/gbk-standard.md", "bad/utf16-standard.md"} <= encodings
    alone = build([fixture_corpus], tmp_path / "alone")
    assert alone.failed == []
    build_id = URIRef("https://w3id.org/graphbuilder/ontology#buildId")
    good = {t for t in _graph(tmp_path / "alone") if t[1] != build_id}
    mixed = {t for t in _graph(tmp_path / "s") if t[1] != build_id}
    # Every fact of the clean corpus is in the mixed build (the re-encoded copies add
    # their own document records and statements); only the build id, which names the
    # set of inputs, differs.
    assert not good - mixed


def test_a_built_store_validates_and_a_broken_one_does_not(
    fixture_corpus: Path, tmp_path: Path
) -> None:
    build([fixture_corpus], tmp_path / "s")
    store = OxigraphStore(tmp_path / "s", BASE)
    assert validate_store(store).conforms
    # Break it: remove every major's level.
    store.raw.update(
        "DELETE { GRAPH ?g { ?m <https://w3id.org/graphbuilder/ontology#level> ?l } } "
        "WHERE { GRAPH ?g { ?m <https://w3id.org/graphbuilder/ontology#level> ?l } }"
    )
    report = validate_store(store)
    assert not report.conforms
    assert any("level" in v.path for v in report.violations)
