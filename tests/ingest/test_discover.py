"""discover: what is walked, what is skipped, which root each file gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.errors import InputError
from graphbuilder.ingest import discover


def touch(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")


def test_walks_recursively_in_sorted_order_and_skips(tmp_path: Path) -> None:
    touch(
        tmp_path,
        "b/2.md",
        "b/10.md",
        "a.md",
        "a/z.txt",
        ".hidden.md",
        ".git/config",
        "b/.cache/x.md",
        "NOTICE",
        "notice.txt",
        "README.md",
        "sub/Readme.rst",
        "LICENSE-CC-BY.txt",
        "sub/PROVENANCE.txt",
        "sub/report.md",
    )
    found = discover([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p, _ in found] == [
        "a/z.txt",
        "a.md",
        "b/10.md",
        "b/2.md",
        "sub/report.md",
    ]
    assert {root for _, root in found} == {tmp_path}


def test_a_file_given_directly_has_its_parent_as_root(tmp_path: Path) -> None:
    touch(tmp_path, "d/README.md", "d/x.md")
    readme = tmp_path / "d" / "README.md"
    assert discover([readme, tmp_path / "d"]) == [
        (readme, tmp_path / "d"),
        (tmp_path / "d" / "x.md", tmp_path / "d"),
    ]


def test_fixture_corpus_lists_its_five_files(fixture_corpus: Path) -> None:
    found = [p.relative_to(fixture_corpus).as_posix() for p, _ in discover([fixture_corpus])]
    assert found == [
        "moe/occupations/class_2_4_excerpt.md",
        "moe/standards/5102计算机类.md",
        "moe/专业-职业对照表.xlsx",
        "moe/职业教育专业目录.xlsx",
        "onet/Technology Skills.txt",
    ]


def test_a_missing_source_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        discover([tmp_path / "nowhere"])
