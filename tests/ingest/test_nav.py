"""Tables of contents: chapters.yml, mkdocs.yml, SUMMARY.md."""

from __future__ import annotations

from pathlib import Path

from graphbuilder.ingest.nav import is_nav, read_nav

from .conftest import FIXTURES
from .spans import assert_spans

BOOK = FIXTURES / "docs" / "javascript-tutorial"


def _shown(sections: list) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    return [(s.kind, s.key, s.attrs.get("part", "")) for s in sections]


def test_chapters_yml_resolves_chapter_files_under_docs() -> None:
    path = BOOK / "chapters.yml"
    text = path.read_text()
    sections = read_nav("d", text, path, "javascript-tutorial/chapters.yml")
    assert_spans(sections, text)
    assert _shown(sections) == [
        ("book", "javascript-tutorial", ""),
        ("part", "1", ""),
        ("chapter", "javascript-tutorial/docs/basic/introduction.md", "1"),
        ("part", "2", ""),
        ("chapter", "javascript-tutorial/docs/types/general.md", "2"),
        ("chapter", "javascript-tutorial/docs/types/null-undefined-boolean.md", "2"),
    ]
    assert {s.attrs.get("exists") for s in sections if s.kind == "chapter"} == {"true"}
    assert sections[-1].attrs["ordinal"] == "2"


def test_mkdocs_yml_with_python_tags_and_nesting(tmp_path: Path) -> None:
    text = (
        "site_name: Python 程序设计\n"
        "markdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "nav:\n  - 前言: index.md\n  - 基础:\n"
        "    - 变量: basics/variables.md\n    - 函数: basics/functions.md\n"
    )
    (tmp_path / "docs" / "basics").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# 前言\n")
    path = tmp_path / "mkdocs.yml"
    path.write_text(text)
    assert is_nav(text)
    sections = read_nav("d", text, path, "mkdocs.yml")
    assert_spans(sections, text)
    assert sections[0].attrs == {"title": "Python 程序设计", "source": "nav"}
    assert [(s.kind, s.key, s.attrs.get("exists", "")) for s in sections[1:]] == [
        ("chapter", "docs/index.md", "true"),
        ("part", "1", ""),
        ("chapter", "docs/basics/variables.md", "false"),
        ("chapter", "docs/basics/functions.md", "false"),
    ]


def test_summary_md(tmp_path: Path) -> None:
    text = (
        "# Summary\n\n* [导论](intro.md)\n* [基础](basics/README.md)\n"
        "  * [变量](basics/vars.md)\n  * [函数](basics/funcs.md)\n"
    )
    path = tmp_path / "SUMMARY.md"
    assert is_nav(text)
    sections = read_nav("d", text, path, "book/SUMMARY.md")
    assert [(s.kind, s.key) for s in sections[1:]] == [
        ("chapter", "book/intro.md"),
        ("part", "1"),
        ("chapter", "book/basics/README.md"),
        ("chapter", "book/basics/vars.md"),
        ("chapter", "book/basics/funcs.md"),
    ]


def test_yaml_that_is_not_a_contents() -> None:
    assert not is_nav("- a: 1\n- b: 2\n")
    assert not is_nav("- basic/: 入门篇\n- basic/x.md: [unclosed\n")
