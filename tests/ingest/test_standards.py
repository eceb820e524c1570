"""The 专业教学标准 reader, on the fixture excerpt and on real snippets of OCR defects."""

from __future__ import annotations

from collections import Counter

from graphbuilder.ingest.standards import read_standard
from graphbuilder.model.records import Document, Section

from .spans import assert_spans


def by_kind(sections: list[Section], kind: str, key: str | None = None) -> list[Section]:
    return [s for s in sections if s.kind == kind and (key is None or s.key == key)]


def test_fixture_counts(standard: tuple[Document, str]) -> None:
    doc, _ = standard
    assert doc.kind == "moe-standard"
    assert doc.encoding == "utf-8"
    counts = Counter((s.key, s.kind) for s in doc.sections)
    for key, abilities in (("510201", 6), ("510202", 7), ("510203", 6)):
        assert counts[key, "major"] == 1
        assert counts[key, "ability"] == abilities
        assert counts[key, "certificate"] == 2
        assert counts[key, "continuation"] == 2
        for kind in ("occupation_orientation", "training_goal", "foundation_courses"):
            assert counts[key, kind] == 1
        assert counts[key, "core_courses"] == counts[key, "practice"] == 1
    assert {s.kind for s in doc.sections} <= {
        "major",
        "occupation_orientation",
        "training_goal",
        "ability",
        "foundation_courses",
        "core_courses",
        "practice",
        "certificate",
        "continuation",
    }


def test_fixture_major_fields(standard: tuple[Document, str]) -> None:
    doc, source = standard
    major = by_kind(list(doc.sections), "major", "510201")[0]
    assert major.text == "计算机应用技术"
    assert dict(major.attrs) == {
        "code": "510201",
        "code_suffix": "",
        "name": "计算机应用技术",
        "years": "三年",
        "level_title": "",
        "category_code": "51",
        "category": "",  # the 大类 heading is only in the first file of a 大类
        "subcategory_code": "5102",
        "subcategory": "计算机类",
    }
    assert source[major.start : major.end] == "计算机应用技术"


def test_fixture_field_values(standard: tuple[Document, str]) -> None:
    sections = list(standard[0].sections)
    abilities = by_kind(sections, "ability", "510201")
    assert [a.attrs["n"] for a in abilities] == ["1", "2", "3", "4", "5", "6"]
    assert abilities[0].text == "具备数据库应用、前端开发等程序设计能力；"
    assert abilities[5].text == "具有探究学习、终身学习和可持续发展的能力。"
    foundation = by_kind(sections, "foundation_courses", "510202")[0]
    assert foundation.text.startswith("计算机网络基础、程序设计基础、Windows Server 操作系统、")
    core = by_kind(sections, "core_courses", "510203")[0]
    assert core.text == (
        "面向对象程序设计、数据结构、软件建模与设计、网站开发技术、企业级项目开发、软件测试。"
    )
    practice = by_kind(sections, "practice", "510201")[0]
    assert practice.text.startswith("对接真实职业场景或工作情境")
    goal = by_kind(sections, "training_goal", "510203")[0]
    assert goal.text.startswith("本专业培养德智体美劳全面发展")
    orientation = by_kind(sections, "occupation_orientation", "510203")[0]
    assert orientation.text.startswith("面向计算机程序设计员、计算机软件测试员")


def test_fixture_glued_heading_is_split_off(standard: tuple[Document, str]) -> None:
    # 510201: "职业技能等级证书：Web 前端开发、…、智能计算平台应用开发接续专业举例"
    sections = list(standard[0].sections)
    certificates = [(s.attrs["type"], s.text) for s in by_kind(sections, "certificate", "510201")]
    assert certificates == [
        ("职业资格证书", "计算机技术与软件专业技术资格"),
        ("职业技能等级证书", "Web 前端开发、网络系统建设与运维、智能计算平台应用开发"),
    ]
    continuations = [
        (s.attrs["label"], s.text) for s in by_kind(sections, "continuation", "510201")
    ]
    assert continuations == [
        ("接续高职本科专业举例", "计算机应用工程、网络工程技术、软件工程技术、大数据工程技术"),
        ("接续普通本科专业举例", "计算机科学与技术、网络工程、软件工程、数据科学与大数据技术"),
    ]


def test_fixture_spans(standard: tuple[Document, str]) -> None:
    doc, source = standard
    assert_spans(doc.sections, source)


# Real lines from 2101农业类.md (majors 210103–210105), cut to one line per block: the
# 专业代码 of 210104 is lost, a heading lacks its "#", the first file of a level has titles.
ORPHAN = """# 高等职业教育本科专业简介

# 21 农林牧渔大类

# 2101 农业类

专业代码 210103

专业名称 智慧农业技术

基本修业年限 四年

# 职业面向

面向农业技术指导人员等职业，智慧农业生产、智慧农业管理、农机装备智能化应用、智慧农产品安全等岗位（群）。

# 培养目标定位

本专业培养德智体美劳全面发展，掌握扎实的科学文化基础和生物化学、植物生理、农业信息技术及农业智能控制等知识，具备作物数字化生产与管理、农业智能装备应用、

农业信息采集与处理等能力，具有工匠精神和信息素养。

# 接续专业举例

接续专业硕士学位授予领域举例：农业

# 职业面向

面向园艺技术人员等职业，设施园艺作物生产、种子种苗繁育、园艺设施使用与管护、园艺企业经营与管理等岗位（群）。

# 主要专业课程与实习实训

专业基础课程：植物与植物生理、植物遗传基础、土壤与肥料、农业气象、园艺生物技术、田间试验与统计分析、农业微生物、园艺机械、数字农业技术。

职业类证书举例

职业技能等级证书：设施蔬菜生产、植保无人飞机应用

接续专业举例

接续专业硕士学位授予领域举例：农业

接续硕士学位二级学科举例：园艺学

专业代码 210105

专业名称 现代农业经营与管理

基本修业年限 四年

# 职业面向

面向农业经理人等职业。
"""


def test_headerless_major_gets_the_code_between_its_neighbours() -> None:
    sections = read_standard("d", ORPHAN)
    assert [s.key for s in by_kind(sections, "major")] == ["210103", "210105"]
    orphan = [s for s in sections if s.key == "210104"]
    assert [s.kind for s in orphan] == [
        "occupation_orientation",
        "foundation_courses",
        "certificate",
        "continuation",
        "continuation",
    ]
    assert all(s.attrs["key_inferred"] == "true" for s in orphan)
    assert orphan[0].text.startswith("面向园艺技术人员等职业")
    assert [s.attrs["label"] for s in orphan[3:]] == [
        "接续专业硕士学位授予领域举例",
        "接续硕士学位二级学科举例",
    ]
    assert not any("key_inferred" in s.attrs for s in sections if s.key != "210104")
    assert_spans(sections, ORPHAN)


def test_level_title_category_and_split_line() -> None:
    sections = read_standard("d", ORPHAN)
    major = by_kind(sections, "major", "210103")[0]
    assert major.attrs["level_title"] == "高等职业教育本科专业简介"
    assert (major.attrs["category"], major.attrs["subcategory"]) == ("农林牧渔大类", "农业类")
    goal = by_kind(sections, "training_goal", "210103")[0]
    assert "农业智能装备应用、农业信息采集与处理等能力" in goal.text
    start, end = goal.span(goal.text.index("农业信息采集"), goal.text.index("农业信息采集") + 6)
    assert ORPHAN[start:end] == "农业信息采集"


def test_continuation_lines_of_a_numbered_statement_are_joined() -> None:
    source = (  # 2102林业类.md 210201, items 9 and 10
        "专业代码 210201\n\n专业名称 智慧林业技术\n\n# 主要专业能力要求\n\n"
        "9. 具有良好的语言文字表达、人际交往和沟通协调能力，具有独立获取知识、调\n\n"
        "查研究与决策、组织管理以及社会适应的能力；  \n"
        "10. 具有探究学习、终身学习和可持续发展的能力。\n"
    )
    abilities = by_kind(read_standard("d", source), "ability")
    assert [(a.attrs["n"], a.text) for a in abilities] == [
        (
            "9",
            "具有良好的语言文字表达、人际交往和沟通协调能力，具有独立获取知识、调查研究与决策、"
            "组织管理以及社会适应的能力；",
        ),
        ("10", "具有探究学习、终身学习和可持续发展的能力。"),
    ]
    assert_spans(abilities, source)


def test_numbering_variants() -> None:
    source = (  # 2601 uses "7．", 2305 uses "3 " without a dot
        "专业代码 260101\n\n# 主要专业能力要求\n\n"
        "7．具有适应先进制造产业数字化发展需求的专业信息技术能力和基本数字化技能;  \n"
        "3 具有储能电池系统设计、开发、改进及创新的能力；  \n"
    )
    abilities = by_kind(read_standard("d", source), "ability")
    assert [a.attrs["n"] for a in abilities] == ["7", "3"]
    assert abilities[1].text == "具有储能电池系统设计、开发、改进及创新的能力；"


def test_label_variants_are_normalised_and_kept_raw() -> None:
    source = (
        "专业代码 420103\n\n# 职业类证书举例\n\n暂无\n\n# 接续专业举例\n\n"
        "持续高职本科专业举例：资源勘查工程技术、环境地质工程\n\n"  # 4201资源勘查类.md
        "接续高职本科专业专业举例：暂无\n\n"  # 7504文化服务类.md
        "专业代码 300104\n\n# 职业类证书举例\n\n"
        "职业技术等级证书：轨道交通车辆检修、轨道交通电气设备装调\n\n"  # 3001铁道运输类.md
        "专业代码 690204\n\n# 主要专业课程与实习实训\n\n"  # 6902 药品与医疗器械类.md
        "专业核心课程（药品检验方向）：药物分析技术、药品生物检定技术。\n"
    )
    sections = read_standard("d", source)
    continuation = by_kind(sections, "continuation")
    assert [(s.attrs["label"], s.attrs["label_raw"]) for s in continuation] == [
        ("接续高职本科专业举例", "持续高职本科专业举例")
    ]
    certificate = by_kind(sections, "certificate")[0]
    assert (certificate.key, certificate.attrs["type"]) == ("300104", "职业技能等级证书")
    assert certificate.attrs["label_raw"] == "职业技术等级证书"
    core = by_kind(sections, "core_courses")[0]
    assert core.attrs["label"] == "专业核心课程（药品检验方向）"
    assert core.text == "药物分析技术、药品生物检定技术。"


def test_omitted_content_and_controlled_codes() -> None:
    source = (  # 3802公安技术类.md, 5201临床医学类.md
        "# 3802 公安技术类\n\n专业代码 380201\n\n专业名称 刑事科学技术\n\n（略）\n\n"
        "专业代码 520101K\n\n专业名称 临床医学\n\n专业修业年限 三年\n"
    )
    sections = read_standard("d", source)
    assert [(s.kind, s.key, s.text) for s in sections] == [
        ("major", "380201", "刑事科学技术"),
        ("major", "520101", "临床医学"),
    ]
    assert sections[1].attrs["code_suffix"] == "K"
    assert sections[1].attrs["years"] == "三年"


def test_a_major_whose_name_line_is_lost_is_still_a_major() -> None:
    source = "专业代码 210101\n\n基本修业年限 四年\n\n# 职业面向\n\n面向农业技术员等职业。\n"
    major, orientation = read_standard("d", source)
    assert (major.kind, major.key, major.text, major.attrs["name"]) == (
        "major",
        "210101",
        "210101",
        "",
    )
    assert (orientation.kind, orientation.key) == ("occupation_orientation", "210101")
