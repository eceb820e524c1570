from __future__ import annotations

import pytest

from graphbuilder.nlp.clauses import split_clauses
from graphbuilder.nlp.lexicon import load_skill_lexicon


def _clauses(text: str) -> list[tuple[str, str, str]]:
    return [
        (text[c.body_start : c.body_end], c.level, c.kind)
        for c in split_clauses(text, load_skill_lexicon())
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("具备数据库管理、程序设计等基本能力；", [("数据库管理、程序设计", "具备", "skill")]),
        # The cue carries over; the first clause takes its kind from the tail of the next.
        (
            "具有制订技术标准，管理运输安全的能力；",
            [("制订技术标准", "具备", "skill"), ("管理运输安全", "具备", "skill")],
        ),
        ("熟悉电气安全操作规程；", [("电气安全操作规程", "熟悉", "knowledge")]),
        ("能够熟练掌握国家法律、行业规定", [("国家法律、行业规定", "熟练", "knowledge")]),
        ("掌握PLC编程", [("PLC编程", "掌握", "skill")]),
        ("能运用信息技术完成数据处理", [("运用信息技术完成数据处理", "能够", "verbal")]),
        ("具有工匠精神和信息素养。", [("工匠精神和信息", "具备", "attitude")]),
        ("具有质量、环保的意识和能力", [("质量、环保", "具备", "attitude")]),
        ("具有表达能力和沟通能力", [("表达", "具备", "skill"), ("沟通", "具备", "skill")]),
        ("具有伴奏、合奏、合唱等协作能力", [("伴奏、合奏、合唱", "具备", "skill")]),
        # 会计 and 能源 are nouns, not the cues 会 and 能.
        ("会计核算能力", [("会计核算", "", "skill")]),
    ],
)
def test_clause_bodies_levels_and_kinds(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _clauses(text) == expected


def test_brackets_do_not_cut_clauses() -> None:
    text = "具有3S（GIS，RS，GPS）技术应用能力"
    assert _clauses(text) == [("3S（GIS，RS，GPS）技术应用", "具备", "skill")]


def test_能_before_将_is_a_cue() -> None:
    # 将 opens a verb phrase as 对 does, so 能 is the cue 能够, not part of a noun.
    assert _clauses("能将方法论沉淀") == [("将方法论沉淀", "能够", "verbal")]
