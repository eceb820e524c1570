"""The 职业分类大典 readers: the 2022 text and the 2025 additions summary."""

from __future__ import annotations

from collections import Counter

from graphbuilder.ingest.occupations import read_occupations
from graphbuilder.ingest.occupations_new import read_new_occupations
from graphbuilder.model.records import Document, Section

from .spans import assert_spans

TASKS = {
    "2-02-30-09": 8,
    "2-02-38-03": 7,
    "2-02-10-01": 8,
    "2-02-10-04": 8,
    "2-02-38-04": 6,
    "4-04-04-01": 7,
    "4-04-04-02": 8,
    "2-02-10-03": 8,
}


def of(sections: list[Section] | tuple[Section, ...], kind: str, key: str) -> list[Section]:
    return [s for s in sections if s.kind == kind and s.key == key]


def test_fixture_counts(dictionary: tuple[Document, str]) -> None:
    doc, _ = dictionary
    assert doc.kind == "occupation-dictionary"
    counts = Counter((s.kind, s.key) for s in doc.sections)
    assert {k for kind, k in counts if kind == "occupation"} == set(TASKS)
    for code, tasks in TASKS.items():
        assert counts["occupation", code] == counts["occupation_definition", code] == 1
        assert counts["task", code] == tasks


def test_fixture_fields(dictionary: tuple[Document, str]) -> None:
    sections = list(dictionary[0].sections)
    occupation = of(sections, "occupation", "2-02-10-04")[0]
    assert occupation.text == "计算机网络工程技术人员"
    assert dict(occupation.attrs) == {
        "code": "2-02-10-04",
        "name": "计算机网络工程技术人员",
        "marker": "S",  # glued to the name in the source: "计算机网络工程技术人员S"
        "secondary": "false",
        "group_code": "",
        "group": "",
    }
    definition = of(sections, "occupation_definition", "2-02-10-04")[0]
    assert definition.text == (
        "从事互联网等计算机网络研究、设计、安装、集成、调试、维护、管理和服务的工程技术人员。"
    )
    tasks = of(sections, "task", "2-02-10-04")
    assert [t.attrs["n"] for t in tasks] == [str(n) for n in range(1, 9)]
    assert tasks[0].text == "研究、应用计算机网络技术、体系结构、协议和标准"
    assert tasks[-1].text == "提供计算机网络系统技术咨询和技术支持"


def test_fixture_task_split_over_a_blank_line(dictionary: tuple[Document, str]) -> None:
    doc, source = dictionary
    task = of(list(doc.sections), "task", "2-02-38-03")[0]
    assert task.text == "研究和开发大数据采集、清洗、存储及管理、分析及挖掘、展现及应用等有关技术"
    i = task.text.index("存储")
    start, end = task.span(i, i + 2)
    assert source[start] == "存" and source[end - 1] == "储"
    assert "\n\n" in source[start:end]


def test_fixture_subtypes_are_not_tasks(dictionary: tuple[Document, str]) -> None:
    tasks = of(list(dictionary[0].sections), "task", "4-04-04-01")
    assert tasks[-1].text == "演练、实施通信网络的应急通信保障预案"
    assert not any("管理员" in t.text and "互联网网络" in t.text for t in tasks)


def test_fixture_spans(dictionary: tuple[Document, str]) -> None:
    doc, source = dictionary
    assert_spans(doc.sections, source)


# Real lines from class_6 and class_4 (cut): a 小类 header with its name, a list of occupations
# (not headers, one glued to its code), a task fragment the OCR marked with "#", the 工种 list,
# "主要工作任务:" glued to the definition, a marker glued to the name.
GROUP = "\n".join(
    [
        "6-01-01（GBM60101）",
        "",
        "# 粮油加工人员",
        "",
        "从事食用大米、 面粉和油脂生产及精制生产加工的人员。",
        "",
        "本小类包括下列职业:",
        "",
        "6-01-01-01 制米工",
        "",
        "6-01-01-02制粉工",
        "",
        "# 6-09-02-02 提琴吉他制作工",
        "",
        "使用木工机械、 专用设备和工具, 将木材、 金属、 塑料等材料制成提琴或吉他的人员。",
        "",
        "# 主要工作任务:",
        "",
        "干燥木材, 操作设备, 开制坯料;  ",
        "使用专用设备和工具, 制作木质、",
        "",
        "# 金属、 塑料零部件;",
        "",
        "装配和调试提琴、 吉他。",
        "",
        "本职业包含但不限于下列工种:",
        "",
        "提琴制作工 琴弓制作工 琴弦制作工吉他制作工",
        "",
        "# 4-13-02-05 电影放映员",
        "",
        "操作电影放映设备, 放映影片的人员。主要工作任务:",
        "",
        "安装、 调试放映设备;  ",
        "放映数字电影或胶片电影;  ",
        "",
        "# 4-09-03-00 水土保持员L",
        "",
        "从事水土流失防治设施的布设、 施工管理维护, 进行人为水土流失防治、 "
        "水土保持试验观测、 水土保持监测评价等工作的人员。",
        "",
    ]
)


def test_structure_of_the_real_layout() -> None:
    sections = read_occupations("d", GROUP)
    occupations = [s for s in sections if s.kind == "occupation"]
    assert [(s.key, s.text, s.attrs["marker"]) for s in occupations] == [
        ("6-09-02-02", "提琴吉他制作工", ""),
        ("4-13-02-05", "电影放映员", ""),
        ("4-09-03-00", "水土保持员", "L"),
    ]
    assert occupations[0].attrs["group_code"] == "6-01-01"
    assert occupations[0].attrs["group"] == "粮油加工人员"
    assert [t.text for t in of(sections, "task", "6-09-02-02")] == [
        "干燥木材,操作设备,开制坯料",
        "使用专用设备和工具,制作木质、金属、塑料零部件",
        "装配和调试提琴、吉他",
    ]
    definition = of(sections, "occupation_definition", "4-13-02-05")[0]
    assert definition.text == "操作电影放映设备,放映影片的人员。"
    assert [t.text for t in of(sections, "task", "4-13-02-05")] == [
        "安装、调试放映设备",
        "放映数字电影或胶片电影",
    ]
    assert_spans(sections, GROUP)


# Verbatim from class_7_2025年新增职业.md: a coded occupation with a marker and an emoji, and
# one whose code is not published yet.
NEW = "\n".join(
    [
        "## 一、19 个新职业详细信息",
        "",
        "### （五）4-04-05-13 生成式人工智能系统应用员 `S` 🔥",
        "",
        "**定义**：运用生成式人工智能技术及工具，从事生成式人工智能系统设计、调用、训练、优化、维护管理等工作的人员。",
        "",
        "**主要工作任务**：",
        "1. 设计数据输入、模型选择、输出格式等生成式人工智能系统整体架构，制定生成策略",
        "2. 设置、调整生成式人工智能系统参数，提高生成内容质量",
        "",
        "---",
        "",
        "### （四）无人机群飞行规划员 🛩️",
        "",
        "**职业编码**：待公布  ",
        "**定义**：从事无人机群飞行路线规划、飞行计划与飞行任务制订以及飞行现场管理等工作的人员。",
        "",
        "**主要工作任务**：*待官方发布*",
        "",
    ]
)


def test_new_occupations_are_secondary_and_need_a_code() -> None:
    sections = read_new_occupations("d", NEW)
    assert [(s.kind, s.key) for s in sections] == [
        ("occupation", "4-04-05-13"),
        ("occupation_definition", "4-04-05-13"),
        ("task", "4-04-05-13"),
        ("task", "4-04-05-13"),
    ]
    assert all(s.attrs["secondary"] == "true" for s in sections)
    occupation = sections[0]
    assert (occupation.text, occupation.attrs["marker"]) == ("生成式人工智能系统应用员", "S")
    assert sections[3].attrs["n"] == "2"
    assert sections[3].text == "设置、调整生成式人工智能系统参数，提高生成内容质量"
    assert_spans(sections, NEW)


def test_a_heading_that_lost_its_hash_is_told_from_a_list_entry() -> None:
    source = "\n\n".join(  # class_1: the list, then two headings without "#"
        [
            "本小类包括下列职业:",
            "中国共产党机关负责人",
            "1-01-00-01 中国共产党机关负责人",
            "在中国共产党中央和地方各级机关及其工作机构中, 担任领导职务的人员。",
            "1-01-00-02 中国共产党基层组织负责人",
            "在企业、 农村、 机关、 学校、 科研院所、 街道社区、 "
            "社会组织等基层单位中国共产党组织中, 担任领导职务的人员。",
            "# 1-02（GBM10200）",
            "本小类包括下列职业:",
            "1-02-01-00国家权力机关负责人",  # a list entry: its heading follows
            "# 1-02-01-00 国家权力机关负责人",
            "在各级人民代表大会常务委员会及其工作机构中, 担任领导职务并具有决策、 管理职权的人员。",
        ]
    )
    sections = read_occupations("d", source)
    assert [(s.kind, s.key) for s in sections] == [
        ("occupation", "1-01-00-01"),
        ("occupation_definition", "1-01-00-01"),
        ("occupation", "1-01-00-02"),
        ("occupation_definition", "1-01-00-02"),
        ("occupation", "1-02-01-00"),
        ("occupation_definition", "1-02-01-00"),
    ]
    assert sections[1].text == "在中国共产党中央和地方各级机关及其工作机构中,担任领导职务的人员。"
    assert_spans(sections, source)
