from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.eval.skills import score_splits
from graphbuilder.nlp.lexicon import load_skill_lexicon
from graphbuilder.nlp.skills import split_statement

GOLD = Path(__file__).resolve().parents[1] / "fixtures" / "skills" / "gold_splits.jsonl"
ISSUE_EXAMPLE = (
    "具备网络操作系统管理、网络综合布线设计与实施、数据库管理、网站建设与管理、网络安全管理、"
    "程序设计等基本能力；"
)


def _skills(text: str, verbal: bool = False) -> list[tuple[str, str]]:
    parse = split_statement(text, load_skill_lexicon(), verbal=verbal)
    return [(s.action, s.obj) for s in parse.skills]


def test_the_issue_example_is_six_skills_at_level_具备() -> None:
    parse = split_statement(ISSUE_EXAMPLE, load_skill_lexicon())
    assert [(s.action, s.obj) for s in parse.skills] == [
        ("管理", "网络操作系统"),
        ("设计与实施", "网络综合布线"),
        ("管理", "数据库"),
        ("建设与管理", "网站"),
        ("管理", "网络安全"),
        ("设计", "程序"),
    ]
    assert {s.level for s in parse.skills} == {"具备"}
    assert [s.label for s in parse.skills][:2] == ["管理网络操作系统", "设计与实施网络综合布线"]
    for s in parse.skills:
        assert ISSUE_EXAMPLE[s.start : s.end] == s.surface


@pytest.mark.parametrize(
    ("text", "verbal", "expected"),
    [
        # A shared object before a run of verbs…
        (
            "具有地理信息数据采集、编辑、维护与建模的能力",
            False,
            [("采集", "地理信息数据"), ("编辑", "地理信息数据"), ("维护与建模", "地理信息数据")],
        ),
        # …and after one.
        (
            "制订、实施企业能源发展策略",
            True,
            [("制订", "企业能源发展策略"), ("实施", "企业能源发展策略")],
        ),
        # A shared action after a run of nouns.
        (
            "具有施工进度、质量、资料管理的能力",
            False,
            [("管理", "施工进度"), ("管理", "质量"), ("管理", "资料")],
        ),
        # Objects, 的, then actions: every pair.
        (
            "具有产品标准、法律法规的查询和执行能力",
            False,
            [("查询和执行", "产品标准"), ("查询和执行", "法律法规")],
        ),
        # 对X、Y进行…: the targets share the action.
        ("能够对病案回收、出入库进行管理", False, [("管理", "病案回收"), ("管理", "出入库")]),
        # Instruments and conditions are not the skill.
        ("具有运用信息技术进行数据分析的能力", False, [("分析", "数据")]),
        ("能够根据客户需求设计营销方案", False, [("设计", "营销方案")]),
        # Attitudes give no skill; activities of their own borrow no object.
        ("具有工匠精神和信息素养", False, []),
        (
            "具有探究学习、终身学习和可持续发展的能力",
            False,
            [("探究学习", ""), ("终身学习", ""), ("可持续发展", "")],
        ),
        # A task: verb first, tools clause skipped.
        (
            "使用专用设备,操作动态心电图仪,出具描述性报告",
            True,
            [("操作", "动态心电图仪"), ("出具", "描述性报告")],
        ),
    ],
)
def test_shared_heads_and_tails_are_distributed(
    text: str, verbal: bool, expected: list[tuple[str, str]]
) -> None:
    assert _skills(text, verbal) == expected


def test_knowledge_clauses_give_knowledge_items_with_their_level() -> None:
    text = "具有美育知识，熟悉电气安全操作规程、消防法规；"
    parse = split_statement(text, load_skill_lexicon())
    assert [(k.text, k.level) for k in parse.knowledge] == [
        ("美育", "具备"),
        ("电气安全操作规程", "熟悉"),
        ("消防法规", "熟悉"),
    ]
    for k in parse.knowledge:
        assert text[k.start : k.end] == k.text


def test_distributed_skills_keep_the_hull_of_their_evidence() -> None:
    text = "具有数据采集、编辑的能力"
    edit = split_statement(text, load_skill_lexicon()).skills[1]
    assert (edit.action, edit.obj) == ("编辑", "数据")
    assert text[edit.start : edit.end] == "数据采集、编辑"
    assert edit.confidence < split_statement(text, load_skill_lexicon()).skills[0].confidence


def test_splitting_scores_on_the_hand_labelled_statements() -> None:
    # 60 statements labelled by hand (tests/fixtures/skills/NOTICE); a regression guard.
    scores = score_splits(GOLD)
    assert scores["statements"] == 60
    assert scores["strict"]["f1"] >= 0.6
    assert scores["lenient"]["f1"] >= 0.72
