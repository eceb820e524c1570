from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.errors import InputError
from graphbuilder.nlp.technology import (
    find_technologies,
    fold,
    load_technology_lexicon,
    trie_pattern,
)

TABLE = Path(__file__).resolve().parents[1] / "fixtures" / "skills" / "technologies.csv"


def _found(text: str) -> list[tuple[str, str]]:
    lex = load_technology_lexicon(TABLE)
    return [(m.text, m.term.concept if m.term else "") for m in find_technologies(text, lex)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "熟悉可编程逻辑控制器与PLC编程",
            [
                ("可编程逻辑控制器", "onet:Programmable logic controller PLC software"),
                ("PLC编程", "onet:Programmable logic controller PLC software"),
            ],
        ),
        ("使用 S7-1200 与 TIA Portal", [("S7-1200", "cn:s7-1200"), ("TIA Portal", "")]),
        # Full width folds to half width; the span stays on the source text.
        (
            "掌握ＰＬＣ与Ｐｙｔｈｏｎ",
            [("ＰＬＣ", "onet:Programmable logic controller PLC software"), ("Ｐｙｔｈｏｎ", "")],
        ),
        ("液压与气动、5G、IPv6", [("气动", "cn:pneumatics"), ("5G", ""), ("IPv6", "")]),
        # 气动 inside 空气动力学 is no mention; pH is on the stoplist.
        ("空气动力学与pH测定", []),
        ("工业机器人技术应用", [("工业机器人技术", "cn:industrial-robot")]),
    ],
)
def test_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


def test_fold_keeps_every_offset() -> None:
    text = "Ａ　Ｂ c"
    assert fold(text) == "a b c" and len(fold(text)) == len(text)


def test_the_trie_pattern_matches_the_longest_term() -> None:
    assert trie_pattern(["数控", "数控加工", "数"]).findall("数控加工数控数") == [
        "数控加工",
        "数控",
        "数",
    ]


def test_without_a_taxonomy_only_latin_names_are_found(tmp_path: Path) -> None:
    lex = load_technology_lexicon(tmp_path / "absent.csv")
    assert [m.text for m in find_technologies("工业机器人与 Linux", lex)] == ["Linux"]


def test_a_row_without_a_concept_id_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "t.csv"
    bad.write_text("id,label_zh,label_en,alt_zh,alt_en\nrobot,机器人,,,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"t\.csv:2"):
        load_technology_lexicon(bad)


def test_a_caller_changing_its_mentions_changes_no_other_callers() -> None:
    lex = load_technology_lexicon(TABLE)
    first = find_technologies("使用 S7-1200 与 TIA Portal", lex)
    first.clear()
    assert [m.text for m in find_technologies("使用 S7-1200 与 TIA Portal", lex)] == [
        "S7-1200",
        "TIA Portal",
    ]
