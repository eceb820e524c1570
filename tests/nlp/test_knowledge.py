from __future__ import annotations

import pytest

from graphbuilder.nlp.knowledge import find_knowledge, goal_knowledge
from graphbuilder.nlp.lexicon import load_skill_lexicon

GOAL = (
    "本专业培养德智体美劳全面发展，掌握扎实的科学文化基础和计算机网络、程序设计、"
    "网络操作系统及相关法律法规等知识，具备网络搭建能力。"
)


def test_goal_knowledge_drops_the_boilerplate_and_splits_及相关() -> None:
    items = goal_knowledge(GOAL)
    assert [k.text for k in items] == ["计算机网络", "程序设计", "网络操作系统", "法律法规"]
    assert {k.level for k in items} == {"掌握"}
    for k in items:
        assert GOAL[k.start : k.end] == k.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("熟悉电气安全操作规程、消防法规；", ["电气安全操作规程", "消防法规"]),
        ("了解与本专业从事职业活动相关的国家法律、行业规定", ["国家法律", "行业规定"]),
        ("具有数据库管理能力", []),
        ("", []),
    ],
)
def test_knowledge_clauses(text: str, expected: list[str]) -> None:
    assert [k.text for k in find_knowledge(text, load_skill_lexicon())] == expected
