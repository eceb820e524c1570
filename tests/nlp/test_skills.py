from __future__ import annotations

from pathlib import Path

import pytest

from graphbuilder.eval.skills import score_splits
from graphbuilder.nlp.lexicon import load_skill_lexicon
from graphbuilder.nlp.skills import STATEMENT_CACHE, split_statement

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


@pytest.mark.parametrize(
    ("text", "verbal", "expected"),
    [
        # 回应 is an action: 识别与回应 joins two.
        (
            "具有婴幼儿需求识别与回应、组织开展保育活动的能力；",
            False,
            [("识别与回应", "婴幼儿需求"), ("组织开展", "保育活动")],
        ),
        # 组织实施 is one action.
        (
            "具有组织实施庭审和强制执行警务保障的能力；",
            False,
            [("组织实施", "庭审"), ("保障", "强制执行警务")],
        ),
        # 对X、Y进行A和B: every target takes every action phrase after the light verb.
        (
            "具有对城市轨道交通信号基础设备、联锁设备进行安装维护和故障分析处理的能力；",
            False,
            [
                ("安装维护", "城市轨道交通信号基础设备"),
                ("分析处理", "城市轨道交通信号基础设备故障"),
                ("安装维护", "联锁设备"),
                ("分析处理", "联锁设备故障"),
            ],
        ),
        # Before a head noun in a noun-first item, 测试 names a kind of technique.
        (
            "具有工业软件测试计划制订、常用测试技术应用、测试报告编写的能力；",
            False,
            [("制订", "工业软件测试计划"), ("应用", "测试技术"), ("编写", "测试报告")],
        ),
        # Bare actions lend no action to a bare noun: 钳工 is not lifted.
        (
            "具有钳工以及起重、焊接的基本能力；",
            False,
            [("", "钳工"), ("起重", ""), ("焊接", "")],
        ),
        # 辅助 modifies the action after it…
        (
            "具有物联网样机试制、数据采集与标注、应用程序辅助开发的能力；",
            False,
            [("试制", "物联网样机"), ("采集与标注", "数据"), ("辅助开发", "应用程序")],
        ),
        # …and is the action itself when no verb follows it.
        ("辅助上级决策", True, [("辅助", "上级决策")]),
        # 制订X并组织实施: the second verb phrase is cut off, not made part of the object.
        (
            "制订质量控制措施并组织实施",
            True,
            [("制订", "质量控制措施"), ("组织实施", "")],
        ),
    ],
)
def test_fixed_ability_statements(text: str, verbal: bool, expected: list[tuple[str, str]]) -> None:
    assert _skills(text, verbal) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 能将X沉淀: 将 opens a verb phrase after the cue 能; 应用于's 于 is no object.
        (
            "能将方法论沉淀,应用于智能算法或知识体系",
            [("沉淀", "方法论"), ("应用", "智能算法或知识体系")],
        ),
        # 结合 is no action: the phrase it opens ends before the next verb.
        ("能结合业务特性设计合理的测试方案", [("设计", "测试方案")]),
        # 对X提出Y without a light verb: Y is the object.
        ("能结合人工智能技术对新业务场景提出解决方案", [("提出", "解决方案")]),
        # A light verb before a list governs it; short nouns in a row share the head noun.
        (
            "能根据标注规范和要求,完成文本、视觉、语音数据清洗",
            [("清洗", "文本数据"), ("清洗", "视觉数据"), ("清洗", "语音数据")],
        ),
        # A verb of result after 将X is the action, whatever verbs its object holds.
        (
            "能将产品功能需求转化为具体的设计和实现方案",
            [("转化为", "具体的设计和实现方案")],
        ),
    ],
)
def test_skill_standard_items(text: str, expected: list[tuple[str, str]]) -> None:
    # 国家职业技能标准 技能要求 items (4-04-05-05), read verb-first like work tasks.
    assert _skills(text, verbal=True) == expected


def test_a_light_verb_keeps_the_items_that_share_no_action() -> None:
    text = "进行织物扩幅、干湿热整理、轧光、磨毛、起绒等加工"
    assert _skills(text, verbal=True)[2:] == [("进行", "轧光"), ("进行", "磨毛"), ("进行", "起绒")]


def test_the_statement_cache_stays_bounded() -> None:
    lex = load_skill_lexicon()
    for n in range(STATEMENT_CACHE + 8):
        split_statement(f"具备第{n}号设备维护能力；", lex)
    assert split_statement.cache_info().currsize <= STATEMENT_CACHE
