from __future__ import annotations

import pytest

from graphbuilder.nlp.items import is_conjunction, parse_item
from graphbuilder.nlp.lexicon import load_skill_lexicon


@pytest.mark.parametrize(
    ("text", "verb_first", "expected"),
    [
        ("数据库管理", False, ("管理", "数据库")),
        ("网络综合布线设计与实施", False, ("设计与实施", "网络综合布线")),
        ("茶资源综合利用", False, ("综合利用", "茶资源")),
        ("设备安装调试", False, ("安装调试", "设备")),
        ("生产管理", False, ("管理", "生产")),
        ("网络安全管理", False, ("管理", "网络安全")),
        ("安全生产", False, ("安全生产", "")),
        ("终身学习", False, ("终身学习", "")),
        ("识读工程图纸", True, ("识读", "工程图纸")),
        ("正确识读工程图纸", True, ("识读", "工程图纸")),
        ("制订和实施方案", True, ("制订和实施", "方案")),
        ("控制系统设计", False, ("设计", "控制系统")),
        ("化妆品配制", False, ("配制", "化妆品")),
        ("办理社会保险登记", False, ("办理", "社会保险登记")),
        ("调查问卷发放", False, ("发放", "调查问卷")),
        ("对设备进行故障诊断", False, ("诊断", "设备故障")),
        ("进行密码管理", True, ("管理", "密码")),
        ("从事监理工作", False, ("监理", "")),
        ("将钢水放入连铸机中间罐", True, ("放入", "钢水")),
        ("将塑料等材料制成笔头", True, ("制成", "笔头")),
        ("质量", False, ("", "质量")),
    ],
)
def test_action_and_object(text: str, verb_first: bool, expected: tuple[str, str]) -> None:
    item = parse_item(text, 0, len(text), load_skill_lexicon(), verb_first=verb_first)
    assert (item.action, item.obj) == expected
    assert 0 <= item.start < item.end == len(text)


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("设计与实施", 2, "与"),
        ("参与设计", 1, ""),
        ("及时处理", 0, ""),
        ("沟通协调和合作", 4, "和"),
    ],
)
def test_conjunctions_inside_words_are_not_conjunctions(text: str, at: int, expected: str) -> None:
    assert is_conjunction(text, at, load_skill_lexicon()) == expected


@pytest.mark.parametrize(
    ("text", "verb_first", "expected"),
    [
        ("婴幼儿需求识别与回应", False, ("识别与回应", "婴幼儿需求")),
        ("组织开展保育活动", False, ("组织开展", "保育活动")),
        ("应用程序辅助开发", False, ("辅助开发", "应用程序")),
        ("常用测试技术应用", False, ("应用", "测试技术")),
        # …but a verb-first item keeps 测试 as its action when it opens a phrase.
        ("测试线路性能", True, ("测试", "线路性能")),
        ("对新业务场景提出解决方案", True, ("提出", "解决方案")),
        ("对种子田间检验项目规范检查", False, ("检查", "种子田间检验项目")),
        ("对讲机维护", True, ("维护", "对讲机")),
        ("将毛毡和塑料等材料制成记号笔笔头", True, ("制成", "记号笔笔头")),
    ],
)
def test_fixed_items(text: str, verb_first: bool, expected: tuple[str, str]) -> None:
    item = parse_item(text, 0, len(text), load_skill_lexicon(), verb_first=verb_first)
    assert (item.action, item.obj) == expected
