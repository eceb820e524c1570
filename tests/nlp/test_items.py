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
