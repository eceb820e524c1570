from __future__ import annotations

import re
from pathlib import Path

import pytest

from graphbuilder.errors import InputError
from graphbuilder.nlp.lexicon import DATA_DIR, LEVELS, load_skill_lexicon


def test_shipped_lexicon_loads_with_every_level() -> None:
    lex = load_skill_lexicon()
    assert {"管理", "设计", "实施", "调试"} <= lex.actions
    assert set(lex.levels.values()) == set(LEVELS)
    assert lex.levels["具有"] == "具备" and lex.levels["能"] == "能够"
    assert "正确" in lex.manner and "终身" not in lex.manner


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [("网络操作系统管理", 8, "管理"), ("安装调试", 4, "调试"), ("质量", 2, ""), ("", 0, "")],
)
def test_longest_action_ending_at(text: str, end: int, expected: str) -> None:
    assert load_skill_lexicon().ending(text, end, "actions") == expected


def _copy(tmp_path: Path, name: str, text: str) -> Path:
    for f in DATA_DIR.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("cues.tsv", "# c\nlevel\t具有\n", "cues.tsv:2"),
        ("cues.tsv", "level\t精通\t精通\n", "cues.tsv:1"),
        ("cues.tsv", "colour\t红\n", "cues.tsv:1"),
        ("modifiers.tsv", "正确\tsuffix\n", "modifiers.tsv:1"),
        ("actions.txt", "管理\n管\n", "actions.txt:2"),
    ],
)
def test_a_malformed_line_is_reported_with_file_and_line(
    tmp_path: Path, name: str, text: str, where: str
) -> None:
    with pytest.raises(InputError, match=re.escape(where)):
        load_skill_lexicon(_copy(tmp_path, name, text))


def test_the_fingerprint_follows_the_files(tmp_path: Path) -> None:
    shipped = load_skill_lexicon()
    actions = (DATA_DIR / "actions.txt").read_text(encoding="utf-8") + "试飞\n"
    changed = load_skill_lexicon(_copy(tmp_path, "actions.txt", actions))
    assert "试飞" in changed.actions
    assert changed.fingerprint != shipped.fingerprint
